// Holds: src/elements/image/gallery/panel/result.styles.ts
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderHistory, renderResult, resultStyles } from '../../../../../src/elements/image/gallery/panel/result.js';
import { iconStyles } from '../../../../../src/elements/image/shared/icons.js';
import { theme } from '../../../../../src/elements/shared/theme.js';
import type { GalleryItem } from '../../../../../src/elements/image/gallery/panel/result.js';

const item = (id: string, createdAt: number): GalleryItem => ({
  id,
  entryId: id,
  batch: id,
  url: `blob:${location.origin}/${id}`,
  prompt: `picture ${id}`,
  model: 'flux-2-pro',
  provider: 'bfl',
  width: 512,
  height: 512,
  charged: '0.03',
  createdAt,
  referable: true,
  editable: false,
  vary: '0.03', // what Vary would cost: it is offered
});
const [a, b, c] = [item('a', 1), item('b', 2), item('c', 3)];

const hosts: HTMLElement[] = [];

/** A gallery drawn into a host on the page, as the widget draws it, again and again into the same host. */
function drawn() {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const draw = (images: GalleryItem[]) =>
    render(
      renderHistory({ images, failures: [] }, () => {}),
      host,
    );
  const items = () => [...host.querySelectorAll('.tiles > li')];
  const ids = () => items().map((li) => li.querySelector<HTMLElement>('[data-action=delete]')!.dataset.id);
  return { host, draw, items, ids };
}

describe('history: each image keeps its item from one draw to the next', () => {
  afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

  it('a new image at the top is one item added; the others keep their nodes and their image', () => {
    const { draw, items, ids, host } = drawn();
    draw([b, a]);
    const [itemB, itemA] = items();
    const [imageB, imageA] = host.querySelectorAll('img');
    draw([c, b, a]);
    expect(ids()).to.deep.equal(['c', 'b', 'a']);
    expect(items().slice(1)).to.deep.equal([itemB, itemA]);
    const images = host.querySelectorAll('img');
    expect([images[1], images[2]]).to.deep.equal([imageB, imageA]);
    expect(imageB.getAttribute('src')).to.equal(b.url);
    expect(imageA.getAttribute('src')).to.equal(a.url);
  });

  it('names a download by its image’s type: a JPEG as .jpg, an image of unknown type as .png', () => {
    const { draw, host } = drawn();
    draw([{ ...b, type: 'image/jpeg', seed: 7 }, a]);
    const names = [...host.querySelectorAll('a[download]')].map((link) => link.getAttribute('download'));
    expect(names).to.deep.equal(['picture-b-seed-7.jpg', 'picture-a.png']);
  });

  it('groups the images of one submission under their prompt, said once', () => {
    const { draw, host, ids } = drawn();
    const batch = (image: GalleryItem) => ({ ...image, batch: 'one', prompt: 'two foxes' });
    draw([c, batch(b), batch(a)]);
    expect(ids()).to.deep.equal(['c', 'b', 'a']);
    const groups = [...host.querySelectorAll('[part~=gallery] > li')];
    expect(groups.map((group) => group.querySelectorAll('.tiles > li').length)).to.deep.equal([1, 2]);
    expect(groups.map((group) => group.querySelector('.group-prompt')!.textContent)).to.deep.equal([
      'picture c',
      'two foxes',
    ]);
  });

  it('a focused action stays on its own image when a new one arrives (a list without keys moved it to another)', () => {
    const { draw, host } = drawn();
    draw([b, a]);
    const vary = host.querySelector<HTMLButtonElement>('[data-action=vary][data-id=b]')!;
    vary.focus();
    draw([c, b, a]);
    expect(document.activeElement).to.equal(vary);
    expect(vary.dataset.id).to.equal('b');
    expect(vary.getAttribute('aria-label')).to.contain('picture b');
  });

  it('drops the items of removed images, keeps the order asked for, and draws changed values', () => {
    const { draw, items, ids } = drawn();
    draw([c, b, a]);
    const itemA = items()[2];
    draw([a, c]);
    expect(ids()).to.deep.equal(['a', 'c']);
    expect(items()[0]).to.equal(itemA);
    draw([{ ...c, charged: '0.25' }]);
    expect(ids()).to.deep.equal(['c']);
    expect(items()[0].textContent).to.contain('$0.25');
  });

  // A reply lost to a broken connection, answered as charged, does not blame the provider.
  it('says why a paid generation brought no image: the connection, where it broke', () => {
    const { host } = drawn();
    const failure = { model: 'flux-2-klein-4b', provider: 'bfl', at: 1, charged: '0.014', error: 'network' };
    render(
      renderHistory({ images: [], failures: [failure, { ...failure, error: 'provider-error' }] }, () => {}),
      host,
    );
    const [broken, failed] = [...host.querySelectorAll('[part~=failures] li')].map((li) => li.textContent!);
    expect(broken).to.contain('$0.014 charged. The connection broke before the image came.');
    expect(failed).to.contain('The provider charged, then could not deliver the image.');
  });

  it('shows no list without images, lets go of the last items, and shows a new list after', () => {
    const { draw, host, ids, items } = drawn();
    draw([a]);
    const [itemA] = items();
    draw([]);
    expect(host.querySelector('[part~=gallery]')).to.equal(null);
    expect(itemA.isConnected).to.equal(false);
    draw([b]);
    expect(ids()).to.deep.equal(['b']);
    expect(host.querySelector('[part~=gallery]')!.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
  });
});

describe('history: an image’s toolbar fits its tile', () => {
  afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

  for (const width of [280, 390, 1280]) {
    it(`at ${width} px: under the image, as wide as its tile at most, its menu too`, () => {
      // Drawn as the widget draws it: in a shadow root, with the panels' icons' and the gallery's styles.
      const host = document.createElement('div');
      document.body.append(host);
      hosts.push(host);
      host.style.width = `${width}px`;
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [theme, iconStyles, resultStyles].map((styles) => styles.styleSheet!);
      render(
        renderHistory({ images: [c, b, a], failures: [] }, () => {}),
        root,
      );
      for (const tile of root.querySelectorAll<HTMLElement>('.tile')) {
        const [box, toolbar] = [tile, tile.querySelector('.toolbar')!].map((node) => node.getBoundingClientRect());
        expect(toolbar.left, 'left').to.be.at.least(box.left);
        expect(toolbar.right, 'right').to.be.at.most(box.right);
        expect(toolbar.top, 'under the image').to.be.at.least(
          tile.querySelector('img')!.getBoundingClientRect().bottom,
        );
        const menu = tile.querySelector<HTMLDetailsElement>('details.menu')!;
        menu.open = true;
        const items = tile.querySelector('.menu-items')!.getBoundingClientRect();
        expect([items.left >= box.left, items.right <= box.right], 'the menu').to.deep.equal([true, true]);
        // Above the toolbar, over the image: below the last tile, the widget's paint containment would clip it.
        expect([items.top >= box.top, items.bottom <= toolbar.top], 'the menu over the image').to.deep.equal([
          true,
          true,
        ]);
        menu.open = false;
      }
    });
  }
});

describe('the latest image: Vary says its word at every width', () => {
  afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

  // On a folded phone too the word stays: "⇄ at most $0.0733" alone reads as a price beside an arrow.
  for (const width of [224, 366, 700]) {
    it(`in a widget ${width} px wide: "Vary" beside its price, the toolbar within the tile`, () => {
      const host = document.createElement('div');
      host.style.width = `${width}px`;
      document.body.append(host);
      hosts.push(host);
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [theme, iconStyles, resultStyles].map((styles) => styles.styleSheet!);
      render(
        renderResult({ images: [{ ...a, vary: 'at most $0.0733' }] }, () => {}),
        root,
      );
      const vary = root.querySelector<HTMLElement>('[data-action=vary]')!;
      expect(getComputedStyle(vary.querySelector('.word')!).display).to.not.equal('none');
      const [tile, toolbar] = [root.querySelector('.tile')!, root.querySelector('.toolbar')!].map((node) =>
        node.getBoundingClientRect(),
      );
      expect([toolbar.left >= tile.left, toolbar.right <= tile.right], 'within the tile').to.deep.equal([true, true]);
      // The price whole on one line with its word.
      const [word, price] = [vary.querySelector('.word')!, vary.querySelector('span:last-child')!];
      expect(price.getBoundingClientRect().top).to.equal(word.getBoundingClientRect().top);
    });
  }
});

describe('history: laid out by submission', () => {
  afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

  /** Each tile's box, the history drawn with the widget's styles in a widget `width` px wide. */
  function tiles(width: number, images: GalleryItem[]) {
    const host = document.createElement('div');
    host.style.cssText = `width: ${width}px; container-type: inline-size`;
    document.body.append(host);
    hosts.push(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [theme, iconStyles, resultStyles].map((styles) => styles.styleSheet!);
    render(
      renderHistory({ images, failures: [] }, () => {}),
      root,
    );
    return [...root.querySelectorAll('.tiles > li')].map((li) => li.getBoundingClientRect());
  }
  const batch = (id: string, of: string) => ({ ...item(id, 1), batch: of });

  it('on a wide widget, submissions of one or two images side by side, in the order they came', () => {
    const [first, second, third, fourth] = tiles(1200, [c, batch('p', 'pair'), batch('q', 'pair'), a]);
    expect([second.top, third.top, fourth.top]).to.deep.equal([first.top, first.top, first.top]);
    expect(first.right).to.be.below(second.left);
    expect(second.right).to.be.below(third.left);
    expect(third.right).to.be.below(fourth.left);
  });

  it('a submission of more images takes a row of its own', () => {
    const four = ['w', 'x', 'y', 'z'].map((id) => batch(id, 'four'));
    const boxes = tiles(1200, [c, ...four, a]);
    const [single, ...rest] = boxes;
    const [w, , , z, after] = rest;
    expect(w.top, 'under the single image before it').to.be.above(single.bottom);
    expect(w.left).to.equal(single.left);
    expect(z.top).to.equal(w.top);
    expect(after.top, 'the next submission under it').to.be.above(z.bottom);
  });

  it('on a phone (a 390 px screen), two columns of single images; a pair takes its row', () => {
    const [pairFirst, pairSecond, single, other] = tiles(366, [batch('p', 'pair'), batch('q', 'pair'), c, a]);
    expect(pairSecond.top).to.equal(pairFirst.top);
    expect(single.top).to.be.above(pairFirst.bottom);
    expect(other.top).to.equal(single.top);
    expect(single.right).to.be.below(other.left);
    expect(other.right).to.be.at.most(366);
  });
});

// What the gallery's actions do to the form and the focus: Vary, Reuse and Finalize bring the
// form into view, say what changed and offer Undo (pinned above Generate, in view with the form), which puts back what
// was being typed; Delete says what it deleted, with Undo, in the place the image had, the focus on that Undo; the
// focus never falls to <body> (after Delete, Undo or Dismiss).
// Holds: src/elements/image/gallery/panel/gallery-handlers.ts
// Holds: src/elements/image/price/panel/notes.ts
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { announced } from '../../../support/widget.js';
import { uniqueStorageKey } from '../../../support/sim.js';

const RUN = uniqueStorageKey();
const root = (el: UserPaysImage) => el.shadowRoot!;
const tiles = (el: UserPaysImage) => [...root(el).querySelectorAll<HTMLElement>('.tile[data-id]')];
const undoBar = (el: UserPaysImage) => root(el).querySelector<HTMLElement>('.undo');
const focused = (el: UserPaysImage) =>
  document.activeElement === el ? root(el).activeElement : document.activeElement;
/** The focus is on `node` (said in words: chai's diff of two elements of a large tree takes minutes). */
const expectFocusOn = (el: UserPaysImage, node: Element | null, what: string) =>
  expect(focused(el) === node, `the focus on ${what}, not on ${focused(el)?.outerHTML.slice(0, 80)}`).to.equal(true);

/** A widget with two submissions made: the newest is the result, the other in the history. */
async function twoImages() {
  const el = await bflWidget({ scenario: 'pending=60', run: RUN, prompt: 'first picture', apiKey: 'sim-test-key' });
  await el.generate();
  el.prompt = 'second picture';
  await el.generate();
  await waitUntil(() => tiles(el).length === 2, 'two images shown');
  return el;
}

/** A widget whose generation BFL failed: its error shown. */
async function failedWidget() {
  const el = await bflWidget({ scenario: 'fault=error', run: RUN, prompt: 'a fox', apiKey: 'sim-test-key' });
  await el.generate().catch(() => {});
  await el.updateComplete;
  return el;
}

/** Clicks an image's action, from its toolbar or its menu. */
function act(el: UserPaysImage, name: string, tile = tiles(el)[0]) {
  const menu = tile.querySelector<HTMLDetailsElement>('details.menu');
  if (menu) menu.open = true;
  tile.querySelector<HTMLElement>(`[data-action=${name}]`)!.click();
}

describe('<userpays-image>: the gallery’s actions, the form and the focus', function () {
  this.timeout(20_000);

  for (const action of ['reuse', 'finalize']) {
    it(`${action}: the form comes into view, says what changed, and Undo puts back what was being typed`, async () => {
      const el = await twoImages();
      el.prompt = 'a prompt being typed';
      el.model = 'flux-2-max';
      await el.updateComplete;
      root(el).querySelector('[part~=result]')!.scrollIntoView(); // far from the form, as on a phone
      act(el, action);
      await el.updateComplete;
      expect(el.prompt).to.equal('second picture');
      expect(undoBar(el)!.textContent).to.match(/in the form/);
      const prompt = root(el).querySelector('#prompt')!;
      expectFocusOn(el, prompt, 'the prompt');
      await waitUntil(() => {
        const box = prompt.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, 'the prompt in view');
      undoBar(el)!.querySelector('button')!.click();
      await el.updateComplete;
      expect([el.prompt, el.model]).to.deep.equal(['a prompt being typed', 'flux-2-max']);
      expect(undoBar(el)).to.equal(null);
      expectFocusOn(el, prompt, 'the prompt');
    });
  }

  for (const which of [0, 1]) {
    it(`delete (${which ? 'an earlier image' : 'the latest'}): what it deleted is said, with Undo, in its place`, async () => {
      const el = await twoImages();
      const tile = tiles(el)[which];
      const deleted = tile.dataset.id;
      // Each tile fades in scaled (its reveal): the places compared are where they rest.
      const rested = (node: Element) => Promise.all(node.getAnimations().map((animation) => animation.finished));
      await rested(tile);
      const place = tile.getBoundingClientRect();
      const top = place.top + scrollY; // in the page: the focus on Undo may scroll it
      const others = tiles(el).filter((other) => other !== tile);
      const where = (shown: Element) => (shown.closest('[part~=result]') ? 'result' : 'gallery');
      const otherPlaces = others.map(where);
      act(el, 'delete', tile);
      await waitUntil(() => undoBar(el), 'Undo offered');
      await el.updateComplete;
      const undo = undoBar(el)!;
      expect(undo.textContent).to.contain(`Deleted “${which ? 'first' : 'second'} picture” from this browser.`);
      expect(undo.closest('.gone'), 'in the place the image had').to.not.equal(null);
      expect(undo.closest('[part~=result]') !== null, 'in the result, as the image was').to.equal(!which);
      await rested(undo.closest('.gone')!);
      const box = undo.closest('.gone')!.getBoundingClientRect();
      expect(Math.abs(box.top + scrollY - top), `${box.top + scrollY} where the image was, ${top}`).to.be.below(2);
      expect(box.right > place.left && box.left < place.right, 'over the place it had').to.equal(true);
      // Nothing moved into the place of the deleted one. An earlier image deleted: the others stay where they were;
      // the latest submission deleted whole, the one before it comes up into the canvas, under what was deleted, not
      // left far below an empty canvas.
      expect(tiles(el).map(where)).to.deep.equal(which ? otherPlaces : ['result']);
      if (!which)
        expect(
          undo.closest('.gone')!.compareDocumentPosition(tiles(el)[0]) & Node.DOCUMENT_POSITION_FOLLOWING,
          'under the note',
        ).to.not.equal(0);
      expect(tiles(el).some((shown) => shown.dataset.id === deleted)).to.equal(false);
      await waitUntil(() => focused(el) === undo.querySelector('button'), 'the focus on Undo');
      undo.querySelector('button')!.click();
      await waitUntil(() => tiles(el)[which]?.dataset.id === deleted, 'back in its place');
      expect(root(el).querySelector('.gone')).to.equal(null);
    });
  }

  for (const which of [0, 1]) {
    it(`reuse (${which ? 'an earlier image' : 'the latest'}): its Undo is pinned above Generate, in view with the prompt`, async () => {
      const el = await twoImages();
      const tile = tiles(el)[which];
      tile.scrollIntoView(); // far from the form, as on a phone
      act(el, 'reuse', tile);
      await waitUntil(() => undoBar(el), 'Undo offered');
      await el.updateComplete;
      expect(undoBar(el)!.closest('[part~=decision]'), 'with Generate').to.not.equal(null);
      expect(root(el).querySelectorAll('.undo').length, 'said once').to.equal(1);
      await waitUntil(() => {
        const box = undoBar(el)!.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, 'Undo in view');
      expect(announced(el)).to.include('The prompt, settings and seed of the image are in the form.');
    });
  }

  it('Delete: the focus moves to its Undo, and what it deleted is said; Undo brings it back, with the focus on it', async () => {
    const el = await twoImages();
    const [newest] = tiles(el).map((tile) => tile.dataset.id);
    act(el, 'delete');
    await waitUntil(() => !tiles(el).some((tile) => tile.dataset.id === newest), 'deleted');
    await el.updateComplete;
    expect(announced(el)).to.include('Deleted “second picture” from this browser.');
    await waitUntil(() => focused(el) === undoBar(el)!.querySelector('button'), 'the focus on Undo');
    undoBar(el)!.querySelector('button')!.click();
    await waitUntil(() => tiles(el).some((tile) => tile.dataset.id === newest), 'back');
    await waitUntil(() => (focused(el) as HTMLElement | null)?.dataset?.id === newest, 'the focus on it');
    expect(document.activeElement === document.body, 'the focus on the page').to.equal(false);
  });

  it('Delete, then Generate: the new image alone is said to be ready, and the deleted one’s place goes', async () => {
    const el = await twoImages();
    act(el, 'delete');
    await waitUntil(() => root(el).querySelector('.gone'), 'deleted');
    el.prompt = 'third picture';
    await el.generate();
    await waitUntil(() => tiles(el).length === 2 && !root(el).querySelector('.gone'), 'the new image, the place gone');
    expect(announced(el)).to.include('Image ready: third picture');
  });

  it('Delete of the last image: the focus on Undo, never on the page', async () => {
    const el = await bflWidget({ scenario: 'pending=60', run: RUN, prompt: 'only one', apiKey: 'sim-test-key' });
    await el.generate();
    await waitUntil(() => tiles(el).length === 1, 'shown');
    act(el, 'delete');
    await waitUntil(() => tiles(el).length === 0, 'deleted');
    await el.updateComplete;
    expectFocusOn(el, undoBar(el)!.querySelector('button'), 'Undo');
    undoBar(el)!.querySelector('button')!.click();
    await waitUntil(() => tiles(el).length === 1, 'back');
    await waitUntil(() => focused(el) === tiles(el)[0].querySelector('.open'), 'the focus on it');
  });

  it('Dismiss of an error: the focus on Generate, never on the page', async () => {
    const el = await failedWidget();
    const dismiss = root(el).querySelector<HTMLButtonElement>('[part~=error] button[aria-label=Dismiss]')!;
    dismiss.focus();
    dismiss.click();
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(root(el).querySelector('[part~=error]')).to.equal(null);
    expectFocusOn(el, root(el).querySelector('[part~=submit]'), 'Generate');
  });

  it('Escape within an error dismisses it, as its × does', async () => {
    const el = await failedWidget();
    const box = root(el).querySelector<HTMLElement>('[part~=error]')!;
    box.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(root(el).querySelector('[part~=error]')).to.equal(null);
    expectFocusOn(el, root(el).querySelector('[part~=submit]'), 'Generate');
  });
});

// NearController (src/elements/shared/near-controller.ts): a widget far below the fold is held (its quote priced and
// fired, nothing drawn, its place kept at its reserved height by the page's reservation stylesheet) until it is
// scrolled near the viewport, then drawn in the same place with nothing moved; one IntersectionObserver for the page.
import { expect } from '@open-wc/testing';
import type { Quote } from '../../../src/base/types.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { imageElement } from '../../support/widget.js';
import { until } from '../../support/wait.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';

/** Every IntersectionObserver the page makes from here on. */
const observers: IntersectionObserver[] = [];
const Platform = window.IntersectionObserver;
window.IntersectionObserver = class extends Platform {
  constructor(...args: ConstructorParameters<typeof IntersectionObserver>) {
    super(...args);
    observers.push(this);
  }
};
// The element is defined after the observer is counted (a static import would define it first).
await import('../../../src/define.js');

const drawn = (el: UserPaysImage) => !!el.shadowRoot?.querySelector('form');
const rendered = (el: UserPaysImage) => el.matches(':state(rendered)');

let page: HTMLElement;
const storageKey = storageKeysForgottenAfterEach();

/** The page's reservation stylesheet, as a site links it (src/userpays.css), then `widgets` BFL widgets under `above`. */
async function pageOf(above: number, widgets: number) {
  const style = document.createElement('style');
  style.textContent = await (await fetch('/src/userpays.css')).text();
  page = document.createElement('div');
  page.append(style, Object.assign(document.createElement('div'), { style: `height: ${above}px` }));
  const els = Array.from({ length: widgets }, () =>
    imageElement(document, { provider: 'bfl', prompt: 'a fox', 'storage-key': storageKey() }),
  );
  const quotes: Quote[][] = els.map(() => []);
  els.forEach((el, index) => el.addEventListener('userpays-quote', (event) => quotes[index]!.push(event.detail)));
  page.append(...els, Object.assign(document.createElement('p'), { textContent: 'What the page says under them.' }));
  document.body.append(page);
  return { els, quotes };
}

describe('NearController: a widget below the fold is drawn when it comes near', () => {
  afterEach(() => {
    page.remove();
    scrollTo(0, 0);
  });

  // The page's first widget (rehearsed: StartupController) is drawn wherever it is, its paint never later for the
  // observer's word: this test's, in view, is the page's first.
  it('in view: drawn at its first update; the widgets under it held until the reader scrolls', async () => {
    const { els } = await pageOf(0, 5);
    await Promise.all(els.map((el) => el.updateComplete));
    expect(drawn(els[0]!), 'the first, in view').to.equal(true);
    expect(
      els.every((el) => el.quote),
      'every one quoted',
    ).to.equal(true);
    expect(drawn(els.at(-1)!), 'the last, four widgets down').to.equal(false);
    els.at(-1)!.scrollIntoView();
    await until(() => drawn(els.at(-1)!));
  });

  it('far below the fold: quoted and fired, nothing drawn, its reserved height kept; drawn when scrolled near', async () => {
    const { els, quotes } = await pageOf(innerHeight * 4, 1);
    const el = els[0]!;
    await el.updateComplete;
    const reserved = el.getBoundingClientRect().height;
    expect(el.quote?.total, 'priced as the quote any widget gives').to.equal('0.014');
    expect(quotes[0], 'userpays-quote fired').to.have.length(1);
    expect(drawn(el), 'nothing drawn').to.equal(false);
    expect(rendered(el), 'the reservation holds its place').to.equal(false);
    expect(reserved, 'the height the reservation stylesheet gives it').to.equal(
      parseFloat(getComputedStyle(el, '::before').height),
    );
    expect(reserved).to.be.greaterThan(800);
    // Still held a few frames on: nothing draws it but a scroll.
    for (let frame = 0; frame < 5; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(drawn(el)).to.equal(false);

    // What moves on the page from here on (SPEC §8: CLS at most 0.02), as the Web Vitals count it.
    let shifted = 0;
    const shifts = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifted += entry.value;
    });
    shifts.observe({ type: 'layout-shift' });
    el.scrollIntoView();
    await until(() => rendered(el));
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    shifts.disconnect();
    expect(shifted, 'nothing under it moved when it was drawn').to.be.at.most(0.02);
    expect(drawn(el), 'drawn once near').to.equal(true);
    expect(Math.abs(el.getBoundingClientRect().height - reserved), 'drawn in the place kept').to.be.at.most(8);
    expect(quotes[0], 'the same quote, not fired again').to.have.length(1);
  });

  it('one observer for the page, however many widgets', async () => {
    const { els } = await pageOf(innerHeight * 4, 3);
    await Promise.all(els.map((el) => el.updateComplete));
    expect(observers).to.have.length(1);
  });

  it('a widget added far below the fold after the page has settled is held as well, and drawn when scrolled to', async () => {
    const { els } = await pageOf(0, 1);
    await els[0]!.updateComplete;
    const later = imageElement(document, { provider: 'bfl', prompt: 'a fox', 'storage-key': storageKey() });
    const spacer = Object.assign(document.createElement('div'), { style: `height: ${innerHeight * 4}px` });
    page.append(spacer, later);
    await later.updateComplete;
    expect(later.quote?.total, 'quoted').to.equal('0.014');
    expect(drawn(later), 'held: the observer said it is far').to.equal(false);
    later.scrollIntoView();
    await until(() => drawn(later));
    expect(drawn(els[0]!), 'the first stays drawn, scrolled away').to.equal(true);
  });

  it('a held widget answers as any: its tally read, a property set priced and fired at once', async () => {
    const { els, quotes } = await pageOf(innerHeight * 4, 1);
    const el = els[0]!;
    await el.updateComplete;
    el.count = 2;
    await el.updateComplete;
    expect(el.quote?.total).to.equal('0.028');
    expect(quotes[0]!.map((quote) => quote.total)).to.deep.equal(['0.014', '0.028']);
    await until(() => el.tally);
    expect(drawn(el)).to.equal(false);
  });
});

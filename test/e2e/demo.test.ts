// The demo page, as `npm start` serves it (the test server maps its dist/ and vendor/ the same way): it loads,
// stays responsive, and a generation through its controls reaches the gallery and both tallies. A page that
// froze (an element re-rendering forever) once passed every other test.
import { expect } from '@open-wc/testing';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { ImageStore } from '../../src/images/image-store.js';
import { cleanLocalStorage } from '../ledger/helpers.js';
import { until } from '../support/wait.js';

describe('the demo page', () => {
  let frame: HTMLIFrameElement;
  afterEach(async () => {
    frame.remove();
    cleanLocalStorage('userpays'); // the demo's storage key (no other test uses it)
    await new ImageStore({ storageKey: 'userpays' }).clear();
  });

  /** The demo page in an iframe `width` pixels wide, loaded. */
  async function openDemo(width: number): Promise<Window> {
    frame = document.createElement('iframe');
    frame.style.width = `${width}px`;
    frame.style.height = '900px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/demo/index.html';
    document.body.append(frame);
    await loaded;
    return frame.contentWindow!;
  }

  it('loads, answers, and generates through its own controls', async () => {
    const view = await openDemo(1024);
    // A task in the page runs: its event loop is not held by an endless chain of updates.
    await new Promise((resolve) => view.setTimeout(resolve, 0));
    const widget = view.document.querySelector<UserPaysImage>('userpays-image')!;
    const tally = view.document.querySelector<UserPaysTally>('userpays-tally')!;
    await until(() => widget.shadowRoot?.querySelector('[part~=submit]'));
    const provider = view.document.querySelector<HTMLSelectElement>('#provider')!;
    provider.value = 'bfl';
    provider.dispatchEvent(new Event('change'));
    await widget.updateComplete;
    const result = await widget.generate();
    expect(result.images).to.have.length(1);
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelectorAll('[part~=image]').length).to.equal(1);
    await until(() => tally.tally?.images === 1);
    expect(tally.tally!.spent).to.equal(result.charged);
    await new Promise((resolve) => view.setTimeout(resolve, 0));
  });

  it('doubles as the reference: an API table per element, drawn from custom-elements.json; never scrolls sideways at 320 px', async () => {
    const view = await openDemo(320);
    await until(() => view.document.querySelectorAll('#api article').length === 3);
    const api = view.document.getElementById('api')!;
    expect([...api.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal([
      '<userpays-image>',
      '<userpays-cost>',
      '<userpays-tally>',
    ]);
    const rows = [...api.querySelectorAll('article:first-child tbody th')].map((th) => th.textContent);
    for (const name of [
      'provider',
      'seed',
      'relay',
      'apiKey',
      'generate()',
      'userpays-result',
      'compare',
      '--userpays-accent',
    ])
      expect(rows, name).to.include(name);
    const widget = view.document.querySelector<UserPaysImage>('userpays-image')!;
    await widget.updateComplete;
    expect(view.document.documentElement.scrollWidth, 'the page').to.be.at.most(320);
  });

  // Lighthouse's layout shift on desktop was 0.30 from the page alone: demo.js filled the simulator bar after the
  // first paint, and it grew a row. The same page with its scripts off (a sandboxed frame) must draw the bar as
  // demo.js leaves it, for the default provider.
  it('draws its simulator bar at its final size before demo.js runs: nothing below it moves then', async () => {
    sessionStorage.removeItem('demo-simulator'); // the provider the first test chose, kept for this tab
    for (const width of [1280, 390, 320]) {
      const view = await openDemo(width);
      await until(() => view.document.querySelector('#provider option'));
      const bare = document.createElement('iframe');
      bare.sandbox.add('allow-same-origin'); // no allow-scripts: the page as first drawn
      bare.style.width = `${width}px`;
      bare.style.height = '900px';
      const loaded = new Promise((resolve) => bare.addEventListener('load', resolve, { once: true }));
      bare.src = '/demo/index.html';
      document.body.append(bare);
      await loaded;
      try {
        const text = (doc: Document) => doc.getElementById('hint')!.textContent!.replace(/\s+/g, ' ').trim();
        const top = (doc: Document, selector: string) => doc.querySelector(selector)!.getBoundingClientRect().top;
        expect(bare.contentDocument!.querySelector('#provider option'), 'scripts off').to.equal(null);
        expect(text(bare.contentDocument!), `${width} px: the hint`).to.equal(text(view.document));
        expect(top(bare.contentDocument!, 'main'), `${width} px: main`).to.be.closeTo(top(view.document, 'main'), 0.5);
      } finally {
        bare.remove();
        frame.remove();
      }
    }
  });
});

// The demo page, as `npm start` serves it (the test server maps its dist/ and vendor/ the same way): it loads,
// stays responsive, and a generation through its controls reaches the gallery and both tallies. A page that
// froze (an element re-rendering forever) once passed every other test.
import { expect } from '@open-wc/testing';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { ImageStore } from '../../src/images/image-store.js';
import { cleanLocalStorage, until } from '../ledger/helpers.js';

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
});

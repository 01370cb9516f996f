// The gallery's view (the latest submission, large, the earlier images and the paid failures: the panels' part
// `elements/image/gallery/panel/index`) loads when there is something to show, on the built
// files as a static site uses them: a first visit that never generates does not load it; a returning visitor's images
// are drawn with no action; a submission draws its images once it ends, even where the part arrives after them. Each
// visit runs in a page of its own (an iframe), so that what it loaded is its own.
import { expect } from '@open-wc/testing';
import { ImageStore } from '../../src/images/image-store.js';
import { builtFiles, builtPagesRemovedAfterEach, filesLoaded, partName, partsLoaded } from '../support/built.js';
import { pngBlob, storedImage } from '../support/images.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { sleep, until } from '../support/wait.js';
import { bflWidgetIn, part } from '../support/widget.js';

/** What only the gallery's view carries (the lightbox its actions open), to know its code wherever rollup puts it. */
const MARKER = 'dialog.lightbox';

/** The built files `view` has loaded that carry the gallery's view. */
async function galleryViewLoaded(view: Window): Promise<string[]> {
  const loaded = await Promise.all(filesLoaded(view).map(async (url) => [url, await (await fetch(url)).text()]));
  return loaded.filter(([, source]) => source.includes(MARKER)).map(([url]) => partName(url) ?? url);
}

/** An image kept by an earlier visit, of submission `batch`. */
const kept = async (id: string, batch: string, createdAt: number) =>
  storedImage(id, await pngBlob(8, 8), createdAt, { batch, prompt: `picture ${id}` });

describe('the gallery’s view loads when there is something to show (the built files)', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();
  const page = builtPagesRemovedAfterEach();
  /** A BFL widget in `view` on `storageKey` (FLUX.2 [klein] 4B at the simulator, its key entered). */
  const widgetIn = (view: Window, storageKey: string) => bflWidgetIn(view, storageKey, 'sim-gallery-key');

  it('a first visit (nothing kept) loads everything it loads with no action, but not the gallery’s view', async () => {
    const view = await page();
    const storageKey = newStorageKey();
    const el = await widgetIn(view, storageKey);
    await until(() => part(el, 'more'), 10_000); // the panels
    // The image store of the storage key read (its database made by the read), and the widget drawn after it.
    await until(
      async () => (await view.indexedDB.databases()).some((base) => base.name === `${storageKey}-images`),
      10_000,
    );
    await sleep(300);
    await el.updateComplete;
    expect(partsLoaded(view)).to.include.members(['lazy/engine', 'ledger/ledger', 'elements/image/panels/index']);
    expect(await galleryViewLoaded(view)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.empty')).to.not.equal(null); // the canvas's empty state, as before
  });

  it('a first visit loads the gallery’s view ahead of the click, when the focus comes to Generate', async () => {
    const view = await page();
    const el = await widgetIn(view, newStorageKey());
    await until(() => part(el, 'more'), 10_000); // the panels
    expect(await galleryViewLoaded(view)).to.deep.equal([]);
    part(el, 'submit')!.focus();
    await until(async () => (await galleryViewLoaded(view)).length, 10_000, 'the gallery’s view is prefetched');
    expect(await galleryViewLoaded(view)).to.deep.equal(['elements/image/gallery/panel/index']);
  });

  it('a returning visitor: the images kept are drawn, the latest large and the earlier ones below, with no action', async () => {
    const storageKey = newStorageKey();
    const store = new ImageStore({ storageKey });
    await store.put(await kept('a', 'first', 1));
    await store.put(await kept('b', 'second', 2));
    const view = await page();
    const el = await widgetIn(view, storageKey);
    await until(() => el.shadowRoot!.querySelector('[part~=result] .tile[data-id=b] img'), 10_000);
    await until(() => el.shadowRoot!.querySelector('[part~=gallery] .tile[data-id=a] img'), 10_000);
    expect(await galleryViewLoaded(view)).to.deep.equal(['elements/image/gallery/panel/index']);
    // Its styles came with it: the history is laid out as a grid of tiles.
    const tiles = el.shadowRoot!.querySelector('[part~=gallery] .tiles')!;
    expect(view.getComputedStyle(tiles).display).to.equal('grid');
    await store.clear();
  });

  it('a new result arriving before the gallery’s view: the submission ends once it is here, its image drawn', async () => {
    const gallery = [...(await builtFiles()).keys()].find(
      (url) => partName(url) === 'elements/image/gallery/panel/index',
    )!;
    // The page's import map holds the gallery's chunk until the test lets it through (the same file, then).
    let letThrough = () => {};
    const gate = new Promise<void>((resolve) => (letThrough = resolve));
    Object.assign(window, { galleryGate: gate });
    const held = URL.createObjectURL(
      new Blob([`await parent.galleryGate;\nexport * from '${gallery}?late';\n`], { type: 'text/javascript' }),
    );
    const view = await page({ imports: { [gallery]: held } });
    const el = await widgetIn(view, newStorageKey());
    let ended = false;
    const generated = el.generate().finally(() => (ended = true));
    // The image is made, saved and booked (the simulator answers in ms), but the submission waits for what draws it
    // (its progress too is that part's): meanwhile Generate says the widget is at work.
    await until(() => el.tally?.images === 1, 10_000, 'the image booked');
    await sleep(1_000);
    expect(ended, 'the submission ended before what draws its result').to.equal(false);
    expect(part(el, 'submit')!.hasAttribute('disabled'), 'Generate at work').to.equal(true);
    letThrough();
    const result = await generated;
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector<HTMLImageElement>('[part~=result] .tile img');
    expect(shown, 'the result is drawn as the submission ends').to.not.equal(null);
    expect(shown!.getAttribute('src')).to.equal(result.images[0].url);
    expect(part(el, 'progress'), 'no spinner left').to.equal(null);
    URL.revokeObjectURL(held);
  });

  it('where the gallery’s view cannot load (offline for a moment), a submission’s error is said in its words all the same', async () => {
    const gallery = [...(await builtFiles()).keys()].find(
      (url) => partName(url) === 'elements/image/gallery/panel/index',
    )!;
    const broken = URL.createObjectURL(new Blob(['throw new TypeError("offline");\n'], { type: 'text/javascript' }));
    const view = await page({ imports: { [gallery]: broken } });
    const el = await widgetIn(view, newStorageKey());
    el.prompt = '   '; // refused before anything is sent
    const error = (await el.generate().catch((thrown: Error) => thrown)) as Error & { code: string };
    expect(error.code).to.equal('invalid-input');
    await el.updateComplete;
    const said = part(el, 'error');
    expect(said?.textContent?.trim()).to.equal(error.message);
    expect(said!.getAttribute('data-focus')).to.equal('error');
    expect(part(el, 'submit')!.textContent, 'no spinner left').not.to.contain('Generating');
    URL.revokeObjectURL(broken);
  });
});

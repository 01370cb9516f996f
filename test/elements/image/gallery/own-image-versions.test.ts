// An image of the user's own, once edited, has its versions as any other: the edit says "Edit of an image of your own"
// and compares before and after with it. The widget keeps that image where the gallery keeps images, for its edits:
// stored with the first of them (an edit never sent keeps nothing), never an image of the gallery's own (no tile, no
// receipt), never paid for (the tally counts the edit alone, the ledger has no entry for it), not counted among the
// images kept (`keep-images`), and gone with the last edit of it, whether that is deleted (Undo brings both back) or
// leaves the newest kept. The store's rules in src/images/image-store.ts; the result's `editOf` names it.
// Holds: src/images/image-store.ts
// Holds: src/elements/image/gallery/panel/versions.ts
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { ImageStore, type StoredImage } from '../../../../src/images/image-store.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { pngBlob } from '../../../support/images.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { part, tiles, words } from '../../../support/widget.js';

const RUN = uniqueStorageKey();

/** What the store of `storageKey` keeps, newest first: each image's id, and whether it is one of the user's own. */
const storedIn = async (storageKey: string) =>
  (await new ImageStore({ storageKey, keep: 100 }).list()).map((image: StoredImage) => ({
    id: image.id,
    own: !!image.own,
  }));

const versionsOf = (tile: Element) => tile.querySelector<HTMLElement>('[part~=versions]');

/** A BFL widget on `storageKey`, FLUX.2 [klein] 4B, its key entered. */
const widget = (storageKey: string, attributes = {}) =>
  bflWidget({ scenario: 'pending=40', run: RUN, storageKey, prompt: 'a red door', apiKey: 'sim-own', attributes });

/** Edits a 640 × 480 picture of the page's (an image of the user's own) by instruction; resolves to the result. */
async function editOwn(el: UserPaysImage) {
  return el.generate({ edit: { image: await pngBlob(640, 480), kind: 'instruction' } });
}

describe('<userpays-image>: an image of the user’s own, edited', function () {
  this.timeout(60_000);

  it('says "Edit of an image of your own" and compares before and after with it, which moves by keys', async () => {
    const storageKey = uniqueStorageKey();
    const el = await widget(storageKey);
    const result = await editOwn(el);
    const tile = await until(() => tiles(el)[0], 10_000, 'the edit is shown');
    const versions = await until(() => versionsOf(tile), 5_000, 'the edit shows its versions');
    expect(words(versions.querySelector('.edit-of'))).to.equal('Edit of an image of your own');
    expect(versions.querySelector('button[data-action=source]'), 'no image of the gallery’s to go to').to.equal(null);
    expect(result.editOf, 'the result names the image it edits').to.match(/^own-/);
    const compare = versions.querySelector<HTMLDetailsElement>('details.compare')!;
    compare.querySelector('summary')!.click();
    await until(() => compare.open, 2_000, 'before and after opens');
    const frame = compare.querySelector<HTMLElement>('.versions-frame')!;
    const before = frame.querySelector<HTMLImageElement>('img.before')!;
    await until(() => before.complete && before.naturalWidth === 640, 5_000, 'the user’s image, before');
    const { width, height } = frame.getBoundingClientRect();
    expect(height).to.be.closeTo((width * 480) / 640, 2);
    const range = frame.querySelector<HTMLInputElement>('input[type=range]')!;
    range.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(range.value).to.equal('51');
    expect(frame.style.getPropertyValue('--_before')).to.equal('51%');
  });

  it('keeps it beside the edit, unpaid: one image shown, one in the tally, no entry of its own', async () => {
    const storageKey = uniqueStorageKey();
    const el = await widget(storageKey);
    const result = await editOwn(el);
    await until(() => tiles(el)[0] && versionsOf(tiles(el)[0]), 10_000, 'the edit with its versions');
    expect(tiles(el).length, 'the user’s image is no image of the gallery’s').to.equal(1);
    expect(tiles(el)[0].querySelectorAll('[part~=receipt]').length).to.equal(1);
    expect(el.tally?.images).to.equal(1);
    expect(el.tally?.spent).to.equal(result.charged);
    expect(await storedIn(storageKey)).to.deep.equal([
      { id: tiles(el)[0].dataset.id, own: false },
      { id: result.editOf, own: true },
    ]);
    const own = (await new ImageStore({ storageKey }).get(result.editOf!))!;
    expect([own.width, own.height, own.entryId, own.charged]).to.deep.equal([640, 480, '', '0']);
    expect(own.blob!.size).to.equal((await pngBlob(640, 480)).size);
    // After a reload, as before.
    el.remove();
    const again = await widget(storageKey);
    const tile = await until(() => tiles(again)[0], 10_000, 'the gallery after a reload');
    const versions = await until(() => versionsOf(tile), 5_000, 'its versions after a reload');
    expect(words(versions.querySelector('.edit-of'))).to.equal('Edit of an image of your own');
    expect(versions.querySelector('details.compare')).to.not.equal(null);
    expect(tiles(again).length).to.equal(1);
  });

  it('an edit never sent keeps nothing', async () => {
    const storageKey = uniqueStorageKey();
    const el = await widget(storageKey);
    await el.editImage(await pngBlob(640, 480));
    await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    const stop = [...part(el, 'editor')!.querySelectorAll('button')].find(
      (button) => words(button) === 'Stop editing',
    )!;
    stop.click();
    await until(() => !part(el, 'editor'), 5_000, 'the editor closes');
    expect(await storedIn(storageKey)).to.deep.equal([]);
  });

  it('goes with the edit deleted, and comes back with its Undo', async () => {
    const storageKey = uniqueStorageKey();
    const el = await widget(storageKey);
    const result = await editOwn(el);
    await until(() => tiles(el)[0] && versionsOf(tiles(el)[0]), 10_000, 'the edit with its versions');
    const menu = tiles(el)[0].querySelector<HTMLDetailsElement>('details.menu');
    if (menu) menu.open = true;
    tiles(el)[0].querySelector<HTMLElement>('[data-action=delete]')!.click();
    await waitUntil(async () => (await storedIn(storageKey)).length === 0, 'both deleted');
    const undo = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.undo button'), 5_000, 'Undo');
    undo.click();
    await waitUntil(async () => (await storedIn(storageKey)).length === 2, 'both back');
    const versions = await until(() => tiles(el)[0] && versionsOf(tiles(el)[0]), 10_000, 'its versions back');
    expect(versions.querySelector('details.compare')).to.not.equal(null);
    expect((await storedIn(storageKey)).find(({ own }) => own)?.id).to.equal(result.editOf);
  });

  it('is not counted among the images kept, and leaves with the last edit of it', async () => {
    const storageKey = uniqueStorageKey();
    const el = await widget(storageKey, { 'keep-images': '1' });
    const result = await editOwn(el);
    await until(() => tiles(el)[0] && versionsOf(tiles(el)[0]), 10_000, 'the edit with its versions');
    // One image kept: the edit, with the user's image beside it (not counted).
    expect((await storedIn(storageKey)).map(({ own }) => own)).to.deep.equal([false, true]);
    el.prompt = 'a blue door';
    await el.generate();
    await waitUntil(async () => (await storedIn(storageKey)).length === 1, 'the edit and its source gone');
    await waitUntil(() => tiles(el).length === 1 && !versionsOf(tiles(el)[0]), 'the new image alone');
    expect(await storedIn(storageKey)).to.deep.equal([{ id: tiles(el)[0].dataset.id, own: false }]);
    expect(result.editOf).to.match(/^own-/);
  });
});

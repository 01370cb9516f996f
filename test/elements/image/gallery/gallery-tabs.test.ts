// The gallery follows other tabs as the tally does: an image saved or deleted by another page of
// the same storage key (another ImageStore, as another tab has) shows or goes here without a reload, and so between
// two widgets of one page.
// Holds: src/elements/image/gallery/panel/gallery-controller.ts
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { ImageStore } from '../../../../src/images/image-store.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget } from '../../../support/widget.js';
import { pngBlob } from '../../../support/images.js';

const shownIds = (el: UserPaysImage) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.tile[data-id]')].map((tile) => tile.dataset.id);

const image = async (id: string, createdAt: number) => ({
  id,
  entryId: id,
  blob: await pngBlob(4, 4),
  prompt: `picture ${id}`,
  model: 'flux-2-pro',
  provider: 'bfl',
  width: 4,
  height: 4,
  charged: '0.03',
  createdAt,
});

describe('<userpays-image>: the gallery follows other tabs', () => {
  it('shows what another tab saved, and drops what it deleted, without a reload', async () => {
    const storageKey = uniqueStorageKey();
    const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey });
    const elsewhere = new ImageStore({ storageKey }); // another tab's store of the same key
    await waitUntil(() => el.shadowRoot!.querySelector('.empty, [part~=result]'), 'the gallery is open');
    await new Promise((resolve) => setTimeout(resolve, 50)); // opened after the first paint: let it read
    await elsewhere.put(await image('a', 1));
    await waitUntil(() => shownIds(el).includes('a'), 'the image saved elsewhere shows');
    await elsewhere.put(await image('b', 2));
    await waitUntil(() => shownIds(el).join() === 'b,a', 'the newer first');
    await elsewhere.remove('b');
    await waitUntil(() => shownIds(el).join() === 'a', 'the one deleted elsewhere goes');
    await elsewhere.clear();
  });

  it('two widgets of one page on one storage key show the same images', async () => {
    const storageKey = uniqueStorageKey();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <userpays-image provider="bfl" storage-key=${storageKey}></userpays-image>
        <userpays-image provider="bfl" storage-key=${storageKey}></userpays-image>
      </div>`,
    );
    const [first, second] = wrapper.querySelectorAll<UserPaysImage>('userpays-image');
    const elsewhere = new ImageStore({ storageKey });
    await elsewhere.put(await image('a', 1));
    await waitUntil(() => shownIds(first).includes('a') && shownIds(second).includes('a'), 'both show it');
    // Deleted from the first widget (its menu's Delete): the second drops it too.
    first.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=delete][data-id=a]')!.click();
    await waitUntil(() => !shownIds(second).includes('a'), 'the other widget drops it');
    await elsewhere.clear();
  });
});

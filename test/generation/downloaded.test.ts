// runGeneration tells the page an image's bytes are here before it saves them (`onDownloaded`), so that the
// widget can start loading them to show while they are saved and booked (src/ledger/gallery.ts, `preload`).
import { expect } from '@open-wc/testing';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { ImageStore, type StoredImage } from '../../src/ledger/image-store.js';
import { quoteFor } from '../../src/pricing/index.js';
import { providerFor } from '../../src/providers/registry.js';
import { cleanLocalStorage } from '../ledger/helpers.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';

describe('runGeneration: onDownloaded', () => {
  it('gives each image’s id and bytes before they are saved; what is saved is the same', async () => {
    const storageKey = uniqueStorageKey();
    const images = new ImageStore({ storageKey });
    const ledger = new LedgerStore({ storageKey });
    const request = {
      provider: 'bfl' as const,
      model: 'flux-2-klein-4b',
      prompt: 'a lighthouse',
      width: 512,
      height: 512,
      count: 2,
      inputs: [],
    };
    const downloaded: { id: string; blob: Blob; savedThen: Promise<StoredImage | undefined>; settled: boolean }[] = [];
    try {
      const outcome = await runGeneration({
        provider: providerFor('bfl'),
        endpoint: bflEndpoint(`pending=60;deliveryCors=1;run=${storageKey}`),
        apiKey: 'sim-downloaded-key',
        request,
        inputs: [],
        quote: quoteFor(request),
        ledger,
        images,
        signal: new AbortController().signal,
        onDownloaded: (id, blob) =>
          downloaded.push({
            id,
            blob,
            savedThen: images.get(id), // asked before the save: answered before it
            settled: ledger.entries().find((entry) => entry.id === id)!.status !== 'pending',
          }),
      });
      expect(downloaded.map((d) => d.id).sort()).to.deep.equal(outcome.stored.map((image) => image.id).sort());
      for (const d of downloaded) {
        expect(await d.savedThen, 'not saved yet').to.equal(undefined);
        expect(d.settled, 'not booked yet').to.equal(false);
        const saved = outcome.stored.find((image) => image.id === d.id)!;
        expect(saved.blob).to.equal(d.blob);
        expect((await images.get(d.id))?.blob?.size).to.equal(d.blob.size);
      }
    } finally {
      await images.clear();
      cleanLocalStorage(storageKey);
    }
  });
});

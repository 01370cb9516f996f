// runGeneration tells the page an image's bytes are here before it saves them (`onDownloaded`), so that the
// widget can start loading them to show while they are saved and booked (src/ledger/gallery.ts, `preload`), and
// that each image is saved and booked (`onSaved`), so that the widget shows it before the others are done.
import { expect } from '@open-wc/testing';
import { runGeneration, type GenerationJob } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { ImageStore, type StoredImage } from '../../src/ledger/image-store.js';
import { quoteFor } from '../../src/pricing/index.js';
import { providerFor } from '../../src/providers/registry.js';
import { cleanLocalStorage } from '../ledger/helpers.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';

/** Two images of one BFL submission on the simulator, with its own stores (`images`, `ledger`) and `callbacks`. */
function twoImages(callbacks: Pick<GenerationJob, 'onDownloaded' | 'onSaved'>) {
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
  const quote = quoteFor(request);
  const generating = runGeneration({
    provider: providerFor('bfl'),
    endpoint: bflEndpoint(`pending=60;deliveryCors=1;run=${storageKey}`),
    apiKey: 'sim-downloaded-key',
    request,
    inputs: [],
    quote,
    ledger,
    images,
    signal: new AbortController().signal,
    ...callbacks,
  });
  const cleanUp = async () => {
    await images.clear();
    cleanLocalStorage(storageKey);
  };
  return { images, ledger, quote, generating, cleanUp };
}

describe('runGeneration: onDownloaded and onSaved', () => {
  it('gives each image’s id and bytes before they are saved; what is saved is the same', async () => {
    const downloaded: { id: string; blob: Blob; savedThen: Promise<StoredImage | undefined>; settled: boolean }[] = [];
    const { images, ledger, generating, cleanUp } = twoImages({
      onDownloaded: (id, blob) =>
        downloaded.push({
          id,
          blob,
          savedThen: images.get(id), // asked before the save: answered before it
          settled: ledger.entries().find((entry) => entry.id === id)!.status !== 'pending',
        }),
    });
    try {
      const outcome = await generating;
      expect(downloaded.map((d) => d.id).sort()).to.deep.equal(outcome.stored.map((image) => image.id).sort());
      for (const d of downloaded) {
        expect(await d.savedThen, 'not saved yet').to.equal(undefined);
        expect(d.settled, 'not booked yet').to.equal(false);
        const saved = outcome.stored.find((image) => image.id === d.id)!;
        expect(saved.blob).to.equal(d.blob);
        expect((await images.get(d.id))?.blob?.size).to.equal(d.blob.size);
      }
    } finally {
      await cleanUp();
    }
  });

  it('onSaved: tells of each image once it is saved and booked; a throw in it undoes nothing', async () => {
    const saved: { id: string; savedThen: Promise<StoredImage | undefined>; status?: string }[] = [];
    const reported: unknown[] = [];
    const reportError = window.reportError;
    window.reportError = (error) => reported.push(error);
    const { images, ledger, quote, generating, cleanUp } = twoImages({
      onSaved: (image) => {
        saved.push({
          id: image.id,
          savedThen: images.get(image.id),
          status: ledger.entries().find((entry) => entry.id === image.id)?.status,
        });
        if (saved.length === 1) throw new Error('the page’s own display failed');
      },
    });
    try {
      const outcome = await generating;
      expect(saved.map((s) => s.id).sort()).to.deep.equal(outcome.stored.map((image) => image.id).sort());
      for (const s of saved) {
        expect((await s.savedThen)?.id, 'saved by then').to.equal(s.id);
        expect(s.status, 'booked by then').to.equal('charged');
      }
      expect(reported.map((error) => (error as Error).message)).to.deep.equal(['the page’s own display failed']);
      expect(outcome.stored).to.have.length(2);
      expect(outcome.charged).to.equal(quote.total);
      expect(ledger.entries().map((entry) => entry.status)).to.deep.equal(['charged', 'charged']);
    } finally {
      window.reportError = reportError;
      await cleanUp();
    }
  });
});

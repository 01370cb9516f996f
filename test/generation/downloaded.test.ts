// runGeneration tells the page an image is here before it saves it (stage `downloaded`), so that the widget shows it
// while it is saved and booked (src/images/gallery.ts, `add`), and that each image is saved and booked
// (stage `saved`), so that the widget reads its gallery back before the other images are done.
import { expect } from '@open-wc/testing';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { type StoredImage } from '../../src/images/image-store.js';
import { cleanLocalStorage } from '../support/storage.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';
import { generationJob } from '../support/generation.js';
import { providerFor } from '../../src/providers/registry/adapters.js';

/** What a test does at the stages `bytes`, `downloaded` and `saved` of each image. */
interface OnStages {
  bytes?(id: string, blob: Blob): void;
  downloaded?(image: StoredImage): void;
  saved?(image: StoredImage): void;
}

/** Two images of one BFL submission on the simulator, with its own stores (`images`, `ledger`), told to `on`. */
async function twoImages(on: OnStages, scenario = '') {
  const storageKey = uniqueStorageKey();
  const ledger = new LedgerStore({ storageKey });
  const job = generationJob({
    provider: await providerFor('bfl'),
    endpoint: bflEndpoint(`pending=60;deliveryCors=1;run=${storageKey}${scenario}`),
    apiKey: 'sim-downloaded-key',
    request: { width: 512, height: 512, count: 2 },
    storageKey,
    ledger,
    onStage: (stage) => {
      if (stage.stage === 'bytes') on.bytes?.(stage.id, stage.blob);
      if (stage.stage === 'downloaded') on.downloaded?.(stage.image);
      if (stage.stage === 'saved') on.saved?.(stage.image);
    },
  });
  const { images, quote } = job;
  const generating = runGeneration(job);
  const cleanUp = async () => {
    await images.clear();
    cleanLocalStorage(storageKey);
  };
  return { images, ledger, quote, generating, cleanUp };
}

/** What `reportError` is given until `restore()` (a throw in a page's callback is reported, not raised). */
function catchReports() {
  const reported: unknown[] = [];
  const reportError = window.reportError;
  window.reportError = (error) => reported.push(error);
  return { reported, restore: () => (window.reportError = reportError) };
}

describe('runGeneration: the stages bytes, downloaded and saved', () => {
  it('bytes: gives each image’s bytes before they are measured; a throw in it undoes nothing', async () => {
    const order: string[] = [];
    const bytes = new Map<string, Blob>();
    const { reported, restore } = catchReports();
    const { generating, quote, cleanUp } = await twoImages({
      bytes: (id, blob) => {
        order.push(`bytes ${id}`);
        bytes.set(id, blob);
        if (bytes.size === 1) throw new Error('the page’s own display failed');
      },
      downloaded: (image) => order.push(`downloaded ${image.id}`),
    });
    try {
      const outcome = await generating;
      for (const image of outcome.stored) {
        expect(bytes.get(image.id)).to.equal(image.blob);
        expect(order.indexOf(`bytes ${image.id}`)).to.be.lessThan(order.indexOf(`downloaded ${image.id}`));
      }
      expect(reported).to.have.length(1);
      expect(outcome.charged).to.equal(quote.total);
    } finally {
      restore();
      await cleanUp();
    }
  });

  it('bytes: bytes no browser can read are told, then refused: never downloaded, saved or shown', async () => {
    const told: string[] = [];
    const { ledger, images, generating, cleanUp } = await twoImages(
      {
        bytes: (id) => told.push(`bytes ${id}`),
        downloaded: (image) => told.push(`downloaded ${image.id}`),
        saved: (image) => told.push(`saved ${image.id}`),
      },
      ';fault=broken-image',
    );
    try {
      expect((await generating.catch((error) => error)).code).to.equal('provider-error');
      expect(told.map((event) => event.split(' ')[0])).to.deep.equal(['bytes', 'bytes']);
      expect(await images.list()).to.deep.equal([]);
      expect(ledger.entries().map((entry) => entry.status)).to.deep.equal(['charged', 'charged']);
    } finally {
      await cleanUp();
    }
  });

  it('gives each image before it is saved; what is saved is the same; a throw in it undoes nothing', async () => {
    const downloaded: { image: StoredImage; savedThen: Promise<StoredImage | undefined>; settled: boolean }[] = [];
    const { reported, restore } = catchReports();
    const { images, ledger, quote, generating, cleanUp } = await twoImages({
      downloaded: (image) => {
        downloaded.push({
          image,
          savedThen: images.get(image.id), // asked before the save: answered before it
          settled: ledger.entries().find((entry) => entry.id === image.id)!.status !== 'pending',
        });
        if (downloaded.length === 1) throw new Error('the page’s own display failed');
      },
    });
    try {
      const outcome = await generating;
      const ids = outcome.stored.map((image) => image.id).sort();
      expect(downloaded.map((d) => d.image.id).sort()).to.deep.equal(ids);
      for (const d of downloaded) {
        expect(await d.savedThen, 'not saved yet').to.equal(undefined);
        expect(d.settled, 'not booked yet').to.equal(false);
        expect(outcome.stored.find((image) => image.id === d.image.id)).to.equal(d.image);
        expect(d.image.blob!.type).to.equal('image/png');
        expect([d.image.width, d.image.height]).to.deep.equal([512, 512]);
        expect((await images.get(d.image.id))?.blob?.size).to.equal(d.image.blob!.size);
      }
      expect(reported.map((error) => (error as Error).message)).to.deep.equal(['the page’s own display failed']);
      expect(outcome.charged).to.equal(quote.total);
      expect(ledger.entries().map((entry) => entry.status)).to.deep.equal(['charged', 'charged']);
    } finally {
      restore();
      await cleanUp();
    }
  });

  it('saved: tells of each image once it is saved and booked; a throw in it undoes nothing', async () => {
    const saved: { id: string; savedThen: Promise<StoredImage | undefined>; status?: string }[] = [];
    const { reported, restore } = catchReports();
    const { images, ledger, quote, generating, cleanUp } = await twoImages({
      saved: (image) => {
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
      restore();
      await cleanUp();
    }
  });
});

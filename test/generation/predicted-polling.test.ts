// Polling learns: each image's time from acceptance to ready is kept per kind (ledger/durations.ts) by the real
// pipeline, and the next submission of that kind polls from it.
import { expect } from '@open-wc/testing';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { Durations } from '../../src/generation/durations.js';
import { ImageStore } from '../../src/images/image-store.js';
import { cleanLocalStorage } from '../support/storage.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';
import { generationJob } from '../support/generation.js';
import { providerFor } from '../../src/providers/engine/adapters.js';

describe('runGeneration learns how long each kind of image takes', () => {
  it('records acceptance → ready per provider, model and size, and predicts from the third', async () => {
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey });
    const durations = new Durations(storageKey);
    try {
      for (let i = 0; i < 3; i++) {
        expect(durations.earliest('bfl flux-2-klein-4b 1'), `after ${i}`).to.equal(undefined);
        const endpoint = bflEndpoint(`pending=700;pollWait=none;deliveryCors=1;run=${storageKey}`);
        const provider = await providerFor('bfl');
        await runGeneration(generationJob({ provider, endpoint, apiKey: 'sim-durations-key', storageKey, ledger }));
      }
      // pollWait=none: no Retry-After, to see what the schedule learns. Polled at 500 ms (not yet) and next at about
      // 1125 ms (ready): kept as the middle of that span, about 810 ms, not when the page heard it (later polls
      // placed by that would never learn it can be sooner).
      expect(durations.earliest('bfl flux-2-klein-4b 1')).to.be.within(500, 1000);
      expect(durations.earliest('bfl flux-2-klein-4b 2')).to.equal(undefined);
    } finally {
      await new ImageStore({ storageKey }).clear();
      cleanLocalStorage(storageKey);
    }
  });
});

// Polling learns: each image's time from acceptance to ready is kept per kind (generation/durations.ts) by the real
// pipeline, and the next submission of that kind polls from it.
import { expect } from '@open-wc/testing';
import { runGeneration } from '../../src/generation/run-generation.js';
import type { SubmissionStage } from '../../src/generation/stages.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { Durations } from '../../src/generation/durations.js';
import { ImageStore } from '../../src/images/image-store.js';
import { cleanLocalStorage } from '../support/storage.js';
import { bflEndpoint, releaseHold, simLogOf, unique, uniqueStorageKey } from '../support/sim.js';
import { generationJob } from '../support/generation.js';
import { until } from '../support/wait.js';
import { providerFor } from '../../src/providers/registry/adapters.js';

describe('runGeneration learns how long each kind of image takes', () => {
  it('records acceptance → ready per provider, model and size, as the middle of the span it became ready in, and predicts from the third', async function () {
    this.timeout(60_000); // three generations, each waited for up to 10 s, on a machine that may be slow
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey });
    const durations = new Durations(storageKey);
    const kind = 'bfl flux-2-klein-4b 1';
    /** Each generation's last "not yet" and its "ready", ms after its acceptance, as the page heard them. */
    const spans: [number, number][] = [];
    try {
      for (let i = 0; i < 3; i++) {
        expect(durations.earliest(kind), `after ${i}`).to.equal(undefined);
        // pollWait=none: no Retry-After, to see what the schedule learns. Held Pending until the page has heard "not
        // yet" (the first poll, 500 ms after acceptance), however slow the machine: the span has two ends.
        const hold = unique('hold');
        const endpoint = bflEndpoint(`pending=700;pollWait=none;hold=${hold};deliveryCors=1;run=${storageKey}`);
        const provider = await providerFor('bfl');
        const heard: { accepted?: number; notYet?: number; ready?: number } = {};
        const onStage = (stage: SubmissionStage) => {
          const now = performance.now();
          if (stage.stage === 'accepted') heard.accepted = now;
          else if (stage.stage === 'progress' && heard.accepted !== undefined && heard.ready === undefined) {
            if (stage.detail.progress === 1) heard.ready = now;
            else heard.notYet = now;
          }
        };
        const job = generationJob({ provider, endpoint, apiKey: 'sim-durations-key', storageKey, ledger, onStage });
        const running = runGeneration(job);
        const polled = async () => (await simLogOf('bfl', `hold=${hold}`)).some((e) => e.path.includes('/get_result'));
        await until(polled, 10_000, 'a poll answered "not yet"');
        await releaseHold('bfl', hold);
        await running;
        spans.push([heard.notYet! - heard.accepted!, heard.ready! - heard.accepted!]);
      }
      const samples: number[] = JSON.parse(localStorage.getItem(`${storageKey}:durations`)!)[kind];
      expect(samples).to.have.length(3);
      samples.forEach((sample, i) => {
        const [notYet, ready] = spans[i];
        // Kept as the middle of that span, not when the page heard it (later polls placed by that would never learn
        // it can be sooner), nor its last "not yet": nearer the middle than either end, whatever the machine's speed.
        expect(Math.abs(sample - (notYet + ready) / 2), `${sample} in ${notYet}…${ready}`).to.be.below(
          (ready - notYet) / 4,
        );
      });
      // The earliest of them; never sooner than the first poll, which said "not yet".
      expect(durations.earliest(kind)).to.equal(Math.min(...samples));
      expect(Math.min(...samples)).to.be.at.least(500);
      expect(durations.earliest('bfl flux-2-klein-4b 2')).to.equal(undefined);
    } finally {
      await new ImageStore({ storageKey }).clear();
      cleanLocalStorage(storageKey);
    }
  });
});

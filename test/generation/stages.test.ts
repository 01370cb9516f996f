// One submission tells its caller what it comes to through one listener (`onStage`, src/generation/stages.ts), in
// the order it happens: against the BFL simulator over loopback HTTP, through the pipeline the widget and the headless
// call share (`submit`).
import { expect } from '@open-wc/testing';
import { submit, type Submission } from '../../src/generation/submit.js';
import type { SubmissionStage } from '../../src/generation/stages.js';
import { ImageStore } from '../../src/images/image-store.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { priceOf } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import { cleanLocalStorage } from '../support/storage.js';
import { until } from '../support/wait.js';
import { controlledClock } from '../support/clock.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';

/** A BFL submission of `count` images on the simulator, with stores of its own, its stages told to `onStage`. */
function bflSubmission(count: number, more: Partial<Submission> = {}) {
  const storageKey = uniqueStorageKey();
  const images = new ImageStore({ storageKey });
  const ledger = new LedgerStore({ storageKey });
  const endpoint = bflEndpoint(`pending=60;deliveryCors=1;run=${storageKey}`);
  const asked = {
    provider: 'bfl' as const,
    model: 'flux-2-klein-4b',
    prompt: 'a lighthouse at dusk',
    width: 512,
    height: 512,
    count,
    inputs: [],
  };
  const submission: Submission = {
    asked,
    priced: priceOf({ ...asked, endpoint }, BUILTIN_PRICE_BOOK),
    endpoint,
    relay: '',
    apiKey: 'sim-stages-key',
    budget: null,
    budgetProblem: '',
    ledger,
    images: Promise.resolve(images),
    signal: new AbortController().signal,
    urlOf: ({ blob }) => URL.createObjectURL(blob!),
    ...more,
  };
  const cleanUp = async () => {
    await images.clear();
    cleanLocalStorage(storageKey);
  };
  return { submission, ledger, cleanUp };
}

/** A stage as a word, with the image it concerns where it concerns one (`bytes 3f…`). */
const said = (stage: SubmissionStage) => {
  if (stage.stage === 'bytes') return `bytes ${stage.id}`;
  if (stage.stage === 'downloaded' || stage.stage === 'saved') return `${stage.stage} ${stage.image.id}`;
  return stage.stage;
};

describe('a submission’s stages (onStage)', () => {
  controlledClock();

  it('come in order: the veto, the last step, started, each image’s (progress, accepted, bytes, downloaded, saved), stored', async () => {
    const told: string[] = [];
    const { submission, ledger, cleanUp } = bflSubmission(2, {
      onSubmit: () => (told.push('veto asked'), true),
      beforeSend: async () => void told.push('before send'),
      onStage: (stage) => void told.push(said(stage)),
    });
    try {
      const { result } = await submit(submission);
      const ids = ledger.entries().map((entry) => entry.id);
      expect(ids).to.have.length(2);
      expect(told.slice(0, 3)).to.deep.equal(['veto asked', 'before send', 'started']);
      expect(told.at(-1)).to.equal('stored');
      expect(told.filter((word) => word === 'started' || word === 'stored')).to.deep.equal(['started', 'stored']);
      for (const id of ids) {
        const at = (word: string) => told.indexOf(word);
        // BFL accepts each image (two of them) before it is made; the image's own stages follow in this order.
        expect(at(`bytes ${id}`)).to.be.greaterThan(told.indexOf('accepted'));
        expect(at(`bytes ${id}`)).to.be.lessThan(at(`downloaded ${id}`));
        expect(at(`downloaded ${id}`)).to.be.lessThan(at(`saved ${id}`));
        expect(at(`saved ${id}`)).to.be.lessThan(at('stored'));
      }
      expect(told.filter((word) => word === 'accepted')).to.have.length(2);
      const progress = told.filter((word) => word === 'progress');
      expect(progress.length, 'progress while each image is made').to.be.greaterThan(0);
      expect(told.indexOf('progress')).to.be.greaterThan(told.indexOf('started'));
      expect(told.lastIndexOf('progress')).to.be.lessThan(told.indexOf('stored'));
      expect(result.images).to.have.length(2);
    } finally {
      await cleanUp();
    }
  });

  it('the result waits for `stored` (the widget reads its gallery back then); no other stage is awaited', async () => {
    let release!: () => void;
    const storedDone = new Promise<void>((resolve) => (release = resolve));
    let storedTold = false;
    const { submission, cleanUp } = bflSubmission(1, {
      onStage: (stage) => {
        if (stage.stage !== 'stored') return new Promise<void>(() => {}); // never settles: not awaited
        storedTold = true;
        return storedDone;
      },
    });
    try {
      let settled = false;
      const submitting = submit(submission).finally(() => (settled = true));
      await until(() => storedTold);
      await Promise.resolve();
      expect(settled, 'not before `stored` is done').to.equal(false);
      release();
      expect((await submitting).result.images).to.have.length(1);
    } finally {
      await cleanUp();
    }
  });

  it('a veto stops it before any stage: nothing is sent, nothing booked', async () => {
    const told: string[] = [];
    const { submission, ledger, cleanUp } = bflSubmission(1, {
      onSubmit: () => false,
      onStage: (stage) => void told.push(said(stage)),
    });
    try {
      const error = await submit(submission).then(
        () => undefined,
        (thrown: { code: string }) => thrown,
      );
      expect(error?.code).to.equal('cancelled');
      expect(told).to.deep.equal([]);
      expect(ledger.entries()).to.deep.equal([]);
    } finally {
      await cleanUp();
    }
  });
});

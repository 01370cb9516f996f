// Each image of a submission is one attempt (src/generation/image-attempt.ts) that settles to a value of its own (what
// it stored and booked, or its error and what it booked), which runGeneration only sums; and the images' progress is
// told together by one reporter each attempt reports to (src/generation/combined-progress.ts).
import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import { combinedProgress } from '../../src/generation/combined-progress.js';
import { Durations } from '../../src/generation/durations.js';
import type { GenerationJob } from '../../src/generation/generation-job.js';
import { ImageAttempt, type BatchContext } from '../../src/generation/image-attempt.js';
import type { SubmissionStage } from '../../src/generation/stages.js';
import type { Provider, ProviderOutcome, RunContext } from '../../src/providers/provider.js';
import { generationJob } from '../support/generation.js';

/** A provider whose every image does what `run` says with its callbacks, the seed telling which image it is. */
function scripted(run: (image: number, context: RunContext) => Promise<ProviderOutcome>): Provider {
  return {
    id: 'bfl',
    defaultEndpoint: 'https://api.bfl.example',
    needsKey: true,
    generate: (request, context) => run(request.seed!, context),
  };
}

/** What every attempt of a submission of `count` images shares, frozen: an attempt that changed it would throw. */
function submission(provider: Provider, count: number, told: SubmissionStage[] = []) {
  const job: GenerationJob = generationJob({
    provider,
    endpoint: 'https://api.bfl.example',
    apiKey: 'sim-attempt-key',
    request: { count, seed: 0 },
    onStage: (stage) => void told.push(stage),
  });
  const { request, quote, ledger } = job;
  const { provider: id, model, width, height, prompt } = request;
  const entry = { provider: id, model, width, height, quoted: quote.perImage, prompt };
  const kind = 'bfl flux-2-klein-4b 1';
  const shared: BatchContext = Object.freeze({
    job,
    batch: 'batch-1',
    entry: Object.freeze(entry),
    poll: { initialMs: 1, maxMs: 1, timeoutMs: 1000 },
    durations: new Durations(ledger.storageKey, ledger.storage),
    kind,
    progress: combinedProgress(job, 0),
  });
  return { job, shared };
}

const image = (): ProviderOutcome['image'] => ({ blob: new Blob(['png']), width: 8, height: 8 });

describe('ImageAttempt: one image, settled to a value of its own', () => {
  it('each settles to what it came to: an image stored, with its charge; a charged failure, with its error and charge', async () => {
    const provider = scripted(async (index, context) => {
      context.onSending?.();
      if (index === 0)
        return { image: image(), task: { provider: 'bfl', id: 'task-0' }, charge: { usd: '0.02', upstream: '0.01' } };
      context.onAccepted?.({ provider: 'bfl', id: 'task-1' }, { usd: '0.03', credits: '3' });
      throw Object.assign(new UserPaysError('moderated', 'The result was withheld by moderation.'), { billed: true });
    });
    const { job, shared } = submission(provider, 2);
    const kept = { ...shared };
    try {
      const entries = await job.ledger.reserve([shared.entry, shared.entry], job.quote.total);
      const [made, failed] = await Promise.all(
        entries.map(({ id }, index) => new ImageAttempt(shared, id, index).settle()),
      );

      expect('stored' in made && made.stored.id).to.equal(entries[0].id);
      expect(made).to.include({ charged: '0.02', upstream: '0.01', unreported: false });
      expect('error' in failed && failed.error.code).to.equal('moderated');
      expect(failed).to.include({ charged: '0.03', unreported: false });
      expect('stored' in failed, 'a failure stores nothing').to.equal(false);
      // What the ledger booked is what the values say: runGeneration's sum of them is the submission's charge.
      expect(job.ledger.entries().map(({ status, charged }) => [status, charged])).to.deep.equal([
        ['charged', '0.02'],
        ['charged', '0.03'],
      ]);
      // Nothing the attempts share was replaced (it is frozen besides: a change would have thrown).
      for (const key of Object.keys(kept) as (keyof BatchContext)[]) expect(shared[key]).to.equal(kept[key]);
    } finally {
      await job.images.clear();
    }
  });

  it('an image the provider did not report the charge of settles marked unreported, at its quote, even when it then fails', async () => {
    const provider = scripted(async (index, context) => {
      context.onSending?.();
      context.onBilled?.();
      return { image: image(), task: { provider: 'bfl', id: `task-${index}` }, unreported: true };
    });
    const { job, shared } = submission(provider, 2);
    try {
      const entries = await job.ledger.reserve([shared.entry, shared.entry], job.quote.total);
      // The second image's saving fails after the provider answered: its failure keeps what the answer said.
      const put = job.images.put.bind(job.images);
      job.images.put = (stored) =>
        stored.id === entries[1].id ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : put(stored);
      const settled = await Promise.all(entries.map(({ id }, index) => new ImageAttempt(shared, id, index).settle()));
      expect(settled.map((value) => ['stored' in value, value.charged, value.unreported])).to.deep.equal([
        [true, job.quote.perImage, true],
        [false, job.quote.perImage, true],
      ]);
    } finally {
      await job.images.clear();
    }
  });
});

describe('combinedProgress: the images’ progress told together', () => {
  it('the mean of every image’s last known fraction, unknown until one says; each image’s words say which it is', () => {
    const told: SubmissionStage[] = [];
    const { job } = submission(
      scripted(() => Promise.reject(new Error('not sent'))),
      2,
      told,
    );
    const report = combinedProgress(job, 0);
    report(0, { status: { text: 'Queued' } });
    report(1, { status: { text: 'Generating' }, progress: 0.5 });
    report(0, { status: { text: 'Generating' }, progress: 0.25 });
    // A report without a fraction keeps the image's last one.
    report(1, { status: { text: 'Downloading' } });
    report(1, { status: { text: 'Ready' }, progress: 1 });
    const details = told.flatMap((stage) => (stage.stage === 'progress' ? [stage.detail] : []));
    expect(details.map(({ status, progress }) => [status.text, progress])).to.deep.equal([
      ['Queued (1 of 2)', undefined],
      ['Generating (2 of 2)', 0.25],
      ['Generating (1 of 2)', 0.375],
      ['Downloading (2 of 2)', 0.375],
      ['Ready (2 of 2)', 0.625],
    ]);
  });
});

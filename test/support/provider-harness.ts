// One provider adapter (src/providers/) run the way the widget runs it, against its simulator over real HTTP: each
// generation with a key of its own, recording what happened when (the fetches, `onAccepted`, the progress shown).
import { expect } from '@open-wc/testing';
import type {
  Charge,
  Provider,
  ProviderOutcome,
  ProviderRequest,
  ProviderTask,
  RunContext,
} from '../../src/providers/provider.js';
import { failure } from './failure.js';
import { recordFetches } from './record-fetches.js';
import { simEndpoint, taskLog, unique, type SimulatorName } from './sim.js';
import { generation as text } from '../../src/strings/generation.js';

/** One generation under way: its key, how to cancel it, what the adapter reported, and its outcome. */
export interface GenerationRun {
  key: string;
  controller: AbortController;
  /** The task, once the provider accepted it (`onAccepted`), with the charge it reported then. */
  task?: ProviderTask;
  charge?: Charge;
  /** How many times `onAccepted` was called. */
  accepted: number;
  /** How many times the adapter said the request was certainly not charged (`onUncharged`), or certainly was (`onBilled`). */
  uncharged: number;
  billed: number;
  /** Every progress status reported, in order. */
  statuses: string[];
  /** Settles to the outcome, or rejects with the UserPaysError. */
  promise: Promise<ProviderOutcome>;
}

export interface HarnessOptions {
  /** How this provider's keys begin (`sk-gw-test`…): each generation has a fresh key. */
  keyPrefix: string;
  /** The simulator on the other loopback name: every call cross-origin with CORS, as the provider's API is. */
  crossOrigin?: boolean;
  /** The request each generation sends, unless a test says otherwise: FLUX.2 [klein] 4B at 512×384 by default. */
  request?: ProviderRequest;
}

/**
 * Runs `provider` against its simulator (demo/sim/<provider id>.mjs). Registers, for the calling suite, the record of
 * every fetch (`calls`, emptied before each test, with `accepted` pushed where `onAccepted` came), and returns
 * `start`, which begins one generation under `scenario`, with `request` and `context` over the defaults; `endpoint`
 * is the simulator's base URL under a scenario.
 */
export function providerHarness<P extends Provider>(
  provider: P,
  {
    keyPrefix,
    crossOrigin = false,
    request: defaults = { model: 'flux-2-klein-4b', prompt: 'a lighthouse at dusk', width: 512, height: 384 },
  }: HarnessOptions,
) {
  const endpoint = (scenario = '') => simEndpoint(provider.id as SimulatorName, scenario, { crossOrigin });
  const calls = recordFetches();
  function start(scenario = '', request: Partial<ProviderRequest> = {}, context: Partial<RunContext> = {}) {
    const controller = new AbortController();
    const run: GenerationRun = {
      key: unique(keyPrefix),
      controller,
      accepted: 0,
      uncharged: 0,
      billed: 0,
      statuses: [],
      promise: undefined as unknown as Promise<ProviderOutcome>,
    };
    run.promise = provider.generate(
      { ...defaults, ...request },
      {
        endpoint: endpoint(scenario),
        apiKey: run.key,
        signal: controller.signal,
        onAccepted(task, charge) {
          calls.push('accepted');
          run.accepted++;
          run.task = task;
          run.charge = charge;
        },
        onProgress: (progress) => run.statuses.push(progress.status.text),
        onUncharged: () => run.uncharged++,
        onBilled: () => run.billed++,
        ...context,
      },
    );
    return run;
  }
  /** Runs one generation (as `start`) to its image: the run, with its `outcome`. */
  async function completed(scenario = '', request: Partial<ProviderRequest> = {}, context: Partial<RunContext> = {}) {
    const run = start(scenario, request, context);
    return Object.assign(run, { outcome: await run.promise });
  }
  /**
   * A generation that never gets ready (fault=never-ready), given up after 1.3 s: the run, and how long it took to fail
   * with timeout (checked: retryable).
   */
  async function timedOut() {
    const started = performance.now();
    const run = start('fault=never-ready', {}, { poll: { initialMs: 500, maxMs: 500, timeoutMs: 1300 } });
    const error = await failure(run.promise);
    expect([error.code, error.retryable]).to.deep.equal(['timeout', true]);
    return { run, elapsed: performance.now() - started };
  }
  /**
   * What the simulator received of the model's controls in a run's submission (its log's `asked`: the fields as they
   * came), found by the task the provider accepted.
   */
  async function asked(run: { task?: ProviderTask }) {
    return (await taskLog(provider.id as SimulatorName, run.task!.id))[0].asked;
  }
  /**
   * A generation with `request` (its model's settings) refused before anything was sent: invalid-input, not retryable,
   * in `words`; no request made, nothing accepted.
   */
  async function refused(request: Partial<ProviderRequest>, words: RegExp) {
    const run = start('', request);
    const error = await failure(run.promise);
    const what = JSON.stringify(request);
    expect([error.code, error.retryable], what).to.deep.equal(['invalid-input', false]);
    expect(error.message, what).to.match(words);
    expect(calls, what).to.deep.equal([]);
    expect(run.accepted, what).to.equal(0);
  }
  return { provider, start, completed, timedOut, asked, refused, calls, endpoint, newKey: () => unique(keyPrefix) };
}

type Harness = ReturnType<typeof providerHarness>;

/**
 * The refusals every adapter meets at submit, one test per case (401, 402, `more` of the provider's own, 500, a lost
 * connection): the fault rejects with its code, retryable or not, nothing accepted, the key in no message; one
 * submission was sent, and after it only the probes (GETs, without the key) that tell a lost connection from a CORS
 * refusal. Then a 429 says the wait its Retry-After asked for, and an account with nothing left (key sim-empty) is
 * insufficient-funds.
 */
export function itMapsSubmitFailures({ start, calls, provider }: Harness, more: [string, string, boolean][] = []) {
  const cases: [string, string, boolean][] = [
    ['fault=401', 'auth-failed', false],
    ['fault=402', 'insufficient-funds', false],
    ...more,
    ['fault=500', 'provider-error', true],
    ['fault=network', 'network', true],
  ];
  for (const [scenario, code, retryable] of cases) {
    it(`${scenario} → ${code}`, async () => {
      const run = start(scenario);
      const error = await failure(run.promise);
      expect([error.code, error.retryable]).to.deep.equal([code, retryable]);
      expect(run.accepted).to.equal(0);
      expect(error.message).to.not.contain(run.key);
      const [submit, ...after] = calls;
      expect(submit).to.match(/^POST /);
      expect(after.every((call) => call.startsWith('GET '))).to.equal(true);
      expect(calls.length).to.be.lessThan(4);
    });
  }

  it('fault=429 → rate-limited, retryable, naming the provider and the wait from Retry-After', async () => {
    const run = start('fault=429;retryAfter=7');
    const error = await failure(run.promise);
    expect([error.code, error.retryable]).to.deep.equal(['rate-limited', true]);
    expect(error.message).to.equal(text.tooManyRequests(7, provider.id));
    expect(error.message).not.to.match(/^The provider/);
  });

  it('an account with nothing left (key sim-empty) → insufficient-funds', async () => {
    expect((await failure(start('', {}, { apiKey: 'sim-empty' }).promise)).code).to.equal('insufficient-funds');
  });
}

/** What every adapter checks before it sends anything: no key is auth-required; an aborted signal is cancelled. */
export function itRefusesBeforeSending({ start, calls }: Harness) {
  it('no key → auth-required before any request', async () => {
    const error = await failure(start('', {}, { apiKey: undefined }).promise);
    expect(error.code).to.equal('auth-required');
    expect(calls).to.deep.equal([]);
  });

  it('an already-aborted signal rejects with cancelled and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(start('', {}, { signal: controller.signal }).promise)).code).to.equal('cancelled');
    expect(calls).to.deep.equal([]);
  });
}

/** Polls every 500 ms: the retry tests need not wait for the full back-off (its unit tests cover it). */
export const FAST_POLLS = { initialMs: 500, maxMs: 500, timeoutMs: 10_000 };

/**
 * How an adapter that polls (BFL, fal) meets failing status polls: two 5xx, or a network blip, are ridden out and the
 * image comes; a status that keeps failing gives up with provider-error after 4 tries. `polls`: a task's status polls
 * as its simulator logged them.
 */
export function itRidesOutFailingPolls({ start }: Harness, polls: (task: ProviderTask) => Promise<unknown[]>) {
  it('rides out a couple of 5xx and network blips while polling, then completes', async () => {
    const a = start('pending=100;fault=500;at=poll;times=2', {}, { poll: FAST_POLLS });
    const b = start('pending=100;fault=network;at=poll;times=1', {}, { poll: FAST_POLLS });
    const [outA, outB] = await Promise.all([a.promise, b.promise]);
    expect([outA.image.width, outB.image.width]).to.deep.equal([512, 512]);
    expect(await polls(a.task!)).to.have.length(3);
  });

  it('gives up with provider-error when the status keeps failing (4 tries)', async () => {
    const run = start('fault=500;at=poll', {}, { poll: FAST_POLLS });
    expect((await failure(run.promise)).code).to.equal('provider-error');
    expect(await polls(run.task!)).to.have.length(4);
  });
}

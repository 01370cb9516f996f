// Puter writes an account's usage late, in batches about 5 s apart (HeyPuter/puter@8307e8c: the image providers call
// `incrementUsage` without awaiting it), so the balance drop over one call may hold an earlier call's charge. Each image
// is booked once all the same: the real SDK and pipeline against the simulator, whose meter writes usage late under
// `meter=held` (when the test says: POST /sim/puter/_meter) or `meterMs=<ms>` (in batches), while `_charges` says what
// was charged at once. The adapter's clock is stopped (test/support/clock.ts): no owed call is let go meanwhile.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { runGeneration } from '../../src/generation/run-generation.js';
import { PuterProvider } from '../../src/providers/puter/adapter.js';
import { controlledClock } from '../support/clock.js';
import { loadedFrame } from '../support/frames.js';
import { generationJob } from '../support/generation.js';
import { puterCalls, puterEndpoint, puterSessionsEnded, puterUsage, signedInToPuter } from '../support/puter.js';
import { simCharged, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { until } from '../support/wait.js';

/** $0.001 an image at Puter, as quoted and as the simulator charges. */
const KLEIN = 'flux-2-klein-4b';
/** $0.07340032 an image at 1024×1024 (Together's per-MP price), as quoted and as charged. */
const MAX = 'flux-2-max';
/** What a fresh simulated account has, microcents ($0.50). */
const START = 50_000_000;

/** Tells the simulator's meter to write now what it holds for `token`'s account, as one batch. */
async function writeMeter(token: string) {
  const response = await fetch('/sim/puter/_meter', { method: 'POST', body: JSON.stringify({ token }) });
  if (!response.ok) throw new Error(`_meter: HTTP ${response.status}`);
}

/** The other tab's commands (test/fixtures/puter-tab.ts). */
interface PuterTab {
  stopClock(at: number): void;
  generate(endpoint: string, token: string, model: string, storageKey: string): Promise<string>;
}

describe('Puter’s late meter: each image booked once', function () {
  this.timeout(30_000);
  puterSessionsEnded();
  const storageKey = storageKeysForgottenAfterEach();
  const time = controlledClock();
  const provider = new PuterProvider();
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  /** A fresh account, signed in; `at(scenario)` the simulator under that scenario for this test's calls. */
  async function account() {
    const run = unique();
    const at = (scenario: string) => puterEndpoint(`${scenario};run=${run}`);
    const { token } = await signedInToPuter(at('meter=held'));
    return { token, run, at };
  }

  /** One image of `model` at `endpoint` through the real pipeline, in this page: what it booked, USD. */
  const book = async (endpoint: string, model: string) =>
    (
      await runGeneration(
        generationJob({ provider, endpoint, storageKey: storageKey(), request: { provider: 'puter', model } }),
      )
    ).charged;

  /**
   * `call`, the `nth` generate call of `run`, resolved after the meter wrote what it held while the call ran: once the
   * simulator has the call (its reading before is done), before it answers (each such call takes 800 ms here).
   */
  async function writtenDuring<T>(run: string, nth: number, token: string, call: Promise<T>): Promise<T> {
    await until(async () => (await puterCalls(run)).length === nth, 5000, `generate call ${nth}`);
    await writeMeter(token);
    return call;
  }

  const sum = (booked: string[]) => Decimal.sum(0, ...booked).toString();

  it('two images one after the other, the first’s charge written during the second: $0.001 each, not $0.001 + $0.002', async () => {
    const { token, run, at } = await account();
    const first = await book(at('meter=held'), KLEIN);
    // The second's own charge is written at once, after the first's: its drop holds both.
    const second = await writtenDuring(run, 2, token, book(at('pending=800'), KLEIN));
    expect([first, second]).to.deep.equal(['0.001', '0.001']);
    expect(await simCharged('puter', token)).to.equal('0.002');
  });

  it('a drop that holds only the earlier image’s charge pays it: the later image books its quote', async () => {
    const { token, run, at } = await account();
    const first = await book(at('meter=held'), KLEIN);
    const second = await writtenDuring(run, 2, token, book(at('meter=held;pending=800'), MAX));
    expect([first, second]).to.deep.equal(['0.001', '0.07340032']);
    expect(await simCharged('puter', token)).to.equal(sum([first, second]));
  });

  it('the same from two tabs: the first image made in this page, the second in another', async () => {
    const { token, run, at } = await account();
    const frame = await loadedFrame('/test/fixtures/frame.html#puter-tab');
    frames.push(frame);
    const tab = (frame.contentWindow as unknown as { puterTab: PuterTab }).puterTab;
    tab.stopClock(time.now());
    const first = await book(at('meter=held'), KLEIN);
    const second = await writtenDuring(run, 2, token, tab.generate(at('pending=800'), token, KLEIN, storageKey()));
    expect([first, second]).to.deep.equal(['0.001', '0.001']);
    expect(await simCharged('puter', token)).to.equal('0.002');
  });

  it('books its quote for an image the meter never shows, and never again once the meter catches up', async () => {
    const { token, at } = await account();
    const booked = [await book(at('meter=held'), KLEIN), await book(at('meter=held'), MAX)];
    expect(booked, 'nothing shown: each its quote').to.deep.equal(['0.001', '0.07340032']);
    expect((await puterUsage(at('meter=held'), token)).allowanceInfo.remaining).to.equal(START);
    // Written now, before the next image: its reading before pays them, and its drop is its own alone.
    await writeMeter(token);
    const next = await book(at('pending=200'), KLEIN);
    expect(next).to.equal('0.001');
    expect(await simCharged('puter', token)).to.equal(sum([...booked, next]));
  });

  it('owes nothing for an image that failed (Puter charges only success): the next drop is the next image’s own', async () => {
    const { token, at } = await account();
    const failed = await book(at('meter=held;fault=failed'), MAX).catch((error: { code: string }) => error.code);
    expect(failed).to.equal('provider-error');
    // Charged twice its quote (scale=2): the drop is booked, not the quote, as nothing earlier is owed.
    expect(await book(at('scale=2'), KLEIN)).to.equal('0.002');
    expect(await simCharged('puter', token)).to.equal('0.002');
  });

  it('with the meter written in batches (every 300 ms here), images in a row are booked at what Puter charged', async () => {
    const { token, at } = await account();
    const booked: string[] = [];
    for (const model of [KLEIN, MAX, KLEIN, MAX]) booked.push(await book(at('meterMs=300'), model));
    const charged = await simCharged('puter', token);
    expect(sum(booked)).to.equal(charged);
    // Once the meter shows every charge, one more image's drop is its own, booked once.
    const shown = START - Number(new Decimal(charged).mul(1e8));
    await until(
      async () => (await puterUsage(at('meterMs=300'), token)).allowanceInfo.remaining === shown,
      5000,
      'the meter showing every charge',
    );
    booked.push(await book(at('meterMs=300'), KLEIN));
    expect(sum(booked)).to.equal(await simCharged('puter', token));
  });
});

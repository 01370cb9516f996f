// The BFL adapter end to end, over real HTTP against the BFL simulator mounted on the test server
// (demo/sim/bfl.mjs; faults by scenario path segment, see the comment at its top).
import { expect } from '@open-wc/testing';
import { BflProvider } from '../../src/providers/bfl/adapter.js';
import type { ProviderTask } from '../../src/providers/provider.js';
import type { ModelSettings, OutputFormat } from '../../src/base/types.js';
import { failure } from '../support/failure.js';
import { referenceImage as reference } from '../support/images.js';
import {
  itMapsSubmitFailures,
  itRefusesBeforeSending,
  itRidesOutFailingPolls,
  providerHarness,
} from '../support/provider-harness.js';
import { pageFetch, releaseHold, type SimLogEntry, submitToBfl, taskLog } from '../support/sim.js';
import { pollClock } from '../../src/providers/engine/poll.js';
import { waitUntil } from '../support/wait.js';

/** FLUX.2 [klein] 4B at 512×384 from the BFL simulator, each generation with a key of its own; `calls` records
 * what happened when. */
const harness = providerHarness(new BflProvider(), { keyPrefix: 'test-key' });
const { provider, start, completed, calls, endpoint, newKey } = harness;
const SIM = endpoint();

const polls = (log: SimLogEntry[]) => log.filter((e) => e.path.includes('/get_result'));

describe('BflProvider against the BFL simulator', () => {
  it('generates end to end: real PNG of the right size, the simulator’s cost booked, onAccepted before any poll', async () => {
    const refs = [reference(80, 48), reference(1100, 1000, 'image/jpeg')];
    // deliveryCors: as through a relay; BFL's own delivery host answers no CORS (the next test).
    // progress=moving: BFL's schema allows progress, though no recorded FLUX.2 task reports any (the next tests).
    // Long enough that a poll lands while the task is under way, however slow the machine running the suite.
    const run = start('pending=2500;deliveryCors=1;progress=moving', {
      model: 'flux-2-pro',
      width: 1280,
      height: 1024,
      seed: 42,
      inputs: refs,
    });
    const outcome = await run.promise;

    // 1.25 MP out → 2 MP: 3 + 1.5; references 1 MP + 2 MP (1.05 MP) at 1.5 each → 9 credits (the simulator's own table).
    expect(run.charge).to.deep.equal({ credits: '9', usd: '0.09' });
    expect(outcome.charge).to.deep.equal(run.charge);
    const { credits } = await (await pageFetch(`${SIM}/v1/credits`, { headers: { 'x-key': run.key } })).json();
    expect(credits).to.equal(1000 - 9);

    expect(outcome.image.blob!.type).to.equal('image/png');
    const bitmap = await createImageBitmap(outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1280, 1024]);
    expect([outcome.image.width, outcome.image.height, outcome.image.seed]).to.deep.equal([1280, 1024, 42]);
    expect(outcome.task).to.deep.equal(run.task);
    expect(run.task!.provider).to.equal('bfl');
    expect(run.accepted).to.equal(1);

    expect(calls[0]).to.equal(`POST ${SIM}/s/pending=2500;deliveryCors=1;progress=moving/v1/flux-2-pro`);
    expect(calls[1]).to.equal('accepted');
    expect(calls.slice(2).every((c) => c.startsWith('GET '))).to.equal(true);
    expect(run.statuses[0]).to.equal('Queued');
    expect(run.statuses.some((s) => /^Generating \d+%$/.test(s))).to.equal(true);
    expect(run.statuses.at(-1)).to.equal('Downloading image');
  });

  // FLUX 3 tasks say `Reasoning`, then `Generating`, where FLUX.2 tasks say `Pending`: a task under way by any word
  // but BFL's ended ones is polled on to its image, and its cost booked, never abandoned as failed while BFL makes it.
  it('polls a task that says Reasoning, then Generating, to its image, and books its cost', async () => {
    const run = start('pending=2500;running=Reasoning,Generating;deliveryCors=1', {
      model: 'flux-2-klein-4b',
      width: 1024,
      height: 1024,
    });
    const outcome = await run.promise;
    expect(outcome.image.blob!.type).to.equal('image/png');
    expect(run.charge).to.deep.equal({ credits: '1.4', usd: '0.014' });
    expect(run.statuses).to.include('Under way at BFL (it does not say how far along)');
  });

  it('the simulator says Reasoning, then Generating, where the scenario asks it (as FLUX 3 tasks do)', async () => {
    const scenario = `${SIM}/s/pending=1200;running=Reasoning,Generating`;
    const { body } = await submitToBfl(scenario, newKey(), 'flux-2-klein-4b', {
      prompt: 'a fox',
      width: 512,
      height: 512,
    });
    const said: string[] = [];
    for (let status = ''; status !== 'Ready'; await new Promise((resolve) => setTimeout(resolve, 100))) {
      status = (await (await pageFetch(body.polling_url)).json()).status;
      if (said.at(-1) !== status) said.push(status);
    }
    expect(said).to.deep.equal(['Reasoning', 'Generating', 'Ready']);
  });

  it('sends the references as raw base64 and the simulator bills their decoded sizes', async () => {
    const run = start('pending=100', {
      model: 'flux-2-klein-9b',
      width: 1024,
      height: 1024,
      inputs: [reference(2048, 1024)],
    });
    await run.promise;
    // 1.5 first MP + one 2 MP reference × 0.2
    expect(run.charge).to.deep.equal({ credits: '1.9', usd: '0.019' });
  });

  it('follows the polling URL on another host and never sends the key there nor to the delivery host', async () => {
    const run = await completed('pending=300');
    const log = await taskLog('bfl', run.task!.id);
    const [submit, ...rest] = log;
    expect(submit.method).to.equal('POST');
    expect(submit.host).to.equal(location.host);
    expect(submit.hasKey).to.equal(true);
    expect(new URL(run.task!.pollingUrl!).host).to.not.equal(location.host);
    expect(polls(rest).length).to.be.at.least(1);
    expect(rest.at(-1)!.path).to.match(/^\/sim\/delivery\//);
    for (const entry of rest) {
      expect(entry.host, entry.path).to.not.equal(location.host);
      expect(entry.hasKey, entry.path).to.equal(false);
      expect(entry.hasAuthorization, entry.path).to.equal(false);
    }
  });

  it('sends the key to a polling URL on the endpoint’s own origin (a proxy may need it), never to delivery', async () => {
    const run = await completed('pending=100;samehost=1');
    const log = await taskLog('bfl', run.task!.id);
    expect(polls(log).every((e) => e.host === location.host && e.hasKey)).to.equal(true);
    const delivery = log.filter((e) => e.path.startsWith('/sim/delivery/'));
    expect(delivery.length).to.equal(1);
    expect(delivery[0].hasKey).to.equal(false);
  });

  it('shows no percentage BFL did not send: as recorded, Pending polls carry progress null', async () => {
    const run = await completed('pending=1200;pollWait=none');
    expect(run.statuses.filter((s) => /%/.test(s))).to.deep.equal([]);
    expect(run.statuses).to.include('Under way at BFL (it does not say how far along)');
  });

  it('waits as long as a status reply’s Retry-After asks, where it asks for more than BFL’s usual 0 or 1', async () => {
    const run = await completed('pending=4500;pollWait=2');
    const times = polls(await taskLog('bfl', run.task!.id)).map((e) => e.at);
    expect(times.length).to.be.at.least(2);
    times.forEach((t, i) => i && expect(t - times[i - 1], `poll ${i}`).to.be.at.least(1990));
  });

  it('takes BFL’s recorded Retry-After 0|1 as the hint it is: its own schedule, twice a second at most', async () => {
    // The schedule's time is a clock this test controls: each wait is what the schedule asked for, taken at once (a
    // real 10 ms, the task held Pending until the test has seen four polls), so no slowness of the machine shows.
    const asked: number[] = [];
    const real = { ...pollClock };
    let now = 0;
    pollClock.now = () => now;
    pollClock.wait = (ms, signal) => {
      asked.push(ms);
      now += ms;
      return real.wait(10, signal);
    };
    const hold = `retry-after-${Math.random()}`;
    try {
      // Every reply says 1 here (pollWait=1), as BFL's do for about half a second at a time.
      const run = start(`pending=0;pollWait=1;hold=${hold}`);
      await waitUntil(() => asked.length >= 4, 'four polls', { timeout: 10_000 });
      await releaseHold('bfl', hold);
      await run.promise;
    } finally {
      Object.assign(pollClock, real);
    }
    // The widget's own schedule, 500 ms, then ×1.25 a poll: held to each "1", it would be 500, then 1,000 each time.
    expect(asked.slice(0, 4)).to.deep.equal([500, 625, 781.25, 976.5625]);
  });

  // How soon a ready task is seen is the schedule's, held with a clock the test controls (poll.test.ts) and measured by
  // `npm run bench`; over real HTTP and the machine's own clock, only what no slowness can make untrue is held here.
  it('polls at most twice a second, and a few times only where progress says when it will be ready', async () => {
    // pollWait=none, progress=moving: no Retry-After, and progress to extrapolate from (both kinder than BFL), to see
    // the widget's own schedule at its best.
    const run = await completed('pending=2200;pollWait=none;progress=moving');
    const log = await taskLog('bfl', run.task!.id);
    const times = polls(log).map((e) => e.at);
    times.forEach((t, i) => i && expect(t - times[i - 1]).to.be.at.least(490));
    expect(times.at(-1)! - (log[0].at + 2200), 'the Ready poll after ready').to.be.at.least(0);
    expect(times.length).to.be.at.most(5);
  });

  describe('failures at submit map to our error codes, with nothing booked', () => {
    itMapsSubmitFailures(harness, [['fault=403', 'auth-failed', false]]);
    itRefusesBeforeSending(harness);

    it('fault=422 → invalid-input with BFL’s detail in the message', async () => {
      const error = await failure(start('fault=422').promise);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.contain('prompt: Simulated validation error: this prompt is not accepted');
    });

    it('a real validation error (FLUX.2 side not a multiple of 16) → invalid-input naming the field', async () => {
      const error = await failure(start('', { width: 1000 }).promise);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.contain('width: Input should be a multiple of 16');
    });

    it('an unknown model → invalid-input', async () => {
      const error = await failure(start('', { model: 'flux-9-imaginary' }).promise);
      expect(error.code).to.equal('invalid-input');
    });
  });

  describe('failures while polling', () => {
    it('Request Moderated → moderated, marked uncertain (BFL debited it at acceptance; no source says it is returned)', async () => {
      const run = start('fault=request-moderated');
      const error = await failure(run.promise);
      expect([error.code, error.retryable, error.uncharged, error.uncertain]).to.deep.equal([
        'moderated',
        false,
        false,
        true,
      ]);
      expect(error.message).to.contain('safety reasons');
      expect(run.accepted).to.equal(1);
    });

    it('Content Moderated → moderated, charged', async () => {
      const run = start('fault=content-moderated');
      const error = await failure(run.promise);
      expect([error.code, error.uncharged]).to.deep.equal(['moderated', false]);
      expect(run.charge).to.deep.equal({ credits: '1.4', usd: '0.014' });
    });

    it('Error → provider-error', async () => {
      expect((await failure(start('fault=error').promise)).code).to.equal('provider-error');
    });

    it('Task not found → provider-error', async () => {
      expect((await failure(start('fault=task-not-found').promise)).code).to.equal('provider-error');
    });

    it('honours Retry-After on a 429 while polling', async () => {
      const run = await completed('pending=100;fault=429;at=poll;times=1;retryAfter=2');
      const times = polls(await taskLog('bfl', run.task!.id)).map((e) => e.at);
      expect(times.length).to.equal(2);
      // Longer than the 1 s back-off after a failed poll: the wait is the provider's.
      expect(times[1] - times[0]).to.be.at.least(1990);
    });

    itRidesOutFailingPolls(harness, async (task) => polls(await taskLog('bfl', task.id)));

    it('a task that never gets ready → timeout after PollPolicy.timeoutMs', async () => {
      const { run, elapsed } = await harness.timedOut();
      // Not before the 1.3 s timeout, and not later: polled every 500 ms, it gave up before a third poll (a count a slow
      // machine only lowers, where a bound on the time would hold the machine's speed).
      expect(elapsed).to.be.at.least(1250);
      expect(polls(await taskLog('bfl', run.task!.id)).length).to.be.at.most(2);
      expect(run.accepted).to.equal(1);
    });

    it('cancel mid-poll rejects with cancelled at once and stops polling', async () => {
      // Each reply asks for a minute before the next poll (Retry-After: 60): a cancel that waited for the next poll, or
      // for the wait before it, would outlast the test's own timeout; no bound on the machine's clock is needed.
      const run = start('pending=5000;pollWait=60');
      while (!run.task || polls(await taskLog('bfl', run.task.id)).length < 1)
        await new Promise((r) => setTimeout(r, 50));
      const pollsAtAbort = polls(await taskLog('bfl', run.task!.id)).length;
      run.controller.abort();
      const error = await failure(run.promise);
      expect(error.code).to.equal('cancelled');
      // Without another poll.
      expect(polls(await taskLog('bfl', run.task!.id)).length).to.equal(pollsAtAbort);
      const count = calls.length;
      const before = (await taskLog('bfl', run.task!.id)).length;
      await new Promise((r) => setTimeout(r, 1600));
      expect(calls.length).to.equal(count);
      expect((await taskLog('bfl', run.task!.id)).length).to.equal(before);
    });
  });

  describe('image delivery', () => {
    it('BFL’s delivery host answers no CORS: the image is shown from its URL, measured, with the link’s expiry', async () => {
      const run = start('pending=50', { width: 640, height: 480 });
      const outcome = await run.promise;
      expect(outcome.image.blob).to.equal(undefined);
      const url = new URL(outcome.image.remote!.url);
      expect(url.pathname).to.match(/^\/sim\/delivery\/[\w-]+\.png$/);
      // The signed expiry, unless this browser's clock disagrees with it (the suite also runs with its clock
      // moved): then BFL's documented 10 minutes from now.
      const signed = Date.parse(url.searchParams.get('se')!);
      const plausible = signed > Date.now() && signed - Date.now() <= 3_600_000;
      if (plausible) expect(outcome.image.remote!.expiresAt).to.equal(signed);
      else expect(outcome.image.remote!.expiresAt).to.be.closeTo(Date.now() + 600_000, 5000);
      expect([outcome.image.width, outcome.image.height]).to.deep.equal([640, 480]);
      expect(outcome.charge).to.deep.equal({ credits: '1.4', usd: '0.014' });
    });

    it('an expired delivery URL that the page may not read: provider-error in words (after the charge)', async () => {
      const error = await failure(start('fault=expired-delivery').promise);
      expect(error.code).to.equal('provider-error');
      expect(error.message).to.match(/could not be loaded .*link may have expired/);
    });

    it('an expired delivery URL → provider-error (after the charge was reported)', async () => {
      const run = start('fault=expired-delivery;deliveryCors=1');
      const error = await failure(run.promise);
      expect(error.code).to.equal('provider-error');
      expect(error.message).to.contain('403');
      expect(run.charge).to.deep.equal({ credits: '1.4', usd: '0.014' });
      expect((await taskLog('bfl', run.task!.id)).at(-1)!.path).to.match(/^\/sim\/delivery\//);
    });

    it('an image URL with a forbidden scheme/host is never fetched → provider-error', async () => {
      const run = start('fault=insecure-sample');
      const error = await failure(run.promise);
      expect(error.code).to.equal('provider-error');
      expect(calls.some((c) => c.includes('delivery.example.com'))).to.equal(false);
      expect(calls.at(-1)).to.contain('/get_result');
    });

    it('rejects a plain-http endpoint on a non-loopback host before anything is sent', async () => {
      const error = await failure(start('', {}, { endpoint: 'http://api.bfl.ai' }).promise);
      expect(error.code).to.equal('invalid-input');
      expect(calls).to.deep.equal([]);
    });
  });

  describe('the model’s own controls (SPEC §11), as BFL’s schema takes them', () => {
    const { asked } = harness;
    const refused = (model: string, settings: ModelSettings, words: RegExp) =>
      harness.refused({ model, settings }, words);

    it('says what each model takes: its ranges, defaults and whether a seed makes the same image again', () => {
      expect(provider.controls('flux-2-klein-4b')).to.deep.equal({
        safetyTolerance: { min: 0, max: 5, default: 2 },
        outputFormats: ['jpeg', 'png', 'webp'],
        seedReproduces: true,
        moderationCharged: true, // BFL debits a task when it accepts it: a moderated result is paid
      });
      expect(provider.controls('flux-2-pro')).to.include({ seedReproduces: false });
      expect(provider.controls('flux-2-max').enhancePrompt).to.deep.equal({ default: true });
      expect(provider.controls('flux-2-flex')).to.deep.include({
        enhancePrompt: { default: true },
        steps: { min: 1, max: 50, default: 50 },
        guidance: { min: 1.5, max: 10, default: 5 },
      });
      expect(provider.controls('flux-pro-1.1')).to.deep.include({
        enhancePrompt: { default: false },
        safetyTolerance: { min: 0, max: 6, default: 2 },
        seedReproduces: true,
      });
      expect(provider.controls('flux-pro-1.1-ultra')).to.deep.include({
        raw: { default: false },
        imagePromptStrength: { min: 0, max: 1, default: 0.1 },
      });
      expect(provider.controls('flux-kontext-pro').outputFormats![0]).to.equal('png');
      expect(provider.controls('flux-2-klein-9b')).to.not.have.any.keys('enhancePrompt', 'steps', 'raw');
    });

    it('[pro]: enhancement off sends prompt_upsampling false and the prompt is used as sent; on sends true', async () => {
      const off = await completed('pending=50', { model: 'flux-2-pro', settings: { enhancePrompt: false } });
      expect(await asked(off)).to.deep.equal({ prompt_upsampling: false, output_format: 'jpeg' });
      expect(off.outcome.image.revisedPrompt).to.equal(undefined);
      const on = await completed('pending=50', { model: 'flux-2-pro', settings: { enhancePrompt: true } });
      expect(await asked(on)).to.deep.equal({ prompt_upsampling: true, output_format: 'jpeg' });
      expect(on.outcome.image.revisedPrompt).to.contain('a lighthouse at dusk');
    });

    it('[pro] left at BFL’s default rewrites the prompt, and says the rewrite: the image’s revisedPrompt', async () => {
      const run = await completed('pending=50', { model: 'flux-2-pro' });
      expect(await asked(run)).to.deep.equal({ output_format: 'jpeg' });
      const { revisedPrompt } = run.outcome.image;
      expect(revisedPrompt).to.be.a('string').and.contain('a lighthouse at dusk');
      expect(revisedPrompt!.length).to.be.greaterThan('a lighthouse at dusk'.length);
      // [klein] has no prompt upsampling: the switch is not sent, and the prompt is used as it is.
      const klein = await completed('pending=50', { settings: { enhancePrompt: true } });
      expect(await asked(klein)).to.deep.equal({ output_format: 'jpeg' });
      expect(klein.outcome.image.revisedPrompt).to.equal(undefined);
    });

    it('the output format: BFL’s jpeg when none is chosen (png on Kontext), else the one chosen', async () => {
      expect(await asked(await completed('pending=50'))).to.include({ output_format: 'jpeg' });
      const webp = await completed('pending=50', { settings: { outputFormat: 'webp' } });
      expect(await asked(webp)).to.include({ output_format: 'webp' });
      const kontext = await completed('pending=50', { model: 'flux-kontext-pro', width: 1024, height: 1024 });
      expect(await asked(kontext)).to.include({ output_format: 'png' });
    });

    it('a moderation level reaches BFL as set: 4 on FLUX.2, 6 on FLUX1.1 [pro]', async () => {
      const flux2 = await completed('pending=50', { settings: { safetyTolerance: 4 } });
      expect(await asked(flux2)).to.include({ safety_tolerance: 4 });
      const flux1 = await completed('pending=50', {
        model: 'flux-pro-1.1',
        width: 1024,
        height: 768,
        settings: { safetyTolerance: 6 },
      });
      expect(await asked(flux1)).to.include({ safety_tolerance: 6 });
    });

    it('[flex]: steps and guidance as set; the other models are not sent them', async () => {
      const flex = await completed('pending=50', { model: 'flux-2-flex', settings: { steps: 12, guidance: 7.5 } });
      expect(await asked(flex)).to.include({ steps: 12, guidance: 7.5 });
      const pro = await completed('pending=50', { model: 'flux-2-pro', settings: { steps: 12, guidance: 7.5 } });
      expect(await asked(pro)).to.not.have.any.keys('steps', 'guidance');
    });

    it('Ultra: raw and the reference image’s strength as set', async () => {
      const ultra = await completed('pending=50', {
        model: 'flux-pro-1.1-ultra',
        width: 1024,
        height: 576,
        ratio: '16:9',
        settings: { raw: true, imagePromptStrength: 0.35 },
      });
      expect(await asked(ultra)).to.include({ raw: true, image_prompt_strength: 0.35 });
    });

    it('refuses a value out of the model’s range, or of another kind, in words, and sends nothing', async () => {
      await refused('flux-2-pro', { safetyTolerance: 6 }, /moderation level .* 0 \(strictest\) to 5/);
      await refused('flux-pro-1.1', { safetyTolerance: 7 }, /0 \(strictest\) to 6/);
      await refused('flux-2-klein-4b', { safetyTolerance: 2.5 }, /whole number/);
      await refused('flux-2-klein-4b', { safetyTolerance: '4' as unknown as number }, /moderation level/);
      await refused('flux-2-klein-4b', { outputFormat: 'gif' as OutputFormat }, /jpeg, png, webp images, not "gif"/);
      await refused('flux-2-pro', { enhancePrompt: 'yes' as unknown as boolean }, /on or off/);
      await refused('flux-2-flex', { steps: 0 }, /steps .* from 1 to 50/);
      await refused('flux-2-flex', { steps: 51 }, /from 1 to 50/);
      await refused('flux-2-flex', { guidance: 10.5 }, /guidance .* from 1\.5 to 10/);
      await refused('flux-pro-1.1-ultra', { imagePromptStrength: 1.5 }, /strength .* from 0 to 1/);
      await refused('flux-pro-1.1-ultra', { raw: 1 as unknown as boolean }, /Raw mode/);
      // The same check the pipeline asks before anything is booked.
      expect(() => provider.checkSettings('flux-2-pro', { safetyTolerance: 9 })).to.throw(/0 \(strictest\) to 5/);
      expect(() => provider.checkSettings('flux-2-klein-4b', { steps: 999 })).to.not.throw();
    });
  });

  describe('resume', () => {
    it('completes a task from its pollingUrl (after a reload), without needing the key', async () => {
      const key = newKey();
      const body = { prompt: 'a reloaded page', width: 320, height: 240, seed: 9 };
      const { body: submitted } = await submitToBfl(endpoint('pending=400'), key, 'flux-2-klein-4b', body);
      const task: ProviderTask = { provider: 'bfl', id: submitted.id, pollingUrl: submitted.polling_url };
      const outcome = await provider.resume(task, { endpoint: SIM, signal: new AbortController().signal });
      expect([outcome.image.width, outcome.image.height, outcome.image.seed]).to.deep.equal([320, 240, 9]);
      // Not knowing what was sent, it passes on the prompt BFL says it used (the pipeline compares: resume.ts).
      expect(outcome.image.revisedPrompt).to.equal('a reloaded page');
      expect(outcome.task).to.deep.equal(task);
      expect(calls.every((c) => c.startsWith('GET '))).to.equal(true);
    });

    it('refuses to resume from a polling URL on an unsafe host', async () => {
      const error = await failure(
        provider.resume(
          { provider: 'bfl', id: 'x', pollingUrl: 'http://evil.example.com/v1/get_result?id=x' },
          { endpoint: SIM, signal: new AbortController().signal },
        ),
      );
      expect(error.code).to.equal('provider-error');
      expect(calls).to.deep.equal([]);
    });
  });
});

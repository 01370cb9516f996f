// The fal adapter end to end, over real HTTP against the fal queue simulator mounted on the test server
// (demo/sim/fal.mjs; faults by scenario path segment, see the comment at its top). The simulator is reached
// on the test server's OTHER loopback name, so every call is cross-origin with CORS, as fal is for a page.
// Holds: src/providers/fal/prices.ts
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { UserPaysError } from '../../src/base/errors.js';
import { FalProvider, falBody } from '../../src/providers/fal/adapter.js';
import type { ProviderTask } from '../../src/providers/provider.js';
import { failure } from '../support/failure.js';
import { referenceImage as reference } from '../support/images.js';
import {
  itMapsSubmitFailures,
  itRefusesBeforeSending,
  itRidesOutFailingPolls,
  providerHarness,
} from '../support/provider-harness.js';
import { OTHER_HOST, pageFetch, releaseHold, type SimLogEntry, submitToFal, taskLog, unique } from '../support/sim.js';
import { sleep as wait, waitUntil } from '../support/wait.js';
import { imageWidget } from '../support/widget.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { falEndpointId } from '../../src/providers/fal/queue.js';

/** FLUX.2 [klein] 4B at 512×384 from the fal queue simulator, across origins, each generation with a key of its own;
 * `calls` records what happened when. */
const harness = providerHarness(new FalProvider(), { keyPrefix: 'fal-test-key', crossOrigin: true });
const { provider, start, completed, calls, endpoint, newKey } = harness;
const SIM = endpoint();

const polls = (log: SimLogEntry[]) => log.filter((e) => e.path.includes('/status'));

/**
 * Waits (up to 10 s: a loaded machine is slow) until `seen()` holds, then lets the requests the simulator holds under
 * `hold` on to their next state: each state a test must see lasts until it has been seen.
 */
async function seenThenReleased(seen: () => boolean, what: string, hold: string) {
  await waitUntil(seen, what, { timeout: 10_000 });
  await releaseHold('fal', hold);
}

describe('fal: endpoint ids and input', () => {
  it('maps our FLUX.2 ids to fal endpoint ids, /edit with references', () => {
    expect(falEndpointId('flux-2-klein-4b')).to.equal('fal-ai/flux-2/klein/4b');
    expect(falEndpointId('flux-2-klein-9b', 1)).to.equal('fal-ai/flux-2/klein/9b/edit');
    expect(falEndpointId('flux-2-pro')).to.equal('fal-ai/flux-2-pro');
    expect(falEndpointId('flux-2-max', 2)).to.equal('fal-ai/flux-2-max/edit');
  });

  it('sends the size as an image_size object and references as their URLs on fal’s CDN', () => {
    const ref = reference(8, 8);
    const onCdn = 'https://v3.fal.media/files/b/ref.png';
    expect(
      falBody(
        { model: 'flux-2-pro', prompt: 'p', width: 1280, height: 720, seed: 5, inputs: [ref] },
        { images: [onCdn] },
      ),
    ).to.deep.equal({
      prompt: 'p',
      image_size: { width: 1280, height: 720 },
      seed: 5,
      num_images: 1,
      output_format: 'jpeg', // fal's default for [pro] (Flux2ProInput)
      image_urls: [onCdn],
    });
    expect(falBody({ model: 'flux-2-pro', prompt: 'p', width: 64, height: 64 }).image_urls).to.equal(undefined);
  });
});

describe('FalProvider against the fal queue simulator', () => {
  it('generates end to end: queue position, logs, real PNG of the size asked, seed, no reported charge', async function () {
    this.timeout(40_000); // two states held until seen, each waited for up to 10 s
    // Each state held until the adapter has said it, however slow the machine running the suite.
    const hold = unique('hold');
    const scenario = `queue=1200;pending=2600;position=3;hold=${hold}`;
    const run = start(scenario, { width: 640, height: 384, seed: 7 });
    await seenThenReleased(() => run.statuses.some((s) => s.startsWith('Queued (position')), 'queued', hold);
    const fromLogs = (s: string) => /^Generating: step \d\/4$/.test(s) || s === 'Loading FLUX.2 [klein] 4B';
    await seenThenReleased(() => run.statuses.some(fromLogs), 'its log lines', hold);
    const outcome = await run.promise;

    expect(outcome.image.blob!.type).to.equal('image/png');
    const bitmap = await createImageBitmap(outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([640, 384]);
    expect([outcome.image.width, outcome.image.height, outcome.image.seed]).to.deep.equal([640, 384, 7]);
    expect(outcome.charge).to.equal(undefined);
    expect(run.charge).to.equal(undefined);

    // The queue URLs are the app's (fal-ai/flux-2), not the endpoint's sub-path.
    const base = `${SIM}/s/${scenario}/fal-ai/flux-2/requests/${run.task!.id}`;
    expect(run.task).to.deep.equal({
      provider: 'fal',
      id: run.task!.id,
      pollingUrl: `${base}/status`,
      responseUrl: base,
      cancelUrl: `${base}/cancel`,
    });
    expect(outcome.task).to.deep.equal(run.task);
    expect(calls[0]).to.equal(`POST ${SIM}/s/${scenario}/fal-ai/flux-2/klein/4b`);
    expect(calls[1]).to.equal('accepted');
    expect(calls.slice(2, -2).every((c) => c === `GET ${base}/status?logs=1`)).to.equal(true);
    expect(calls.at(-2)).to.equal(`GET ${base}`);
    expect(calls.at(-1)).to.match(/^GET .*\/sim\/fal-cdn\/files\//);

    const positions = run.statuses
      .filter((s) => s.startsWith('Queued (position'))
      .map((s) => Number(/\d+/.exec(s)![0]));
    expect(positions.length).to.be.at.least(1);
    expect(positions.every((p, i) => i === 0 || p <= positions[i - 1])).to.equal(true);
    expect(run.statuses.some(fromLogs)).to.equal(true);
    expect(run.statuses[0]).to.equal('Queued');
    expect(run.statuses.at(-1)).to.equal('Downloading image');
  });

  it('sends reference images to the /edit endpoint as image_urls, each uploaded to fal’s CDN first', async () => {
    const inputs = [reference(64, 48), reference(30, 30)];
    const run = start('', { model: 'flux-2-klein-9b', width: 320, height: 320, inputs });
    const outcome = await run.promise;
    const posts = calls.filter((call) => call.startsWith('POST ') || call.startsWith('PUT '));
    // Both images go to fal's storage (started with the key, then their bytes to the signed URL), then the request.
    expect(posts.slice(0, 2)).to.deep.equal(
      Array(2).fill(`POST ${SIM}/storage/upload/initiate?storage_type=fal-cdn-v3`),
    );
    expect(posts.slice(2, 4).every((call) => /^PUT http:\/\/[^/]+\/sim\/fal-upload\//.test(call))).to.equal(true);
    expect(posts[4]).to.equal(`POST ${SIM}/fal-ai/flux-2/klein/9b/edit`);
    const [submit] = await taskLog('fal', run.task!.id);
    expect(submit.inputs).to.deep.equal([
      [64, 48],
      [30, 30],
    ]);
    expect([outcome.image.width, outcome.image.height]).to.deep.equal([320, 320]);
  });

  it('sends the key with every queue call on the endpoint’s origin, and never to the image CDN', async () => {
    const run = await completed('pending=600');
    const log = await taskLog('fal', run.task!.id);
    const queue = log.filter((e) => e.path.startsWith('/sim/fal/'));
    const cdn = log.filter((e) => e.path.startsWith('/sim/fal-cdn/'));
    expect(queue.length).to.be.at.least(3);
    for (const entry of queue) {
      expect(entry.host, entry.path).to.equal(OTHER_HOST);
      expect(entry.hasKey, entry.path).to.equal(true);
    }
    expect(polls(queue).every((e) => e.path.endsWith('?logs=1'))).to.equal(true);
    expect(cdn).to.have.length(1);
    expect(cdn[0].host).to.not.equal(OTHER_HOST);
    expect(cdn[0].hasKey).to.equal(false);
  });

  it('rebases queue URLs that point at another origin onto the endpoint, so the key stays on its origin', async () => {
    const run = await completed('otherhost=1;pending=300');
    expect(new URL(run.task!.pollingUrl!).host).to.equal(location.host);
    const log = await taskLog('fal', run.task!.id);
    for (const entry of log.filter((e) => e.hasKey)) expect(entry.host, entry.path).to.equal(OTHER_HOST);
    expect(log.filter((e) => e.host === location.host).every((e) => e.path.startsWith('/sim/fal-cdn/'))).to.equal(true);
    expect(calls.filter((c) => c.includes(location.host)).every((c) => c.includes('/sim/fal-cdn/'))).to.equal(true);
  });

  // How soon a completed request is seen is the schedule's, held with a clock the test controls (poll.test.ts) and
  // measured by `npm run bench`; over real HTTP and the machine's own clock, only what no slowness can make untrue is
  // held here (a slow machine polls later, so less often, never more).
  it('polls at most twice a second, a few times in all, and fetches the result once completed', async () => {
    const run = await completed('queue=600;pending=2200');
    const log = await taskLog('fal', run.task!.id);
    const times = polls(log).map((e) => e.at);
    times.forEach((t, i) => i && expect(t - times[i - 1]).to.be.at.least(490));
    expect(times.length).to.be.within(2, 6);
    const result = log.find((e) => /\/requests\/[\w-]+$/.test(e.path))!;
    expect(result.at - (log[0].at + 2200), 'the result fetched after completion').to.be.at.least(0);
  });

  describe('failures at submit map to our error codes', () => {
    itMapsSubmitFailures(harness, [
      ['fault=403', 'auth-failed', false],
      ['fault=exhausted', 'insufficient-funds', false],
    ]);
    itRefusesBeforeSending(harness);

    it('fault=422 → invalid-input with fal’s detail in the message', async () => {
      const error = await failure(start('fault=422').promise);
      expect([error.code, error.retryable]).to.deep.equal(['invalid-input', false]);
      expect(error.message).to.contain('prompt: Simulated validation error: this prompt is not accepted');
    });

    it('a model fal does not serve here → invalid-input', async () => {
      expect((await failure(start('', { model: 'flux-kontext-pro' }).promise)).code).to.equal('invalid-input');
    });

    it('a plain-http endpoint on a non-loopback host → invalid-input before anything is sent', async () => {
      expect((await failure(start('', {}, { endpoint: 'http://queue.fal.run' }).promise)).code).to.equal(
        'invalid-input',
      );
      expect(calls).to.deep.equal([]);
    });
  });

  describe('failures after acceptance', () => {
    // docs.fal.ai/faq: a 422 after the request ran "may still be charged if a runner spent GPU time".
    it('a content-policy rejection in the result → moderated, not retryable, and it may have been charged', async () => {
      const run = start('fault=moderated');
      const error = await failure(run.promise);
      expect([error.code, error.retryable]).to.deep.equal(['moderated', false]);
      expect(run.accepted).to.equal(1);
      expect(run.charge).to.equal(undefined);
      expect([run.uncharged, run.billed]).to.deep.equal([0, 0]);
    });

    // docs.fal.ai/faq: "Server errors (HTTP 500+) are never charged"; fal types its own (request-errors).
    it("fal's own server error in the result (typed) → provider-error, certainly not charged", async () => {
      const run = start('fault=error');
      expect((await failure(run.promise)).code).to.equal('provider-error');
      expect([run.uncharged, run.billed]).to.deep.equal([1, 0]);
    });

    it('an untyped 500 for the result of a finished request → provider-error, and it may have been charged', async () => {
      const run = start('fault=result-500');
      expect((await failure(run.promise)).code).to.equal('provider-error');
      expect([run.uncharged, run.billed]).to.deep.equal([0, 0]);
    });

    itRidesOutFailingPolls(harness, async (task) => polls(await taskLog('fal', task.id)));

    it('a request that never finishes → timeout, and fal is told to cancel it (it bills finished requests)', async () => {
      const { run, elapsed } = await harness.timedOut();
      // Not before the 1.3 s timeout, and not later: polled every 500 ms, it gave up before a third poll (a count a slow
      // machine only lowers, where a bound on the time would hold the machine's speed).
      expect(elapsed).to.be.at.least(1250);
      expect(polls(await taskLog('fal', run.task!.id)).length).to.be.at.most(2);
      expect(calls).to.include(`PUT ${run.task!.cancelUrl}`);
    });

    it('an image URL with a forbidden scheme/host is never fetched → provider-error', async () => {
      const run = start('fault=insecure-image');
      expect((await failure(run.promise)).code).to.equal('provider-error');
      expect(calls.some((c) => c.includes('cdn.example.com'))).to.equal(false);
    });

    it('an expired image URL → provider-error naming the HTTP status', async () => {
      const error = await failure(start('fault=expired-image').promise);
      expect(error.code).to.equal('provider-error');
      expect(error.message).to.contain('403');
    });
  });

  describe('cancel', () => {
    it('sends PUT cancel_url with the key, rejects with cancelled without polling again, and stops polling', async () => {
      const run = start('queue=4000;pending=6000');
      while (!run.task || polls(await taskLog('fal', run.task.id)).length < 1) await wait(50);
      const pollsAtAbort = polls(await taskLog('fal', run.task!.id)).length;
      run.controller.abort();
      const error = await failure(run.promise);
      expect(error.code).to.equal('cancelled');
      // At once: without another status poll, long before fal's queue (4 s) would have let it run.
      expect(polls(await taskLog('fal', run.task!.id)).length).to.equal(pollsAtAbort);
      await wait(300);
      const log = await taskLog('fal', run.task!.id);
      const put = log.filter((e) => e.method === 'PUT');
      expect(put).to.have.length(1);
      expect(put[0].path).to.equal(new URL(run.task!.cancelUrl!).pathname);
      expect([put[0].host, put[0].hasKey]).to.deep.equal([OTHER_HOST, true]);
      // The simulator took it: the request is over, as cancelled.
      const status = await (
        await pageFetch(run.task!.pollingUrl!, { headers: { authorization: `Key ${run.key}` } })
      ).json();
      expect([status.status, status.error_type]).to.deep.equal(['COMPLETED', 'request_cancelled']);
      const before = (await taskLog('fal', run.task!.id)).length;
      await wait(1200);
      expect((await taskLog('fal', run.task!.id)).length).to.equal(before);
    });
  });

  describe('resume', () => {
    async function submitDirectly(key: string, scenario = 'pending=500') {
      const body = { prompt: 'a reloaded page', image_size: { width: 320, height: 240 }, seed: 9 };
      const { body: reply } = await submitToFal(endpoint(scenario), key, 'fal-ai/flux-2-pro', body);
      const task: ProviderTask = {
        provider: 'fal',
        id: reply.request_id,
        pollingUrl: reply.status_url,
        responseUrl: reply.response_url,
        cancelUrl: reply.cancel_url,
      };
      return task;
    }

    it('completes a task from its queue URLs after a reload', async () => {
      const key = newKey();
      const task = await submitDirectly(key);
      const outcome = await provider.resume(task, { endpoint: SIM, apiKey: key, signal: new AbortController().signal });
      expect([outcome.image.width, outcome.image.height, outcome.image.seed]).to.deep.equal([320, 240, 9]);
      expect(outcome.task).to.deep.equal(task);
      expect(calls.every((c) => c.startsWith('GET '))).to.equal(true);
    });

    it('needs the key again (fal wants it for the status) → auth-required, nothing sent', async () => {
      const task = await submitDirectly(newKey());
      calls.length = 0;
      expect(
        (await failure(provider.resume(task, { endpoint: SIM, signal: new AbortController().signal }))).code,
      ).to.equal('auth-required');
      expect(calls).to.deep.equal([]);
    });

    it('refuses queue URLs on an unsafe host', async () => {
      const task: ProviderTask = {
        provider: 'fal',
        id: 'x',
        pollingUrl: 'http://evil.example.com/a/b/requests/x/status',
        responseUrl: 'http://evil.example.com/a/b/requests/x',
        cancelUrl: 'http://evil.example.com/a/b/requests/x/cancel',
      };
      expect(
        (await failure(provider.resume(task, { endpoint: SIM, apiKey: 'k', signal: new AbortController().signal })))
          .code,
      ).to.equal('provider-error');
      expect(calls).to.deep.equal([]);
    });
  });
});

describe('the model’s own controls at fal, as its endpoints’ input types take them', () => {
  const { asked, refused } = harness;

  it('says what each model takes: [klein] and [dev] png first, [pro] [flex] [max] a moderation level 1–5', () => {
    expect(provider.controls('flux-2-klein-4b')).to.deep.equal({
      outputFormats: ['png', 'jpeg', 'webp'],
      seedReproduces: true,
    });
    expect(provider.controls('flux-2-dev').enhancePrompt).to.deep.equal({ default: false });
    expect(provider.controls('flux-2-pro')).to.deep.equal({
      safetyTolerance: { min: 1, max: 5, default: 2 },
      outputFormats: ['jpeg', 'png'],
      seedReproduces: false,
    });
    expect(provider.controls('flux-2-flex')).to.deep.equal(provider.controls('flux-2-max'));
  });

  it('[pro]: the moderation level as the text fal’s enum takes ("4"), jpeg when no format is chosen', async () => {
    const run = await completed('pending=100', { model: 'flux-2-pro', settings: { safetyTolerance: 4 } });
    expect(await asked(run)).to.deep.equal({ safety_tolerance: '4', output_format: 'jpeg' });
    // [pro] says no prompt (Flux2ProOutput): nothing to call revised.
    expect(run.outcome.image.revisedPrompt).to.equal(undefined);
  });

  it('[klein]: png when no format is chosen, the one chosen otherwise; no moderation level or expansion sent', async () => {
    expect(await asked(await completed('pending=100'))).to.deep.equal({ output_format: 'png' });
    const chosen = await completed('pending=100', {
      settings: { outputFormat: 'webp', safetyTolerance: 3, enhancePrompt: true },
    });
    expect(await asked(chosen)).to.deep.equal({ output_format: 'webp' });
    expect(chosen.outcome.image.revisedPrompt).to.equal(undefined);
  });

  it('[dev]: prompt expansion on sends enable_prompt_expansion and the prompt fal used is the image’s revisedPrompt', async () => {
    const dev = { model: 'flux-2-dev', width: 512, height: 512 };
    const on = await completed('pending=100', { ...dev, settings: { enhancePrompt: true } });
    expect(await asked(on)).to.deep.equal({ enable_prompt_expansion: true, output_format: 'png' });
    expect(on.outcome.image.revisedPrompt).to.contain('a lighthouse at dusk').and.not.equal('a lighthouse at dusk');
    const off = await completed('pending=100', { ...dev, settings: { enhancePrompt: false } });
    expect(await asked(off)).to.deep.equal({ enable_prompt_expansion: false, output_format: 'png' });
    expect(off.outcome.image.revisedPrompt).to.equal(undefined);
  });

  it('refuses what the model does not take as given, in words, and sends nothing', async () => {
    await refused({ model: 'flux-2-pro', settings: { safetyTolerance: 6 } }, /from 1 \(strictest\) to 5/);
    await refused({ model: 'flux-2-max', settings: { safetyTolerance: 0 } }, /from 1 \(strictest\) to 5/);
    await refused({ model: 'flux-2-flex', settings: { outputFormat: 'webp' } }, /jpeg, png images, not "webp"/);
    await refused({ model: 'flux-2-dev', settings: { enhancePrompt: 'on' as unknown as boolean } }, /on or off/);
  });
});

describe('fal quotes: fal’s own per-megapixel prices', () => {
  const fal = (
    model: string,
    width = 1024,
    height = 1024,
    inputs: { width: number; height: number }[] = [],
    count = 1,
  ) => quoteFor({ provider: 'fal', model, width, height, inputs, count });

  it('[klein]: per MP of output; with references the /edit price per MP of output and per reference (1 MP each)', () => {
    expect(fal('flux-2-klein-4b').total).to.equal('0.005');
    expect(fal('flux-2-klein-4b', 1280, 1024).total).to.equal('0.01');
    expect(fal('flux-2-klein-9b', 1024, 1024, [], 3).total).to.equal('0.018');
    const edit = fal('flux-2-klein-9b', 1280, 1024, [
      { width: 2048, height: 2048 },
      { width: 300, height: 200 },
    ]);
    expect([edit.total, edit.outputMegapixels, edit.inputMegapixels]).to.deep.equal(['0.044', 2, 2]);
    expect(edit.lines).to.deep.equal([
      { label: '2 megapixels', amount: '0.022' },
      { label: '2 reference images (1 MP each)', amount: '0.022' },
    ]);
    expect(edit.credits).to.equal(undefined);
    expect(edit.exact).to.equal(false);
    expect(edit.source).to.deep.equal({
      name: 'fal model page',
      asOf: '2026-11-22',
      url: 'https://fal.ai/models/fal-ai/flux-2/klein/9b',
    });
  });

  it('[pro], [flex], [max]: first MP, then each extra MP of output and of input (fal’s published examples)', () => {
    // fal: 1024×1024 → $0.03; 1920×1080 → $0.045; 512×512 → $0.03 (rounded up to 1 MP).
    expect([
      fal('flux-2-pro').total,
      fal('flux-2-pro', 1920, 1080).total,
      fal('flux-2-pro', 512, 512).total,
    ]).to.deep.equal(['0.03', '0.045', '0.03']);
    expect(fal('flux-2-pro', 1024, 1024, [{ width: 1024, height: 1024 }]).total).to.equal('0.045');
    // fal: [flex] 1920×1080 → $0.10.
    expect(fal('flux-2-flex', 1920, 1080).total).to.equal('0.1');
    expect(fal('flux-2-max', 2048, 1024, [{ width: 800, height: 600 }]).total).to.equal('0.13');
    expect(fal('flux-2-max').source.url).to.equal('https://fal.ai/models/fal-ai/flux-2-max');
  });

  it('prices only the FLUX.2 models fal serves here', () => {
    expect(() => fal('flux-kontext-pro')).to.throw(UserPaysError, /no price for provider fal/);
  });
});

describe('<userpays-image provider="fal">', () => {
  it('generates through fal end to end: the image persisted, the quote booked, progress shown', async function () {
    this.timeout(40_000); // two states held until seen, each waited for up to 10 s
    // Queued, then under way, each held until the widget has shown it, however slow the machine running the suite.
    const hold = unique('hold');
    const scenario = `queue=700;pending=1400;hold=${hold}`;
    const el = await imageWidget(
      {
        provider: 'fal',
        model: 'flux-2-klein-4b',
        locale: 'en-US',
        width: 512,
        height: 512,
        prompt: 'a red fox in the snow',
        endpoint: endpoint(scenario),
      },
      { apiKey: newKey() },
    );
    expect(el.quote?.total).to.equal('0.005');
    const progress: string[] = [];
    el.addEventListener('userpays-progress', (e) => progress.push(e.detail.status));
    const resultEvent = oneEvent(el, 'userpays-result');
    const generated = el.generate();
    await seenThenReleased(() => progress.some((s) => s.startsWith('Queued (position')), 'queued shown', hold);
    await seenThenReleased(() => progress.some((s) => s.startsWith('Generating: step')), 'a step shown', hold);
    const result = await generated;
    expect((await resultEvent).detail).to.equal(result);
    expect(result.images).to.have.length(1);
    expect(result.images[0].url).to.match(/^blob:/);
    expect([result.images[0].width, result.images[0].height]).to.deep.equal([512, 512]);
    expect(result.charged).to.equal('0.005');
    expect(progress.some((s) => s.startsWith('Queued (position'))).to.equal(true);
    expect(progress.some((s) => s.startsWith('Generating: step'))).to.equal(true);
    expect(calls.filter((c) => c.startsWith('POST ')).map((c) => c.slice(5))).to.deep.equal([
      `${endpoint(scenario)}/fal-ai/flux-2/klein/4b`,
    ]);
    await el.updateComplete;
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('[part~=image]')!;
    // (not img.decode(): it never settles in a page the browser keeps hidden, as a concurrent test page is)
    if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
    expect(img.naturalWidth).to.equal(512);
    expect(el.tally).to.include({ spent: '0.005', images: 1 });
  });
});

describe('@fal-ai/client against the fal simulator (fidelity)', () => {
  // @fal-ai/client ships CommonJS only; the test server serves it bundled (test/support/bundle-plugin.mjs).
  const CLIENT_URL = '/__bundle/@fal-ai/client.js';
  type FalModule = typeof import('@fal-ai/client');
  let falModule: FalModule;
  before(async () => {
    falModule = (await import(/* @vite-ignore */ CLIENT_URL)) as FalModule;
  });

  /**
   * The real client, its fixed https://queue.fal.run and its storage's https://rest.fal.ai rewritten to the simulator
   * (cross-origin, with CORS).
   */
  const client = (scenario = '', credentials = newKey()) =>
    falModule.createFalClient({
      credentials,
      suppressLocalCredentialsWarning: true,
      requestMiddleware: async (request) => ({
        ...request,
        url: request.url.replace(/^https:\/\/(queue|rest)\.fal\.(run|ai)/, endpoint(scenario)),
      }),
    });

  it('fal.subscribe completes: queue updates with position and logs, then the result', async function () {
    this.timeout(40_000); // two states held until seen, each waited for up to 10 s
    const updates: { status: string; queue_position?: number; logs?: unknown[] }[] = [];
    // Queued, then under way, each held until the client has passed it on, however slow the machine running the suite.
    const hold = unique('hold');
    const subscribed = client(`queue=700;pending=1500;hold=${hold}`).subscribe('fal-ai/flux-2/klein/4b', {
      input: { prompt: 'a lighthouse', image_size: { width: 384, height: 256 }, seed: 3 },
      logs: true,
      pollInterval: 250,
      onQueueUpdate: (update) => updates.push(update as (typeof updates)[number]),
    });
    await seenThenReleased(() => updates.some((u) => u.status === 'IN_QUEUE'), 'queued', hold);
    await seenThenReleased(() => updates.some((u) => u.status === 'IN_PROGRESS'), 'in progress', hold);
    const result = await subscribed;
    const statuses = updates.map((u) => u.status);
    expect(statuses).to.include('IN_QUEUE');
    expect(statuses).to.include('IN_PROGRESS');
    expect(statuses.at(-1)).to.equal('COMPLETED');
    expect(updates.find((u) => u.status === 'IN_QUEUE')!.queue_position).to.be.a('number');
    expect(updates.some((u) => u.status === 'IN_PROGRESS' && Array.isArray(u.logs))).to.equal(true);
    expect(result.requestId).to.be.a('string').and.not.equal('');
    const data = result.data as {
      images: { url: string; width: number; height: number; content_type: string }[];
      seed: number;
    };
    expect([data.images[0].width, data.images[0].height, data.images[0].content_type, data.seed]).to.deep.equal([
      384,
      256,
      'image/png',
      3,
    ]);
    const bitmap = await createImageBitmap(await (await pageFetch(data.images[0].url)).blob());
    expect([bitmap.width, bitmap.height]).to.deep.equal([384, 256]);
  });

  it('fal.queue.submit / status / result / cancel, with an /edit endpoint and references fal.storage uploaded', async () => {
    const fal = client('queue=2000;pending=3000');
    const blob = await (await fetch(reference(40, 30).dataUrl)).blob();
    const uploaded = await fal.storage.upload(blob);
    expect(uploaded).to.match(/\/sim\/fal-cdn\/uploads\/[\w-]+\.png$/);
    const submitted = await fal.queue.submit('fal-ai/flux-2-pro/edit', {
      input: { prompt: 'x', image_urls: [uploaded] },
    });
    expect((await taskLog('fal', submitted.request_id))[0].inputs).to.deep.equal([[40, 30]]);
    expect(submitted.status).to.equal('IN_QUEUE');
    expect(submitted.status_url).to.match(/\/fal-ai\/flux-2-pro\/requests\/[\w-]+\/status$/);
    const status = await fal.queue.status('fal-ai/flux-2-pro/edit', { requestId: submitted.request_id, logs: true });
    expect(status.status).to.equal('IN_QUEUE');
    await fal.queue.cancel('fal-ai/flux-2-pro/edit', { requestId: submitted.request_id });
    const after = await fal.queue.status('fal-ai/flux-2-pro/edit', { requestId: submitted.request_id });
    expect(after.status).to.equal('COMPLETED');

    const quick = client('pending=100');
    const done = await quick.queue.submit('fal-ai/flux-2/klein/9b', { input: { prompt: 'y', image_size: 'square' } });
    await wait(300);
    const result = await quick.queue.result('fal-ai/flux-2/klein/9b', { requestId: done.request_id });
    const image = (result.data as { images: { width: number }[] }).images[0];
    expect(image.width).to.equal(512);
    expect(result.requestId).to.equal(done.request_id);
  });

  it('the client reads the simulator’s errors as fal’s: ValidationError with field errors, ApiError with status', async () => {
    const invalid = await client('fault=422')
      .queue.submit('fal-ai/flux-2-pro', { input: { prompt: 'x' } })
      .catch((e) => e);
    expect(invalid).to.be.instanceOf(falModule.ValidationError);
    expect(invalid.status).to.equal(422);
    expect(invalid.getFieldErrors('prompt')[0].msg).to.contain('Simulated validation error');
    const locked = await client('', 'sim-empty')
      .queue.submit('fal-ai/flux-2-pro', { input: { prompt: 'x' } })
      .catch((e) => e);
    expect(locked).to.be.instanceOf(falModule.ApiError);
    expect(locked.status).to.equal(403);
    expect(locked.body.detail).to.contain('Exhausted balance');
  });
});

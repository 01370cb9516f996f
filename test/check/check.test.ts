// "Check this account" (`UserPays.check()`): against each simulator over real HTTP, Puter through its real SDK: the live
// list set beside the built-in book (a difference planted through a simulator's scenario), the balance, the cheapest
// image made only when asked with quoted against charged, the report replayed through the simulator that a report
// starts (demo/sim/report-replay.mjs), a planted key never in the report, a stop, and bad input refused in words.
// Holds: src/check/
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { check, tally } from '../../src/api.js';
import type { CheckReport } from '../../src/check/check.js';
import { controlledClock } from '../support/clock.js';
import { failure } from '../support/failure.js';
import { PUTER_SRC, puterEndpoint, puterSessionsEnded, signedInToPuter } from '../support/puter.js';
import { GATEWAY_PRICE_BOOK, pageFetch, simCharged, simEndpoint, simLogOf, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { until } from '../support/wait.js';

/** A report's exchanges, every step's, as `METHOD path status`. */
const exchanged = (report: CheckReport) =>
  report.steps.flatMap((step) => step.exchanges.map((e) => `${e.method} ${e.origin ?? ''}${e.path} ${e.status}`));

/** Starts the simulator of `report` (as a downloaded report is loaded): its base URL. */
async function replayOf(report: CheckReport): Promise<string> {
  const loaded = await pageFetch('/sim/replay/_load', { method: 'POST', body: JSON.stringify(report) });
  return ((await loaded.json()) as { base: string }).base;
}

/** What a report answers, without when it was read or what was exchanged: two checks of the same account agree on it. */
const answers = ({ models, balance, cheapest }: CheckReport) => ({ models, balance, cheapest });

describe('UserPays.check against the simulators', function () {
  this.timeout(30_000);
  // The page's own moment (the simulators' too: test-clock.mjs), held still for each test.
  const time = controlledClock(Date.now());
  const newStorageKey = storageKeysForgottenAfterEach();
  puterSessionsEnded();

  it('openrouter: models the list no longer names are said missing, the key read, nothing made unasked', async () => {
    const [apiKey, run] = [unique('sk-or-v1-check'), unique()];
    const endpoint = simEndpoint('openrouter', `images=flux.2-pro,openai:gpt-image-2;run=${run}`);
    const report = await check({ provider: 'openrouter', endpoint, apiKey, storageKey: newStorageKey() });

    const missing = report.models.missing.map(({ model }) => model);
    // FLUX is sold through chat completions too, which the image list does not speak for (live-prices.ts).
    expect(missing.sort()).to.deep.equal([
      'gemini-3-pro-image',
      'gemini-3.1-flash-lite-image',
      'gemini-nano-banana-2.1',
      'seedream-4.5',
    ]);
    const said = report.models.missing.find(({ model }) => model === 'seedream-4.5')?.said.text;
    expect(said).to.equal(
      'Seedream 4.5 (seedream-4.5) is in the built-in price book, but the list at OpenRouter no longer names it: it is not offered there.',
    );
    expect(report.models.added).to.deep.equal([]);
    expect(report.models.answered).to.equal(true);
    expect(report.balance).to.deep.include({ uncapped: true });
    expect(report.checkedAt).to.equal(new Date(time.now()).toISOString());
    expect(report.cheapest?.model).to.equal('gpt-image-2');
    expect(report.image).to.equal(undefined);
    expect(exchanged(report)).to.include.members(['GET /api/v1/images/models 200', 'GET /api/v1/key 200']);
    expect((await simLogOf('openrouter', run)).filter((entry) => entry.method === 'POST')).to.deep.equal([]);
  });

  it('openrouter: report.generate() makes the cheapest image after the price was shown, quoted against charged', async () => {
    const [apiKey, storageKey] = [unique('sk-or-v1-check'), newStorageKey()];
    const endpoint = simEndpoint('openrouter', `run=${unique()}`);
    const report = await check({ provider: 'openrouter', endpoint, apiKey, storageKey });
    expect(JSON.stringify(report)).not.to.contain('generate');
    const made = await report.generate();

    expect(made.image).to.include({ status: 'made', model: report.cheapest?.model, quoted: report.cheapest?.quoted });
    expect(made.image?.charged).to.equal(await simCharged('openrouter', apiKey));
    expect((await tally(storageKey)).spent).to.equal(made.image?.charged);
    const image = made.steps.find(({ step }) => step === 'image');
    const sent = image?.exchanges.find(({ method, path }) => method === 'POST' && path === '/api/v1/images');
    expect(sent?.status).to.equal(200);
    expect(sent?.request).to.include({ model: 'openai/gpt-image-2', quality: 'low' });
    expect(made.image?.said.text).to.match(
      /^One image by GPT Image 2 \(gpt-image-2\): quoted \$[\d.]+, charged \$[\d.]+\.$/,
    );
  });

  it('pollinations: a price the provider changed is said with both figures, and the balance read', async () => {
    const apiKey = unique('sk_sim_check');
    const endpoint = simEndpoint('pollinations', `price=flux:0.003;keybudget=2;run=${unique()}`);
    const report = await check({ provider: 'pollinations', endpoint, apiKey, storageKey: newStorageKey() });

    expect(report.models.priced).to.deep.include({
      model: 'flux-1-schnell',
      size: '1024×1024',
      book: '0.002',
      live: '0.003',
      said: report.models.priced.find(({ model }) => model === 'flux-1-schnell')!.said,
    });
    expect(report.models.priced.find(({ model }) => model === 'flux-1-schnell')?.said.text).to.equal(
      'FLUX.1 [schnell] (flux-1-schnell) at 1024×1024: the built-in book says $0.002, the provider says $0.003 now.',
    );
    expect(report.balance).to.include({ ofKeyBudget: true });
    expect(report.balance?.said.text).to.match(/^The key may spend \$[\d.]+ more of its own budget/);
  });

  it('puter, through its SDK: prices the catalogue changes, the balance, and one image quoted against charged', async () => {
    const endpoint = puterEndpoint(`scale=2;imageCors=1;run=${unique()}`);
    await signedInToPuter(endpoint, { balance: 50_000_000 });
    const storageKey = newStorageKey();
    const report = await check({ provider: 'puter', endpoint, puterSrc: PUTER_SRC, storageKey, generate: true });

    const klein = report.models.priced.find(({ model }) => model === 'flux-2-klein-4b');
    expect(klein).to.include({ book: '0.001', live: '0.002' });
    expect(report.balance?.usd).to.equal('0.5');
    expect(report.image).to.include({ status: 'made', quoted: report.cheapest?.quoted });
    expect(report.image?.charged).to.equal((await tally(storageKey)).spent);
    expect(exchanged(report)).to.include('GET /puterai/image/models/details 200');
    // What its SDK asks (by XMLHttpRequest) is recorded too: the usage, and the generation.
    expect(exchanged(report), exchanged(report).join('\n')).to.include('GET /metering/usage 200');
    expect(exchanged(report)).to.include('POST /drivers/call 200');
  });

  it('bfl: no list to read, said so; the credits read; the image charged exactly what was quoted', async () => {
    const apiKey = unique('sim-check');
    const endpoint = simEndpoint('bfl', `pending=100;deliveryCors=1;run=${unique()}`);
    const report = await check({ provider: 'bfl', endpoint, apiKey, storageKey: newStorageKey(), generate: true });

    expect(report.models.said.map(({ text }) => text)).to.deep.equal([
      'BFL publishes no list of its models and prices that this page can read.',
    ]);
    expect(report.balance?.usd).to.equal('10');
    expect(report.image).to.include({ status: 'made', model: 'flux-2-klein-4b', quoted: '0.014', charged: '0.014' });
    expect(await simCharged('bfl', apiKey)).to.equal('0.014');
    const submit = report.steps.at(-1)?.exchanges.find(({ method }) => method === 'POST');
    expect(submit).to.include({ path: '/v1/flux-2-klein-4b', status: 200 });
    expect(submit?.request).to.include({ width: 1024, height: 1024 });
  });

  for (const [provider, options] of [
    ['fal', {}],
    ['google', {}],
    ['huggingface', { apiKey: 'hf_sim_user' }],
    ['openai', { priceBook: { 'flux-2-klein-4b': { openai: GATEWAY_PRICE_BOOK['flux-2-klein-4b'].openai! } } }],
  ] as const) {
    it(`${provider}: the list beside the book, and one image made, quoted against charged`, async () => {
      const storageKey = newStorageKey();
      const endpoint = simEndpoint(provider, `run=${unique()}`);
      const apiKey = 'apiKey' in options ? options.apiKey : unique('sim-check');
      const report = await check({ provider, endpoint, apiKey, storageKey, generate: true, ...options });

      expect(report.models.said.length).to.be.above(0);
      expect(report.cheapest).not.to.equal(undefined);
      expect(report.image, JSON.stringify(report.image)).to.include({ status: 'made', model: report.cheapest?.model });
      expect(report.image?.charged).to.equal((await tally(storageKey)).spent);
      expect(JSON.stringify(report)).not.to.contain(apiKey);
    });
  }

  for (const [provider, scenario, apiKey] of [
    ['openrouter', 'images=flux.2-pro,openai:gpt-image-2', unique('sk-or-v1-check')],
    ['pollinations', 'price=flux:0.003', unique('sk_sim_check')],
    ['google', '', unique('sim-check')],
    ['bfl', '', unique('sim-check')],
  ] as const) {
    it(`${provider}: a downloaded report replays through the simulator it starts, and gives the same answers`, async () => {
      const endpoint = simEndpoint(provider, `${scenario};run=${unique()}`);
      const first = await check({ provider, endpoint, apiKey, storageKey: newStorageKey() });
      const downloaded = JSON.parse(JSON.stringify(first)) as CheckReport;
      const base = await replayOf(downloaded);
      const again = await check({ provider, endpoint: base, apiKey, storageKey: newStorageKey() });

      expect(answers(again)).to.deep.equal(answers(first));
      const replayed = (await (await pageFetch(`${base}/_log`)).json()) as { matched: boolean }[];
      expect(replayed.length).to.be.above(0);
      expect(replayed.every(({ matched }) => matched)).to.equal(true);
    });
  }

  it('openrouter: a model the list names that the book has not is said new (a recorded list, edited, replayed)', async () => {
    const apiKey = unique('sk-or-v1-check');
    const endpoint = simEndpoint('openrouter', `run=${unique()}`);
    const recorded = JSON.parse(
      JSON.stringify(await check({ provider: 'openrouter', endpoint, apiKey })),
    ) as CheckReport;
    const list = recorded.steps[0].exchanges.find(({ path }) => path === '/api/v1/images/models');
    (list!.reply as { data: { id: string }[] }).data.push({ id: 'acme/brand-new-image' });
    const again = await check({ provider: 'openrouter', endpoint: await replayOf(recorded), apiKey });

    expect(again.models.added.map(({ model }) => model)).to.deep.equal(['acme/brand-new-image']);
    expect(again.models.added[0].said.text).to.equal(
      'OpenRouter lists acme/brand-new-image, which the built-in price book does not have.',
    );
  });

  it('google: a model gone from the list is said missing (a recorded list, edited, replayed)', async () => {
    const apiKey = unique('sim-check');
    const endpoint = simEndpoint('google', `run=${unique()}`);
    const recorded = JSON.parse(JSON.stringify(await check({ provider: 'google', endpoint, apiKey }))) as CheckReport;
    expect(recorded.models.missing).to.deep.equal([]);
    for (const { reply } of recorded.steps[0].exchanges) {
      const page = reply as { models?: { name: string }[] };
      if (page.models) page.models = page.models.filter(({ name }) => name !== 'models/gemini-3-pro-image');
    }
    const again = await check({ provider: 'google', endpoint: await replayOf(recorded), apiKey });

    expect(again.models.missing.map(({ model }) => model)).to.deep.equal(['gemini-3-pro-image']);
    expect(again.cheapest?.model).not.to.equal('gemini-3-pro-image');
  });

  it('a key planted where the provider echoes it is never in the report', async () => {
    const apiKey = unique('sim-check-planted');
    // BFL's simulator quotes the key it was given in its refusal (`echo=`), cut into pieces: the report must not.
    const endpoint = simEndpoint('bfl', `fault=422;echo=pieces;every=4;by=zwsp;run=${unique()}`);
    const report = await check({ provider: 'bfl', endpoint, apiKey, storageKey: newStorageKey(), generate: true });

    expect(report.image?.status).to.equal('failed');
    const json = JSON.stringify(report);
    expect(json).not.to.contain(apiKey);
    expect(json.replace(/[^a-z0-9]/gi, '').toLowerCase()).not.to.contain(
      apiKey.replace(/[^a-z0-9]/gi, '').toLowerCase(),
    );
    const submit = report.steps.at(-1)?.exchanges.find(({ method }) => method === 'POST');
    expect(submit?.status).to.equal(422);
  });

  it('a stop before the check reads anything: cancelled, nothing sent', async () => {
    const run = unique();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      check({
        provider: 'bfl',
        endpoint: simEndpoint('bfl', `run=${run}`),
        apiKey: unique(),
        signal: controller.signal,
      }),
    );
    expect(error.code).to.equal('cancelled');
    expect(await simLogOf('bfl', run)).to.deep.equal([]);
  });

  it('a stop while the image is under way: cancelled, and no image reported', async () => {
    const [run, apiKey, storageKey] = [unique(), unique('sim-check'), newStorageKey()];
    const endpoint = simEndpoint('bfl', `pending=60000;run=${run}`);
    const report = await check({ provider: 'bfl', endpoint, apiKey, storageKey });
    const controller = new AbortController();
    const made = report.generate(controller.signal);
    await until(async () => (await simLogOf('bfl', run)).some(({ method }) => method === 'POST'), 10_000);
    controller.abort();
    expect((await failure(made)).code).to.equal('cancelled');
  });

  for (const [what, options, words] of [
    ['no object', null, /Say what to check/],
    ['an unknown provider', { provider: 'acme' }, /provider must be one of puter, bfl/],
    ['a key that is no text', { provider: 'bfl', apiKey: 42 }, /^apiKey must be text/],
    ['a signal that is none', { provider: 'bfl', signal: 'stop' }, /signal must be an AbortSignal/],
    ['generate that is no boolean', { provider: 'bfl', generate: 'yes' }, /generate must be true or false/],
  ] as const) {
    it(`${what}: invalid-input, in words, before anything is sent`, async () => {
      const error = await failure(check(options as never));
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.match(words);
      expect(error).to.be.instanceOf(Error);
    });
  }
});

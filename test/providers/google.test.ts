// The user's own Google AI Studio key, Gemini image models and Imagen 4, over real HTTP against the simulator's Google
// dialect (demo/sim/google.mjs, which follows Google's API reference, its SDKs and the recorded replies): what is
// offered (the models the key's own list names, those Google serves that day), what is sent (today's ids, the ratio
// and the tier always), Gemini's bound, what is booked, and the key only in its header and only to its origin. Each
// test sets the day on the page's clock and on Google's (the simulator's `now=`): the models Google serves today, or
// a day Imagen 4 and Nano Banana 2 were still served.
// Holds: src/providers/google/live-models.ts
import { expect, fixture } from '@open-wc/testing';
import { until, waitUntil } from '../support/wait.js';
import Decimal from 'decimal.js';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { ImageStore } from '../../src/images/image-store.js';
import { formatUsdRounded } from '../../src/pricing/format.js';
import { keyOrigin } from '../../src/providers/registry/catalog.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { liveBook } from '../../src/providers/registry/adapters.js';
import { controlledClock } from '../support/clock.js';
import {
  OTHER_HOST,
  pageFetch,
  simCharged,
  simEndpoint,
  simLogOf,
  submissionsOf,
  unique,
  uniqueStorageKey,
} from '../support/sim.js';
import {
  blocked,
  decision,
  imageElement,
  imageWidgetsForgottenAfterEach,
  modelChoices,
  panelsLoaded,
  part,
  tiles,
  words,
} from '../support/widget.js';

// Google's prices load with the model families besides FLUX, on first need.
const PROMPT = 'a shiba inu eating a pink ice-cream cone, doodle on white'; // 57 bytes: 15 tokens expected

/** The day "today" is for these tests: Imagen 4 and Nano Banana 2 are shut down, the GA ids are served. */
const TODAY = '2026-11-28T12:00:00Z';
/** A day Imagen 4 and Nano Banana 2 (3.1 Flash) were still served, more than a month before either shut down. */
const EARLIER = '2026-07-01T12:00:00Z';
/** Google's own ids of the models it serves today, as this widget makes images with them. */
const TODAYS_IDS = ['gemini-nano-banana-2.1', 'gemini-3-pro-image', 'gemini-3.1-flash-lite-image'];

/** The simulator's Google on `day` (its clock), under the scenario, on the other loopback name (across origins). */
const googleOn = (day: string, scenario: string) =>
  simEndpoint('google', `now=${day};${scenario}`, { crossOrigin: true });

/** A POST to the simulator's Google dialect on `day`, as a client of Google's API sends it. */
const post = (
  day: string,
  path: string,
  body: object,
  headers: Record<string, string> = { 'x-goog-api-key': 'sim-key' },
) =>
  pageFetch(`${googleOn(day, `run=${unique('post')}`)}/v1beta/models/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/**
 * The reads of the key's list of models the simulator received under `run`: each a first page (`GET …/v1beta/models`
 * without a `pageToken`), whatever pages followed.
 */
const listReads = async (run: string) =>
  (await simLogOf('google', run)).filter(
    (entry) => entry.method === 'GET' && /\/v1beta\/models(\?|$)/.test(entry.path) && !entry.path.includes('pageToken'),
  );

/** What Google bills for a 1K Gemini image of `model` (its bundled rates): 15 prompt tokens, the image's, 272 text. */
function bookedAt1K(model: string, images = 1) {
  const rule = BUILTIN_PRICE_BOOK[model].google!.rule;
  if (rule.kind !== 'tokens') throw new Error('not a tokens rule');
  const { textIn, imageOut, textOut } = rule.rates;
  return new Decimal(textIn)
    .mul(15)
    .add(new Decimal(imageOut).mul(1120 * images))
    .add(new Decimal(textOut!).mul(272))
    .div(1e6)
    .toString();
}

/**
 * Widgets on Google's key at the simulator on `day`, for the calling suite: their storage, and any other key handed to
 * `forget`, forgotten after each test. Each resolves with the widget and its key.
 */
function widgetsOn(day: string) {
  const mount = imageWidgetsForgottenAfterEach();
  const widget = async (
    run: string,
    attributes: Record<string, string | number> = {},
    apiKey = unique('goog'),
    scenario = '',
  ) => {
    const el = await mount(
      {
        provider: 'google',
        prompt: PROMPT,
        endpoint: googleOn(day, `${scenario ? `${scenario};` : ''}run=${run}`),
        ...attributes,
      },
      { apiKey },
    );
    return { el, apiKey };
  };
  return Object.assign(widget, { forget: mount.forget });
}

describe('Gemini with the user’s own Google key, today', function () {
  this.timeout(20_000);
  controlledClock(TODAY);
  const widget = widgetsOn(TODAY);

  it('goes to Google by default, at Google’s prices: each Gemini model a bound, by its tier', () => {
    expect(keyOrigin('google', '')).to.equal('https://generativelanguage.googleapis.com');
    const banana = quoteFor({ provider: 'google', model: 'gemini-nano-banana-2.1', quality: '4K', prompt: PROMPT });
    expect(banana.lines[0].label).to.equal('Image: about 2,520 tokens at 4K quality (may vary, at most 3,797)');
    // 2,520 × $30/M + 15 tokens × $1.50/M expected; at most 3,797 image tokens (the largest count a source gives),
    // 57 × $1.50/M and 3,272 thinking or text tokens × $7.50/M.
    expect(banana).to.include({ total: '0.0756225', atMost: '0.1385355', exact: false });
    const pro = quoteFor({ provider: 'google', model: 'gemini-3-pro-image', quality: '2K', prompt: 'a fox' });
    expect(pro.lines[0].label).to.equal('Image: 1,120 tokens at 2K quality (fixed)');
    expect(() => quoteFor({ provider: 'google', model: 'gemini-3-pro-image', quality: '512' })).to.throw(/512/);
    expect(() => quoteFor({ provider: 'google', model: 'gemini-nano-banana-2.1', quality: '512' })).to.throw(/512/);
    expect(() => quoteFor({ provider: 'google', model: 'gemini-3.1-flash-lite-image', quality: '2K' })).to.throw(/2K/);
  });

  it('with no model named, sends one Google serves today, shows the image, and books its usageMetadata', async () => {
    const run = unique('default');
    const { el, apiKey } = await widget(run);
    expect(TODAYS_IDS).to.include(el.model);
    const result = await el.generate();
    const sent = await submissionsOf('google', run);
    expect(sent.map(({ path }) => path.replace(/^.*\/models\//, ''))).to.deep.equal([`${el.model}:generateContent`]);
    await el.updateComplete;
    const img = part(el, 'image') as HTMLImageElement;
    await img.decode();
    expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([1024, 1024]);
    expect(result.charged).to.equal(bookedAt1K(el.model));
    expect(await simCharged('google', apiKey)).to.equal(result.charged);
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported' });
  });

  // Nano Banana 2 (3.1 Flash) was shut down on 2026-10-29: a page naming it gets Nano Banana 2.1, Google's replacement.
  for (const [named, sends] of [
    ['gemini-nano-banana-2.1', 'gemini-nano-banana-2.1'],
    ['gemini-3-pro-image', 'gemini-3-pro-image'],
    ['gemini-3.1-flash-lite-image', 'gemini-3.1-flash-lite-image'],
    ['gemini-3.1-flash-image', 'gemini-nano-banana-2.1'],
  ])
    it(`a page naming ${named} sends ${sends}, and no id Google has shut down`, async () => {
      const run = unique('named');
      const { el, apiKey } = await widget(run, { model: named });
      const result = await el.generate();
      const log = await simLogOf('google', run);
      expect(
        log.filter(({ method }) => method === 'POST').map(({ path }) => path.replace(/^.*\/models\//, '')),
      ).to.deep.equal([`${sends}:generateContent`]);
      for (const { path } of log) expect(path).not.to.match(/-preview|imagen|:predict|gemini-3\.1-flash-image:/);
      expect(result.images).to.have.length(1);
      expect(result.charged).to.equal(bookedAt1K(sends));
      expect(await simCharged('google', apiKey)).to.equal(result.charged);
    });

  it('a page naming Imagen 4 gets its replacement, said in one sentence, and nothing goes to Imagen', async () => {
    const run = unique('shut-named');
    const { el } = await widget(run, { model: 'imagen-4', width: 1024, height: 768 });
    expect(el.model).to.equal('gemini-nano-banana-2.1');
    expect(words(part(el, 'model')?.querySelector('.model-note'))).to.equal(
      'Imagen 4 was shut down on 2026-08-17: Nano Banana 2.1, its replacement, makes this image instead.',
    );
    await el.generate();
    const [sent] = await submissionsOf('google', run);
    expect(sent.path).to.match(/\/v1beta\/models\/gemini-nano-banana-2\.1:generateContent$/);
    expect(sent.asked!.generationConfig.imageConfig).to.deep.equal({ aspectRatio: '4:3', imageSize: '1K' });
    // UserPays.generate, with no picker to show it: the quote's note says it.
    for (const [named, replacement, name] of [
      ['imagen-4-fast', 'gemini-nano-banana-2.1', 'Imagen 4 Fast was shut down on 2026-08-17: Nano Banana 2.1'],
      ['imagen-4-ultra', 'gemini-3-pro-image', 'Imagen 4 Ultra was shut down on 2026-08-17: Nano Banana Pro'],
    ]) {
      const storageKey = widget.forget(uniqueStorageKey());
      const made = await generate(
        { provider: 'google', model: named, prompt: PROMPT },
        { apiKey: unique('goog'), endpoint: googleOn(TODAY, `run=${run}`), storageKey },
      );
      expect(made.quote).to.include({ model: replacement });
      expect(made.quote.note).to.equal(`${name}, its replacement, makes this image instead.`);
    }
    const log = await simLogOf('google', run);
    expect(log.filter(({ method }) => method === 'POST')).to.have.length(3);
    expect(log.some(({ path }) => /\/models\/imagen|:predict/.test(path))).to.equal(false);
  });

  it('Nano Banana 2.1 sends the ratio and the tier, shows "at most", and books its usageMetadata exactly', async () => {
    const run = unique('banana');
    const { el, apiKey } = await widget(run, {
      model: 'gemini-nano-banana-2.1',
      quality: '2K',
      width: 1024,
      height: 1024,
    });
    // 1,680 × $30/M + 15 × $1.50/M expected; at most 3,797 image tokens (4K's largest count, no source counting 2K),
    // 57 × $1.50/M and 3,272 × $7.50/M besides.
    expect(el.quote).to.include({ total: '0.0504225', atMost: '0.1385355' });
    await panelsLoaded(el); // the bound's words are the panels'
    expect(decision(el).price).to.equal('at most $0.139');
    expect(decision(el).buys).to.match(/^about \$0\.0504 · /);
    const result = await el.generate();
    const [sent] = await submissionsOf('google', run);
    expect(sent.path).to.match(/\/v1beta\/models\/gemini-nano-banana-2\.1:generateContent$/);
    expect(sent.asked!.contents).to.deep.equal([{ role: 'user', parts: [{ text: PROMPT }] }]);
    expect(sent.asked!.generationConfig).to.deep.include({
      responseModalities: ['IMAGE'],
      imageConfig: { aspectRatio: '1:1', imageSize: '2K' },
    });
    // 15 prompt tokens × $1.50/M + 1,680 image × $30/M + 272 text (the simulator's, as recorded) × $7.50/M.
    const booked = new Decimal(15).mul('1.5').add(new Decimal(1680).mul(30)).add(new Decimal(272).mul('7.5')).div(1e6);
    expect(result.charged).to.equal(booked.toString());
    expect(await simCharged('google', apiKey)).to.equal(result.charged);
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported' });
  });

  // The simulator answers a 4K image at the larger count a source gives at Google's rate (3,780, inference.sh), above the
  // 2,520 the widget expects: the charge is above "about", within "at most", and no bound is raised.
  it('Nano Banana 2.1 at 4K, charged at the largest count a source gives, stays within its "at most"', async () => {
    const run = unique('banana4k');
    const { el, apiKey } = await widget(run, { model: 'gemini-nano-banana-2.1', quality: '4K' });
    const raised: Event[] = [];
    el.addEventListener('userpays-bound', (event) => raised.push(event));
    const quote = el.quote!;
    const result = await el.generate();
    // 15 prompt tokens × $1.50/M + 3,780 image × $30/M + 272 text × $7.50/M.
    expect(result.charged).to.equal('0.1154625');
    expect(await simCharged('google', apiKey)).to.equal(result.charged);
    expect(new Decimal(result.charged).gt(quote.total)).to.equal(true);
    expect(new Decimal(result.charged).lte(quote.atMost!)).to.equal(true);
    expect(raised).to.have.length(0);
    expect(el.quote!.atMost).to.equal(quote.atMost);
  });

  // One prompt may make several images in its one answer (Google: Gemini's output images are limited only by its
  // output tokens), each billed in its usage: every one is kept and shown, and the usage booked once.
  it('a reply with three images: all three are kept and shown, and the usage reported is booked once', async () => {
    const run = unique('three');
    const { el, apiKey } = await widget(run, { model: 'gemini-nano-banana-2.1' }, undefined, 'images=3');
    const result = await el.generate();
    expect(result.images).to.have.length(3);
    for (const image of result.images) expect(image).to.include({ width: 1024, height: 1024, saved: true });
    // 15 × $1.50/M + 3 × 1,120 × $30/M + 272 × $7.50/M, on the one image whose call it was; nothing on the others.
    expect(result.charged).to.equal('0.1028625');
    expect(result.charged).to.equal(bookedAt1K('gemini-nano-banana-2.1', 3));
    expect(await simCharged('google', apiKey)).to.equal(result.charged);
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported', charged: '0.1028625' });
    expect(el.tally).to.deep.include({ spent: '0.1028625' });
    const stored = await new ImageStore({ storageKey: el.storageKey }).list();
    expect(stored).to.have.length(3);
    expect(Decimal.sum(...stored.map((image) => image.charged)).toString()).to.equal('0.1028625');
    expect(new Set(stored.map((image) => image.batch)).size).to.equal(1);
    await waitUntil(() => tiles(el).length === 3, 'the three images shown');
    // The two others say what paid for them, not "$0.00".
    const first = stored.find((image) => !image.paidWith)!;
    expect(stored.map((image) => image.paidWith ?? '')).to.have.members(['', first.id, first.id]);
    const said = tiles(el).map((tile) => words(tile));
    expect(said.filter((text) => text.includes('paid in the charge of the image made with it'))).to.have.length(2);
    expect(said.join(' ')).not.to.contain('$0.00');
  });

  // The request asks for one answer and the least thinking each model takes, as far as Google lets a request cap them.
  it('the request asks one answer (candidateCount 1) and the lowest thinking level where the model takes one', async () => {
    for (const [model, thinkingConfig] of [
      ['gemini-nano-banana-2.1', { thinkingLevel: 'MINIMAL' }],
      ['gemini-3-pro-image', undefined],
      ['gemini-3.1-flash-lite-image', undefined],
    ] as const) {
      const run = unique('caps');
      const { el } = await widget(run, { model });
      await el.generate();
      const [sent] = await submissionsOf('google', run);
      expect(sent.asked!.generationConfig, model).to.deep.include({ candidateCount: 1 });
      expect(sent.asked!.generationConfig.thinkingConfig, model).to.deep.equal(thinkingConfig);
    }
  });

  // What the capped request can cost at most: its one answer's image at the tier's tokens (the largest count a source
  // gives), the prompt at a token per byte, and thinking and text at the stated ceiling (a level caps no count).
  it('"at most" is what the capped request can cost: one image, the prompt per byte, 3,272 tokens besides', async () => {
    for (const [model, quality, tokens] of [
      ['gemini-nano-banana-2.1', '4K', 3797],
      ['gemini-3-pro-image', '4K', 2000],
      ['gemini-3.1-flash-lite-image', '1K', 1120],
    ] as const) {
      const rule = BUILTIN_PRICE_BOOK[model].google!.rule;
      if (rule.kind !== 'tokens') throw new Error('not a tokens rule');
      const { textIn, imageOut, textOut } = rule.rates;
      const most = new Decimal(imageOut)
        .mul(tokens)
        .add(new Decimal(textIn).mul(new TextEncoder().encode(PROMPT).length))
        .add(new Decimal(textOut!).mul(3272))
        .div(1e6);
      expect(quoteFor({ provider: 'google', model, quality, prompt: PROMPT }).atMost, model).to.equal(most.toString());
    }
    // A reply within it, thinking at the minimal level: booked as reported, under "at most".
    const run = unique('within');
    const { el } = await widget(run, { model: 'gemini-nano-banana-2.1' }, undefined, 'thoughts=600');
    const result = await el.generate();
    expect(new Decimal(result.charged).lte(el.quote!.atMost!)).to.equal(true);
  });

  // A reply above the bound (5,000 tokens of thinking: 15 × $1.50/M + 1,120 × $30/M + 5,272 × $7.50/M = $0.0731625,
  // where the 1K bound is 1,120 × $30/M + 57 × $1.50/M + 3,272 × $7.50/M = $0.0582255): booked as Google reported it,
  // said, told the page, and the bound of that model and size raised to it, on this page and after a reload.
  it('a reply above the bound is booked, said, emitted, and raises the next quote’s bound, across a reload', async () => {
    const model = 'gemini-nano-banana-2.1';
    const { el, apiKey } = await widget(unique('over'), { model }, undefined, 'thoughts=5000');
    await panelsLoaded(el);
    expect(el.quote!.atMost).to.equal('0.0582255');
    const heard: CustomEvent[] = [];
    el.addEventListener('userpays-bound', (event) => heard.push(event));
    const result = await el.generate();
    expect(result.charged).to.equal('0.0731625');
    expect(await simCharged('google', apiKey)).to.equal(result.charged);
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported', most: '0.0582255' });
    expect(heard.map((event) => event.detail)).to.deep.equal([
      { provider: 'google', model, quality: '1K', width: 1024, height: 1024, bound: '0.0582255', charged: '0.0731625' },
    ]);
    expect(heard[0]).to.include({ bubbles: true, composed: true });
    await el.updateComplete;
    expect(words(el.shadowRoot)).to.contain(
      'Google charged $0.0732, $0.0149 more than the most the preview said ($0.0583). Your tally counts what was ' +
        'charged. From now on, the preview says at most $0.0732 an image for this model and size.',
    );
    expect(el.tally).to.deep.include({ spent: '0.0731625' });
    // The next quote of that model and size holds what was charged; the expected price is as it was.
    expect(el.quote).to.deep.include({ total: '0.0336225', atMost: '0.0731625' });
    expect(el.quote!.lines.at(-1)!.label).to.equal(
      'Charged here before for this model and size: up to $0.0732 an image',
    );
    // Another size is not raised.
    el.quality = '2K';
    await el.updateComplete;
    expect(el.quote!.atMost).to.equal('0.1385355');
    // A reload: a new widget on the same storage key quotes the raised bound.
    el.remove();
    const { el: again } = await widget(unique('again'), { model, 'storage-key': el.storageKey }, apiKey);
    await panelsLoaded(again);
    expect(again.quote!.atMost).to.equal('0.0731625');
  });

  it('the simulator refuses what Google would, and more answers than one: candidateCount, thinkingConfig', async () => {
    const ask = (model: string, config: object) =>
      post(TODAY, `${model}:generateContent`, {
        contents: [{ parts: [{ text: 'x' }] }],
        generationConfig: { responseModalities: ['IMAGE'], ...config },
      });
    for (const [model, config] of [
      ['gemini-nano-banana-2.1', {}],
      ['gemini-nano-banana-2.1', { candidateCount: 2 }],
      ['gemini-nano-banana-2.1', { candidateCount: 9 }],
      ['gemini-nano-banana-2.1', { candidateCount: 1, thinkingConfig: { thinkingLevel: 'LOW' } }],
      ['gemini-nano-banana-2.1', { candidateCount: 1, thinkingConfig: { thinkingBudget: 128 } }],
      [
        'gemini-nano-banana-2.1',
        { candidateCount: 1, thinkingConfig: { thinkingLevel: 'MINIMAL', thinkingBudget: 0 } },
      ],
      ['gemini-3-pro-image', { candidateCount: 1, thinkingConfig: { thinkingLevel: 'MINIMAL' } }],
    ] as const) {
      const refused = await ask(model, config);
      expect(refused.status, JSON.stringify([model, config])).to.equal(400);
      expect((await refused.json()).error.status).to.equal('INVALID_ARGUMENT');
    }
    for (const [model, config] of [
      ['gemini-nano-banana-2.1', { candidateCount: 1, thinkingConfig: { thinkingLevel: 'MINIMAL' } }],
      ['gemini-nano-banana-2.1', { candidateCount: 1, thinkingConfig: { thinkingLevel: 'high' } }],
      ['gemini-3-pro-image', { candidateCount: 1 }],
    ] as const)
      expect((await ask(model, config)).status, JSON.stringify([model, config])).to.equal(200);
  });

  // The key's own list (`models.list`) decides what it is offered: read once for the key, page by page, not at each
  // click, and a model it does not name is not offered (here, a project that is not offered Nano Banana Pro).
  it('the key’s list of models is read once per key, and a model it does not name is not offered', async () => {
    const run = unique('list');
    const apiKey = unique('goog');
    // Two models a page: Nano Banana 2 Lite is on the second.
    const scenario = `unlisted=gemini-3-pro-image;page=2;run=${run}`;
    /** A widget given `key` before it is shown, as a page that sets its key first. */
    const keyed = async (key: string) => {
      const el = imageElement(document, { provider: 'google', prompt: PROMPT, endpoint: googleOn(TODAY, scenario) });
      el.apiKey = key;
      await fixture(el);
      widget.forget(el.storageKey);
      return el;
    };
    const el = await keyed(apiKey);
    await until(async () => (await listReads(run)).length === 1, 5_000, 'the list read');
    await until(
      async () => !(await modelChoices(el)).some(({ id }) => id === 'gemini-3-pro-image'),
      5_000,
      'Nano Banana Pro no longer offered',
    );
    expect((await modelChoices(el)).map(({ id }) => id)).to.include.members([
      'gemini-nano-banana-2.1',
      'gemini-3.1-flash-lite-image',
    ]);
    // The page asks for it all the same: another is chosen, and said so; nothing is sent for it.
    el.model = 'gemini-3-pro-image';
    await el.updateComplete;
    await until(() => el.model !== 'gemini-3-pro-image', 5_000, 'another model chosen');
    expect(words(part(el, 'model')?.querySelector('.model-note'))).to.match(
      /^Nano Banana Pro is not offered to your account now: .+ is chosen instead\.$/,
    );
    await el.generate();
    await el.generate();
    const posts = await submissionsOf('google', run);
    expect(posts).to.have.length(2);
    expect(posts.some(({ path }) => path.endsWith('/models/gemini-3-pro-image:generateContent'))).to.equal(false);
    expect(await listReads(run)).to.have.length(1);
    // A second widget with the same key reads nothing again; one with another key reads that key's list.
    await keyed(apiKey);
    await keyed(unique('goog'));
    await until(async () => (await listReads(run)).length === 2, 5_000, 'the other key’s list read');
    const reads = (await simLogOf('google', run)).filter(({ method }) => method === 'GET');
    expect(reads.length).to.be.greaterThan(2); // pages after the first
    expect(reads.every(({ hasKey }) => hasKey)).to.equal(true);
    expect(reads.some(({ path }) => path.includes(apiKey))).to.equal(false);
    expect(await listReads(run)).to.have.length(2);
  });

  it('the list is read with the key given when it was asked for, not one set while its reader loads', async () => {
    const run = unique('list-key');
    const access = { apiKey: unique('goog') };
    const reading = liveBook('google', googleOn(TODAY, `run=${run}`), access);
    access.apiKey = 'sim-bad-key'; // a key Google refuses, typed in the meantime
    const { listed } = await reading;
    expect(listed && [...listed]).to.include.members(TODAYS_IDS);
  });

  // The list is how the key's account is read, not a condition of making images: where it fails, the bundled book
  // offers what Google serves by the page's clock.
  for (const fault of ['500', 'none'])
    it(`a list that fails (list=${fault}) leaves the bundled book deciding`, async () => {
      const run = unique(`list-${fault}`);
      const { el } = await widget(run, {}, undefined, `list=${fault}`);
      await until(async () => (await listReads(run)).length === 1, 5_000, 'the list asked for');
      await el.updateComplete;
      expect((await modelChoices(el)).map(({ id }) => id).sort()).to.deep.equal([...TODAYS_IDS].sort());
      const result = await el.generate();
      const [sent] = await submissionsOf('google', run);
      expect(sent.path).to.contain(`/models/${el.model}:generateContent`);
      expect(result.charged).to.equal(bookedAt1K(el.model));
    });

  // Vary and Reuse take the image's quality, not the form's: else an image made at 1K, with the form at 4K since,
  // would be made again at 4K, for more than twice the "at most" on Vary's button.
  it('Vary makes an image again at the quality it was made at, as its button is priced; Reuse sets it, Undo back', async () => {
    const run = unique('vary-quality');
    const { el } = await widget(run, { model: 'gemini-nano-banana-2.1', quality: '1K', width: 1024, height: 1024 });
    await panelsLoaded(el);
    const at1K = decision(el).price;
    await el.generate();
    el.quality = '4K';
    await el.updateComplete;
    expect(decision(el).price).not.to.equal(at1K);
    const action = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=result] [data-action=${name}]`)!;
    await until(() => action('vary'), 5_000, 'the image and its actions');
    expect(words(action('vary'))).to.equal(`Vary ${at1K}`);
    action('vary').click();
    await until(async () => (await submissionsOf('google', run)).length === 2, 5_000, 'the variation sent');
    const sent = await submissionsOf('google', run);
    expect(sent.map(({ asked }) => asked!.generationConfig.imageConfig.imageSize)).to.deep.equal(['1K', '1K']);
    expect(el.quality).to.equal('1K');
    const submit = part(el, 'submit') as HTMLButtonElement;
    await until(() => !submit.disabled, 5_000, 'the variation made');
    // Reuse, with the form at 4K again: the image's 1K, and Undo puts the form's 4K back.
    el.quality = '4K';
    await el.updateComplete;
    action('reuse').click();
    await until(() => el.quality === '1K', 5_000, "the image's quality in the form");
    await until(() => el.shadowRoot!.querySelector('.undo button'), 5_000, 'Undo');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.undo button')!.click();
    await until(() => el.quality === '4K', 5_000, "the form's quality back");
  });

  it('Gemini: thinking reported apart is booked at the text rate; the tier the page names none of is 1K, sent', async () => {
    const run = unique('pro');
    const { el, apiKey } = await widget(
      run,
      { model: 'gemini-3-pro-image', width: 1376, height: 768 },
      undefined,
      'thoughts=150',
    );
    const result = await el.generate();
    const [sent] = await submissionsOf('google', run);
    expect(sent.asked!.generationConfig.imageConfig).to.deep.equal({ aspectRatio: '16:9', imageSize: '1K' });
    // 15 × $2/M + 1,120 × $120/M + (272 text + 150 thinking) × $12/M.
    const booked = new Decimal(15 * 2 + 1120 * 120 + 422 * 12).div(1e6);
    expect(result.charged).to.equal(booked.toString());
    expect(await simCharged('google', apiKey)).to.equal(result.charged);
  });

  /** A Gemini image whose reply reports no usage, made: what the widget says of it, and its bound. */
  async function madeWithoutUsage() {
    const { el } = await widget(unique('nousage'), { model: 'gemini-nano-banana-2.1' }, undefined, 'usage=none');
    await panelsLoaded(el);
    const bound = decision(el).price!.replace('at most ', '');
    const quote = el.quote!;
    const result = await el.generate();
    expect(result.images[0].receipt).to.deep.include({ basis: 'bound', charged: quote.atMost });
    // The image came: one of the tally's images already, its cost not known.
    expect(el.tally).to.deep.include({ spent: '0', uncertain: quote.atMost, images: 1 });
    await until(() => part(el, 'uncertain'), 5_000, 'the charge listed under the tally');
    return { el, bound, quote };
  }

  it('where the reply reports no usage, the Gemini bound is booked as uncertain, said the same way everywhere', async () => {
    const { el, bound } = await madeWithoutUsage();
    // The preview's "at most", rounded up: the note beside Generate, the tally line and the list say that figure.
    expect(bound).to.match(/^\$0\.\d{4}$/);
    expect(words(el.shadowRoot)).to.contain(
      `Google did not say what this cost: at most ${bound}, which your tally counts as may have been charged`,
    );
    expect(words(el.shadowRoot)).not.to.contain('Google charged');
    expect(words(part(el, 'tally'))).to.contain(`Spent $0.00 on 1 image · ${bound} more may have been charged`);
    const listed = words(part(el, 'uncertain'));
    // Its heading holds for a reply that came without its cost too, not only for replies lost.
    expect(listed).to.contain('What these cost is not known yet');
    expect(listed).not.to.contain('No reply');
    expect(listed).to.contain(`Nano Banana 2.1, made today`);
    expect(listed).to.contain(`Google did not say what it cost; at most ${bound} may have been charged.`);
    // The image's card and its receipt say it so too; Vary leads with the most it can cost, as the picker does.
    await until(() => el.shadowRoot!.querySelector('[part~=result] figcaption'), 5_000, 'the card');
    expect(words(el.shadowRoot!.querySelector('[part~=result] figcaption'))).to.contain(`· at most ${bound} ·`);
    expect(words(part(el, 'receipt'))).to.contain(`Charged at most ${bound} · the most the preview said it could cost`);
    expect(words(el.shadowRoot!.querySelector('[data-action=vary]'))).to.equal(`Vary at most ${bound}`);
  });

  it('"It was not" makes a made image free, still one of the tally’s images; "It was charged" books the bound', async () => {
    const free = await madeWithoutUsage();
    part(free.el, 'uncertain')!.querySelector<HTMLButtonElement>('button[value=void]')!.click();
    await until(() => !part(free.el, 'uncertain'), 5_000, 'the list gone');
    expect(free.el.tally).to.deep.include({ spent: '0', images: 1 });
    expect(free.el.tally!.uncertain).to.equal(undefined);
    // The image's card and receipt say what the answer booked, as the tally does, not the bound it was made at.
    await free.el.updateComplete;
    const card = (el: HTMLElement) => words(el.shadowRoot!.querySelector('[part~=result] figcaption'));
    expect(card(free.el)).to.contain('· $0.00 ·');
    expect(words(part(free.el, 'receipt'))).to.contain('Charged $0.00 · what you said your Google account shows');
    const paid = await madeWithoutUsage();
    const charged = part(paid.el, 'uncertain')!.querySelector<HTMLButtonElement>('button[value=charged]')!;
    // It says what it books as the line above it says what may have been charged: the bound, rounded up (not "at most
    // $0.0733" above "It was charged, $0.0732"). Booked, it is spent, said half up as a price is.
    const booked = formatUsdRounded(paid.quote.atMost!);
    const line = part(paid.el, 'uncertain')!.querySelector('li')!;
    const bound = formatUsdRounded(paid.quote.atMost!, undefined, true);
    expect(words(line)).to.contain(`at most ${bound} may have been charged`);
    expect(words(charged)).to.equal(`It was charged, ${bound}`);
    charged.click();
    await until(() => !part(paid.el, 'uncertain'), 5_000, 'the list gone');
    expect(paid.el.tally).to.deep.include({ spent: paid.quote.atMost, images: 1 });
    expect(words(part(paid.el, 'tally'))).to.contain(`Spent ${booked} on 1 image`);
    expect(card(paid.el)).to.contain(`· ${booked} ·`);
    expect(words(part(paid.el, 'receipt'))).to.contain(`Charged ${booked} · what you said your Google account shows`);
    // Said, the note that it is counted as may have been charged goes.
    await paid.el.updateComplete;
    expect(words(paid.el.shadowRoot)).not.to.contain('did not say what this cost');
  });

  // Google's 429 says the key's quota (per minute or per day, by its plan), not a crowd to wait a second for: said so,
  // with the wait its RetryInfo asks, and nothing charged.
  for (const [scenario, wait] of [
    ['fault=429;retryAfter=21', 'Wait 21 s and try again, or check'],
    ['fault=429;retryAfter=none', 'Try again later, or check'],
  ])
    it(`${scenario}: the quota used up is said as Google's, with where to look`, async () => {
      const run = unique('quota');
      const { el } = await widget(run);
      el.endpoint = googleOn(TODAY, `${scenario};run=${run}`);
      const refused = await el.generate().catch((error: Error & { code: string }) => error);
      const { code, message } = refused as Error & { code: string };
      expect(code).to.equal('rate-limited');
      expect(message).to.equal(
        `Google says this key has used up its quota for now (a limit per minute or per day, set by its plan). ${wait} its plan and billing in Google AI Studio. Nothing was charged.`,
      );
      expect(el.tally).to.include({ spent: '0' });
      await el.updateComplete;
      // Beside it, where the key's quota and plan are (as a short balance's error links to add funds).
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~=error].error-box a');
      expect([link?.href, words(link)]).to.deep.equal([
        'https://aistudio.google.com/usage',
        'Open your Google dashboard ↗',
      ]);
    });

  // A quota per day (its QuotaFailure says "PerDay") is not lifted by the seconds its RetryInfo asks all the same: said
  // as the day's, with no wait.
  it('fault=429;quota=day: the day’s quota used up is said as the day’s, with no wait of seconds', async () => {
    const run = unique('quota-day');
    const { el } = await widget(run);
    el.endpoint = googleOn(TODAY, `fault=429;quota=day;retryAfter=47;run=${run}`);
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    const { code, message, retryable } = refused as Error & { code: string; retryable: boolean };
    expect([code, retryable]).to.deep.equal(['rate-limited', false]);
    expect(message).to.equal(
      'Google says this key has used up its quota for today (a limit per day, set by its plan; it resets at midnight Pacific time). Try again tomorrow, or check its plan and billing in Google AI Studio. Nothing was charged.',
    );
    expect(el.tally).to.include({ spent: '0' });
    // No Try again, which would be refused again today: the way on is the plan, linked.
    await el.updateComplete;
    const controls = [...part(el, 'error')!.querySelectorAll('a, button')].map((control) => words(control));
    expect(controls.some((said) => said.startsWith('Try again'))).to.equal(false);
    expect(controls).to.include('Open your Google dashboard ↗');
  });

  it('the simulator takes the key from its header only, and answers a missing or bad one as Google does', async () => {
    const body = { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { responseModalities: ['IMAGE'] } };
    const model = 'gemini-nano-banana-2.1:generateContent';
    const inAddress = await post(TODAY, `${model}?key=sim-key`, body, {});
    expect(inAddress.status).to.equal(400);
    const missing = await post(TODAY, model, body, {});
    expect(missing.status).to.equal(403);
    expect((await missing.json()).error.status).to.equal('PERMISSION_DENIED');
    const bad = await post(TODAY, model, body, { 'x-goog-api-key': 'sim-bad-key' });
    expect(bad.status).to.equal(400);
    expect((await bad.json()).error.details[0].reason).to.equal('API_KEY_INVALID');
    // Its list of models too.
    const list = (query: string, headers: Record<string, string>) =>
      pageFetch(`${googleOn(TODAY, `run=${unique('list-key')}`)}/v1beta/models${query}`, { headers });
    expect((await list('?key=sim-key', {})).status).to.equal(400);
    expect((await list('', {})).status).to.equal(403);
    expect((await list('', { 'x-goog-api-key': 'sim-bad-key' })).status).to.equal(400);
    expect((await list('', { 'x-goog-api-key': 'sim-key' })).status).to.equal(200);
  });

  it('a key Google does not know is said to be the key’s fault, and nothing is booked', async () => {
    const { el } = await widget(unique('badkey'), {}, 'sim-bad-key');
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('auth-failed');
    await waitUntil(() => el.tally, 'the tally is read');
    expect(el.tally).to.deep.include({ spent: '0' });
  });

  it('an image Google’s filters took: Gemini’s reported usage is booked', async () => {
    const { el } = await widget(unique('moderated'), { model: 'gemini-nano-banana-2.1' }, undefined, 'fault=moderated');
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('moderated');
    // Its usage: the prompt's 15 tokens at $1.50 per million, and nothing else.
    expect(el.tally).to.deep.include({ spent: '0.0000225' });
  });
});

describe('Imagen 4 and Nano Banana 2 with the user’s own Google key, on a day Google served them', function () {
  this.timeout(20_000);
  controlledClock(EARLIER);
  const widget = widgetsOn(EARLIER);

  it('at Google’s prices: Imagen exact, Nano Banana 2 a bound with its 512 tier', () => {
    const imagen = quoteFor({ provider: 'google', model: 'imagen-4', width: 1024, height: 768, prompt: 'a fox' });
    expect(imagen).to.include({ total: '0.04', exact: true });
    expect(imagen.atMost).to.equal(undefined);
    // Made at the size Google documents for 4:3, and said so.
    expect(imagen.note).to.contain('4:3').and.contain('1280×896');
    expect(quoteFor({ provider: 'google', model: 'imagen-4-fast', prompt: 'a fox' }).total).to.equal('0.02');
    expect(quoteFor({ provider: 'google', model: 'imagen-4-ultra', prompt: 'a fox' }).total).to.equal('0.06');
    const flash = quoteFor({ provider: 'google', model: 'gemini-3.1-flash-image', quality: '4K', prompt: PROMPT });
    expect(flash.lines[0].label).to.equal('Image: 2,520 tokens at 4K quality (fixed)');
    // 2,520 × $60/M + 15 tokens × $0.50/M expected; at most 57 × $0.50/M and 3,272 thinking or text tokens × $3/M.
    expect(flash).to.include({ total: '0.1512075', atMost: '0.1610445', exact: false });
    const small = quoteFor({ provider: 'google', model: 'gemini-3.1-flash-image', quality: '512', prompt: 'a fox' });
    expect(small.lines[0].label).to.equal('Image: 747 tokens at 512 quality (fixed)');
  });

  it('Imagen 4 at 1024×768 asks aspectRatio "4:3" and sampleCount 1, the key in its header only, and books $0.04', async () => {
    const run = unique('imagen4');
    const { el, apiKey } = await widget(run, { model: 'imagen-4', width: 1024, height: 768 });
    expect(decision(el).price).to.equal('$0.04');
    const result = await el.generate();
    const [sent] = await submissionsOf('google', run);
    expect(sent.path).to.match(/\/v1beta\/models\/imagen-4\.0-generate-001:predict$/);
    expect(sent.asked).to.deep.equal({
      instances: [{ prompt: PROMPT }],
      parameters: { sampleCount: 1, aspectRatio: '4:3' },
    });
    expect(sent).to.include({ hasKey: true, keyInQuery: false, host: OTHER_HOST });
    expect(result.charged).to.equal('0.04');
    expect(await simCharged('google', apiKey)).to.equal('0.04');
    expect(result.images[0]).to.include({ width: 1280, height: 896 }); // what Imagen makes at 4:3
    // Every request of the run went to the endpoint's origin, the key in its header, none in an address.
    for (const entry of await simLogOf('google', run)) {
      expect(entry.host).to.equal(OTHER_HOST);
      expect(entry.path).not.to.contain(apiKey);
    }
  });

  // Gemini's resolution tier, sent as the quality, decides the size Google makes (512 halves each side of the 1K size,
  // 4K makes it four times as long): the size line and the megapixels say that size, not the 1K size.
  it('the quality decides the size Gemini makes: the quote, the note, the size line and the pinned row say it', async () => {
    const at = (quality: string, width = 1024, height = 1024) =>
      quoteFor({ provider: 'google', model: 'gemini-3.1-flash-image', quality, width, height, prompt: 'a fox' });
    expect(at('4K').outputMegapixels).to.equal(16);
    expect(at('4K').note).to.contain('4096×4096');
    expect(at('1K').outputMegapixels).to.equal(1);
    expect(at('1K').note).to.equal(undefined); // 1024×1024 is what 1K makes of 1:1
    expect(at('512').note).to.contain('512×512');
    expect(at('512', 1920, 1080).note)
      .to.contain('16:9')
      .and.contain('688×384');
    expect(at('2K', 1920, 1080).note).to.contain('2752×1536');
    const pro = quoteFor({ provider: 'google', model: 'gemini-3-pro-image', quality: '4K', width: 1376, height: 768 });
    expect(pro.note).to.contain('5504×3072');
    // The price follows the tier as before: the tier's tokens, whatever the size.
    expect(at('4K').total).to.equal(at('4K', 1920, 1080).total);

    const { el } = await widget(unique('tier-size'), { model: 'gemini-3.1-flash-image', quality: '1K' });
    await panelsLoaded(el);
    const sizeLine = () => words(el.shadowRoot!.querySelector('.pixels'));
    expect(sizeLine()).to.contain('1024 × 1024');
    expect(decision(el).buys).to.contain('1 MP');
    el.quality = '4K';
    await el.updateComplete;
    await until(() => sizeLine().includes('4096 × 4096'), 5_000, 'the size line at 4K');
    expect(decision(el).buys).to.contain('16 MP');
    el.quality = '512';
    await el.updateComplete;
    await until(() => sizeLine().includes('512 × 512'), 5_000, 'the size line at 512');
  });

  it('a shape Imagen does not make is refused before the click, in plain words; Google refuses a bad ratio too', async () => {
    const run = unique('imagen-ratio');
    const { el } = await widget(run, { model: 'imagen-4', width: 1024, height: 512 });
    expect(blocked(el).reason).to.match(/Imagen 4 makes 1:1, 3:4, 4:3, 9:16, 16:9 only/);
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('invalid-input');
    expect(await submissionsOf('google', run)).to.have.length(0);
    const imagen = await post(EARLIER, 'imagen-4.0-generate-001:predict', {
      instances: [{ prompt: 'x' }],
      parameters: { sampleCount: 1, aspectRatio: '2:1' },
    });
    expect(imagen.status).to.equal(400);
    expect((await imagen.json()).error).to.include({ code: 400, status: 'INVALID_ARGUMENT' });
    for (const imageConfig of [{ aspectRatio: '2:1' }, { imageSize: '8K' }, { aspectRatio: '1:4' }]) {
      const gemini = await post(EARLIER, 'gemini-3-pro-image:generateContent', {
        contents: [{ parts: [{ text: 'x' }] }],
        generationConfig: { responseModalities: ['IMAGE'], candidateCount: 1, imageConfig },
      });
      expect(gemini.status, JSON.stringify(imageConfig)).to.equal(400);
    }
  });

  it('an image Imagen’s filters took: its price is booked as uncertain', async () => {
    const { el } = await widget(unique('moderated-imagen'), { model: 'imagen-4' }, undefined, 'fault=moderated');
    const filtered = await el.generate().catch((error: Error & { code: string }) => error);
    expect((filtered as { code: string }).code).to.equal('moderated');
    expect(el.tally).to.deep.include({ spent: '0', uncertain: '0.04' });
  });
});

describe('a retirement Google announces in its reply, through the user’s own Google key', function () {
  this.timeout(20_000);
  // Nano Banana 2 was deprecated on 2026-10-06 and shuts down on 2026-10-29: its replies say so.
  const DAY = '2026-10-10T12:00:00Z';
  controlledClock(DAY);
  const widget = widgetsOn(DAY);

  it('Google’s modelStatus says Nano Banana 2 retires on 2026-10-29: said after the image, which is booked', async () => {
    const { el } = await widget(unique('retiring'), { model: 'gemini-3.1-flash-image' });
    const result = await el.generate();
    expect(result.charged).to.equal(bookedAt1K('gemini-3.1-flash-image'));
    await el.updateComplete;
    expect(words(el.shadowRoot)).to.contain(
      'Google says it retires Nano Banana 2 on 2026-10-29: from then on, pick another model.',
    );
  });
});

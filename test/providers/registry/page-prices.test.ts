// A page's `priceBook` sets a price, never when a model ends, and never a quote below what the user's provider charges
// (src/providers/registry/page-prices.ts): a model the built-in book has shut down is neither offered nor sent, whatever the page
// prices and whatever lifecycle it states; where the built-in book holds the provider's own rates (OpenAI at
// api.openai.com, Google at its API), the quote and the budget check use at least them. The page hears each once, in
// the console. Over real HTTP against the simulators, by the page's clock (and the simulator's `now=`).
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { generate } from '../../../src/api.js';
import type { UserPaysError } from '../../../src/base/errors.js';
import { mergePriceBook, modelsIn, type PriceBook, type PriceEntry } from '../../../src/pricing/index.js';
import { withPagePrices } from '../../../src/providers/registry/page-prices.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, quoteFor } from '../../../src/providers/registry/prices.js';
import { controlledClock } from '../../support/clock.js';
import { simEndpoint, simLogOf, submissionsOf, unique } from '../../support/sim.js';
import { waitUntil } from '../../support/wait.js';
import { decision, imageWidgetsForgottenAfterEach, modelChoices, panelsLoaded } from '../../support/widget.js';

const PROMPT = 'a red fox in the snow';
/** The day after GPT Image 1.5 shut down (OpenAI's deprecations page: 2026-12-01). */
const AFTER = '2026-12-02T12:00:00Z';
const BEFORE = '2026-11-30T12:00:00Z';
const PAGE_SOURCE = { name: 'the page’s own price', asOf: '2026-11-20' };

/** OpenAI's own entry for `model` at api.openai.com, as a page copies it for a proxy of its own, lifecycle dropped. */
function copiedFromOpenAi(model: string): PriceEntry {
  const { lifecycle: _dropped, ...entry } = GATEWAY_PRICE_BOOKS['api.openai.com'][model].openai!;
  return { ...entry, source: PAGE_SOURCE };
}

/** The console's warnings while the suite runs, from the widget's own (`userpays: …`). */
function consoleWarnings() {
  const said: string[] = [];
  const real = console.warn;
  beforeEach(() => {
    said.length = 0;
    console.warn = (...parts: unknown[]) => {
      said.push(parts.join(' '));
      real(...parts);
    };
  });
  afterEach(() => {
    console.warn = real;
  });
  return said;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('it was sent'),
    (error: UserPaysError) => error,
  );

describe('a page pricing a model its provider has shut down', function () {
  this.timeout(20_000);
  const clock = controlledClock(AFTER);
  const mount = imageWidgetsForgottenAfterEach();
  const warnings = consoleWarnings();

  /**
   * GPT Image 1.5 and 2 at a proxy of OpenAI the page runs (the simulator, on `day` by its clock), priced by the page;
   * 1.5 with a lifecycle of the page's own that says it ends in 2027.
   */
  const book = (): PriceBook => ({
    'gpt-image-1.5': {
      openai: {
        ...copiedFromOpenAi('gpt-image-1.5'),
        lifecycle: { shutdown: '2027-06-01', source: PAGE_SOURCE },
      },
    },
    'gpt-image-2': { openai: copiedFromOpenAi('gpt-image-2') },
  });
  const proxy = (run: string, day: string) => simEndpoint('openai', `now=${day};run=${run}`, { crossOrigin: true });

  it('GPT Image 1.5 on 2026-12-02: not offered, refused by UserPays.generate before anything is sent', async () => {
    const run = unique('dead');
    const el = await mount(
      { provider: 'openai', model: 'gpt-image-1.5', prompt: PROMPT, endpoint: proxy(run, AFTER) },
      { priceBook: book(), apiKey: unique('sk-page') },
    );
    expect(el.model).to.equal('gpt-image-2');
    expect((await modelChoices(el)).map(({ id }) => id)).to.deep.equal(['gpt-image-2']);

    const refused = await failure(
      generate(
        { provider: 'openai', model: 'gpt-image-1.5', prompt: PROMPT },
        { apiKey: unique('sk-page'), endpoint: proxy(run, AFTER), priceBook: book() },
      ),
    );
    expect(refused.code).to.equal('invalid-input');
    expect(refused.message).to.equal(
      'GPT Image 1.5 was shut down on 2026-12-01 and can no longer be made here. Pick another model.',
    );
    expect(await submissionsOf('openai', run)).to.deep.equal([]);
    for (const { path } of await simLogOf('openai', run)) expect(path).not.to.match(/gpt-image-1\.5/);

    // The page is told once, however often it is priced.
    await waitUntil(() => warnings.some((line) => line.includes('priceBook["gpt-image-1.5"].openai')), 'told');
    expect(warnings.filter((line) => line.includes('priceBook["gpt-image-1.5"].openai'))).to.deep.equal([
      'userpays: priceBook["gpt-image-1.5"].openai prices a model shut down on 2026-12-01: it is neither offered ' +
        'nor sent, whatever the page prices (a page naming it gets gpt-image-2.6-sunburst where that is priced). A ' +
        'price book sets a price, not when a model ends: remove the entry.',
    ]);
  });

  it('the same page on 2026-11-30 offers GPT Image 1.5 at its price, and sends it', async () => {
    clock.set(BEFORE);
    const run = unique('alive');
    const el = await mount(
      { provider: 'openai', model: 'gpt-image-1.5', prompt: PROMPT, endpoint: proxy(run, BEFORE) },
      { priceBook: book(), apiKey: unique('sk-page') },
    );
    expect(el.model).to.equal('gpt-image-1.5');
    await el.generate();
    expect((await submissionsOf('openai', run)).map(({ asked }) => asked!.model)).to.deep.equal(['gpt-image-1.5']);
  });

  it('a page’s lifecycle ends a model the book knows no end of; it cannot move one the book knows', () => {
    const page: PriceBook = {
      'gpt-image-2': {
        openai: {
          ...copiedFromOpenAi('gpt-image-2'),
          lifecycle: { shutdown: '2026-12-01', source: PAGE_SOURCE },
        },
      },
      'gpt-image-1-mini': {
        openai: { ...copiedFromOpenAi('gpt-image-1-mini'), lifecycle: { released: '2025-10-06', source: PAGE_SOURCE } },
      },
    };
    const held = withPagePrices(BUILTIN_PRICE_BOOK, page, 'openai', 'https://proxy.example/v1', Date.parse(AFTER));
    expect(modelsIn(held, 'openai', '', Date.parse(AFTER))).to.deep.equal([]);
    expect(held['gpt-image-1-mini'].openai!.lifecycle).to.include({ shutdown: '2026-12-01' });
    expect(modelsIn(held, 'openai', '', Date.parse(BEFORE))).to.deep.equal(['gpt-image-2', 'gpt-image-1-mini']);
  });
});

describe('a page pricing below the provider’s own rates', function () {
  this.timeout(20_000);
  controlledClock('2026-11-28T12:00:00Z');
  const mount = imageWidgetsForgottenAfterEach();
  const warnings = consoleWarnings();

  it('GPT Image 2 priced at $0 at OpenAI’s own API is quoted OpenAI’s price, and the page told', async () => {
    const free: PriceBook = {
      'gpt-image-2': {
        openai: { rule: { kind: 'flat', unit: 'usd', perImage: '0' }, source: PAGE_SOURCE, exact: true },
      },
    };
    const el = await mount({ provider: 'openai', model: 'gpt-image-2', prompt: PROMPT }, { priceBook: free });
    await panelsLoaded(el);
    const openai = quoteFor({ provider: 'openai', model: 'gpt-image-2', prompt: PROMPT, width: 1024, height: 1024 });
    expect(el.quote?.total).to.equal(openai.total);
    expect(el.quote?.atMost).to.equal(openai.atMost);
    expect(decision(el).price).to.not.equal('$0');
    await waitUntil(() => warnings.some((line) => line.includes('priceBook["gpt-image-2"].openai')), 'told');
    expect(warnings.filter((line) => line.includes('priceBook["gpt-image-2"].openai'))).to.deep.equal([
      'userpays: priceBook["gpt-image-2"].openai prices the model below OpenAI\'s own rates (OpenAI API pricing ' +
        '(GPT Image, per million tokens), 2026-11-25), which the user is charged whatever the page says: the quote ' +
        "and the budget use OpenAI's rates where they are higher.",
    ]);
    // At a proxy of the page's own, the page's price is the price: it may have one of its own there.
    const proxied = withPagePrices(BUILTIN_PRICE_BOOK, free, 'openai', 'https://proxy.example/v1');
    expect(proxied['gpt-image-2'].openai!.rule).to.deep.equal(free['gpt-image-2'].openai!.rule);
  });

  it('a price above OpenAI’s stands as the page wrote it', () => {
    const own = GATEWAY_PRICE_BOOKS['api.openai.com']['gpt-image-2'].openai!;
    if (own.rule.kind !== 'tokens') throw new Error('GPT Image 2 is billed in tokens');
    const dearer: PriceEntry = { ...own, rule: { ...own.rule, rates: { ...own.rule.rates, imageOut: '40' } } };
    const base = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);
    const held = withPagePrices(base, { 'gpt-image-2': { openai: dearer } }, 'openai');
    expect(held['gpt-image-2'].openai!.rule).to.deep.equal(dearer.rule);
  });

  it('Nano Banana Pro priced at $0 at Google: the budget check uses Google’s price, and nothing is sent', async () => {
    const entry = BUILTIN_PRICE_BOOK['gemini-3-pro-image'].google!;
    if (entry.rule.kind !== 'tokens') throw new Error('Nano Banana Pro is billed in tokens');
    const rates = { textIn: '0', imageIn: '0', imageOut: '0', textOut: '0' };
    const free: PriceBook = { 'gemini-3-pro-image': { google: { ...entry, rule: { ...entry.rule, rates } } } };
    const run = unique('floor');
    const refused = await failure(
      generate(
        { provider: 'google', model: 'gemini-3-pro-image', prompt: PROMPT },
        {
          apiKey: unique('goog'),
          budget: '0.05',
          priceBook: free,
          endpoint: simEndpoint('google', `now=2026-11-28T12:00:00Z;run=${run}`, { crossOrigin: true }),
        },
      ),
    );
    expect(refused.code).to.equal('budget-exceeded');
    expect(await submissionsOf('google', run)).to.deep.equal([]);
  });
});

// The user's own OpenAI key and GPT Image, over real HTTP against the simulator's OpenAI dialect (demo/sim/openai.mjs,
// which follows OpenAI's API reference and the recorded replies): quality and size always sent, the price a bound
// before the click ("at most"), the reply's usage booked exactly, and every check of money before the click made
// against the bound.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import Decimal from 'decimal.js';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import type { UserPaysCost } from '../../src/elements/cost/userpays-cost.js';
import { ImageStore } from '../../src/images/image-store.js';
import { keyOrigin } from '../../src/providers/catalog.js';
import { formatUsdRounded, mergePriceBook } from '../../src/pricing/index.js';
import type { PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, quoteFor } from '../../src/providers/prices.js';
import { cleanLocalStorage } from '../support/storage.js';
import { pageFetch, simCharged, simEndpoint, submissionsOf, unique } from '../support/sim.js';
import {
  blocked,
  decision,
  imageWidget,
  openPriceDetails,
  panelsLoaded,
  part,
  radios,
  words,
} from '../support/widget.js';

/** OpenAI's prices by host, laid over the built-in ones, for the simulator's loopback endpoint (as a proxy's page does). */
const OPENAI_BOOK: PriceBook = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);
const PROMPT = 'a shiba inu eating a pink ice-cream cone, doodle on white';

describe('GPT Image with the user’s own OpenAI key', function () {
  this.timeout(20_000);
  const keys: string[] = [];
  afterEach(async () => {
    for (const key of keys.splice(0)) {
      cleanLocalStorage(key);
      await new ImageStore({ storageKey: key }).clear();
    }
  });

  async function widget(run: string, attributes: Record<string, string | number> = {}, apiKey = unique('sk-gpt')) {
    const el = await imageWidget(
      {
        provider: 'openai',
        model: 'gpt-image-1',
        prompt: PROMPT,
        endpoint: simEndpoint('openai', `run=${run}`, { crossOrigin: true }),
        ...attributes,
      },
      { priceBook: OPENAI_BOOK, apiKey },
    );
    keys.push(el.storageKey);
    return { el, apiKey };
  }

  it('goes to OpenAI by default: the key goes only to https://api.openai.com, at OpenAI’s prices', () => {
    expect(keyOrigin('openai', '')).to.equal('https://api.openai.com');
    const quote = quoteFor({ provider: 'openai', model: 'gpt-image-1', quality: 'high', prompt: 'a fox' });
    expect(quote.lines[0].label).to.equal('Image: 4,160 tokens at high quality (fixed)');
    expect(quote.atMost).to.equal('0.166425'); // 4,160 × $40/M + 5 bytes × $5/M
    // A gateway the page names serves no GPT Image at OpenAI's prices: the page sets its own.
    expect(() => quoteFor({ provider: 'openai', model: 'gpt-image-1', endpoint: 'https://api.together.xyz' })).to.throw(
      /has no price/,
    );
  });

  it('gpt-image-1 at medium 1024²: sends quality "medium" and size "1024x1024", shows "at most", books the usage', async () => {
    const run = unique('gpt1');
    const { el, apiKey } = await widget(run, { quality: 'medium', width: 1024, height: 1024 });
    await panelsLoaded(el); // the bound's words are the panels'
    expect(decision(el).price).to.equal('at most $0.0426');
    expect(decision(el).buys).to.match(/^about \$0\.0423 · /);
    const result = await el.generate();
    const [sent] = await submissionsOf('openai', run);
    expect(sent.asked).to.deep.include({ model: 'gpt-image-1', quality: 'medium', size: '1024x1024', n: 1 });
    // The simulator counts the prompt as the quote expects it (a token per 4 bytes): 15 tokens × $5/M + 1,056 × $40/M.
    expect(result.charged).to.equal('0.042315');
    expect(await simCharged('openai', apiKey)).to.equal(result.charged);
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported', quoted: '0.042315' });
  });

  it('More options has the model’s quality: choosing it prices it live, and it is what is sent', async () => {
    const run = unique('gpt-quality');
    const { el } = await widget(run, { model: 'gpt-image-1-mini' });
    await panelsLoaded(el);
    const choices = radios(el, 'quality');
    expect(choices.map((radio) => [radio.value, radio.checked])).to.deep.equal([
      ['low', false],
      ['medium', true],
      ['high', false],
    ]);
    expect(words(part(el, 'quality'))).to.equal('Quality LowMediumHigh');
    // The projection counts the most each can cost: 100 × atMost, and how many $1 surely buys.
    const most = new Decimal(el.quote!.atMost!);
    await openPriceDetails(el);
    await waitUntil(() => part(el, 'projection'), 'the projection is drawn');
    expect(words(part(el, 'projection'))).to.contain(`100 images like this: ${formatUsdRounded(most.mul(100), 'en')}`);
    expect(words(part(el, 'projection'))).to.contain(`${new Decimal(1).div(most).floor().toFixed()} per $1`);
    const medium = el.quote!.total;
    choices.find((radio) => radio.value === 'high')!.click();
    await el.updateComplete;
    expect(el.quality).to.equal('high');
    expect(el.quote!.lines[0].label).to.equal('Image: 4,160 tokens at high quality (fixed)');
    expect(new Decimal(el.quote!.total).gt(medium)).to.equal(true);
    await el.generate();
    const [sent] = await submissionsOf('openai', run);
    expect(sent.asked).to.deep.include({ quality: 'high' });
    // A FLUX model has no quality to choose.
    el.model = 'flux-2-klein-9b';
    el.priceBook = {
      ...OPENAI_BOOK,
      'flux-2-klein-9b': {
        openai: {
          rule: { kind: 'flat', unit: 'usd', perImage: '0.04' },
          source: { name: 'x', asOf: 'y' },
          exact: true,
        },
      },
    };
    await el.updateComplete;
    expect(part(el, 'quality')).to.equal(null);
  });

  it('sends the price book’s quality where the page names none, never OpenAI’s default', async () => {
    const run = unique('gpt-default');
    const { el } = await widget(run, { model: 'gpt-image-1-mini' });
    await el.generate();
    const [sent] = await submissionsOf('openai', run);
    expect(sent.asked).to.deep.include({ quality: 'medium', size: '1024x1024' });
  });

  it('a budget between gpt-image-1.5’s total and its atMost refuses the click before anything is sent', async () => {
    const quote = quoteFor({ provider: 'openai', model: 'gpt-image-1.5', quality: 'high', prompt: PROMPT });
    const budget = new Decimal(quote.total).add(quote.atMost!).div(2).toDecimalPlaces(4).toString();
    expect(new Decimal(budget).gt(quote.total) && new Decimal(budget).lt(quote.atMost!)).to.equal(true);
    const run = unique('gpt15-budget');
    const { el } = await widget(run, { model: 'gpt-image-1.5', quality: 'high', budget });
    await waitUntil(() => blocked(el).reason, 'the ledger is read and the budget applies');
    expect(blocked(el).reason).to.match(/^Over this site's \$[0-9.]+ limit/); // the page's budget: the site's
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('budget-exceeded');
    expect(await submissionsOf('openai', run)).to.have.length(0);
  });

  it('a size GPT Image 1 does not make is refused before the click, in plain words; the simulator refuses it too', async () => {
    const run = unique('gpt1-size');
    const { el } = await widget(run, { width: 1024, height: 768 });
    expect(blocked(el).reason).to.match(/GPT Image 1 makes 1024×1024, 1024×1536, 1536×1024 only/);
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('invalid-input');
    expect(await submissionsOf('openai', run)).to.have.length(0);
    // OpenAI itself answers 400 naming `size` (its API reference): so does the simulator.
    const response = await pageFetch(`${simEndpoint('openai')}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-1', prompt: 'x', size: '1024x768', quality: 'low' }),
    });
    expect(response.status).to.equal(400);
    expect((await response.json()).error).to.include({ param: 'size', code: 'invalid_value' });
  });

  it('the simulator answers a quality OpenAI has not, and a response_format, with 400s', async () => {
    for (const [body, param] of [
      [{ quality: 'ultra' }, 'quality'],
      [{ response_format: 'url' }, 'response_format'],
      [{ size: '1254x1254' }, 'size'],
    ] as const) {
      const response = await pageFetch(`${simEndpoint('openai')}/v1/images/generations`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-image-2', prompt: 'x', ...body }),
      });
      expect(response.status, param).to.equal(400);
      expect((await response.json()).error.param).to.equal(param);
    }
  });

  it('where the reply reports no usage, the bound is booked, as uncertain, and the receipt says so', async () => {
    const run = unique('gpt-nousage');
    const { el } = await imageWidget(
      {
        provider: 'openai',
        model: 'gpt-image-1',
        prompt: PROMPT,
        endpoint: simEndpoint('openai', `run=${run};usage=none`, { crossOrigin: true }),
      },
      { priceBook: OPENAI_BOOK, apiKey: unique('sk-gpt') },
    ).then((el) => ({ el }));
    keys.push(el.storageKey);
    const quote = el.quote!;
    const result = await el.generate();
    expect(result.images[0].receipt).to.deep.include({ basis: 'bound', charged: quote.atMost });
    expect(el.tally).to.deep.include({ spent: '0', uncertain: quote.atMost });
  });

  it('UserPays.generate takes the quality too: sent, priced and booked as the widget does', async () => {
    const run = unique('gpt-headless');
    const storageKey = unique('gpt-headless-key');
    keys.push(storageKey);
    const apiKey = unique('sk-gpt');
    const result = await generate(
      { provider: 'openai', model: 'gpt-image-1', prompt: PROMPT, quality: 'low', width: 1536, height: 1024 },
      {
        apiKey,
        endpoint: simEndpoint('openai', `run=${run}`, { crossOrigin: true }),
        storageKey,
        priceBook: OPENAI_BOOK,
      },
    );
    const [sent] = await submissionsOf('openai', run);
    expect(sent.asked).to.deep.include({ model: 'gpt-image-1', quality: 'low', size: '1536x1024', n: 1 });
    expect(result.quote.lines[0].label).to.equal('Image: 408 tokens at low quality (fixed)');
    expect(result.charged).to.equal(await simCharged('openai', apiKey));
    expect(result.quote.atMost).to.be.a('string');
    const refused = await generate(
      { provider: 'openai', model: 'gpt-image-1', prompt: PROMPT, quality: 'ultra' },
      { apiKey, endpoint: simEndpoint('openai', `run=${run}`), storageKey, priceBook: OPENAI_BOOK },
    ).catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('invalid-input');
    expect((refused as Error).message).to.contain('not "ultra"');
  });

  it('<userpays-cost> takes the prompt and the quality, and writes the bound', async () => {
    const el = await fixture<UserPaysCost>(html`
      <userpays-cost provider="openai" model="gpt-image-1" quality="high" prompt="a fox" locale="en-US"></userpays-cost>
    `);
    expect(el.quote).to.include({ total: '0.16641', atMost: '0.166425' });
    expect(words(el.shadowRoot!.querySelector('.total strong'))).to.equal('$0.16641, at most $0.166425');
    expect(words(el.shadowRoot!.querySelector('.lines'))).to.contain('at most');
    expect(part(el, 'cost') ?? el).to.exist;
  });
});

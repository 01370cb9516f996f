// The user's own OpenAI key and GPT Image, over real HTTP against the simulator's OpenAI dialect (demo/sim/openai.mjs,
// which follows OpenAI's API reference, its deprecations page and the recorded replies): quality and size always
// sent, the price a bound before the click ("at most"), the reply's usage booked exactly, every check of money before
// the click made against the bound, and no model OpenAI has shut down ever sent. Where a test depends on the day, it
// sets it on the page's clock and on OpenAI's (the simulator's `now=`).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import Decimal from 'decimal.js';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import type { UserPaysCost } from '../../src/elements/cost/userpays-cost.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { keyOrigin } from '../../src/providers/registry/catalog.js';
import { formatUsdRounded, mergePriceBook } from '../../src/pricing/index.js';
import type { PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, quoteFor } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import {
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
  imageWidget,
  imageWidgetsForgottenAfterEach,
  modelChoices,
  openPriceDetails,
  panelsLoaded,
  part,
  radios,
  words,
} from '../support/widget.js';

/** OpenAI's prices by host, laid over the built-in ones, for the simulator's loopback endpoint (as a proxy's page does). */
const OPENAI_BOOK: PriceBook = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);
const PROMPT = 'a shiba inu eating a pink ice-cream cone, doodle on white'; // 57 bytes: 15 tokens expected

/** A day GPT Image 1, 1.5 and 1-mini were all served, more than a month before any of them shut down. */
const EARLIER = '2026-09-01T12:00:00Z';
/** The day after GPT Image 1.5 and 1-mini shut down. */
const AFTER = '2026-12-02T12:00:00Z';

/** The simulator's OpenAI under the scenario (on `day` by its clock, where one is given), across origins. */
const openaiOn = (scenario: string, day?: string) =>
  simEndpoint('openai', day ? `now=${day};${scenario}` : scenario, { crossOrigin: true });

/** A widget on the user's OpenAI key at the simulator (on `day`, where one is given), its storage forgotten after. */
async function widgetOn(
  mount: typeof imageWidget,
  run: string,
  attributes: Record<string, string | number> = {},
  { apiKey = unique('sk-gpt'), day, scenario = '' }: { apiKey?: string; day?: string; scenario?: string } = {},
) {
  const el = await mount(
    {
      provider: 'openai',
      prompt: PROMPT,
      endpoint: openaiOn(`${scenario ? `${scenario};` : ''}run=${run}`, day),
      ...attributes,
    },
    { priceBook: OPENAI_BOOK, apiKey },
  );
  return { el, apiKey };
}

/**
 * A widget of `widget` on `model` under `run`, the page naming no quality, after Generate: it, and what OpenAI was
 * sent.
 */
async function generated(
  widget: (run: string, attributes: Record<string, string | number>) => Promise<{ el: UserPaysImage }>,
  run: string,
  model: string,
) {
  const { el } = await widget(run, { model });
  await el.generate();
  const [sent] = await submissionsOf('openai', run);
  return { el, sent };
}

/**
 * What the decision row says (`price`, and what the budget `buys`; the bound's words are the panels'), then Generate:
 * the result and what OpenAI was sent under `run`, the charge booked being what the simulator charged `apiKey`.
 */
async function bought(
  el: UserPaysImage,
  run: string,
  apiKey: string,
  { price, buys }: { price: string; buys: RegExp },
) {
  await panelsLoaded(el);
  expect(decision(el).price).to.equal(price);
  expect(decision(el).buys).to.match(buys);
  const result = await el.generate();
  const [sent] = await submissionsOf('openai', run);
  expect(await simCharged('openai', apiKey)).to.equal(result.charged);
  return { result, sent };
}

describe('GPT Image with the user’s own OpenAI key', function () {
  this.timeout(20_000);
  const mount = imageWidgetsForgottenAfterEach();
  const widget = (run: string, attributes: Record<string, string | number> = {}, options = {}) =>
    widgetOn(mount, run, attributes, options);

  it('goes to OpenAI by default: the key goes only to https://api.openai.com, at OpenAI’s prices', () => {
    expect(keyOrigin('openai', '')).to.equal('https://api.openai.com');
    const quote = quoteFor({ provider: 'openai', model: 'gpt-image-2', quality: 'high', prompt: 'a fox' });
    expect(quote.lines[0].label).to.equal('Image: 7,024 tokens at high quality (fixed)');
    expect(quote.atMost).to.equal('0.210745'); // 7,024 × $30/M + 5 bytes × $5/M
    // A gateway the page names serves no GPT Image at OpenAI's prices: the page sets its own.
    expect(() => quoteFor({ provider: 'openai', model: 'gpt-image-2', endpoint: 'https://api.together.xyz' })).to.throw(
      /has no price/,
    );
  });

  it('More options has the model’s quality: choosing it prices it live, and it is what is sent', async () => {
    const run = unique('gpt-quality');
    const { el } = await widget(run, { model: 'gpt-image-2' });
    await panelsLoaded(el);
    const choices = radios(el, 'quality');
    expect(choices.map((radio) => [radio.value, radio.checked])).to.deep.equal([
      ['low', false],
      ['medium', true],
      ['high', false],
    ]);
    expect(words(part(el, 'quality'))).to.equal('Quality LowMediumHigh');
    // The projection at what each is expected to cost and at the most: 100 of them, and how many $1 buys (at least).
    const [expected, most] = [new Decimal(el.quote!.total), new Decimal(el.quote!.atMost!)];
    await openPriceDetails(el);
    await waitUntil(() => part(el, 'projection'), 'the projection is drawn');
    expect(words(part(el, 'projection'))).to.contain(
      `100 images like this: about ${formatUsdRounded(expected.mul(100), 'en')}, at most ${formatUsdRounded(most.mul(100), 'en', true)}`,
    );
    expect(words(part(el, 'projection'))).to.contain(
      `about ${new Decimal(1).div(expected).floor().toFixed()} per $1, at least ${new Decimal(1).div(most).floor().toFixed()}`,
    );
    const medium = el.quote!.total;
    choices.find((radio) => radio.value === 'high')!.click();
    await el.updateComplete;
    expect(el.quality).to.equal('high');
    expect(el.quote!.lines[0].label).to.equal('Image: 7,024 tokens at high quality (fixed)');
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
    const { sent } = await generated(widget, unique('gpt-default'), 'gpt-image-2');
    expect(sent.asked).to.deep.include({ model: 'gpt-image-2', quality: 'medium', size: '1024x1024' });
  });

  // GPT Image 2.6 has no published rule for its image's tokens: the quote expects gpt-image-2's and states a ceiling of
  // twice them, and the reply's usage (here 1.3 times gpt-image-2's, and 300 tokens of planning) is what is booked.
  it('GPT Image 2.6 is quoted as "at most" and booked from the reply’s usage', async () => {
    const run = unique('gpt26');
    const { el, apiKey } = await widget(run, {
      model: 'gpt-image-2.6-flare',
      quality: 'high',
      width: 1024,
      height: 1024,
    });
    // 7,024 × $30/M + 15 × $5/M expected; at most twice the image's tokens, 57 × $5/M, and 2,000 text tokens × $30/M.
    expect(el.quote).to.include({ total: '0.210795', atMost: '0.481725', exact: false });
    const { result, sent } = await bought(el, run, apiKey, { price: 'at most $0.482', buys: /^about \$0\.211 · / });
    expect(sent.asked).to.deep.include({ model: 'gpt-image-2.6-flare', quality: 'high', size: '1024x1024', n: 1 });
    // 15 × $5/M + ceil(7,024 × 1.3) = 9,132 image × $30/M + 300 text × $30/M, as the reply's usage says.
    expect(result.charged).to.equal('0.283035');
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported', charged: '0.283035' });
    expect(el.tally).to.deep.include({ spent: '0.283035' });
  });

  it('a budget between GPT Image 2.6’s total and its atMost refuses the click before anything is sent', async () => {
    const quote = quoteFor({ provider: 'openai', model: 'gpt-image-2.6-sunburst', quality: 'high', prompt: PROMPT });
    const budget = new Decimal(quote.total).add(quote.atMost!).div(2).toDecimalPlaces(4).toString();
    expect(new Decimal(budget).gt(quote.total) && new Decimal(budget).lt(quote.atMost!)).to.equal(true);
    const run = unique('gpt26-budget');
    const { el } = await widget(run, { model: 'gpt-image-2.6-sunburst', quality: 'high', budget });
    await waitUntil(() => blocked(el).reason, 'the ledger is read and the budget applies');
    expect(blocked(el).reason).to.match(/^Over this site's \$[0-9.]+ limit/); // the page's budget: the site's
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('budget-exceeded');
    expect(await submissionsOf('openai', run)).to.have.length(0);
  });

  // OpenAI lets some models only to a verified organization: the key is good, so it is not said to be rejected.
  it('OpenAI’s 403 for an organization not verified is said in words, with where to verify, and nothing booked', async () => {
    const run = unique('unverified');
    const { el, apiKey } = await widget(run, { model: 'gpt-image-2.6-flare' }, { scenario: 'fault=unverified' });
    const refused = (await el.generate().catch((error: Error) => error)) as Error & { code: string };
    expect(refused.code).to.equal('provider-error');
    expect(refused.code).not.to.equal('auth-failed');
    expect(refused.message).to.contain(
      'Your key works, but OpenAI lets only verified organizations use this model. Verify your organization at https://platform.openai.com/settings/organization/general, then try again (it can take a few minutes), or pick another model.',
    );
    expect(refused.message).not.to.match(/rejected/i);
    await el.updateComplete;
    expect(words(part(el, 'error'))).to.contain('Verify your organization at');
    expect(el.tally).to.include({ spent: '0' });
    expect(await simCharged('openai', apiKey)).to.equal('0');
  });

  it('the simulator answers a quality OpenAI has not, and a response_format, with 400s', async () => {
    for (const [body, param] of [
      [{ quality: 'ultra' }, 'quality'],
      [{ model: 'gpt-image-2.6-flare', quality: 'max' }, 'quality'],
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
    const { el } = await widget(unique('gpt-nousage'), { model: 'gpt-image-2' }, { scenario: 'usage=none' });
    const quote = el.quote!;
    const result = await el.generate();
    expect(result.images[0].receipt).to.deep.include({ basis: 'bound', charged: quote.atMost });
    expect(el.tally).to.deep.include({ spent: '0', uncertain: quote.atMost });
  });

  it('UserPays.generate takes the quality too: sent, priced and booked as the widget does', async () => {
    const run = unique('gpt-headless');
    const storageKey = mount.forget(unique('gpt-headless-key'));
    const apiKey = unique('sk-gpt');
    const result = await generate(
      { provider: 'openai', model: 'gpt-image-2', prompt: PROMPT, quality: 'low', width: 1536, height: 1024 },
      { apiKey, endpoint: openaiOn(`run=${run}`), storageKey, priceBook: OPENAI_BOOK },
    );
    const [sent] = await submissionsOf('openai', run);
    expect(sent.asked).to.deep.include({ model: 'gpt-image-2', quality: 'low', size: '1536x1024', n: 1 });
    expect(result.quote.lines[0].label).to.equal('Image: 158 tokens at low quality (fixed)');
    expect(result.charged).to.equal(await simCharged('openai', apiKey));
    expect(result.quote.atMost).to.be.a('string');
    const refused = await generate(
      { provider: 'openai', model: 'gpt-image-2', prompt: PROMPT, quality: 'ultra' },
      { apiKey, endpoint: simEndpoint('openai', `run=${run}`), storageKey, priceBook: OPENAI_BOOK },
    ).catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('invalid-input');
    expect((refused as Error).message).to.contain('not "ultra"');
  });

  it('<userpays-cost> takes the prompt and the quality, and writes the bound', async () => {
    const el = await fixture<UserPaysCost>(html`
      <userpays-cost provider="openai" model="gpt-image-2" quality="high" prompt="a fox" locale="en-US"></userpays-cost>
    `);
    expect(el.quote).to.include({ total: '0.21073', atMost: '0.210745' });
    expect(words(el.shadowRoot!.querySelector('.total strong'))).to.equal('$0.21073, at most $0.210745');
    expect(words(el.shadowRoot!.querySelector('.lines'))).to.contain('at most');
    expect(part(el, 'cost') ?? el).to.exist;
  });
});

describe('GPT Image 1, 1.5 and 1-mini with the user’s own OpenAI key, on a day OpenAI served them', function () {
  this.timeout(20_000);
  controlledClock(EARLIER);
  const mount = imageWidgetsForgottenAfterEach();
  const widget = (run: string, attributes: Record<string, string | number> = {}) =>
    widgetOn(mount, run, attributes, { day: EARLIER });

  it('GPT Image 1 is priced by its table of tokens, a bound', () => {
    const quote = quoteFor({ provider: 'openai', model: 'gpt-image-1', quality: 'high', prompt: 'a fox' });
    expect(quote.lines[0].label).to.equal('Image: 4,160 tokens at high quality (fixed)');
    expect(quote.atMost).to.equal('0.166425'); // 4,160 × $40/M + 5 bytes × $5/M
  });

  it('gpt-image-1 at medium 1024²: sends quality "medium" and size "1024x1024", shows "at most", books the usage', async () => {
    const run = unique('gpt1');
    const { el, apiKey } = await widget(run, { model: 'gpt-image-1', quality: 'medium', width: 1024, height: 1024 });
    const { result, sent } = await bought(el, run, apiKey, { price: 'at most $0.0426', buys: /^about \$0\.0423 · / });
    expect(sent.asked).to.deep.include({ model: 'gpt-image-1', quality: 'medium', size: '1024x1024', n: 1 });
    // The simulator counts the prompt as the quote expects it (a token per 4 bytes): 15 tokens × $5/M + 1,056 × $40/M.
    expect(result.charged).to.equal('0.042315');
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported', quoted: '0.042315' });
  });

  it('a size GPT Image 1 does not make is refused before the click, in plain words; the simulator refuses it too', async () => {
    const run = unique('gpt1-size');
    const { el } = await widget(run, { model: 'gpt-image-1', width: 1024, height: 768 });
    expect(blocked(el).reason).to.match(/GPT Image 1 makes 1024×1024, 1024×1536, 1536×1024 only/);
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('invalid-input');
    expect(await submissionsOf('openai', run)).to.have.length(0);
    // OpenAI itself answers 400 naming `size` (its API reference): so does the simulator.
    const response = await pageFetch(`${openaiOn(`run=${run}`, EARLIER)}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-1', prompt: 'x', size: '1024x768', quality: 'low' }),
    });
    expect(response.status).to.equal(400);
    expect((await response.json()).error).to.include({ param: 'size', code: 'invalid_value' });
  });

  it('gpt-image-1-mini sends the price book’s quality where the page names none, and is offered beside 1 and 1.5', async () => {
    const { el, sent } = await generated(widget, unique('gpt-mini'), 'gpt-image-1-mini');
    expect(sent.asked).to.deep.include({ model: 'gpt-image-1-mini', quality: 'medium', size: '1024x1024' });
    expect((await modelChoices(el)).map(({ id }) => id)).to.include.members([
      'gpt-image-1',
      'gpt-image-1.5',
      'gpt-image-1-mini',
    ]);
  });
});

describe('GPT Image with the user’s own OpenAI key, after 1.5 and 1-mini shut down', function () {
  this.timeout(20_000);
  controlledClock(AFTER);
  const mount = imageWidgetsForgottenAfterEach();

  /** Every request the page sends while `run` runs, as its address and its body. */
  async function sentWhile(run: () => Promise<void>) {
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(`${input instanceof Request ? input.url : String(input)} ${init?.body ?? ''}`);
      return realFetch(input, init);
    };
    try {
      await run();
    } finally {
      window.fetch = realFetch;
    }
    return sent;
  }

  it('no request carries GPT Image 1.5 or 1-mini: a page naming them gets GPT Image 2.6, said, and sent', async () => {
    const run = unique('after');
    const sent = await sentWhile(async () => {
      const sunburst = (await widgetOn(mount, run, { model: 'gpt-image-1.5' }, { day: AFTER })).el;
      expect(sunburst.model).to.equal('gpt-image-2.6-sunburst');
      expect(words(part(sunburst, 'model')?.querySelector('.model-note'))).to.equal(
        'GPT Image 1.5 was shut down on 2026-12-01: GPT Image 2.6 Sunburst, its replacement, makes this image instead.',
      );
      const offered = (await modelChoices(sunburst)).map(({ id }) => id);
      expect(offered).to.include('gpt-image-2.6-flare');
      expect(offered).not.to.include.members(['gpt-image-1.5']);
      expect(offered).not.to.include.members(['gpt-image-1-mini']);
      await sunburst.generate();
      const flare = (await widgetOn(mount, run, { model: 'gpt-image-1-mini' }, { day: AFTER })).el;
      expect(flare.model).to.equal('gpt-image-2.6-flare');
      await flare.generate();
      // UserPays.generate, with no picker: the quote's note says it.
      const storageKey = mount.forget(uniqueStorageKey());
      const made = await generate(
        { provider: 'openai', model: 'gpt-image-1.5', prompt: PROMPT },
        { apiKey: unique('sk-gpt'), endpoint: openaiOn(`run=${run}`, AFTER), storageKey, priceBook: OPENAI_BOOK },
      );
      expect(made.quote).to.include({ model: 'gpt-image-2.6-sunburst' });
      expect(made.quote.note).to.equal(
        'GPT Image 1.5 was shut down on 2026-12-01: GPT Image 2.6 Sunburst, its replacement, makes this image instead.',
      );
    });
    const posts = await submissionsOf('openai', run);
    expect(posts.map(({ asked }) => asked!.model)).to.deep.equal([
      'gpt-image-2.6-sunburst',
      'gpt-image-2.6-flare',
      'gpt-image-2.6-sunburst',
    ]);
    expect(sent.length).to.be.greaterThan(3);
    for (const request of sent) expect(request).not.to.match(/gpt-image-1\.5|gpt-image-1-mini/);
    for (const { path } of await simLogOf('openai', run)) expect(path).not.to.match(/gpt-image-1\.5|gpt-image-1-mini/);
  });
});

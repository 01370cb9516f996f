// What Pollinations sells today (SPEC §12, "The catalog as the providers sell it today"): each family model's end
// upstream by the page's clock and what replaces it, its live `/image/models` deciding what is offered, and the sign-in
// asking the key for those models only (demo/sim/pollinations.mjs serves the list at the moment `now=` names).
import { expect } from '@open-wc/testing';
import { modelsIn, replacementOf, type PriceBook } from '../../src/pricing/index.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { pollinationsAccount } from '../../src/providers/pollinations/account.js';
import { controlledClock } from '../support/clock.js';
import { simEndpoint, unique } from '../support/sim.js';

const PROMPT = 'a fox at dusk'; // 13 bytes: 4 tokens expected, at most 13
const offered = (book: PriceBook = BUILTIN_PRICE_BOOK) => modelsIn(book, 'pollinations', '');
const live = (now: string) =>
  liveCatalogue('pollinations', simEndpoint('pollinations', `run=${unique('poll-cat')};now=${now}`));

describe('Pollinations’ models that end upstream, by the page’s clock', () => {
  const clock = controlledClock('2026-10-28T23:59:59Z');

  it('Nano Banana 2 until 2026-10-29, then Nano Banana 2 Lite in its place', () => {
    expect(offered()).to.include.members(['gemini-3.1-flash-image', 'gemini-3.1-flash-lite-image']);
    clock.set('2026-10-29T00:00:00Z');
    expect(offered()).to.not.include('gemini-3.1-flash-image');
    expect(replacementOf(BUILTIN_PRICE_BOOK, 'pollinations', 'gemini-3.1-flash-image')).to.deep.equal({
      named: 'gemini-3.1-flash-image',
      model: 'gemini-3.1-flash-lite-image',
      shutdown: '2026-10-29',
    });
  });

  it('GPT Image 1 mini and 1.5 until 2026-12-01 (OpenAI’s date, before Azure’s), then GPT Image 2', () => {
    clock.set('2026-11-30T23:59:59Z');
    expect(offered()).to.include.members(['gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-2']);
    clock.set('2026-12-01T00:00:00Z');
    expect(offered()).to.not.include.members(['gpt-image-1-mini', 'gpt-image-1.5']);
    for (const model of ['gpt-image-1-mini', 'gpt-image-1.5']) {
      expect(replacementOf(BUILTIN_PRICE_BOOK, 'pollinations', model)?.model, model).to.equal('gpt-image-2');
    }
    expect(offered()).to.include.members(['gpt-image-2', 'gemini-3.1-flash-lite-image', 'flux-2-klein-4b']);
  });

  it('Nano Banana 2 Lite: 1K only, at $30 per million image tokens, its thinking bound at 8,000 tokens', () => {
    const quote = quoteFor({ provider: 'pollinations', model: 'gemini-3.1-flash-lite-image', prompt: PROMPT });
    // 1,120 image tokens at $30 and the prompt's 4 at $0.25; at most 13 of them and 8,000 thinking tokens at $1.50.
    expect(quote).to.include({ total: '0.033601', atMost: '0.04560325', exact: false });
    expect(() =>
      quoteFor({ provider: 'pollinations', model: 'gemini-3.1-flash-lite-image', prompt: PROMPT, quality: '2K' }),
    ).to.throw();
  });
});

describe('Pollinations’ live list decides what is offered', function () {
  this.timeout(20_000);
  // A page whose clock is before every end: the list alone decides.
  const clock = controlledClock('2026-09-15T12:00:00Z');

  it('a model the list no longer names is not offered, though the book has it; the list’s others are', async () => {
    const today = await live('2026-11-28');
    expect(today['gemini-3.1-flash-image'].pollinations).to.equal(undefined);
    expect(offered(today)).to.not.include('gemini-3.1-flash-image');
    expect(offered(today)).to.include.members(['gpt-image-1.5', 'gemini-3.1-flash-lite-image', 'flux-2-klein-4b']);
    const december = await live('2026-12-01');
    expect(offered(december)).to.not.include.members(['gpt-image-1-mini', 'gpt-image-1.5']);
    expect(offered(december)).to.include('gpt-image-2');
    expect(offered(await live('2026-10-01'))).to.include('gemini-3.1-flash-image');
  });

  it('a model the page’s clock has ended stays in the book though the list no longer names it: never offered, replaced', async () => {
    clock.set('2026-12-02T12:00:00Z');
    const book = await live('2026-12-02');
    expect(book['gpt-image-1.5'].pollinations).to.not.equal(undefined);
    expect(offered(book)).to.not.include('gpt-image-1.5');
    expect(replacementOf(book, 'pollinations', 'gpt-image-1.5')?.model).to.equal('gpt-image-2');
  });

  it('Nano Banana 2 Lite is priced from the list', async () => {
    const quote = quoteFor(
      { provider: 'pollinations', model: 'gemini-3.1-flash-lite-image', prompt: PROMPT },
      await live('2026-11-28'),
    );
    expect(quote).to.include({ total: '0.033601' });
    expect(quote.source.name).to.equal('Pollinations model list (live)');
  });
});

describe('Sign in with Pollinations asks for the models sold by the page’s clock', () => {
  const clock = controlledClock('2026-11-30T12:00:00Z');
  const authorizeUrl = (endpoint = simEndpoint('pollinations')) =>
    pollinationsAccount.authorizeUrl({
      endpoint,
      redirectUri: `${location.origin}/demo/index.html`,
      challenge: 'c'.repeat(43),
      state: 'st4te',
      clientId: 'pk_simdemo',
    });
  const asked = () => new URL(authorizeUrl()).searchParams.get('models')!.split(',');

  it('GPT Image 1 mini and 1.5 until their end; never Nano Banana 2, whose end has come; its Lite always', () => {
    expect(asked()).to.include.members(['gptimage', 'gptimage-large', 'nanobanana-2-lite', 'klein']);
    expect(asked()).to.not.include('nanobanana-2');
    clock.set('2026-12-01T00:00:00Z');
    expect(asked()).to.not.include.members(['gptimage', 'gptimage-large']);
    expect(asked()).to.include.members(['gpt-image-2', 'nanobanana-2-lite', 'klein']);
  });

  it('Pollinations’ consent page knows every name asked, at the same moment (one it no longer serves, it refuses)', async () => {
    for (const now of ['2026-11-30T12:00:00Z', '2026-12-01T00:00:00Z']) {
      clock.set(now);
      const page = await fetch(authorizeUrl(simEndpoint('pollinations', `run=${unique('poll-cat')};now=${now}`)));
      expect(page.status, now).to.equal(200);
      expect(await page.text(), now).to.contain('id="authorize"');
    }
  });
});

describe('a live Pollinations price out of all reason is no price', function () {
  this.timeout(20_000);
  controlledClock('2026-11-28T12:00:00Z');
  const priced = async (price: string, model: string) =>
    quoteFor(
      { provider: 'pollinations', model, prompt: PROMPT },
      await liveCatalogue(
        'pollinations',
        simEndpoint('pollinations', `run=${unique('poll-sane')};now=2026-11-28;price=${price}`),
      ),
    );

  // An image token at 10⁻¹² pollen would quote GPT Image 2 at a millionth of a cent; 1,000 pollen a Seedream image.
  it('GPT Image 2’s image token at 0.000000000001 pollen: the bundled price, said so', async () => {
    const quote = await priced('gpt-image-2:0.000000000001', 'gpt-image-2');
    expect(quote.source.name).to.not.equal('Pollinations model list (live)');
    expect(Number(quote.total)).to.be.greaterThan(0.01);
  });

  it('Seedream 4.5 at 1,000 pollen an image: the bundled price, said so; at 0.05, read as written', async () => {
    const absurd = await priced('seedream-pro:1000', 'seedream-4.5');
    expect(absurd.source.name).to.not.equal('Pollinations model list (live)');
    expect(absurd.total).to.equal('0.04');
    const sane = await priced('seedream-pro:0.05', 'seedream-4.5');
    expect(sane).to.include({ total: '0.05' });
    expect(sane.source.name).to.equal('Pollinations model list (live)');
  });
});

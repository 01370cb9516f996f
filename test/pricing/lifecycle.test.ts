// A model's life on a path (PriceEntry.lifecycle, SPEC §12): by the page's clock, a model past its shutdown is neither
// offered nor priced, so never sent; a page that names it gets the replacement, said in one sentence; a month ahead,
// the quote says it is going.
// Holds: src/pricing/replacement.ts
import { expect } from '@open-wc/testing';
import { quote } from '../../src/api.js';
import { modelsIn, replacementOf, type PriceBook, type PriceEntry } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, priceBookFor, quoteFor } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';

const flat = (lifecycle?: PriceEntry['lifecycle']): PriceEntry => ({
  rule: { kind: 'flat', unit: 'usd', perImage: '0.04' },
  source: { name: 'test', asOf: '2026-11-27' },
  exact: true,
  ...(lifecycle && { lifecycle }),
});
const said = { name: 'test', asOf: '2026-11-27' };

/** Three BFL models: [klein] 4B gone on 2026-06-01 to [klein] 9B, gone on 2026-07-01 to [pro], which stays. */
const CHAIN: PriceBook = {
  'flux-2-klein-4b': { bfl: flat({ shutdown: '2026-06-01', replacement: 'flux-2-klein-9b', source: said }) },
  'flux-2-klein-9b': { bfl: flat({ shutdown: '2026-07-01', replacement: 'flux-2-pro', source: said }) },
  'flux-2-pro': { bfl: flat() },
  'flux-2-max': { bfl: flat({ shutdown: '2026-06-01', source: said }) },
};

describe('a model’s lifecycle, by the page’s clock', () => {
  const clock = controlledClock('2026-05-31T23:59:00Z');

  it('offers a model until the day of its shutdown begins, UTC, and not from then on', () => {
    expect(modelsIn(CHAIN, 'bfl', '')).to.deep.equal([
      'flux-2-klein-4b',
      'flux-2-klein-9b',
      'flux-2-pro',
      'flux-2-max',
    ]);
    clock.set('2026-06-01T00:00:00Z');
    expect(modelsIn(CHAIN, 'bfl', '')).to.deep.equal(['flux-2-klein-9b', 'flux-2-pro']);
  });

  it('follows replacements retired in turn to one still served', () => {
    clock.set('2026-07-02T00:00:00Z');
    expect(replacementOf(CHAIN, 'bfl', 'flux-2-klein-4b')).to.deep.equal({
      named: 'flux-2-klein-4b',
      model: 'flux-2-pro',
      shutdown: '2026-06-01',
    });
    expect(replacementOf(CHAIN, 'bfl', 'flux-2-pro')).to.equal(undefined);
  });

  it('prices the replacement of a model shut down, and says so in one sentence', () => {
    clock.set('2026-06-15T12:00:00Z');
    const priced = quoteFor({ provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a fox' }, CHAIN);
    expect(priced.model).to.equal('flux-2-klein-9b');
    expect(priced.note).to.equal(
      'FLUX.2 [klein] 4B was shut down on 2026-06-01: FLUX.2 [klein] 9B, its replacement, makes this image instead.',
    );
  });

  it('refuses in words a model shut down with nothing to replace it', () => {
    clock.set('2026-06-15T12:00:00Z');
    expect(() => quoteFor({ provider: 'bfl', model: 'flux-2-max', prompt: 'a fox' }, CHAIN))
      .to.throw('FLUX.2 [max] was shut down on 2026-06-01 and can no longer be made here. Pick another model.')
      .with.property('code', 'invalid-input');
  });

  it('says within a month of the shutdown that the model goes, and what replaces it then', () => {
    clock.set('2026-05-10T12:00:00Z');
    expect(quoteFor({ provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a fox' }, CHAIN).note).to.equal(
      'FLUX.2 [klein] 4B shuts down on 2026-06-01; from then on, FLUX.2 [klein] 9B makes these images instead.',
    );
    clock.set('2026-04-30T12:00:00Z');
    expect(quoteFor({ provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a fox' }, CHAIN).note).to.equal(undefined);
  });
});

describe('the built-in book’s dates, as the providers announced them', () => {
  const clock = controlledClock('2026-11-28T12:00:00Z');

  it('sends Google’s GA ids, and no Imagen: a page naming it gets its replacement', () => {
    const google = (model: string) => quote({ provider: 'google', model, prompt: 'a fox' });
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'google', '')).to.deep.equal([
      'gemini-nano-banana-2.1',
      'gemini-3-pro-image',
      'gemini-3.1-flash-lite-image',
    ]);
    expect(google('imagen-4').model).to.equal('gemini-nano-banana-2.1');
    expect(google('imagen-4-ultra').model).to.equal('gemini-3-pro-image');
    expect(google('gemini-3.1-flash-image').model).to.equal('gemini-nano-banana-2.1');
    for (const id of modelsIn(BUILTIN_PRICE_BOOK, 'google', ''))
      expect(BUILTIN_PRICE_BOOK[id].google?.model).to.not.match(/-preview$|^imagen-/);
  });

  it('offers GPT Image 1.5 and 1-mini at OpenAI until 2026-12-01, then their replacements', () => {
    const openai = priceBookFor('https://api.openai.com', BUILTIN_PRICE_BOOK, 'openai');
    expect(modelsIn(openai, 'openai', '')).to.include.members(['gpt-image-1.5', 'gpt-image-1-mini']);
    expect(quote({ provider: 'openai', model: 'gpt-image-1.5', prompt: 'a fox' }).note).to.match(
      /^GPT Image 1\.5 shuts down on 2026-12-01; from then on, GPT Image 2\.6 Sunburst/,
    );
    clock.set('2026-12-02T00:00:00Z');
    expect(modelsIn(openai, 'openai', '')).to.not.include.members(['gpt-image-1.5', 'gpt-image-1-mini', 'gpt-image-1']);
    expect(quote({ provider: 'openai', model: 'gpt-image-1.5', prompt: 'a fox' }).model).to.equal(
      'gpt-image-2.6-sunburst',
    );
    expect(quote({ provider: 'openai', model: 'gpt-image-1-mini', prompt: 'a fox' }).model).to.equal(
      'gpt-image-2.6-flare',
    );
  });

  it('bounds GPT Image 2.6 at twice the image tokens gpt-image-2 takes, as no rule of its own is published', () => {
    const ask = { provider: 'openai', width: 1024, height: 1024, quality: 'high', prompt: 'a fox' } as const;
    const two = quote({ ...ask, model: 'gpt-image-2' });
    const next = quote({ ...ask, model: 'gpt-image-2.5-flare' });
    expect(next.total).to.equal(two.total);
    // 7,024 image tokens at $30 per million expected; at most 14,048 of them, and the prompt at a token per byte.
    expect(next.lines[0]).to.include({ amount: '0.21072', atMost: '0.42144' });
    expect(next.atMost).to.equal('0.421465');
  });
});

// The "at most" of a price that is a bound: from the largest figure any cited source gives (Nano Banana 2.1's 4K image,
// src/providers/model-facts.ts), and raised where a provider charged above it here (`withSeenMost`, with what the
// ledger keeps: test/pricing/seen-bounds.test.ts).
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { withBoundsSeen, withSeenMost } from '../../src/pricing/seen-most.js';
import { SeenBounds } from '../../src/pricing/seen-bounds.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { priceOf } from '../../src/pricing/quote.js';
import { BUILTIN_PRICE_BOOK, priceBookFor, quoteFor } from '../../src/providers/registry/prices.js';
import { de } from '../../src/translations/de.js';
import { controlledClock } from '../support/clock.js';

const PROMPT = 'a shiba inu eating a pink ice-cream cone, doodle on white'; // 57 bytes: 15 tokens expected
const BYTES = new TextEncoder().encode(PROMPT).length;

/** What a Gemini quote's "at most" is: the image's tokens most, the prompt at a token per byte, 3,272 besides. */
const mostOf = (image: number, rates: { textIn: string; imageOut: string; textOut: string }) =>
  new Decimal(rates.imageOut)
    .mul(image)
    .add(new Decimal(rates.textIn).mul(BYTES))
    .add(new Decimal(rates.textOut).mul(3272))
    .div(1e6);

describe('Nano Banana 2.1’s bound at 2K and 4K', () => {
  controlledClock('2026-11-28T12:00:00Z');

  it('at 4K is at least $0.113: 3,797 image tokens at most (fal’s $0.134 at $35.294/M), 2,520 expected', () => {
    const quote = quoteFor({ provider: 'google', model: 'gemini-nano-banana-2.1', quality: '4K', prompt: PROMPT });
    expect(quote.lines[0].label).to.equal('Image: about 2,520 tokens at 4K quality (may vary, at most 3,797)');
    // Expected: 2,520 × $30/M + 15 × $1.50/M. At most: 3,797 × $30/M + 57 × $1.50/M + 3,272 × $7.50/M.
    expect(quote.total).to.equal('0.0756225');
    expect(quote.atMost).to.equal(mostOf(3797, { textIn: '1.5', imageOut: '30', textOut: '7.5' }).toString());
    expect(quote.atMost).to.equal('0.1385355');
    // The image alone, at its most, is above the $0.113 (3,780 tokens) inference.sh gives for a 4K image.
    expect(new Decimal(30).mul(3797).div(1e6).gte('0.113')).to.equal(true);
  });

  it('at 2K, which no source counts, is bound as 4K is: a 2K image is no larger', () => {
    const quote = quoteFor({ provider: 'google', model: 'gemini-nano-banana-2.1', quality: '2K', prompt: PROMPT });
    expect(quote.lines[0].label).to.equal('Image: about 1,680 tokens at 2K quality (may vary, at most 3,797)');
    expect(quote.atMost).to.equal('0.1385355');
    // 1K is counted by Google's own figure ($0.0336): fixed, its bound the prompt's and the text's alone.
    const at1K = quoteFor({ provider: 'google', model: 'gemini-nano-banana-2.1', quality: '1K', prompt: PROMPT });
    expect(at1K.lines[0].label).to.equal('Image: 1,120 tokens at 1K quality (fixed)');
  });

  it('is the same at OpenRouter, which bills the same tokens', () => {
    const book = priceBookFor('', BUILTIN_PRICE_BOOK, 'openrouter');
    const { quote } = priceOf(
      { provider: 'openrouter', model: 'gemini-nano-banana-2.1', quality: '4K', prompt: PROMPT },
      book,
    );
    expect(quote!.lines[0].label).to.match(/at most 3,797\)$/);
    expect(new Decimal(quote!.atMost!).gte('0.113')).to.equal(true);
  });
});

describe('a bound raised by what was charged before', () => {
  controlledClock('2026-11-28T12:00:00Z');
  const storageKeys = storageKeysForgottenAfterEach();
  const priced = (count = 1) =>
    priceOf(
      { provider: 'google', model: 'gemini-nano-banana-2.1', quality: '1K', prompt: PROMPT, count },
      priceBookFor('', BUILTIN_PRICE_BOOK, 'google'),
    );

  it('is the most charged per image, with a line that says why, where it is above the bound', () => {
    const before = priced().quote!;
    const raised = withSeenMost(priced(), '0.0731625').quote!;
    expect(raised.atMost).to.equal('0.0731625');
    expect(raised.total).to.equal(before.total);
    const line = raised.lines.at(-1)!;
    expect(line).to.deep.equal({
      label: 'Charged here before for this model and size: up to $0.0732 an image',
      amount: '0',
      atMost: new Decimal('0.0731625').minus(before.atMost!).toString(),
    });
    // Two images: twice, on each line.
    const two = withSeenMost(priced(2), '0.0731625').quote!;
    expect(two.atMost).to.equal('0.146325');
    expect(two.lines.at(-1)!.label).to.match(/ × 2 images$/);
  });

  it('is said in German where the widget speaks it', () => {
    const raised = withSeenMost(priced(), '0.08', de).quote!;
    expect(raised.lines.at(-1)!.label).to.contain('Hier schon berechnet für dieses Modell und diese Größe');
  });

  it('changes nothing where the charge seen is within the bound, or none was seen', () => {
    const within = priced();
    expect(withSeenMost(within, within.quote!.atMost!)).to.equal(within);
    expect(withSeenMost(within, '0.01')).to.equal(within);
    expect(withSeenMost(within, undefined)).to.equal(within);
  });

  it('is read from what the storage key keeps, for that provider, model, quality and size alone', () => {
    const storageKey = storageKeys();
    const at1K = { provider: 'google', model: 'gemini-nano-banana-2.1', quality: '1K', width: 1024, height: 1024 };
    expect(withBoundsSeen(priced(), storageKey).quote!.atMost).to.equal(priced().quote!.atMost);
    new SeenBounds(storageKey).raise(at1K, '0.0731625');
    expect(withBoundsSeen(priced(), storageKey).quote!.atMost).to.equal('0.0731625');
    new SeenBounds(storageKey).raise({ ...at1K, quality: '2K' }, '0.5');
    expect(withBoundsSeen(priced(), storageKey).quote!.atMost).to.equal('0.0731625');
    expect(withBoundsSeen(priced(), storageKeys()).quote!.atMost).to.equal(priced().quote!.atMost);
  });

  it('leaves a price that is not a bound as it is', () => {
    const flat = priceOf({ provider: 'bfl', model: 'flux-2-pro', width: 1024, height: 1024 }, BUILTIN_PRICE_BOOK);
    expect(flat.quote!.atMost).to.equal(undefined);
    expect(withSeenMost(flat, '5')).to.equal(flat);
  });
});

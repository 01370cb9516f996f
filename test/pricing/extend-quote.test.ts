// An extend (outpainting, SPEC §13) is priced before the click as every edit is: on the canvas it makes (the image with
// its sides around it, whatever size the form asks), only by a model that extends, refused in words where its sides are
// not whole pixels, extend nothing, go further than the model extends a side, or make a canvas larger than it makes;
// where the model takes no instruction, the quote says the one typed is not sent. A text-to-image comparison never
// offers a model that only extends.
// Holds: src/pricing/edit-pricing.ts
// Holds: src/pricing/offers.ts
// Holds: src/providers/fal/edit-prices.ts
import { expect } from '@open-wc/testing';
import type { ExtendSides, QuoteRequest } from '../../src/base/types.js';
import { UserPaysError } from '../../src/base/errors.js';
import { priceOf } from '../../src/pricing/index.js';
import { offersOf } from '../../src/pricing/offers.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { de } from '../../src/translations/de.js';

const sides = (more: Partial<ExtendSides>): ExtendSides => ({ top: 0, right: 0, bottom: 0, left: 0, ...more });

/** An extend of a `width` × `height` image at `provider` with FLUX Outpainting. */
const extend = (provider: 'bfl' | 'fal', width: number, height: number, more: Partial<ExtendSides>): QuoteRequest => ({
  provider,
  model: 'flux-outpainting',
  prompt: '',
  // The form's size: an extend makes its own canvas whatever it says.
  width: 512,
  height: 512,
  inputs: [{ width, height }],
  edit: { kind: 'extend', extend: sides(more) },
});

/** The refusal `run` throws, as the page reads it. */
function refusal(run: () => unknown): UserPaysError {
  try {
    run();
  } catch (error) {
    return error as UserPaysError;
  }
  throw new Error('not refused');
}

describe('the quote of an extend', () => {
  before(() => loadEdits());

  it('at BFL follows the new canvas: 1024×768 extended 512 to the right is 1536×768, an estimate of 2 MP made', () => {
    const { quote, fitted, entry } = priceOf(
      extend('bfl', 1024, 768, { right: 512 }),
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );
    expect([fitted!.width, fitted!.height]).to.deep.equal([1536, 768]);
    // Runware's figure, 10 credits per started megapixel made (BFL's own UNVERIFIED): 1.125 MP is 2 of them.
    expect([quote!.total, quote!.credits, quote!.exact, quote!.problem]).to.deep.equal(['0.2', '20', false, undefined]);
    // Said as an estimate from a reseller's price, in the user's words (the code's comment keeps BFL's own UNVERIFIED).
    expect(quote!.source).to.include({ name: "Runware's FLUX Outpainting price", restated: 'resellers' });
    expect(quote!.source.asOf).to.equal('2026-11-28');
    expect(entry!.edits).to.deep.equal(['extend']);
    // The image it extends is not billed, nor resized: it is sent as it is.
    expect(fitted!.inputs).to.deep.equal([{ width: 1024, height: 768 }]);
    expect(quote!.lines.map((line) => line.amount)).to.deep.equal(['0.1', '0.1']);
    // Each side counts: 100 all round of a 1024² image is 1224², still 2 MP.
    const all = priceOf(
      extend('bfl', 1024, 1024, { top: 100, right: 100, bottom: 100, left: 100 }),
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );
    expect([all.fitted!.width, all.fitted!.height, all.quote!.credits]).to.deep.equal([1224, 1224, '20']);
  });

  it('refuses a canvas over 4 MP before anything is sent, in round figures, and takes one of exactly 4 MP', () => {
    const { quote } = priceOf(extend('bfl', 2048, 2048, { right: 1 }), BUILTIN_PRICE_BOOK, undefined, EDITS);
    expect(quote!.problem).to.equal(
      'Extended, the image would be 2049×2048, and FLUX Outpainting makes images of at most 4 megapixels — extend it less.',
    );
    const most = priceOf(extend('bfl', 2048, 1024, { bottom: 1024 }), BUILTIN_PRICE_BOOK, undefined, EDITS);
    expect([most.quote!.problem, most.quote!.credits]).to.deep.equal([undefined, '40']);
    // In the user's language.
    const german = priceOf(extend('bfl', 2048, 2048, { right: 1 }), BUILTIN_PRICE_BOOK, de, EDITS).quote!.problem;
    expect(german).to.equal(
      'Erweitert hätte das Bild 2049×2048 Pixel, und FLUX Outpainting erzeugt Bilder von höchstens 4 Megapixeln – erweitern Sie es weniger.',
    );
  });

  it('refuses sides that are not whole pixels, none negative, one at least above 0, in words', () => {
    for (const bad of [{ right: -1 }, { right: 1.5 }, { right: Number.NaN }, { right: '64' as unknown as number }]) {
      const error = refusal(() => quoteFor(extend('bfl', 1024, 1024, bad)));
      expect([error.code, error.message], JSON.stringify(bad)).to.deep.equal([
        'invalid-input',
        'How far to extend each side must be a whole number of pixels, 0 or more.',
      ]);
    }
    const nothing = refusal(() => quoteFor(extend('bfl', 1024, 1024, {})));
    expect([nothing.code, nothing.message]).to.deep.equal([
      'invalid-input',
      'Extend at least one side: every side is 0 pixels now.',
    ]);
    const missing = refusal(() => quoteFor({ ...extend('bfl', 1024, 1024, {}), edit: { kind: 'extend' } }));
    expect(missing.message).to.match(/whole number of pixels/);
    // Sides belong to an extend alone.
    const elsewhere = refusal(() =>
      quoteFor({ ...extend('bfl', 1024, 1024, {}), edit: { kind: 'instruction', extend: sides({ right: 8 }) } }),
    );
    expect(elsewhere.code).to.equal('invalid-input');
    expect(elsewhere.message).to.match(/`extend` \(\{ top, right, bottom, left \}\) with the kind "extend" only/);
  });

  it('an extend by a model that does not extend says so, and a model that extends makes nothing else', () => {
    const { quote } = priceOf(
      { ...extend('bfl', 1024, 1024, { right: 8 }), model: 'flux-2-pro' },
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );
    expect(quote!.problem).to.equal(
      'FLUX.2 [pro] cannot extend an image here: choose a model that can, or another kind of edit.',
    );
    const instruction = priceOf(
      { ...extend('bfl', 1024, 1024, {}), edit: { kind: 'instruction' } },
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    ).quote!.problem;
    expect(instruction).to.match(/FLUX Outpainting cannot edit an image by an instruction here/);
  });

  it('at fal: its own rates on the canvas and the image, at most 2048 pixels a side, and a prompt said not to be sent', () => {
    const request = { ...extend('fal', 1024, 1024, { right: 512 }), prompt: 'a sandy beach' };
    const { quote, fitted } = priceOf(request, BUILTIN_PRICE_BOOK, undefined, EDITS);
    // $0.03 the first MP made, $0.015 the second, and $0.015 the image's (fal.ai/models/fal-ai/flux-2-pro/outpaint).
    expect([fitted!.width, fitted!.height, quote!.total, quote!.exact]).to.deep.equal([1536, 1024, '0.06', false]);
    expect(quote!.note).to.equal(
      'FLUX Outpainting takes no instruction: it continues the image by itself, and “a sandy beach” is not sent.',
    );
    // No prompt typed: nothing to say.
    expect(priceOf({ ...request, prompt: ' ' }, BUILTIN_PRICE_BOOK, undefined, EDITS).quote!.note).to.equal(undefined);
    // BFL's takes one (an optional, experimental instruction): no such note.
    expect(priceOf({ ...request, provider: 'bfl' }, BUILTIN_PRICE_BOOK, undefined, EDITS).quote!.note).to.equal(
      undefined,
    );
    const far = priceOf(extend('fal', 512, 512, { left: 2049 }), BUILTIN_PRICE_BOOK, undefined, EDITS).quote!.problem;
    expect(far).to.equal('FLUX Outpainting extends a side by at most 2,048 pixels — extend it less.');
    expect(
      priceOf(extend('fal', 512, 512, { left: 2048 }), BUILTIN_PRICE_BOOK, undefined, EDITS).quote!.problem,
    ).to.equal(undefined);
  });

  it('is never offered in a text-to-image comparison, and is offered, priced, for an extend', () => {
    const pricing = {
      models: (provider: 'bfl' | 'fal') =>
        Object.keys(BUILTIN_PRICE_BOOK).filter((model) => BUILTIN_PRICE_BOOK[model][provider]),
      price: (request: QuoteRequest) => priceOf(request, BUILTIN_PRICE_BOOK, undefined, EDITS),
    };
    const ask = (request: QuoteRequest) => ({ request, provider: 'bfl' as const, providers: 'fal', models: '' });
    const plain = offersOf(
      ask({ provider: 'bfl', model: 'flux-2-pro', prompt: 'a fox', width: 1024, height: 1024 }),
      pricing,
    );
    expect(plain.filter((offer) => offer.model === 'flux-outpainting')).to.deep.equal([]);
    expect(plain.some((offer) => offer.model === 'flux-2-pro')).to.equal(true);
    const extending = offersOf(ask(extend('bfl', 1024, 1024, { right: 512 })), pricing);
    expect(
      extending.filter((offer) => offer.model === 'flux-outpainting').map((offer) => [offer.provider, offer.total]),
    ).to.deep.equal([
      ['bfl', '0.2'],
      ['fal', '0.06'],
    ]);
  });
});

// An edit is priced before the click as every request is (SPEC §13): only by a model that makes that kind of edit at
// its provider, with a line for each input, exact where every line is, else "at most".
// Holds: src/pricing/edit-pricing.ts
// Holds: src/pricing/edits-in-force.ts
import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import type { PublicEdit, QuoteRequest } from '../../src/base/types.js';
import { priceOf, quoteDetails, type PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { editSize } from '../../src/pricing/edit-pricing.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { prices } from '../../src/strings/prices.js';
import { wordsIn } from '../../src/strings/strings.js';
import { de } from '../../src/translations/de.js';

const IMAGE = { width: 1024, height: 1024 };
const mask: PublicEdit = { kind: 'mask' };

/** A token-billed model that edits, as GPT Image is: its image fixed, each input at most 4,096 tokens a 1024². */
const TOKEN_BOOK: PriceBook = {
  'gpt-image-1.5': {
    openai: {
      rule: {
        kind: 'tokens',
        unit: 'usd',
        rates: { textIn: '5', imageIn: '8', imageOut: '32' },
        qualities: ['low', 'medium', 'high'],
        quality: 'medium',
        imageTokens: { byQuality: [272, 1056, 4160] },
        textCeiling: 0,
        inputTokens: { expected: 1536, most: 4096 },
      },
      edits: ['instruction', 'mask'],
      references: { max: 16, maxPixels: 4_000_000 },
      source: { name: 'a test book', asOf: '2026-11-28' },
      exact: false,
    },
  },
};

const tokenQuote = (more: Partial<QuoteRequest>) =>
  quoteDetails(
    { provider: 'openai', model: 'gpt-image-1.5', prompt: 'make the sky purple', ...more },
    TOKEN_BOOK,
    undefined,
    undefined,
    EDITS,
  ).quote;

describe('an edit quoted before its pricing has loaded', () => {
  it('is refused in words, never priced without its inputs', () => {
    let error: unknown;
    try {
      quoteFor({ provider: 'bfl', model: 'flux-pro-1.0-fill', inputs: [IMAGE], edit: mask });
    } catch (thrown) {
      error = thrown;
    }
    expect((error as UserPaysError).code).to.equal('invalid-input');
    expect((error as UserPaysError).message).to.match(/priced a moment after the page starts/);
  });
});

describe('an edit quoted without its pricing handed over', () => {
  it('is refused in words however much has loaded: the quote holds no edits’ pricing of its own', async () => {
    await loadEdits();
    const asked = { provider: 'bfl' as const, model: 'flux-pro-1.0-fill', inputs: [IMAGE], edit: mask };
    expect(priceOf(asked, BUILTIN_PRICE_BOOK).problem).to.match(/priced a moment after the page starts/);
    // Images sent to a model that bills them in tokens, likewise: never priced as if they cost nothing.
    const tokens = priceOf({ provider: 'openai', model: 'gpt-image-1.5', inputs: [IMAGE] }, TOKEN_BOOK);
    expect(tokens.problem).to.match(/priced a moment after the page starts/);
    // Handed over, the same requests are priced; the API's quote takes what its loader holds.
    expect(priceOf(asked, BUILTIN_PRICE_BOOK, undefined, EDITS).quote?.total).to.equal('0.05');
    expect(quoteFor(asked).total).to.equal('0.05');
  });
});

describe('the quote of an edit', () => {
  before(() => loadEdits());

  it('Fill [pro] with a painted area: $0.05, exact, the image it edits sets the size', () => {
    const quote = quoteFor({ provider: 'bfl', model: 'flux-pro-1.0-fill', inputs: [IMAGE], edit: mask });
    expect(quote.problem).to.equal(undefined);
    expect(quote.total).to.equal('0.05');
    expect(quote.exact).to.equal(true);
    expect(quote.atMost).to.equal(undefined);
  });

  it('a model that does not make this kind of edit says so, and is not payable', () => {
    const quote = quoteFor({
      provider: 'bfl',
      model: 'flux-pro-1.0-fill',
      inputs: [IMAGE],
      edit: { kind: 'instruction' },
    });
    expect(quote.problem).to.equal(
      'FLUX.1 Fill [pro] cannot edit an image by an instruction here: choose a model that can, or another kind of edit.',
    );
    const plain = quoteFor({ provider: 'bfl', model: 'flux-2-klein-4b', inputs: [IMAGE], edit: mask });
    expect(plain.problem).to.match(/cannot change only a painted area here/);
  });

  it('an edit with no image to edit asks for one', () => {
    const quote = quoteFor({ provider: 'bfl', model: 'flux-2-klein-4b', edit: { kind: 'instruction' } });
    expect(quote.problem).to.equal('Choose the image to edit.');
  });

  it('FLUX.2 is sent the image to edit at 1 MP, billed so, unless the user keeps it whole', () => {
    const large = { width: 1536, height: 1024 };
    const sent = quoteDetails(
      { provider: 'bfl', model: 'flux-2-klein-4b', inputs: [large], edit: { kind: 'instruction' } },
      BUILTIN_PRICE_BOOK,
      undefined,
      undefined,
      EDITS,
    );
    expect(sent.fitted.inputs[0].width * sent.fitted.inputs[0].height).to.be.at.most(1024 * 1024);
    expect(sent.quote.references).to.deep.equal([{ megapixels: 1, amount: '0.001' }]);
    expect(sent.quote.note).to.match(/resized from 1536×1024/);
    const whole = quoteFor({
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      inputs: [large],
      edit: { kind: 'instruction', whole: true },
    });
    expect(whole.references).to.deep.equal([{ megapixels: 2, amount: '0.002' }]);
  });

  it('an image billed in tokens is its own "at most" line; the painted area one more, none expected', () => {
    const instruction = tokenQuote({ inputs: [IMAGE], edit: { kind: 'instruction' } });
    const line = instruction.lines.find((each) => each.label.startsWith('The image to edit'))!;
    expect(line.label).to.equal('The image to edit: about 1,536 tokens (may vary, at most 4,096)');
    expect(line.amount).to.equal('0.012288');
    expect(line.atMost).to.equal('0.032768');
    const masked = tokenQuote({ inputs: [IMAGE], edit: mask });
    const maskLine = masked.lines.find((each) => each.label.startsWith('The painted area'))!;
    expect(maskLine).to.deep.equal({
      label: 'The painted area sent: none expected (may vary, at most 4,096 tokens)',
      amount: '0',
      atMost: '0.032768',
    });
    // The total expects the input; the most it can come to bounds every input and the mask.
    expect(masked.total).to.equal(instruction.total);
    expect(Number(masked.atMost)).to.be.closeTo(Number(instruction.atMost) + 0.032768, 1e-9);
  });

  it('a larger image sent is bounded by its started 1024² squares', () => {
    const quote = tokenQuote({ inputs: [{ width: 2048, height: 1024 }], edit: { kind: 'instruction' } });
    expect(quote.lines.map((line) => line.label)).to.include(
      'The image to edit: about 3,072 tokens (may vary, at most 8,192)',
    );
  });

  it('names the image being edited the image to edit, and the images beside it references', () => {
    const labels = (quote: { lines: { label: string }[] }) => quote.lines.map((line) => line.label);
    const flux = quoteFor({
      provider: 'bfl',
      model: 'flux-2-pro',
      inputs: [IMAGE, IMAGE, IMAGE],
      edit: { kind: 'instruction' },
    });
    expect(labels(flux)).to.include.members(['The image to edit (1 MP)', '2 reference images (2 MP)']);
    expect(labels(flux).join(' ')).to.not.match(/3 reference images/);
    // Without an edit, every image sent is a reference, as before.
    const references = quoteFor({ provider: 'bfl', model: 'flux-2-pro', inputs: [IMAGE] });
    expect(labels(references)).to.include('1 reference image (1 MP)');
    const tokens = tokenQuote({ inputs: [IMAGE, IMAGE], edit: { kind: 'instruction' } });
    expect(labels(tokens)).to.include.members([
      'The image to edit: about 1,536 tokens (may vary, at most 4,096)',
      'Image 2 sent: about 1,536 tokens (may vary, at most 4,096)',
    ]);
    const german = quoteDetails(
      { provider: 'bfl', model: 'flux-2-pro', inputs: [IMAGE], edit: { kind: 'instruction' } },
      BUILTIN_PRICE_BOOK,
      wordsIn(de, 'prices', prices),
      undefined,
      EDITS,
    ).quote;
    expect(labels(german)).to.include('Das zu bearbeitende Bild (1 MP)');
  });

  it('an edit a page hands over of no kind the widget knows is refused in words', () => {
    let error: unknown;
    try {
      quoteFor({ provider: 'bfl', model: 'flux-pro-1.0-fill', inputs: [IMAGE], edit: { kind: 'repaint' } } as never);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).to.be.instanceOf(UserPaysError);
    expect((error as UserPaysError).code).to.equal('invalid-input');
    expect((error as UserPaysError).message).to.match(
      /An edit must be \{ kind: "instruction" \| "mask" \| "erase" \| "extend" \}/,
    );
  });
});

describe('the size an edit asks for', () => {
  it('is the image’s own where the model makes it', () => {
    expect(
      editSize({ kind: 'pixels', step: 16, min: 64, maxPixels: 4 * 2 ** 20 }, { width: 1600, height: 1008 }),
    ).to.deep.equal({ width: 1600, height: 1008 });
    expect(editSize({ kind: 'snapped', step: 32, min: 256 }, { width: 1000, height: 700 })).to.deep.equal({
      width: 1000,
      height: 700,
    });
  });

  it('else about its shape, in the model’s steps, within its sides and its area', () => {
    const flux2 = { kind: 'pixels', step: 16, min: 64, maxPixels: 4 * 2 ** 20 } as const;
    expect(editSize(flux2, { width: 1600, height: 1000 })).to.deep.equal({ width: 1600, height: 992 });
    // 12 MP from a phone: down to 4 MP, its shape kept.
    const phone = editSize(flux2, { width: 4000, height: 3000 });
    expect(phone.width * phone.height).to.be.at.most(4 * 2 ** 20);
    expect(phone.width / phone.height).to.be.closeTo(4 / 3, 0.01);
    expect([phone.width % 16, phone.height % 16]).to.deep.equal([0, 0]);
    // Sides at most 1440 (FLUX 1.1 [pro]): the longer one held to it, the shape kept.
    expect(editSize({ kind: 'pixels', step: 32, min: 256, max: 1440 }, { width: 2880, height: 1920 })).to.deep.equal({
      width: 1440,
      height: 960,
    });
    // At least so many pixels: up to them, in steps.
    const least = editSize({ kind: 'pixels', step: 16, min: 64, minPixels: 2 ** 20 }, { width: 300, height: 200 });
    expect(least.width * least.height).to.be.at.least(2 ** 20);
  });

  it('of fixed sizes, the nearest in shape, then in area', () => {
    const gpt = { kind: 'sizes', sizes: ['1024x1024', '1536x1024', '1024x1536'] } as const;
    expect(editSize(gpt, { width: 1600, height: 1000 })).to.deep.equal({ width: 1536, height: 1024 });
    expect(editSize(gpt, { width: 600, height: 900 })).to.deep.equal({ width: 1024, height: 1536 });
  });
});

describe('images priced apart from the model’s rule (an entry’s `inputPrice`)', () => {
  before(() => loadEdits());

  /** A model priced per image whose images sent are billed `inputPrice`, as a page's own entry may say. */
  const book = (inputPrice: NonNullable<PriceBook[string]['openai']>['inputPrice']): PriceBook => ({
    'seedream-4.5': {
      openai: {
        rule: { kind: 'flat', unit: 'usd', perImage: '0.04' },
        inputPrice,
        edits: ['instruction'],
        references: { max: 4, maxPixels: 16_000_000 },
        sizes: { kind: 'pixels', step: 16, min: 64, maxPixels: 16_000_000 },
        source: { name: 'a test book', asOf: '2026-11-28' },
        exact: true,
      },
    },
  });
  const quote = (price: Parameters<typeof book>[0], inputs = [{ width: 2000, height: 1500 }, IMAGE]) =>
    quoteDetails(
      { provider: 'openai', model: 'seedream-4.5', prompt: 'x', inputs, edit: { kind: 'instruction' } },
      book(price),
      undefined,
      undefined,
      EDITS,
    ).quote;
  const lines = (q: ReturnType<typeof quote>) => q.lines.map((line) => [line.label, line.amount]);

  it('per image: the image to edit on a line of its own, the references on another, exactly', () => {
    const per = quote({ per: 'image', usd: '0.002' });
    expect(lines(per)).to.deep.equal([
      ['Flat price per image', '0.04'],
      ['The image to edit, billed per image', '0.002'],
      ['1 image sent, billed per image', '0.002'],
    ]);
    expect(per).to.include({ total: '0.044', exact: true });
  });

  it('per started megapixel of 10⁶ pixels, each image counted as it starts them', () => {
    // 2000×1500 is 3 MP, 1024² is 2 started.
    expect(lines(quote({ per: 'megapixel', usd: '0.01' })).slice(1)).to.deep.equal([
      ['The image to edit (3 MP)', '0.03'],
      ['1 image sent (2 MP)', '0.02'],
    ]);
  });

  it('once for the request, whatever the images, and said in German on a German page', () => {
    const once = quote({ per: 'request', usd: '0.005' });
    expect(lines(once).slice(1)).to.deep.equal([
      ['Editing an image (priced apart from an image made from text)', '0.005'],
    ]);
    const german = quoteDetails(
      { provider: 'openai', model: 'seedream-4.5', prompt: 'x', inputs: [IMAGE], edit: { kind: 'instruction' } },
      book({ per: 'image', usd: '0.002' }),
      wordsIn(de, 'prices', prices),
      de,
      EDITS,
    ).quote;
    expect(german.lines[1].label).to.equal('Das zu bearbeitende Bild, je Bild berechnet');
  });
});

// Holds: src/providers/bfl/prices.ts
import { expect } from '@open-wc/testing';
import { toldDeveloper } from '../support/console.js';
import Decimal from 'decimal.js';
import { UserPaysError } from '../../src/base/errors.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import {
  MODELS,
  aspectRatio,
  billsReferences,
  megapixels,
  mergePriceBook,
  quoteDetails,
} from '../../src/pricing/index.js';
import type { PriceBook, PriceEntry } from '../../src/pricing/index.js';
import type { QuoteRequest } from '../../src/base/types.js';

const BFL_SOURCE = { name: 'BFL pricing docs', asOf: '2026-11-01', url: 'https://docs.bfl.ai/quick_start/pricing' };
const ONE_MP_IMAGE = { width: 1024, height: 1024 };

const bfl = (model: string, more: Partial<QuoteRequest> = {}) => quoteFor({ provider: 'bfl', model, ...more });

function errorOf(request: QuoteRequest, book?: PriceBook): UserPaysError {
  try {
    quoteFor(request, book);
  } catch (error) {
    expect(error).to.be.instanceOf(UserPaysError);
    return error as UserPaysError;
  }
  throw new Error(`expected ${JSON.stringify(request)} to be refused`);
}

/** What the provider cannot make is the quote's `problem`; the quote still prices it as the provider would bill it. */
function expectSizeProblem(request: QuoteRequest, message: string) {
  const quote = quoteFor(request);
  expect(quote.problem).to.equal(message);
  expect(quote.total).to.match(/^\d+(\.\d+)?$/);
}

/** The capability of a BFL model, as the price book states it. */
const bflRules = (model: string) => BUILTIN_PRICE_BOOK[model].bfl!;

function expectInvalid(request: QuoteRequest, message: string, book?: PriceBook) {
  const error = errorOf(request, book);
  expect(error.code).to.equal('invalid-input');
  expect(error.message).to.equal(message);
}

/** A page's own price book refused: the user told that the site set its price wrongly, its developer what to fix. */
async function expectWrongBook(request: QuoteRequest, where: string, told: string, book: PriceBook) {
  const said = await toldDeveloper(() =>
    expectInvalid(
      request,
      `This site set its price for ${where} wrongly, so no price can be shown for it. Choose another model, or tell the site's owner.`,
      book,
    ),
  );
  expect(said).to.equal(`userpays: ${told}`);
}

describe('megapixels and aspectRatio', () => {
  it('counts every started megapixel, never less than one', () => {
    expect(megapixels(1024, 1024)).to.equal(1);
    expect(megapixels(1024, 1025)).to.equal(2);
    expect(megapixels(64, 64)).to.equal(1);
    expect(megapixels(2048, 2048)).to.equal(4);
    expect(megapixels(2048, 2049)).to.equal(5);
  });

  it('reduces the ratio', () => {
    expect(aspectRatio(1920, 1080)).to.equal('16:9');
    expect(aspectRatio(1024, 1024)).to.equal('1:1');
    expect(aspectRatio(864, 1152)).to.equal('3:4');
    expect(aspectRatio(1000, 999)).to.equal('1000:999');
  });
});

describe('quoteFor: BFL prices at 1024×1024', () => {
  const expected: [string, string, string][] = [
    ['flux-2-klein-4b', '0.014', '1.4'],
    ['flux-2-klein-9b', '0.015', '1.5'],
    ['flux-2-pro', '0.03', '3'],
    ['flux-2-flex', '0.05', '5'],
    ['flux-2-max', '0.07', '7'],
    ['flux-kontext-pro', '0.04', '4'],
    ['flux-kontext-max', '0.08', '8'],
    ['flux-pro-1.1', '0.04', '4'],
    ['flux-pro-1.1-ultra', '0.06', '6'],
    ['flux-pro-1.0-fill', '0.05', '5'],
  ];
  for (const [model, usd, credits] of expected) {
    it(`${model}: $${usd} = ${credits} credits`, () => {
      const inputs = bflRules(model).references!.required ? [ONE_MP_IMAGE] : [];
      const quote = bfl(model, { width: 1024, height: 1024, inputs });
      expect([quote.total, quote.perImage, quote.credits]).to.deep.equal([usd, usd, credits]);
    });
  }

  it('returns the whole Quote shape', () => {
    expect(bfl('flux-2-klein-4b')).to.deep.equal({
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      count: 1,
      currency: 'USD',
      total: '0.014',
      perImage: '0.014',
      outputMegapixels: 1,
      inputMegapixels: 0,
      credits: '1.4',
      lines: [{ label: 'First megapixel', amount: '0.014' }],
      source: BFL_SOURCE,
      exact: true,
    });
  });
});

describe('quoteFor: the FLUX.2 megapixel rule', () => {
  it('charges the second megapixel from the first pixel past 1024×1024', () => {
    expect(bfl('flux-2-klein-4b', { width: 1024, height: 1024 }).total).to.equal('0.014');
    const quote = bfl('flux-2-klein-4b', { width: 1024, height: 1040 });
    expect(quote.total).to.equal('0.015');
    expect(quote.outputMegapixels).to.equal(2);
    expect(quote.lines).to.deep.equal([
      { label: 'First megapixel', amount: '0.014' },
      { label: '1 more megapixel', amount: '0.001' },
    ]);
  });

  it('prices 1024×1025 as 2 MP, and its problem names the nearest valid heights', () => {
    expect(megapixels(1024, 1025)).to.equal(2);
    expect(bfl('flux-2-klein-4b', { width: 1024, height: 1025 })).to.include({
      total: '0.015',
      credits: '1.5',
      outputMegapixels: 2,
    });
    expectSizeProblem(
      { provider: 'bfl', model: 'flux-2-klein-4b', width: 1024, height: 1025 },
      'Height must be a multiple of 16 for FLUX.2 [klein] 4B — try 1024 or 1040.',
    );
  });

  it('prices 2048×2048 on [pro] at 3 + 3 × 1.5 = 7.5 credits', () => {
    const quote = bfl('flux-2-pro', { width: 2048, height: 2048 });
    expect(quote.total).to.equal('0.075');
    expect(quote.credits).to.equal('7.5');
    expect(quote.outputMegapixels).to.equal(4);
    expect(quote.lines).to.deep.equal([
      { label: 'First megapixel', amount: '0.03' },
      { label: '3 more megapixels', amount: '0.045' },
    ]);
  });

  it('bills reference images per megapixel: [pro] editing from $0.045', () => {
    const quote = bfl('flux-2-pro', { inputs: [ONE_MP_IMAGE] });
    expect(quote.total).to.equal('0.045');
    expect(quote.credits).to.equal('4.5');
    expect(quote.inputMegapixels).to.equal(1);
    expect(quote.lines).to.deep.equal([
      { label: 'First megapixel', amount: '0.03' },
      { label: '1 reference image (1 MP)', amount: '0.015' },
    ]);
  });

  it('sums the megapixels of several reference images', () => {
    const quote = bfl('flux-2-max', {
      width: 1440,
      height: 1024,
      inputs: [
        { width: 2048, height: 2048 },
        { width: 800, height: 600 },
      ],
    });
    // 7 + 1 × 3 + (4 + 1) × 3 = 25 credits
    expect(quote.credits).to.equal('25');
    expect(quote.total).to.equal('0.25');
    expect(quote.inputMegapixels).to.equal(5);
    expect(quote.lines).to.deep.equal([
      { label: 'First megapixel', amount: '0.07' },
      { label: '1 more megapixel', amount: '0.03' },
      { label: '2 reference images (5 MP)', amount: '0.15' },
    ]);
    // What each adds, as the widget shows beside it ("adds 4 MP = $0.12").
    expect(quote.references).to.deep.equal([
      { megapixels: 4, amount: '0.12' },
      { megapixels: 1, amount: '0.03' },
    ]);
  });

  it('multiplies by count and says so on every line', () => {
    const quote = bfl('flux-2-klein-9b', { width: 1536, height: 1536, count: 3, inputs: [ONE_MP_IMAGE] });
    // per image 1.5 + 2 × 0.2 + 1 × 0.2 = 2.1 credits
    expect([quote.perImage, quote.total, quote.credits, quote.count]).to.deep.equal(['0.021', '0.063', '6.3', 3]);
    expect(quote.lines).to.deep.equal([
      { label: 'First megapixel × 3 images', amount: '0.045' },
      { label: '2 more megapixels × 3 images', amount: '0.012' },
      { label: '1 reference image (1 MP) × 3 images', amount: '0.006' },
    ]);
    expect(quote.references).to.deep.equal([{ megapixels: 1, amount: '0.006' }]);
  });
});

describe('quoteFor: FLUX.1 flat prices', () => {
  it('multiplies by count: [kontext pro] × 4 = 16 credits', () => {
    const quote = bfl('flux-kontext-pro', { count: 4 });
    expect([quote.total, quote.perImage, quote.credits]).to.deep.equal(['0.16', '0.04', '16']);
    expect(quote.lines).to.deep.equal([{ label: 'Flat price per image × 4 images', amount: '0.16' }]);
  });

  it('ignores the size', () => {
    const sizes: [string, number, number][] = [
      ['flux-kontext-max', 512, 512],
      ['flux-kontext-max', 2048, 1024],
      ['flux-kontext-max', 4000, 3000],
      ['flux-pro-1.1', 256, 256],
      ['flux-pro-1.1', 1440, 1440],
      ['flux-pro-1.1-ultra', 2752, 1536],
      ['flux-pro-1.0-fill', 3000, 2000],
    ];
    const totals = sizes.map(([model, width, height]) => bfl(model, { width, height, inputs: [ONE_MP_IMAGE] }).total);
    expect(totals).to.deep.equal(['0.08', '0.08', '0.08', '0.04', '0.04', '0.06', '0.05']);
  });

  it('does not bill the reference image of a flat model', () => {
    const quote = bfl('flux-kontext-pro', { inputs: [{ width: 2048, height: 2048 }, ONE_MP_IMAGE] });
    expect(quote.total).to.equal('0.04');
    expect(quote.inputMegapixels).to.equal(5);
    expect(quote.lines).to.deep.equal([{ label: 'Flat price per image', amount: '0.04' }]);
    expect(quote.references).to.equal(undefined);
  });
});

describe('quoteFor: megapixels for reading, amounts exact', () => {
  it("labels Puter's exact megapixels of 10⁶ px to two decimals, and keeps the quote's figures exact", () => {
    // FLUX.2 [max] on Puter: 7 cents per 10⁶ px; 1024² is 1.048576 of them.
    const quote = quoteFor({ provider: 'puter', model: 'flux-2-max', width: 1024, height: 1024 });
    expect(quote.outputMegapixels).to.equal(1.048576);
    expect(quote.lines).to.deep.equal([{ label: '≈1.05 megapixels', amount: '0.07340032' }]);
    expect(quoteFor({ provider: 'puter', model: 'flux-2-max', width: 1000, height: 1000 }).lines[0].label).to.equal(
      '1 megapixel',
    );
  });
});

describe('quoteFor: what each reference image adds', () => {
  it("on Puter, each reference's started megapixels at the catalogue's input_mp", () => {
    // FLUX.2 [pro] on Puter: 1.5 cents per started MP of input; 2000×1500 is 3 MP, 1024² is 2 (1,048,576 px).
    const quote = quoteFor({
      provider: 'puter',
      model: 'flux-2-pro',
      inputs: [
        { width: 2000, height: 1500 },
        { width: 1024, height: 1024 },
      ],
    });
    expect(quote.references).to.deep.equal([
      { megapixels: 3, amount: '0.045' },
      { megapixels: 2, amount: '0.03' },
    ]);
  });

  it('on fal, the references add up to what they raise the total by: the first also moves the output to the edit rate', () => {
    const asked = { provider: 'fal' as const, model: 'flux-2-klein-4b' };
    const without = quoteFor(asked);
    const one = quoteFor({ ...asked, inputs: [ONE_MP_IMAGE] });
    const two = quoteFor({ ...asked, inputs: [ONE_MP_IMAGE, ONE_MP_IMAGE] });
    // $0.005 per MP to make, $0.01 per MP (output and each reference) to edit.
    expect([without.total, one.total, two.total]).to.deep.equal(['0.005', '0.02', '0.03']);
    expect(one.references).to.deep.equal([{ megapixels: 1, amount: '0.015' }]);
    expect(two.references).to.deep.equal([
      { megapixels: 1, amount: '0.015' },
      { megapixels: 1, amount: '0.01' },
    ]);
  });

  it('on every provider that bills them, the references add up to what they raise the total by', () => {
    for (const [provider, model] of [
      ['fal', 'flux-2-klein-4b'],
      ['fal', 'flux-2-pro'],
      ['bfl', 'flux-2-pro'],
      ['puter', 'flux-2-pro'],
    ] as const)
      for (const count of [1, 2, 3]) {
        const asked = { provider, model, count };
        const inputs = Array.from({ length: count }, () => ONE_MP_IMAGE);
        const quote = quoteFor({ ...asked, inputs });
        const rise = new Decimal(quote.total).sub(quoteFor(asked).total);
        const chips = (quote.references ?? []).reduce((sum, reference) => sum.add(reference.amount), new Decimal(0));
        expect(chips.toString(), `${provider} ${model} with ${count}`).to.equal(rise.toString());
      }
  });

  it('with a top-up fee, its share of the fee too, rounded up to a millionth', () => {
    const prices = mergePriceBook(BUILTIN_PRICE_BOOK, {
      'flux-2-pro': {
        fal: {
          rule: { kind: 'megapixel', unit: 'usd', first: '0.03', extra: '0.015', inputs: true },
          source: { name: 'test', asOf: '2026-11-22' },
          exact: false,
          topUpFee: '0.05',
        },
      },
    });
    const quote = quoteFor({ provider: 'fal', model: 'flux-2-pro', count: 2, inputs: [ONE_MP_IMAGE] }, prices);
    // 0.015 × 2 / 0.95 = 0.0315789… → 0.031579
    expect(quote.references).to.deep.equal([{ megapixels: 1, amount: '0.031579' }]);
  });
});

describe('quoteFor: other price rules', () => {
  const source = { name: 'test', asOf: '2026-11-02' };
  const book = (model: string, entry: PriceEntry): PriceBook =>
    mergePriceBook(BUILTIN_PRICE_BOOK, { [model]: { fal: entry } });

  it('prices per megapixel of output in USD, without credits', () => {
    const prices = book('flux-2-pro', {
      rule: { kind: 'per-megapixel', unit: 'usd', perMp: '0.03' },
      source,
      exact: false,
    });
    const quote = quoteFor({ provider: 'fal', model: 'flux-2-pro', width: 1920, height: 1088, count: 2 }, prices);
    expect(quote).to.deep.equal({
      provider: 'fal',
      model: 'flux-2-pro',
      count: 2,
      currency: 'USD',
      total: '0.12',
      perImage: '0.06',
      outputMegapixels: 2,
      inputMegapixels: 0,
      lines: [{ label: '2 megapixels × 2 images', amount: '0.12' }],
      source,
      exact: false,
    });
  });

  it('adds a gateway top-up fee as its own line, rounded up to a millionth', () => {
    const prices = book('flux-2-pro', {
      rule: { kind: 'flat', unit: 'usd', perImage: '0.04' },
      source,
      exact: false,
      topUpFee: '0.05',
    });
    const quote = quoteFor({ provider: 'fal', model: 'flux-2-pro', count: 3 }, prices);
    // 0.04 / 0.95 = 0.04210526… → 0.042106 per image
    expect([quote.perImage, quote.total, quote.credits]).to.deep.equal(['0.042106', '0.126318', undefined]);
    expect(quote.lines).to.deep.equal([
      { label: 'Flat price per image × 3 images', amount: '0.12' },
      { label: 'Top-up fee (5% of total)', amount: '0.006318' },
    ]);
  });

  it('adds the site’s share where its Pollinations App Key earns, as its own line (25 % over the price, exactly)', async () => {
    const asked = { provider: 'pollinations' as const, model: 'flux-2-klein-4b', count: 2 };
    const earning = quoteFor({ ...asked, earnings: true });
    expect([earning.perImage, earning.total]).to.deep.equal(['0.00625', '0.0125']);
    expect(earning.lines).to.deep.equal([
      { label: 'Flat price per image × 2 images', amount: '0.01' },
      { label: 'This site’s share (25%)', amount: '0.0025' },
    ]);
    // Without earnings, or at a provider that has no such share, the request's `earnings` changes nothing.
    expect(quoteFor(asked).total).to.equal('0.01');
    expect(quoteFor({ ...asked, provider: 'bfl', earnings: true })).to.deep.equal(
      quoteFor({ ...asked, provider: 'bfl' }),
    );
    const badShare = book('flux-2-pro', { ...BUILTIN_PRICE_BOOK['flux-2-klein-4b'].pollinations!, earningsShare: 'x' });
    await expectWrongBook(
      { provider: 'fal', model: 'flux-2-pro', earnings: true },
      'FLUX.2 [pro] at fal',
      'The price set for priceBook["flux-2-pro"].fal is not a valid amount ("x"): write it as a decimal string, such as "0.04". Fix the price book.',
      badShare,
    );
  });

  it('can leave reference images unbilled in the megapixel rule', () => {
    const prices = book('flux-2-pro', {
      rule: { kind: 'megapixel', unit: 'usd', first: '0.03', extra: '0.015', inputs: false },
      source,
      exact: true,
    });
    const quote = quoteFor(
      { provider: 'fal', model: 'flux-2-pro', width: 2048, height: 1024, inputs: [ONE_MP_IMAGE] },
      prices,
    );
    expect(quote.total).to.equal('0.045');
    expect(quote.lines).to.deep.equal([
      { label: 'First megapixel', amount: '0.03' },
      { label: '1 more megapixel', amount: '0.015' },
    ]);
  });

  it('refuses a price that is not an amount', async () => {
    for (const perImage of ['abc', '-1', 'Infinity', 'NaN']) {
      const prices = book('flux-2-pro', { rule: { kind: 'flat', unit: 'usd', perImage }, source, exact: true });
      await expectWrongBook(
        { provider: 'fal', model: 'flux-2-pro' },
        'FLUX.2 [pro] at fal',
        `The price set for priceBook["flux-2-pro"].fal is not a valid amount ("${perImage}"): write it as a decimal string, such as "0.04". Fix the price book.`,
        prices,
      );
    }
    const feeAll = book('flux-2-pro', {
      rule: { kind: 'flat', unit: 'usd', perImage: '1' },
      source,
      exact: true,
      topUpFee: '1',
    });
    await expectWrongBook(
      { provider: 'fal', model: 'flux-2-pro' },
      'FLUX.2 [pro] at fal',
      'The top-up fee set for priceBook["flux-2-pro"].fal must be less than 1 ("1"). Fix the price book.',
      feeAll,
    );
  });
});

describe('quoteFor: lines add up to the total', () => {
  // A small deterministic generator, so a failure can be replayed.
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (from: number, to: number, step = 1) => from + step * Math.floor(random() * ((to - from) / step + 1));

  it('for 2000 random valid requests, with exact credits', () => {
    const hosted = MODELS.filter((m) => BUILTIN_PRICE_BOOK[m.id]?.bfl);
    const fee = mergePriceBook(BUILTIN_PRICE_BOOK, {
      'flux-2-flex': {
        openai: {
          rule: { kind: 'flat', unit: 'usd', perImage: '0.07' },
          source: { name: 'x', asOf: 'y' },
          exact: false,
          topUpFee: '0.055',
        },
      },
      'flux-2-klein-9b': {
        fal: {
          rule: { kind: 'per-megapixel', unit: 'usd', perMp: '0.011' },
          source: { name: 'x', asOf: 'y' },
          exact: false,
        },
      },
    });
    for (let i = 0; i < 2000; i++) {
      const model = hosted[pick(0, hosted.length - 1)];
      const provider =
        model.id === 'flux-2-flex' && random() < 0.5
          ? 'openai'
          : model.id === 'flux-2-klein-9b' && random() < 0.5
            ? 'fal'
            : 'bfl';
      let width: number;
      let height: number;
      const rules = bflRules(model.id);
      const sizes = rules.sizes!;
      if (sizes.kind === 'pixels' && sizes.step === 16) {
        do [width, height] = [pick(64, 2048, 16), pick(64, 2048, 16)];
        while (width * height > 4 * 1024 * 1024);
      } else if (sizes.kind === 'pixels') [width, height] = [pick(256, 1440, 32), pick(256, 1440, 32)];
      else [width, height] = [pick(900, 2100), pick(900, 2100)];
      const references: { max: number; required?: boolean } = provider === 'openai' ? { max: 0 } : rules.references!;
      const inputs = Array.from({ length: pick(references.required ? 1 : 0, references.max) }, () => ({
        width: pick(1, 3000),
        height: pick(1, 3000),
      }));
      const count = pick(1, 4);
      const request: QuoteRequest = { provider, model: model.id, width, height, count, inputs };
      const quote = quoteFor(request, fee);
      const sum = quote.lines.reduce((total, line) => total.add(line.amount), new Decimal(0));
      const context = JSON.stringify(request);
      expect(sum.toString(), context).to.equal(quote.total);
      expect(new Decimal(quote.perImage).mul(count).toString(), context).to.equal(quote.total);
      if (provider === 'bfl') expect(new Decimal(quote.credits!).div(100).toString(), context).to.equal(quote.total);
      else expect(quote.credits, context).to.equal(undefined);
      expect(quote.lines.length, context).to.be.greaterThan(0);
      // The references' amounts make up their line; and where nothing was resized to fit the provider (which
      // takes less of each reference the more there are), each adds exactly what the total loses without it.
      const referencesLine = quote.lines.find((line) => line.label.includes('reference'))?.amount ?? '0';
      const shares = (quote.references ?? []).reduce((sum, reference) => sum.add(reference.amount), new Decimal(0));
      expect(shares.toString(), context).to.equal(new Decimal(referencesLine).toString());
      if (!quote.note)
        quote.references?.forEach((reference, index) => {
          const without = quoteFor({ ...request, inputs: inputs.filter((_, other) => other !== index) }, fee);
          expect(new Decimal(quote.total).sub(without.total).toString(), context).to.equal(reference.amount);
        });
      expect(quote.references?.length ?? 0, context).to.equal(
        provider === 'bfl' && billsReferences(rules.rule) ? inputs.length : 0,
      );
    }
  });
});

describe('quoteFor: refusals in plain words', () => {
  it('says so where a provider has no price, the default provider (Puter) included', () => {
    expectInvalid(
      { model: 'flux-pro-1.1-ultra' },
      'FLUX1.1 [pro] Ultra has no price for provider puter yet. Pick another provider or model.',
    );
    expectInvalid(
      { provider: 'fal', model: 'flux-kontext-pro' },
      'FLUX.1 Kontext [pro] has no price for provider fal yet. Pick another provider or model.',
    );
  });

  it('names an unknown model', () => {
    expectInvalid(
      { provider: 'bfl', model: 'flux-3' },
      'There is no model called "flux-3". Pick one from the list, such as FLUX.2 [klein] 4B.',
    );
  });

  it('prices FLUX.2 [dev] where it is hosted, and says BFL has no price for it', () => {
    expectInvalid(
      { provider: 'bfl', model: 'flux-2-dev' },
      'FLUX.2 [dev] has no price for provider bfl yet. Pick another provider or model.',
    );
    // fal-ai/flux-2: $0.012 per started MP of output and of each reference, sides 512–2048.
    expect(quoteFor({ provider: 'fal', model: 'flux-2-dev', width: 1024, height: 1040 }).total).to.equal('0.024');
    expect(quoteFor({ provider: 'fal', model: 'flux-2-dev', inputs: [{ width: 1024, height: 1024 }] }).total).to.equal(
      '0.024',
    );
    expect(
      quoteDetails({ provider: 'fal', model: 'flux-2-dev', width: 256, height: 256 }, BUILTIN_PRICE_BOOK).quote.problem,
    ).to.match(/between 512 and 2048/);
  });

  it('takes 1 to 4 whole images', () => {
    for (const count of [0, 5, 1.5, NaN, -1, '2' as unknown as number]) {
      expectInvalid({ provider: 'bfl', model: 'flux-2-pro', count }, 'The number of images must be 1, 2, 3 or 4.');
    }
  });

  it('refuses sizes that are not whole positive pixels', () => {
    for (const model of ['flux-2-pro', 'flux-kontext-pro', 'flux-pro-1.0-fill']) {
      const inputs = [ONE_MP_IMAGE];
      expectInvalid(
        { provider: 'bfl', model, width: NaN, inputs },
        'Width must be a whole number of pixels, such as 1024.',
      );
      expectInvalid(
        { provider: 'bfl', model, width: 1024.5, inputs },
        'Width must be a whole number of pixels, such as 1024.',
      );
      expectInvalid(
        { provider: 'bfl', model, height: 0, inputs },
        'Height must be a whole number of pixels, such as 1024.',
      );
      expectInvalid(
        { provider: 'bfl', model, height: Infinity, inputs },
        'Height must be a whole number of pixels, such as 1024.',
      );
    }
  });

  it('explains the FLUX.2 size rules with a size that works', () => {
    const pro = { provider: 'bfl', model: 'flux-2-pro' } as const;
    expectSizeProblem({ ...pro, width: 1020 }, 'Width must be a multiple of 16 for FLUX.2 [pro] — try 1008 or 1024.');
    expectSizeProblem({ ...pro, height: 32 }, 'Height must be at least 64 pixels for FLUX.2 [pro].');
    expectSizeProblem(
      { ...pro, width: 3840, height: 2160 },
      'FLUX.2 [pro] makes images of at most 4 megapixels — try 2720×1536.',
    );
    expectSizeProblem(
      { ...pro, width: 2048, height: 2064 },
      'FLUX.2 [pro] makes images of at most 4 megapixels — try 2032×2064.',
    );
    // An absurd size is still priced as billed, and never payable.
    const huge = quoteFor({ ...pro, width: 1e9, height: 1024 });
    expect(huge.problem).to.match(/at most 4 megapixels/);
  });

  it('explains the FLUX1.1 [pro] size rules', () => {
    const pro11 = { provider: 'bfl', model: 'flux-pro-1.1' } as const;
    expectSizeProblem({ ...pro11, width: 1000 }, 'Width must be a multiple of 32 for FLUX1.1 [pro] — try 992 or 1024.');
    expectSizeProblem(
      { ...pro11, height: 2048 },
      'Height must be between 256 and 1440 pixels for FLUX1.1 [pro] — try 1440.',
    );
    expectSizeProblem(
      { ...pro11, width: 128 },
      'Width must be between 256 and 1440 pixels for FLUX1.1 [pro] — try 256.',
    );
  });

  it('keeps aspect-ratio models between 21:9 and 9:21', () => {
    expect(bfl('flux-pro-1.1-ultra', { width: 2100, height: 900 }).total).to.equal('0.06');
    expect(bfl('flux-kontext-pro', { width: 900, height: 2100 }).total).to.equal('0.04');
    expectSizeProblem(
      { provider: 'bfl', model: 'flux-pro-1.1-ultra', width: 3000, height: 1000 },
      'FLUX1.1 [pro] Ultra makes shapes from 21:9 (wide) to 9:21 (tall), and 3000×1000 is 3:1 — pick a less stretched size.',
    );
    expectSizeProblem(
      { provider: 'bfl', model: 'flux-kontext-max', width: 899, height: 2100 },
      'FLUX.1 Kontext [max] makes shapes from 21:9 (wide) to 9:21 (tall), and 899×2100 is 899:2100 — pick a less stretched size.',
    );
  });

  it('counts reference images against what the model takes', () => {
    expectSizeProblem(
      { provider: 'bfl', model: 'flux-2-klein-4b', inputs: Array(5).fill(ONE_MP_IMAGE) },
      'FLUX.2 [klein] 4B takes at most 4 reference images — remove 1.',
    );
    expectSizeProblem(
      { provider: 'bfl', model: 'flux-pro-1.1', inputs: Array(3).fill(ONE_MP_IMAGE) },
      'FLUX1.1 [pro] takes at most 1 reference image — remove 2.',
    );
    expect(bfl('flux-2-pro', { inputs: Array(8).fill(ONE_MP_IMAGE) }).credits).to.equal('15');
  });

  it('prices Fill without the image, saying to add it', () => {
    const quote = bfl('flux-pro-1.0-fill');
    expect(quote.total).to.equal('0.05');
    expect(quote.problem).to.equal('FLUX.1 Fill [pro] edits an image you provide — add the image to edit.');
  });

  it('refuses reference images without a usable size', () => {
    const bad = [{ width: 0, height: 10 }, { width: 10, height: NaN }, { width: 1.5, height: 10 }, null, {}];
    for (const size of bad) {
      expectInvalid(
        { provider: 'bfl', model: 'flux-2-pro', inputs: [ONE_MP_IMAGE, size as never] },
        'Reference image 2 has no usable size — use an image file with a real width and height.',
      );
    }
  });
});

describe('quoteFor: sizes each provider accepts', () => {
  it('has no problem with what each model makes', () => {
    const fits: [string, number, number][] = [
      ['flux-2-klein-4b', 64, 64],
      ['flux-2-klein-4b', 2048, 2048],
      ['flux-2-klein-4b', 4096, 1024],
      ['flux-pro-1.1', 256, 1440],
      ['flux-pro-1.1-ultra', 2752, 1536],
    ];
    for (const [id, width, height] of fits)
      expect(bfl(id, { width, height }).problem, `${id} ${width}×${height}`).to.equal(undefined);
    expect(bfl('flux-pro-1.0-fill', { width: 1, height: 1, inputs: [ONE_MP_IMAGE] }).problem).to.equal(undefined);
  });

  it('reports the first rule broken, width before height', () => {
    expect(bfl('flux-2-pro', { width: 30, height: 1030 }).problem).to.equal(
      'Width must be at least 64 pixels for FLUX.2 [pro].',
    );
    expect(bfl('flux-2-pro', { width: 1024, height: 1030 }).problem).to.equal(
      'Height must be a multiple of 16 for FLUX.2 [pro] — try 1024 or 1040.',
    );
  });
});

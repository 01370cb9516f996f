// What Puter sells today (SPEC §12, "The catalog as the providers sell it today"): its catalogue lists ids whose
// upstream has ended, so the book's ends decide those by the page's clock, and the catalogue the rest; the simulator's
// upstreams refuse the ended ids (demo/sim/puter-families.mjs, by its clock `now=`); and the sizes shown at Seedream's
// and Grok Imagine's 2k are the sizes Puter's providers make.
import { expect } from '@open-wc/testing';
import { modelsIn, quoteDetails, replacementOf, type PriceBook } from '../../src/pricing/index.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import { livePrices } from '../../src/providers/puter/live-prices.js';
import { controlledClock } from '../support/clock.js';
import { puterCalls, puterEndpoint, puterGenerate } from '../support/puter.js';
import { unique } from '../support/sim.js';

const PROMPT = 'a lighthouse at dusk, watercolour';
const offered = (book: PriceBook = BUILTIN_PRICE_BOOK) => modelsIn(book, 'puter', '');
const IMAGEN = ['imagen-4-fast', 'imagen-4', 'imagen-4-ultra'];

describe('Puter’s family models that end upstream, by the page’s clock', () => {
  const clock = controlledClock('2026-08-16T23:59:59Z');

  it('Imagen 4, which Puter asks of Google’s Imagen, until 2026-08-17; then Gemini 3 Pro Image through Together', () => {
    expect(offered()).to.include.members(IMAGEN);
    clock.set('2026-08-17T00:00:00Z');
    expect(offered()).to.not.include.members(IMAGEN);
    for (const model of IMAGEN) {
      expect(replacementOf(BUILTIN_PRICE_BOOK, 'puter', model), model).to.deep.equal({
        named: model,
        model: 'gemini-3-pro-image',
        shutdown: '2026-08-17',
      });
    }
    expect(BUILTIN_PRICE_BOOK['gemini-3-pro-image'].puter!.via).to.equal('together-image-generation');
  });

  it('GPT Image 1 until 2026-10-23, 1.5 and 1 mini until 2026-12-01; GPT Image 2 in their place', () => {
    clock.set('2026-10-22T12:00:00Z');
    expect(offered()).to.include.members(['gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini']);
    clock.set('2026-10-23T00:00:00Z');
    expect(offered()).to.not.include('gpt-image-1');
    expect(offered()).to.include.members(['gpt-image-1.5', 'gpt-image-1-mini']);
    clock.set('2026-12-01T00:00:00Z');
    expect(offered()).to.not.include.members(['gpt-image-1.5', 'gpt-image-1-mini']);
    for (const model of ['gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini']) {
      expect(replacementOf(BUILTIN_PRICE_BOOK, 'puter', model)?.model, model).to.equal('gpt-image-2');
    }
    expect(offered()).to.include.members(['gpt-image-2', 'gemini-3-pro-image', 'seedream-4.5', 'flux-2-pro']);
  });
});

describe('Puter’s live catalogue, filtered by the ends it does not know', function () {
  this.timeout(20_000);
  const clock = controlledClock('2026-12-01T12:00:00Z');

  it('an ended model stays ended though the catalogue lists it; the catalogue decides the rest', async () => {
    const endpoint = puterEndpoint(`run=${unique()}`);
    const live = (await livePrices(endpoint))!;
    // Puter's own list still names them (it has no filter), priced.
    expect(live.prices['imagen-4'].puter!.source.name).to.equal('Puter live catalogue');
    expect(live.listed).to.include.members([...IMAGEN, 'gpt-image-1.5', 'gpt-image-2', 'flux-2-pro']);
    const book = await liveCatalogue('puter', endpoint);
    expect(offered(book)).to.not.include.members([...IMAGEN, 'gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini']);
    expect(offered(book)).to.include.members(['gpt-image-2', 'gemini-3-pro-image', 'seedream-4.5', 'flux-2-pro']);
    expect(replacementOf(book, 'puter', 'imagen-4')?.model).to.equal('gemini-3-pro-image');
    clock.set('2026-07-01T12:00:00Z');
    expect(offered(book)).to.include.members(IMAGEN);
  });
});

describe('the Puter simulator’s upstreams refuse the ids that ended, though its catalogue lists them', function () {
  this.timeout(20_000);
  const call = async (args: Record<string, unknown>, scenario = '') => {
    const response = await puterGenerate(puterEndpoint(`run=${unique()};${scenario}`), unique('token'), {
      prompt: PROMPT,
      ...args,
    });
    return { status: response.status, body: await response.json() };
  };

  it('Imagen and the Gemini preview ids whatever the moment; nothing is made or charged', async () => {
    for (const [model, provider] of [
      ['imagen-4.0-generate-001', 'gemini-image-generation'],
      ['imagen-4.0-fast-generate-001', 'gemini-image-generation'],
      ['gemini-3-pro-image-preview', 'gemini-image-generation'],
    ]) {
      const { status, body } = await call({ model, provider, ratio: { w: 1, h: 1 }, quality: '1K' }, 'now=2026-01-01');
      expect([status, body.code], model).to.deep.equal([400, 'upstream_bad_request']);
      expect(body.message, model).to.contain(`models/${model} is not found`);
    }
  });

  it('GPT Image 1.5 and 1 mini until 2026-12-01, GPT Image 1 until 2026-10-23, by the simulator’s clock', async () => {
    const gpt = (model: string, now: string) =>
      call({ model, provider: 'openai-image-generation', quality: 'low', ratio: { w: 1024, h: 1024 } }, `now=${now}`);
    for (const model of ['gpt-image-1.5', 'gpt-image-1-mini']) {
      expect((await gpt(model, '2026-11-30T23:59:59Z')).status, model).to.equal(200);
      const ended = await gpt(model, '2026-12-01T00:00:00Z');
      expect([ended.status, ended.body.code], model).to.deep.equal([400, 'upstream_bad_request']);
      expect(ended.body.message, model).to.equal(
        `The model \`${model}\` does not exist or you do not have access to it.`,
      );
    }
    expect((await gpt('gpt-image-1', '2026-10-22T23:59:59Z')).status).to.equal(200);
    expect((await gpt('gpt-image-1', '2026-10-23T00:00:00Z')).status).to.equal(400);
    expect((await gpt('gpt-image-2', '2027-01-01T00:00:00Z')).status).to.equal(200);
  });
});

/** The width and height of a PNG given as a data: URL (its IHDR). */
function pngSize(dataUrl: string) {
  const bytes = Uint8Array.from(atob(dataUrl.split(',')[1]), (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('Puter: the size shown at Seedream’s and Grok Imagine’s 2k is the size made', function () {
  this.timeout(20_000);

  /** The size the widget shows for `model` at `width`×`height`, and what it sends (as submit.ts sends it). */
  const shown = (model: string, width: number, height: number, quality?: string) => {
    const { fitted, entry } = quoteDetails(
      { provider: 'puter', model, prompt: PROMPT, width, height, ...(quality ? { quality } : {}) },
      BUILTIN_PRICE_BOOK,
    );
    const [w, h] = fitted.ratio!.split(':').map(Number);
    const args = { model: entry.model, provider: entry.via, ratio: { w, h }, quality: fitted.quality };
    return { size: `${fitted.width}x${fitted.height}`, args };
  };

  for (const [ratio, width, height, made] of [
    ['16:9', 2736, 1536, '2816x1584'],
    ['9:16', 1536, 2736, '1584x2816'],
    ['3:2', 2512, 1680, '2496x1664'],
    ['2:3', 1680, 2512, '1664x2496'],
  ] as const) {
    it(`Seedream 4.5 at ${ratio}: BytePlus’ 2k size, ${made}, shown and made`, async () => {
      const { size, args } = shown('seedream-4.5', width, height);
      expect(size).to.equal(made);
      const marker = unique();
      const reply = await puterGenerate(puterEndpoint(`run=${marker}`), unique('token'), { prompt: PROMPT, ...args });
      expect(reply.status).to.equal(200);
      const [logged] = await puterCalls(marker);
      expect((logged as any).ratio).to.equal(made);
    });
  }

  it('Grok Imagine at 2k: about 4 MP shown, as made (not the 1k size at a 2k price)', async () => {
    expect(shown('grok-imagine', 1920, 1080, '1k').size).to.equal('1360x768');
    const { size, args } = shown('grok-imagine', 1920, 1080, '2k');
    expect(size).to.equal('2736x1536');
    const reply = await puterGenerate(puterEndpoint(`run=${unique()};result=data`), unique('token'), {
      prompt: PROMPT,
      ...args,
    });
    const { result } = await reply.json();
    expect(pngSize(result)).to.deep.equal({ width: 2736, height: 1536 });
  });
});

// Editing an image at fal (SPEC §13), over real HTTP against the fal simulator (demo/sim/fal.mjs, fal-edits.mjs): each
// image sent goes to fal's CDN first, as fal's own client uploads one, and the endpoint is sent its URL; Fill repaints
// what is painted (the image and its mask), Erase removes it (no prompt), an instruction goes to the model's edit
// endpoint; each priced from fal's prices (live where its pricing API answers) and booked as fal's charges are.
// Holds: src/providers/fal/edit-prices.ts
// Holds: src/providers/fal/edit-request.ts
// Holds: src/providers/fal/storage.ts
import { expect } from '@open-wc/testing';
import { FalProvider } from '../../src/providers/fal/adapter.js';
import { EDIT_ENDPOINTS } from '../../src/providers/fal/edit-prices.js';
import type { ProviderRequest, ReferenceImage } from '../../src/providers/provider.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { mergePriceBook, priceOf } from '../../src/pricing/index.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { failure } from '../support/failure.js';
import { maskPng, referenceImage as reference } from '../support/images.js';
import { dataUrlOf, pixelsOf } from '../support/png-pixels.js';
import { jsonPostedDuring } from '../support/record-fetches.js';
import { providerHarness } from '../support/provider-harness.js';
import { pageFetch, simCharged, taskLog } from '../support/sim.js';

const harness = providerHarness(new FalProvider(), {
  keyPrefix: 'fal-edit-key',
  crossOrigin: true,
  request: { model: 'flux-pro-1.0-fill', prompt: 'a red kite', width: 64, height: 48, seed: 7 },
});
const { start, completed, refused, calls, endpoint } = harness;

/** A mask as the editor paints it: black, a white square in its middle, at `width` × `height`. */
const painted = async (width: number, height: number): Promise<ReferenceImage> => ({
  dataUrl: await dataUrlOf(await maskPng(width, height)),
  width,
  height,
});

/** The requests a run sent, by method: the uploads' starts and bytes, then the submission. */
const sentBy = (method: string) =>
  calls.filter((call) => call.startsWith(`${method} `)).map((c) => c.slice(method.length + 1));
const INITIATE = '/storage/upload/initiate?storage_type=fal-cdn-v3';

describe('Editing an image at fal', function () {
  this.timeout(20_000);
  before(() => loadEdits());

  it('Fill: the image and its mask go to fal’s CDN, then both to fal-ai/flux-pro/v1/fill; $0.05 billed, as quoted', async () => {
    const [image, mask] = [reference(64, 48), await painted(64, 48)];
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50', { inputs: [image], edit: { kind: 'mask', mask } }),
    );
    expect(sentBy('POST')).to.deep.equal([
      `${endpoint('pending=50')}${INITIATE}`,
      `${endpoint('pending=50')}${INITIATE}`,
      `${endpoint('pending=50')}/fal-ai/flux-pro/v1/fill`,
    ]);
    expect(sentBy('PUT')).to.have.length(2);
    const submitted = bodies.find((body) => 'mask_url' in body)!;
    expect(Object.keys(submitted).sort()).to.deep.equal([
      'image_url',
      'mask_url',
      'num_images',
      'output_format',
      'prompt',
      'seed',
    ]);
    expect(submitted).to.include({ prompt: 'a red kite', seed: 7, num_images: 1, output_format: 'jpeg' });
    // What fal reads back at each URL: the image, and the mask as painted, white where it repaints, of its size.
    const sentMask = await pixelsOf(await (await pageFetch(submitted.mask_url)).blob());
    expect([sentMask.width, sentMask.height, sentMask.data[0], sentMask.data[(24 * 64 + 32) * 4]]).to.deep.equal([
      64, 48, 0, 255,
    ]);
    const [submit] = await taskLog('fal', run.task!.id);
    expect([submit.inputs, (submit as any).mask]).to.deep.equal([[[64, 48]], [64, 48]]);
    // fal reports no charge for a request priced per megapixel: the quote is booked (a 1 MP image, $0.05).
    expect(run.outcome.charge).to.equal(undefined);
    expect(await simCharged('fal', run.key)).to.equal('0.05');
    const bitmap = await createImageBitmap(run.outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([64, 48]);
  });

  it('Erase sends no prompt and no seed: the image, its mask and the format alone, to fal-ai/flux-pro/v1/erase', async () => {
    const mask = await painted(96, 64);
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50', {
        model: 'flux-erase',
        prompt: 'ignored: an erase has none',
        width: 96,
        height: 64,
        inputs: [reference(96, 64)],
        edit: { kind: 'erase', mask },
      }),
    );
    expect(sentBy('POST').at(-1)).to.equal(`${endpoint('pending=50')}/fal-ai/flux-pro/v1/erase`);
    const submitted = bodies.find((body) => 'mask_url' in body)!;
    expect(Object.keys(submitted).sort()).to.deep.equal(['image_url', 'mask_url', 'output_format']);
    const [submit] = await taskLog('fal', run.task!.id);
    expect((submit as any).fields).to.deep.equal(['image_url', 'mask_url', 'output_format']);
    // One megapixel made, the image at the 3 MP minimum: $0.03 + 3 × $0.004.
    expect(await simCharged('fal', run.key)).to.equal('0.042');
    expect(run.outcome.image.revisedPrompt).to.equal(undefined);
  });

  it('an instruction goes to the model’s edit endpoint, the image first in image_urls: FLUX.2 [pro], Seedream', async () => {
    const image = reference(128, 96);
    const pro = await completed('pending=50', {
      model: 'flux-2-pro',
      prompt: 'the kite blue',
      width: 128,
      height: 96,
      inputs: [image],
      edit: { kind: 'instruction' },
    });
    expect(sentBy('POST').at(-1)).to.equal(`${endpoint('pending=50')}/fal-ai/flux-2-pro/edit`);
    expect((await taskLog('fal', pro.task!.id))[0].inputs).to.deep.equal([[128, 96]]);
    // 1 MP made at $0.03, the 1 MP image at $0.015: booked at the quote, as fal reports no charge for FLUX.2.
    expect([pro.outcome.charge, await simCharged('fal', pro.key)]).to.deep.equal([undefined, '0.045']);
    for (const [model, t2i] of [
      ['seedream-4.5', 'fal-ai/bytedance/seedream/v4.5/text-to-image'],
      ['seedream-5-lite', 'bytedance/seedream/v5/lite/text-to-image'],
    ]) {
      calls.length = 0;
      const request: Partial<ProviderRequest> = {
        model,
        prompt: 'the kite blue',
        width: 2048,
        height: 2048,
        ratio: '1:1',
        wiring: { model: t2i },
        inputs: [image],
        edit: { kind: 'instruction' },
      };
      const { outcome: run, bodies } = await jsonPostedDuring(() => completed('pending=50;expose=billable', request));
      expect(sentBy('POST').at(-1)).to.equal(`${endpoint('pending=50;expose=billable')}/${EDIT_ENDPOINTS[model]}`);
      const submitted = bodies.find((body) => 'image_urls' in body)!;
      expect(submitted.image_urls).to.have.length(1);
      expect(submitted.image_size).to.deep.equal({ width: 2048, height: 2048 });
      // Seedream bills one image whatever it is sent, and says so in its billable units: booked as fal reports it.
      const price = model === 'seedream-4.5' ? '0.04' : '0.035';
      expect([run.outcome.charge, await simCharged('fal', run.key)], model).to.deep.equal([{ usd: price }, price]);
    }
  });

  it('the key goes with an upload’s start to fal’s API, never with the bytes to the signed address', async () => {
    const key = 'fal-edit-key-watched';
    const headersOf: [string, string, string | null][] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headersOf.push([init?.method ?? 'GET', String(input), headers.get('authorization')]);
      return realFetch(input, init);
    };
    try {
      await start(
        'pending=50',
        { inputs: [reference(64, 48)], edit: { kind: 'mask', mask: await painted(64, 48) } },
        { apiKey: key },
      ).promise;
    } finally {
      window.fetch = realFetch;
    }
    const uploads = headersOf.filter(([method]) => method === 'PUT');
    expect(uploads).to.have.length(2);
    expect(uploads.map(([, , authorization]) => authorization)).to.deep.equal([null, null]);
    const started = headersOf.filter(([, url]) => url.includes('/storage/upload/initiate'));
    expect(started.map(([, , authorization]) => authorization)).to.deep.equal([`Key ${key}`, `Key ${key}`]);
    expect(started.every(([, url]) => url.startsWith(endpoint('pending=50')))).to.equal(true);
  });

  it('refuses a mask that cannot be right before anything is sent, an upload among it', async () => {
    const image = reference(64, 48);
    await refused(
      { inputs: [image], edit: { kind: 'mask', mask: await painted(32, 32) } },
      /32×32 pixels but the image is 64×48/,
    );
    await refused({ inputs: [image], edit: { kind: 'mask' } }, /Nothing is painted/);
    // Fill and Erase at fal always take a mask: asked without an edit, each still needs one.
    await refused({ inputs: [image] }, /Nothing is painted/);
    await refused({ model: 'flux-erase', inputs: [image], edit: { kind: 'erase' } }, /Nothing is painted/);
    const mask = await painted(64, 48);
    await refused(
      { model: 'flux-2-pro', inputs: [image], edit: { kind: 'mask', mask } },
      /FLUX\.2 \[pro\] cannot make this kind of edit at fal/,
    );
    await refused({ inputs: [image], edit: { kind: 'erase', mask } }, /FLUX\.1 Fill \[pro\] cannot make this kind/);
  });

  it('an image fal’s storage will not take: refused in words, the request never sent, nothing billed', async () => {
    const run = start('upload=refused;pending=50', {
      inputs: [reference(64, 48)],
      edit: { kind: 'mask', mask: await painted(64, 48) },
    });
    const error = await failure(run.promise);
    expect([error.code, error.message]).to.deep.equal([
      'provider-error',
      "fal's file storage did not take the image to send (HTTP 403), so the request was not sent. Try again.",
    ]);
    expect(sentBy('POST').some((call) => call.endsWith('/fill'))).to.equal(false);
    expect([run.accepted, await simCharged('fal', run.key)]).to.deep.equal([0, '0']);
  });

  it('an image fal cannot read: refused after the request ran (422), which fal may have billed', async () => {
    const run = start('upload=corrupt;pending=50', {
      inputs: [reference(64, 48)],
      edit: { kind: 'mask', mask: await painted(64, 48) },
    });
    const error = await failure(run.promise);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.match(/^fal refused the request \(image_url: Failed to load the image/);
    // Accepted, and never said to be uncharged: the widget books it as possibly charged (generation/book-failure.ts).
    expect([run.accepted, run.uncharged]).to.deep.equal([1, 0]);
    expect(await simCharged('fal', run.key)).to.equal('0.05');
  });
});

describe('fal’s edit prices', () => {
  before(() => loadEdits());
  const fal = (
    model: string,
    width: number,
    height: number,
    image: { width: number; height: number },
    kind = 'instruction',
  ) =>
    priceOf(
      { provider: 'fal', model, width, height, inputs: [image], edit: { kind: kind as 'instruction' } },
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );

  it('says which model makes which kind of edit at fal, and only those', () => {
    const edits = (model: string) => fal(model, 1024, 1024, { width: 1024, height: 1024 }).entry?.edits;
    for (const model of ['flux-2-klein-4b', 'flux-2-klein-9b', 'flux-2-dev', 'flux-2-pro', 'flux-2-flex', 'flux-2-max'])
      expect(edits(model), model).to.deep.equal(['instruction']);
    expect([edits('seedream-4.5'), edits('seedream-5-lite')]).to.deep.equal([['instruction'], ['instruction']]);
    expect([edits('flux-pro-1.0-fill'), edits('flux-erase')]).to.deep.equal([['mask'], ['erase']]);
    // Nano Banana 2.1 bills the images it is sent at a rate fal states nowhere found: no edit offered there yet.
    expect(edits('gemini-nano-banana-2.1')).to.equal(undefined);
  });

  it('Fill at $0.05 per megapixel of the image; Erase at $0.042 for the first, $0.004 each further; estimates', () => {
    const fill = (side: [number, number]) =>
      fal('flux-pro-1.0-fill', 1, 1, { width: side[0], height: side[1] }, 'mask');
    expect([fill([1024, 1024]).quote!.total, fill([1024, 1024]).quote!.exact]).to.deep.equal(['0.05', false]);
    expect(fill([2048, 1536]).quote!.total).to.equal('0.15');
    const erase = (width: number, height: number) => fal('flux-erase', 1, 1, { width, height }, 'erase');
    expect([erase(1024, 1024).quote!.total, erase(2048, 1536).quote!.total]).to.deep.equal(['0.042', '0.05']);
    // A larger image goes at 3,000,000 pixels: 3 MP however fal counts them, so priced as 3.
    const larger = erase(4096, 3072);
    const sent = larger.fitted!.inputs[0];
    expect([sent.width * sent.height <= 3_000_000, larger.quote!.total]).to.deep.equal([true, '0.05']);
    // Each makes nothing from text alone.
    expect(quoteFor({ provider: 'fal', model: 'flux-erase', width: 512, height: 512 }).problem).to.match(/image/i);
    expect(fill([1024, 1024]).quote!.source.url).to.equal('https://fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt');
  });

  it('an instruction at the model’s price with its input: FLUX.2 [pro] by megapixel, Seedream per image, 10 at most', () => {
    expect(fal('flux-2-pro', 1024, 1024, { width: 1024, height: 1024 }).quote!.total).to.equal('0.045');
    const seedream = fal('seedream-4.5', 2048, 2048, { width: 1024, height: 1024 });
    expect([seedream.quote!.total, seedream.quote!.lines.length]).to.deep.equal(['0.04', 1]);
    const eleven = priceOf(
      {
        provider: 'fal',
        model: 'seedream-5-lite',
        width: 2048,
        height: 2048,
        inputs: Array(11).fill({ width: 512, height: 512 }),
        edit: { kind: 'instruction' },
      },
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );
    expect(eleven.quote!.problem).to.match(/at most 10 reference images/);
  });

  it('Fill and Erase priced from fal’s pricing API with the user’s key, in proportion where Erase’s is lower', async () => {
    const live = await new FalProvider().livePrices(endpoint(), { apiKey: 'sim-discount-25-edits' });
    const book = mergePriceBook(BUILTIN_PRICE_BOOK, live!.prices!);
    const at = (model: string, kind: string) =>
      priceOf(
        {
          provider: 'fal',
          model,
          width: 1,
          height: 1,
          inputs: [{ width: 1024, height: 1024 }],
          edit: { kind: kind as 'mask' },
        },
        book,
        undefined,
        EDITS,
      ).quote!;
    const [fill, erase] = [at('flux-pro-1.0-fill', 'mask'), at('flux-erase', 'erase')];
    expect([fill.total, fill.source.name]).to.deep.equal(['0.0375', 'fal pricing API (live)']);
    // $0.0225 for the first megapixel (25% off $0.03), and each $0.004 at 25% off: $0.003.
    expect(erase.total).to.equal('0.0315');
  });
});

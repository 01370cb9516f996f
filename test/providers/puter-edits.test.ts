// Instruction edits through Puter (SPEC §13), with the REAL @heyputer/puter.js SDK against the Puter simulator over
// real HTTP: the image edited goes in `puter.ai.txt2img`'s `input_images` as a data URI, priced as the model's provider
// bills images at Puter (GPT Image by tokens, a bound; xAI per image; Replicate's FLUX.2 per input megapixel; Seedream
// not at all), and booked as any Puter call is, at what the account's usage fell by. What a driver would refuse or drop
// is refused before anything is sent, and the simulator refuses it as Puter does.
// Holds: src/providers/puter/edit-prices.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { generate as userPaysGenerate } from '../../src/api.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { PuterProvider, puterSdk } from '../../src/providers/puter/adapter.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { PUTER_SRC, puterCalls, puterEndpoint, puterGenerate, puterSessionsEnded, sdk } from '../support/puter.js';
import { maskPng, pngBlob, referenceImage } from '../support/images.js';
import { simCharged, unique } from '../support/sim.js';
import { forgetStorage } from '../support/storage.js';

const PROMPT = 'make the sky purple';

/** An instruction edit of `image` by `model` at Puter, as a page asks for it, under `scenario`, as a fresh account. */
async function edit(model: string, image: Blob, scenario = '', more: Record<string, unknown> = {}) {
  const marker = unique();
  const storageKey = unique('puter-edit');
  const token = unique('token');
  sdk().setAuthToken(token);
  try {
    const result = await userPaysGenerate(
      { provider: 'puter', model, prompt: PROMPT, ...more, edit: { image, kind: 'instruction' } },
      { storageKey, endpoint: puterEndpoint(`run=${marker}${scenario && `;${scenario}`}`), puterSrc: PUTER_SRC },
    );
    const [call] = (await puterCalls(marker)) as any[];
    return { result, call, charged: await simCharged('puter', token) };
  } finally {
    await forgetStorage(storageKey);
  }
}

/** Puter's call of `model` (its id and provider there) with `count` images, through the adapter, as a fresh account. */
function send(model: string, wiring: { model: string; via: string }, count: number, more: object = {}) {
  const marker = unique();
  sdk().setAuthToken(unique('token'));
  const outcome = new PuterProvider().generate(
    {
      model,
      prompt: PROMPT,
      width: 1024,
      height: 1024,
      ratio: '1:1',
      quality: '1k',
      wiring,
      inputs: Array.from({ length: count }, () => referenceImage(256, 256)),
      edit: { kind: 'instruction' },
      ...more,
    },
    { endpoint: puterEndpoint(`run=${marker}`), signal: new AbortController().signal },
  );
  return { marker, outcome };
}
const GROK = { model: 'grok-imagine-image', via: 'xai-image-generation' };

/** A refusal the promise settles to (it must not resolve). */
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('the edit should have been refused'),
    (error: UserPaysError) => error,
  );

describe('instruction edits at Puter (real SDK, simulator)', function () {
  this.timeout(30_000);
  puterSessionsEnded();

  before(async () => {
    await puterSdk(puterEndpoint(), PUTER_SRC);
    await loadEdits();
  });

  it('GPT Image 2: the image in input_images as a data URI, its tokens a bound, the usage drop booked', async () => {
    const { result, call, charged } = await edit('gpt-image-2', await pngBlob(1024, 1024), '', { quality: 'low' });
    expect(call).to.include({ model: 'gpt-image-2', provider: 'openai-image-generation', inputs: 1, used: 1 });
    expect(call.imageFields).to.deep.equal(['input_images']);
    expect(call.dataUris).to.equal(true);
    // The image sent is a line of its own, at Puter's image_input rate ($8 per million): about 1,536 tokens, at most
    // 4,096, as no rule counts them.
    const line = result.quote.lines.find((each) => each.label.startsWith('The image to edit'))!;
    expect(line).to.deep.include({ amount: '0.012288', atMost: '0.032768' });
    expect(result.quote.exact).to.equal(false);
    // Booked as the account's usage fell: what the simulator charged, the 1,536 image tokens it reported included.
    expect(result.charged).to.equal(charged);
    expect(new Decimal(charged).lte(result.quote.atMost!)).to.equal(true);
    expect(new Decimal(charged).gte(new Decimal(line.amount).add(result.quote.lines[0].amount))).to.equal(true);
  });

  it('Grok Imagine: each image sent adds xAI’s media_input, exactly, as the live catalogue lists it', async () => {
    // The live catalogue at twice the bundled costs: $0.04 for the image, $0.004 for the image sent.
    const { result, call, charged } = await edit('grok-imagine', await pngBlob(512, 512), 'scale=2');
    expect(call).to.include({ model: 'grok-imagine-image', provider: 'xai-image-generation', used: 1 });
    expect(call.dataUris).to.equal(true);
    expect(result.quote).to.include({ total: '0.044', exact: true });
    expect(result.quote.lines.map((each) => [each.label, each.amount])).to.deep.include([
      'The image to edit, billed per image',
      '0.004',
    ]);
    expect([result.charged, charged]).to.deep.equal(['0.044', '0.044']);
  });

  it('Grok Imagine never gets a fourth image: xAI would drop it, so it is refused in words, and nothing is sent', async () => {
    const quote = quoteFor({
      provider: 'puter',
      model: 'grok-imagine',
      prompt: PROMPT,
      inputs: Array.from({ length: 4 }, () => ({ width: 256, height: 256 })),
    });
    expect(quote.problem).to.match(/at most 3/);
    const { marker, outcome } = send('grok-imagine', GROK, 4);
    expect((await refusalOf(outcome)).code).to.equal('invalid-input');
    expect(await puterCalls(marker)).to.deep.equal([]);
    // Three are taken, each billed.
    const three = send('grok-imagine', GROK, 3);
    expect((await three.outcome).charge).to.deep.equal({ usd: '0.026' });
  });

  it('FLUX.2 [pro] at Replicate: the image edited billed per started input megapixel, as quoted', async () => {
    const { result, call, charged } = await edit('flux-2-pro', await pngBlob(1000, 1000));
    expect(call).to.include({ model: 'black-forest-labs/flux-2-pro', inputs: 1, used: 1 });
    expect(call.imageFields).to.deep.equal(['input_images']);
    // 1.5¢ run + 1.5¢ the output's MP + 1.5¢ the one started input MP.
    expect(result.quote.total).to.equal('0.045');
    expect([result.charged, charged]).to.deep.equal(['0.045', '0.045']);
  });

  it('Seedream 4.5: the image sent costs nothing more, exactly', async () => {
    const { result, call, charged } = await edit('seedream-4.5', await pngBlob(1024, 1024));
    expect(call).to.include({ provider: 'byteplus-image-generation', used: 1 });
    expect(result.quote).to.include({ total: '0.04', exact: true });
    expect([result.charged, charged]).to.deep.equal(['0.04', '0.04']);
  });

  it('a mask, or a kind of edit Puter’s models do not make, is refused before anything is sent', async () => {
    const mask = referenceImage(256, 256);
    const masked = send('gpt-image-2', { model: 'gpt-image-2', via: 'openai-image-generation' }, 1, {
      edit: { kind: 'mask', mask },
      quality: 'low',
    });
    const error = await refusalOf(masked.outcome);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.contain('GPT Image 2 cannot change only a painted area here');
    expect(await puterCalls(masked.marker)).to.deep.equal([]);
    // FLUX1.1 [pro] takes an image as a prompt, not to edit.
    const prompt = send('flux-pro-1.1', { model: 'black-forest-labs/flux-1.1-pro', via: '' }, 1);
    expect((await refusalOf(prompt.outcome)).code).to.equal('invalid-input');
    expect(await puterCalls(prompt.marker)).to.deep.equal([]);
    // And the page's own: a mask edit of a Puter model is refused in words before anything is sent.
    const refused = await userPaysGenerate(
      {
        provider: 'puter',
        model: 'gpt-image-2',
        prompt: PROMPT,
        edit: { image: await pngBlob(256, 256), kind: 'mask', mask: await maskPng(256, 256) },
      },
      { storageKey: unique('puter-edit'), endpoint: puterEndpoint(`run=${unique()}`), puterSrc: PUTER_SRC },
    ).catch((thrown: UserPaysError) => thrown);
    expect((refused as UserPaysError).code).to.equal('invalid-input');
  });
});

describe('the Puter simulator takes images as each of Puter’s providers does', () => {
  const call = async (args: Record<string, unknown>) => {
    const marker = unique();
    const token = unique('token');
    const response = await puterGenerate(puterEndpoint(`run=${marker}`), token, { prompt: PROMPT, ...args });
    return { status: response.status, body: await response.json(), charged: await simCharged('puter', token) };
  };
  const images = (count: number) => Array.from({ length: count }, () => referenceImage(64, 64).dataUrl);

  it('refuses a fourth image for xAI (Puter would drop it) and a fifteenth for Seedream, charging nothing', async () => {
    const grok = await call({ model: 'grok-imagine-image', input_images: images(4) });
    expect([grok.status, grok.charged]).to.deep.equal([400, '0']);
    expect(grok.body.message).to.contain('at most 3 input images');
    const seedream = await call({ model: 'seedream-4-5', input_images: images(15), ratio: { w: 1, h: 1 } });
    expect([seedream.status, seedream.charged]).to.deep.equal([400, '0']);
    expect(seedream.body.message).to.equal('seedream-4-5-251128 accepts at most 14 input image(s)');
    const gpt = await call({ model: 'gpt-image-2', input_images: images(17), quality: 'low' });
    expect([gpt.status, gpt.body.code, gpt.charged]).to.deep.equal([400, 'upstream_bad_request', '0']);
  });

  it('bills Seedream 5.0 Pro’s images from the second on, and none of 4.5’s', async () => {
    const pro = await call({ model: 'dola-seedream-5-0-pro', input_images: images(3), ratio: { w: 1, h: 1 } });
    // 2K at 9¢, and 2 images past the first at 0.3¢.
    expect([pro.status, pro.charged]).to.deep.equal([200, '0.096']);
    const plain = await call({ model: 'seedream-4-5', input_images: images(3), ratio: { w: 1, h: 1 } });
    expect([plain.status, plain.charged]).to.deep.equal([200, '0.04']);
  });
});

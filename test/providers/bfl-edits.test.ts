// Editing an image at BFL (SPEC §13), over real HTTP against the BFL simulator (demo/sim/bfl.mjs): Fill repaints what
// the user painted (its mask beside the image), FLUX Erase removes it (no prompt, its own route), FLUX.2 follows an
// instruction; each quoted before the click and booked from the `cost` BFL reports. A mask that cannot be right is
// refused before anything is sent, and the simulator refuses one as BFL does.
// Holds: src/providers/bfl/adapter.ts
// Holds: src/providers/bfl/prices.ts
// Holds: src/providers/bfl/words.ts
import { expect } from '@open-wc/testing';
import { BflProvider } from '../../src/providers/bfl/adapter.js';
import type { ProviderRequest, ReferenceImage } from '../../src/providers/provider.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { priceOf } from '../../src/pricing/index.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { maskPng, referenceImage as reference } from '../support/images.js';
import { jsonPostedDuring } from '../support/record-fetches.js';
import { base64Png, dataUrlOf } from '../support/png-pixels.js';

/** A raw base64 PNG's size and the distinct levels of its red channel. */
const levelsOf = async (raw: string) => {
  const { width, height, levels } = await base64Png(raw);
  return { width, height, levels };
};
import { providerHarness } from '../support/provider-harness.js';
import { submitToBfl, taskLog } from '../support/sim.js';

const harness = providerHarness(new BflProvider(), {
  keyPrefix: 'test-key-edits',
  request: { model: 'flux-pro-1.0-fill', prompt: 'a red kite', width: 64, height: 48, seed: 7 },
});
const { start, completed, refused, calls, endpoint, newKey } = harness;

/**
 * A mask as the editor paints it: a PNG of that size, black (0) everywhere but a white (255) square in its middle,
 * drawn with OffscreenCanvas and read back as a data URL.
 */
async function paintedMask(width: number, height: number): Promise<ReferenceImage> {
  return { dataUrl: await dataUrlOf(await maskPng(width, height)), width, height };
}

const base64 = (image: { dataUrl: string }) => image.dataUrl.slice(image.dataUrl.indexOf(',') + 1);

describe('Editing an image at BFL', function () {
  this.timeout(20_000);
  before(() => loadEdits());

  it('Fill repaints what is painted: the mask goes beside the image, black and white at its size, $0.05 booked', async () => {
    const image = reference(64, 48);
    const mask = await paintedMask(64, 48);
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50;deliveryCors=1', { inputs: [image], edit: { kind: 'mask', mask } }),
    );
    const [body] = bodies;
    expect(body.image).to.equal(base64(image));
    expect(body.mask).to.equal(base64(mask));
    expect(await levelsOf(body.mask)).to.deep.equal({ width: 64, height: 48, levels: [0, 255] });
    const [submit] = await taskLog('bfl', run.task!.id);
    expect([submit.inputs, (submit as any).mask]).to.deep.equal([[[64, 48]], [64, 48]]);
    expect(run.charge).to.deep.equal({ credits: '5', usd: '0.05' });
    const bitmap = await createImageBitmap(run.outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([64, 48]);
  });

  it('refuses a mask of another size than the image before anything is sent', async () => {
    const request: Partial<ProviderRequest> = {
      inputs: [reference(64, 48)],
      edit: { kind: 'mask', mask: await paintedMask(32, 32) },
    };
    await refused(request, /painted area is 32×32 pixels but the image is 64×48/);
  });

  it('refuses a repaint or an erase with nothing painted, and a mask to a model that would ignore it', async () => {
    await refused({ inputs: [reference(64, 48)], edit: { kind: 'mask' } }, /Nothing is painted/);
    await refused({ model: 'flux-erase', inputs: [reference(64, 48)], edit: { kind: 'erase' } }, /Nothing is painted/);
    // FLUX Erase only erases: asked without an edit, it still needs its mask.
    await refused({ model: 'flux-erase', inputs: [reference(64, 48)] }, /Nothing is painted/);
    const mask = await paintedMask(64, 48);
    await refused(
      { model: 'flux-2-klein-4b', inputs: [reference(64, 48)], edit: { kind: 'mask', mask } },
      /FLUX\.2 \[klein\] 4B cannot make this kind of edit/,
    );
  });

  it('the simulator refuses a mask of another size, or not a PNG, with 422 as BFL does', async () => {
    const image = base64(reference(64, 48));
    const small = base64(await paintedMask(32, 32));
    const refusal = await submitToBfl(endpoint(), newKey(), 'flux-pro-1.0-fill', {
      prompt: 'a kite',
      image,
      mask: small,
    });
    expect(refusal.status).to.equal(422);
    expect(refusal.body.detail).to.have.length(1);
    expect(refusal.body.detail[0]).to.deep.include({ loc: ['body', 'mask'], type: 'value_error' });
    expect(refusal.body.detail[0].msg).to.match(/same dimensions/);
    const jpeg = base64(reference(64, 48, 'image/jpeg'));
    const notPng = await submitToBfl(endpoint(), newKey(), 'flux-pro-1.0-fill', {
      prompt: 'a kite',
      image,
      mask: jpeg,
    });
    expect([notPng.status, notPng.body.detail[0].loc]).to.deep.equal([422, ['body', 'mask']]);
    const mask = base64(await paintedMask(64, 48));
    const taken = await submitToBfl(endpoint(), newKey(), 'flux-pro-1.0-fill', { prompt: 'a kite', image, mask });
    expect([taken.status, taken.body.cost]).to.deep.equal([200, 5]);
  });

  it('the simulator refuses a prompt to FLUX Erase, and a missing mask, as a schema without them would', async () => {
    const image = base64(reference(64, 48));
    const mask = base64(await paintedMask(64, 48));
    const prompted = await submitToBfl(endpoint(), newKey(), 'flux-tools/erase-v1', { image, mask, prompt: 'x' });
    expect([prompted.status, prompted.body.detail]).to.deep.equal([
      422,
      [{ loc: ['body', 'prompt'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }],
    ]);
    const maskless = await submitToBfl(endpoint(), newKey(), 'flux-tools/erase-v1', { image });
    expect([maskless.status, maskless.body.detail]).to.deep.equal([
      422,
      [{ loc: ['body', 'mask'], msg: 'Field required', type: 'missing' }],
    ]);
    const taken = await submitToBfl(endpoint(), newKey(), 'flux-tools/erase-v1', { image, mask });
    expect(taken.status).to.equal(200);
    // 1 MP made (3 credits) and the image at fal's 3 MP minimum (3 × 0.4): what the book quotes (the next tests).
    expect([taken.body.cost, taken.body.input_mp, taken.body.output_mp]).to.deep.equal([4.2, 0, 0]);
    const large = base64(reference(2048, 1536));
    const largeMask = base64(await paintedMask(2048, 1536));
    const three = await submitToBfl(endpoint(), newKey(), 'flux-tools/erase-v1', { image: large, mask: largeMask });
    expect([three.body.cost, three.body.input_mp, three.body.output_mp]).to.deep.equal([5, 3, 3]);
  });

  it('Erase sends no prompt, to /v1/flux-tools/erase-v1, and books the cost BFL reports', async () => {
    const image = reference(96, 64);
    const mask = await paintedMask(96, 64);
    const run = start('pending=50;deliveryCors=1', {
      model: 'flux-erase',
      prompt: 'ignored: an erase has none',
      width: 96,
      height: 64,
      inputs: [image],
      edit: { kind: 'erase', mask },
      settings: { safetyTolerance: 3 },
    });
    const outcome = await run.promise;
    expect(calls[0]).to.equal(`POST ${endpoint('pending=50;deliveryCors=1')}/v1/flux-tools/erase-v1`);
    const [submit] = await taskLog('bfl', run.task!.id);
    expect((submit as any).fields).to.deep.equal(['image', 'mask', 'output_format', 'safety_tolerance', 'seed']);
    expect((submit as any).mask).to.deep.equal([96, 64]);
    expect(run.charge).to.deep.equal({ credits: '4.2', usd: '0.042' });
    expect(outcome.image.revisedPrompt).to.equal(undefined);
    const bitmap = await createImageBitmap(outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([96, 64]);
  });

  it('quotes Erase as an estimate that the simulator’s cost of a 1 MP image agrees with, and never from text alone', () => {
    const erase = { provider: 'bfl' as const, model: 'flux-erase', width: 1024, height: 1024 };
    const { quote } = priceOf(
      { ...erase, inputs: [{ width: 1024, height: 1024 }], edit: { kind: 'erase' } },
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );
    expect([quote!.exact, quote!.total, quote!.credits, quote!.problem]).to.deep.equal([
      false,
      '0.042',
      '4.2',
      undefined,
    ]);
    expect(quote!.source).to.deep.include({ asOf: '2026-11-28' });
    // Resellers' prices, said as such to the user (BFL's own stays UNVERIFIED in the code's comment).
    expect(quote!.source).to.include({ name: "fal's and Runware's FLUX Erase prices", restated: 'resellers' });
    // A 3 MP image: 4.2 + 2 × 0.4 credits; a larger one goes at 3 MP, and is priced so.
    const threeMp = { ...erase, inputs: [{ width: 2048, height: 1536 }], edit: { kind: 'erase' as const } };
    expect(priceOf(threeMp, BUILTIN_PRICE_BOOK, undefined, EDITS).quote!.credits).to.equal('5');
    const larger = priceOf(
      { ...threeMp, inputs: [{ width: 4096, height: 3072 }] },
      BUILTIN_PRICE_BOOK,
      undefined,
      EDITS,
    );
    expect([larger.fitted!.inputs[0].width * larger.fitted!.inputs[0].height, larger.quote!.credits]).to.deep.equal([
      3 * 1024 * 1024,
      '5',
    ]);
    // Like Fill, it makes nothing without an image to edit: the quote says so, and it is never payable.
    expect(priceOf(erase, BUILTIN_PRICE_BOOK, undefined, EDITS).quote!.problem).to.match(/image/i);
    // What each makes is its edit facts' word, priced in with them.
    expect(priceOf(erase, BUILTIN_PRICE_BOOK, undefined, EDITS).entry!.edits).to.deep.equal(['erase']);
    expect(
      priceOf({ ...erase, model: 'flux-pro-1.0-fill' }, BUILTIN_PRICE_BOOK, undefined, EDITS).entry!.edits,
    ).to.deep.equal(['mask']);
  });

  it('prices an instruction edit on FLUX.2 [klein] 4B with its input’s megapixels on a line of their own', async () => {
    const quote = quoteFor({
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      width: 1024,
      height: 1024,
      inputs: [{ width: 1024, height: 1024 }],
      edit: { kind: 'instruction' },
    });
    // 1.4 credits for the 1 MP made, 0.1 for the 1 MP input (BFL pricing docs).
    expect([quote.exact, quote.total, quote.inputMegapixels]).to.deep.equal([true, '0.015', 1]);
    expect(quote.references).to.deep.equal([{ megapixels: 1, amount: '0.001' }]);
    expect(quote.lines.map((line) => line.amount)).to.deep.equal(['0.014', '0.001']);
    // Sent as FLUX.2 takes references: `input_image`, and booked from BFL's cost, the same.
    const image = reference(1024, 1024);
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50', {
        model: 'flux-2-klein-4b',
        width: 1024,
        height: 1024,
        inputs: [image],
        edit: { kind: 'instruction' },
      }),
    );
    expect(bodies[0].input_image).to.equal(base64(image));
    expect(bodies[0]).to.not.have.property('mask');
    expect(run.charge).to.deep.equal({ credits: '1.5', usd: '0.015' });
  });
});

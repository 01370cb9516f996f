// Extending an image at BFL (FLUX Outpainting, SPEC §13), over real HTTP against the BFL simulator (demo/sim/bfl.mjs,
// bfl-outpaint.mjs): the image sent whole on a canvas of its size with its sides around it, its left and top side the
// offsets; quoted on that canvas before the click and booked from the `cost` BFL reports; a canvas over 4 MP, or sides
// that do not make the size asked, refused before anything is sent; the simulator refuses what BFL's schema refuses.
// Holds: src/providers/bfl/outpaint.ts
// Holds: src/providers/engine/extend.ts
// Holds: demo/sim/bfl-outpaint.mjs
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate, quote } from '../../src/api.js';
import type { ExtendSides } from '../../src/base/types.js';
import { BflProvider } from '../../src/providers/bfl/adapter.js';
import type { ProviderRequest } from '../../src/providers/provider.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { pngBlob, referenceImage as reference } from '../support/images.js';
import { providerHarness } from '../support/provider-harness.js';
import { jsonPostedDuring } from '../support/record-fetches.js';
import { bflEndpoint, simCharged, simLogOf, submitToBfl, taskLog, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

const sides = (more: Partial<ExtendSides>): ExtendSides => ({ top: 0, right: 0, bottom: 0, left: 0, ...more });

/** An extend of `image` by `more`, at the size it makes (the image with its sides around it). */
function extending(image: { width: number; height: number; dataUrl: string }, more: Partial<ExtendSides>) {
  const extend = sides(more);
  return {
    model: 'flux-outpainting',
    prompt: '',
    width: image.width + extend.left + extend.right,
    height: image.height + extend.top + extend.bottom,
    inputs: [image],
    edit: { kind: 'extend' as const, extend },
  } satisfies Partial<ProviderRequest>;
}

const harness = providerHarness(new BflProvider(), { keyPrefix: 'test-key-canvas' });
const { completed, refused, calls, endpoint, newKey } = harness;
const base64 = (image: { dataUrl: string }) => image.dataUrl.slice(image.dataUrl.indexOf(',') + 1);

describe('Extending an image at BFL', function () {
  this.timeout(20_000);
  before(() => loadEdits());

  it('sends the image on its new canvas, its left and top sides the offsets, and books the cost BFL reports', async () => {
    const image = reference(96, 64);
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50;deliveryCors=1', { ...extending(image, { top: 16, right: 40, left: 8 }), seed: 7 }),
    );
    expect(calls[0]).to.equal(`POST ${endpoint('pending=50;deliveryCors=1')}/v1/flux-tools/outpainting-v1`);
    expect(bodies[0]).to.deep.equal({
      input_image: base64(image),
      width: 144,
      height: 80,
      reference_offset_x: 8,
      reference_offset_y: 16,
      auto_crop: false,
      mode: 'high',
      output_format: 'png', // its default, always sent
    });
    const [submit] = await taskLog('bfl', run.task!.id);
    expect(submit.inputs).to.deep.equal([[96, 64]]);
    // 10 credits for the one started megapixel made (Runware's figure, which the simulator charges as the book quotes).
    expect(run.charge).to.deep.equal({ credits: '10', usd: '0.1' });
    const bitmap = await createImageBitmap(run.outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([144, 80]);
  });

  it('sends an instruction for the new area only where one is typed, and the settings it takes, no seed', async () => {
    const image = reference(64, 64);
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50;deliveryCors=1', {
        ...extending(image, { bottom: 64 }),
        prompt: 'a sandy beach',
        seed: 9,
        settings: { safetyTolerance: 4, outputFormat: 'jpeg' },
      }),
    );
    expect(Object.keys(bodies[0]).sort()).to.deep.equal([
      'auto_crop',
      'height',
      'input_image',
      'mode',
      'output_format',
      'prompt',
      'reference_offset_x',
      'reference_offset_y',
      'safety_tolerance',
      'width',
    ]);
    expect([bodies[0].prompt, bodies[0].safety_tolerance, bodies[0].output_format]).to.deep.equal([
      'a sandy beach',
      4,
      'jpeg',
    ]);
    expect(run.outcome.image.revisedPrompt).to.equal(undefined);
  });

  it('refuses a canvas over 4 MP, sides that do not make the size asked, and a model that does not extend, before sending', async () => {
    const large = { width: 2048, height: 2048, dataUrl: reference(64, 64).dataUrl };
    await refused(
      extending(large, { right: 1 }),
      /2049×2048, and FLUX Outpainting makes images of at most 4 megapixels/,
    );
    const image = reference(64, 64);
    await refused({ ...extending(image, { right: 64 }), width: 64 }, /Say how far to extend each side/);
    await refused({ ...extending(image, { right: 64 }), edit: { kind: 'extend' } }, /Say how far to extend each side/);
    await refused({ ...extending(image, { right: 64 }), edit: undefined }, /Say how far to extend each side/);
    await refused({ ...extending(image, { right: 64 }), model: 'flux-2-pro' }, /FLUX\.2 \[pro\] cannot make this kind/);
    await refused({ ...extending(image, { right: 64 }), settings: { safetyTolerance: 6 } }, /0 \(strictest\) to 5/);
  });

  it('the simulator refuses a canvas over 4 MP, an image beyond it, and what the schema does not name, as BFL does', async () => {
    const image = base64(reference(64, 64));
    const over = await submitToBfl(endpoint(), newKey(), 'flux-tools/outpainting-v1', {
      input_image: image,
      width: 2049,
      height: 2048,
    });
    expect(over.status).to.equal(422);
    expect(over.body.detail[0].msg).to.match(/must not exceed 4 megapixels \(4,194,304 pixels\)/);
    const beyond = await submitToBfl(endpoint(), newKey(), 'flux-tools/outpainting-v1', {
      input_image: image,
      width: 100,
      height: 64,
      reference_offset_x: 40,
    });
    expect([beyond.status, beyond.body.detail[0].loc]).to.deep.equal([422, ['body', 'reference_offset_x']]);
    const extra = await submitToBfl(endpoint(), newKey(), 'flux-tools/outpainting-v1', {
      input_image: image,
      width: 128,
      height: 64,
      seed: 3,
      mode: 'slow',
      output_format: 'webp',
    });
    expect(extra.status).to.equal(422);
    expect(extra.body.detail.map((d: { loc: string[] }) => d.loc.at(-1)).sort()).to.deep.equal([
      'mode',
      'output_format',
      'seed',
    ]);
    const small = await submitToBfl(endpoint(), newKey(), 'flux-tools/outpainting-v1', {
      input_image: image,
      width: 63,
      height: 64,
    });
    expect([small.status, small.body.detail[0].type]).to.deep.equal([422, 'greater_than_equal']);
    // Centred where no offset is given; exactly 4 MP taken; its cost by the canvas alone.
    const most = await submitToBfl(endpoint(), newKey(), 'flux-tools/outpainting-v1', {
      input_image: image,
      width: 2048,
      height: 2048,
    });
    expect([most.status, most.body.cost, most.body.output_mp]).to.deep.equal([200, 40, 4]);
  });
});

describe('UserPays.generate, extending an image at BFL', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  it('UserPays.quote prices an extend on the canvas it makes', () => {
    const quoted = quote({
      provider: 'bfl',
      model: 'flux-outpainting',
      inputs: [{ width: 1024, height: 768 }],
      edit: { kind: 'extend', extend: sides({ right: 512, top: 8 }) },
    });
    expect([quoted.total, quoted.outputMegapixels, quoted.exact]).to.deep.equal(['0.2', 2, false]);
  });

  it('quotes the new size, sends the offsets, and books what BFL reports', async () => {
    const run = unique();
    const apiKey = unique('sim-headless-extend');
    const result = await generate(
      {
        provider: 'bfl',
        model: 'flux-outpainting',
        prompt: '',
        edit: { image: await pngBlob(1024, 768), kind: 'extend', extend: sides({ right: 512, top: 8 }) },
      },
      { apiKey, storageKey: newStorageKey(), endpoint: bflEndpoint(`pending=40;deliveryCors=1;run=${run}`) },
    );
    // 1536×776 is 1.14 MP: 2 started megapixels at 10 credits.
    expect([result.quote.outputMegapixels, result.quote.total]).to.deep.equal([2, '0.2']);
    expect(result.charged).to.equal('0.2');
    expect(await simCharged('bfl', apiKey)).to.equal('0.2');
    expect(result.images[0]).to.include({ width: 1536, height: 776 });
    const [sent] = (await simLogOf('bfl', run)).filter((entry) => entry.method === 'POST');
    expect(sent.path).to.contain('/v1/flux-tools/outpainting-v1');
    expect(sent.asked).to.deep.include({ width: 1536, height: 776, reference_offset_x: 0, reference_offset_y: 8 });
  });

  it('refuses sides it cannot take, and a canvas over 4 MP, in words, before anything is sent', async () => {
    const attempt = async (extend: unknown, width = 256) => {
      const run = unique();
      const error = await generate(
        {
          provider: 'bfl',
          model: 'flux-outpainting',
          prompt: '',
          edit: { image: await pngBlob(width, 256), kind: 'extend', extend } as never,
        },
        { apiKey: unique('sim-headless-extend'), storageKey: newStorageKey(), endpoint: bflEndpoint(`run=${run}`) },
      ).catch((thrown: Error) => thrown);
      expect(await simLogOf('bfl', run), 'nothing sent').to.deep.equal([]);
      return error as Error & { code: string };
    };
    const negative = await attempt(sides({ left: -4 }));
    expect([negative.code, negative.message]).to.deep.equal([
      'invalid-input',
      'How far to extend each side must be a whole number of pixels, 0 or more.',
    ]);
    expect((await attempt(sides({}))).message).to.equal('Extend at least one side: every side is 0 pixels now.');
    expect((await attempt({ top: 4 })).message).to.match(/whole number of pixels/);
    const over = await attempt(sides({ bottom: 1024 }), 4096);
    expect(over.message).to.match(/^Extended, the image would be 4096×1280, .* at most 4 megapixels/);
  });
});

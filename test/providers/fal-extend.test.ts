// Extending an image at fal (its outpaint, `fal-ai/flux-2-pro/outpaint`, SPEC §13), over real HTTP against the fal
// queue simulator (demo/sim/fal.mjs, fal-outpaint.mjs): the image (on fal's CDN, uploaded first, as every image sent to
// fal is) and how far each side goes, never a prompt (its input names none: the quote says one typed is not sent);
// quoted on the canvas and the image at fal's rates, and booked so (fal reports no charge); a side over 2048 pixels or a
// canvas over 4 MP refused before anything is sent or uploaded; the simulator refuses what fal's input does not take.
// Holds: src/providers/fal/outpaint.ts
// Holds: src/providers/fal/edit-prices.ts
// Holds: demo/sim/fal-outpaint.mjs
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import type { ExtendSides } from '../../src/base/types.js';
import { FalProvider } from '../../src/providers/fal/adapter.js';
import type { ProviderRequest } from '../../src/providers/provider.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { pngBlob, referenceImage as reference } from '../support/images.js';
import { providerHarness } from '../support/provider-harness.js';
import { jsonPostedDuring } from '../support/record-fetches.js';
import { falEndpoint, simCharged, simLogOf, submitToFal, taskLog, unique } from '../support/sim.js';
import { uploadedToFal } from '../support/fal-uploads.js';
import { until } from '../support/wait.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

const OUTPAINT = 'fal-ai/flux-2-pro/outpaint';
const sides = (more: Partial<ExtendSides>): ExtendSides => ({ top: 0, right: 0, bottom: 0, left: 0, ...more });

/** An extend of `image` by `more`, as the pipeline hands it: at the size it makes, wired to fal's outpaint. */
function extending(image: { width: number; height: number; dataUrl: string }, more: Partial<ExtendSides>) {
  const extend = sides(more);
  return {
    model: 'flux-outpainting',
    prompt: 'a sandy beach',
    width: image.width + extend.left + extend.right,
    height: image.height + extend.top + extend.bottom,
    inputs: [image],
    edit: { kind: 'extend' as const, extend },
    wiring: { model: OUTPAINT },
  } satisfies Partial<ProviderRequest>;
}

const harness = providerHarness(new FalProvider(), { keyPrefix: 'fal-test-key-out', crossOrigin: true });
const { completed, refused, calls, endpoint, newKey } = harness;

describe('Extending an image at fal', function () {
  this.timeout(20_000);
  before(() => loadEdits());

  it('sends the image and each side to its outpaint, no prompt though one was typed, and shows the canvas made', async () => {
    const image = reference(96, 64);
    const { outcome: run, bodies } = await jsonPostedDuring(() =>
      completed('pending=50', { ...extending(image, { top: 16, right: 40, left: 8 }), seed: 3 }),
    );
    expect(calls.filter((call) => call.startsWith('POST ')).at(-1)).to.equal(
      `POST ${endpoint('pending=50')}/${OUTPAINT}`,
    );
    const sent = bodies.find((body) => 'expand_top' in body)!;
    expect(sent).to.deep.equal({
      image_url: sent.image_url,
      expand_top: 16,
      expand_right: 40,
      expand_bottom: 0,
      expand_left: 8,
    });
    // The image went to fal's CDN first, whole, and its URL is what the outpaint read.
    expect(sent.image_url).to.match(/\/sim\/fal-cdn\/uploads\/[\w-]+\.png$/);
    const [submit] = (await taskLog('fal', run.task!.id)).filter((entry) => entry.method === 'POST');
    expect(submit.inputs).to.deep.equal([[96, 64]]);
    const bitmap = await createImageBitmap(run.outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([144, 80]);
    // fal says nothing of what it billed: the quote is booked (the pipeline's).
    expect(run.outcome.charge).to.equal(undefined);
  });

  it('is priced from fal’s pricing API where it answers: its first megapixel, the further ones in proportion', async () => {
    const live = await harness.provider.livePrices(endpoint(), { apiKey: 'sim-discount-50-outpaint' });
    const entry = live!.prices['flux-outpainting']!.fal!;
    expect(entry.rule).to.deep.equal({ kind: 'megapixel', unit: 'usd', first: '0.015', extra: '0.0075', inputs: true });
    expect([entry.model, entry.source.name]).to.deep.equal(['fal-ai/flux-2-pro/outpaint', 'fal pricing API (live)']);
  });

  it('refuses a side over 2048 pixels, a canvas over 4 MP, and a model that does not extend, before sending', async () => {
    const image = reference(64, 64);
    await refused(extending(image, { left: 2049 }), /extends a side by at most 2,048 pixels/);
    const large = { width: 2048, height: 2048, dataUrl: image.dataUrl };
    await refused(
      extending(large, { bottom: 1 }),
      /2048×2049, and FLUX Outpainting makes images of at most 4 megapixels/,
    );
    await refused({ ...extending(image, { left: 8 }), width: 64 }, /Say how far to extend each side/);
    await refused({ ...extending(image, { left: 8 }), model: 'flux-2-pro' }, /FLUX\.2 \[pro\] cannot make this kind/);
  });

  it('the simulator refuses a prompt, a side over 2048 and a data URI at submit, and a canvas over 4 MP once it ran', async () => {
    const key = newKey();
    const image = await uploadedToFal(reference(64, 64).dataUrl, key);
    const prompted = await submitToFal(endpoint(), key, OUTPAINT, { image_url: image, expand_left: 8, prompt: 'x' });
    expect([prompted.status, prompted.body.detail]).to.deep.equal([
      422,
      [{ loc: ['body', 'prompt'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }],
    ]);
    const far = await submitToFal(endpoint(), key, OUTPAINT, { image_url: image, expand_top: 2049 });
    expect([far.status, far.body.detail[0].loc]).to.deep.equal([422, ['body', 'expand_top']]);
    const inline = await submitToFal(endpoint(), key, OUTPAINT, { image_url: reference(64, 64).dataUrl });
    expect([inline.status, inline.body.detail[0].type]).to.deep.equal([422, 'url_scheme']);
    expect(await simCharged('fal', key), 'nothing refused at submit is billed').to.equal('0');
    // Over 4 MP: the runner reads the image, then refuses (a 422 fal may bill, as its FAQ says).
    const large = await uploadedToFal(await pngBlob(2048, 2048), key);
    const over = await submitToFal(endpoint('pending=20'), key, OUTPAINT, { image_url: large, expand_right: 1 });
    expect(over.status).to.equal(200);
    const result = await until(
      async () => {
        const reply = await fetch(over.body.response_url, { headers: { Authorization: `Key ${key}` } });
        return reply.status === 400 ? undefined : { status: reply.status, body: await reply.json() };
      },
      10_000,
      'the request ran',
    );
    expect([result.status, result.body.detail[0].msg]).to.deep.equal([
      422,
      'The expanded image, 2049×2048, is over 4 megapixels (4,194,304 pixels)',
    ]);
  });
});

describe('UserPays.generate, extending an image at fal', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  it('quotes the canvas and the image at fal’s rates, says the prompt is not sent, sends none, and books the quote', async () => {
    const run = unique();
    const apiKey = unique('fal-headless-extend');
    const result = await generate(
      {
        provider: 'fal',
        model: 'flux-outpainting',
        prompt: 'a sandy beach',
        edit: { image: await pngBlob(1024, 1024), kind: 'extend', extend: sides({ right: 512 }) },
      },
      { apiKey, storageKey: newStorageKey(), endpoint: falEndpoint(`pending=40;run=${run}`) },
    );
    // 1536×1024: $0.03 the first megapixel made, $0.015 the second, $0.015 the image's one.
    expect([result.quote.total, result.charged]).to.deep.equal(['0.06', '0.06']);
    expect(result.quote.note).to.equal(
      'FLUX Outpainting takes no instruction: it continues the image by itself, and “a sandy beach” is not sent.',
    );
    expect(await simCharged('fal', apiKey)).to.equal('0.06');
    expect(result.images[0]).to.include({ width: 1536, height: 1024 });
    const [sent] = (await simLogOf('fal', run)).filter((entry) => entry.path.endsWith('/fal-ai/flux-2-pro/outpaint'));
    expect(sent.path).to.match(/\/fal-ai\/flux-2-pro\/outpaint$/);
    expect(sent.asked).to.deep.equal({ expand_top: 0, expand_right: 512, expand_bottom: 0, expand_left: 0 });
    expect(sent.inputs).to.deep.equal([[1024, 1024]]);
  });
});

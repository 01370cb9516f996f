// The simulators in demo/sim/ are as strict as the real services (each rule's source is cited beside it there):
// Puter's Replicate and Together paths (ratios, sizes, reference counts, error shapes), BFL's 9 MP total and
// 4 MP references, fal's reference counts, and what their logs record. Plain fetch against the test server's
// own origin; every test uses a scenario key of its own (run=…) so that parallel test files never mix logs.
import { uploadedToFal } from '../support/fal-uploads.js';
import { expect } from '@open-wc/testing';
import {
  bflEndpoint,
  simCharges,
  simEndpoint,
  simLogOf,
  submissionsOf,
  submitToBfl,
  submitToFal,
  unique,
} from '../support/sim.js';
import { puterCalls, puterEndpoint, puterGenerate, puterUsage } from '../support/puter.js';

// ---------------------------------------------------------------------------------------------------------------
// Images

const cache = new Map<string, Promise<string>>();
/** Base64 (no data: prefix) of a w×h PNG drawn on an OffscreenCanvas. */
function pngBase64(width: number, height: number): Promise<string> {
  const key = `${width}x${height}`;
  let made = cache.get(key);
  if (!made) {
    made = (async () => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#4a7';
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#a47';
      context.fillRect(0, 0, width / 2, height / 2);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    })();
    cache.set(key, made);
  }
  return made;
}
const pngDataUrl = async (width: number, height: number) => `data:image/png;base64,${await pngBase64(width, height)}`;

/** Width and height of a PNG data URL, from its IHDR chunk. */
function pngSize(dataUrl: string): { width: number; height: number } {
  const head = atob(dataUrl.slice(dataUrl.indexOf(',') + 1, dataUrl.indexOf(',') + 1 + 44));
  const u32 = (at: number) =>
    ((head.charCodeAt(at) << 24) | (head.charCodeAt(at + 1) << 16) | (head.charCodeAt(at + 2) << 8)) +
    head.charCodeAt(at + 3);
  return { width: u32(16), height: u32(20) };
}

// ---------------------------------------------------------------------------------------------------------------
// Puter

interface PuterEntry {
  path: string;
  kind?: string;
  model?: string;
  ratio?: string;
  inputs?: number;
  used?: number;
}

interface PuterRun {
  run: string;
  token: string;
  /** One drivers/call generate; answers the status and the JSON body. */
  generate(args: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** Microcents left on the account. */
  remaining(): Promise<number>;
  /** The generate entries of this run's log. */
  log(): Promise<PuterEntry[]>;
}

async function puterRun(): Promise<PuterRun> {
  const run = unique('strict');
  const token = unique('token');
  // result=data: the image in the reply, to measure what was made (Puter itself answers with the model's URL).
  const api = puterEndpoint(`run=${run};result=data`);
  const made = await fetch(`${location.origin}/sim/puter/_account`, {
    method: 'POST',
    body: JSON.stringify({ token, balance: 50_000_000 }),
  });
  expect(made.status).to.equal(200);
  return {
    run,
    token,
    async generate(args) {
      const response = await puterGenerate(api, token, { prompt: 'a lighthouse at dusk', ...args });
      return { status: response.status, body: await response.json() };
    },
    async remaining() {
      return (await puterUsage(api, token)).allowanceInfo.remaining;
    },
    async log() {
      return (await puterCalls(run)) as unknown as PuterEntry[];
    },
  };
}

const RATIOS = ['1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'];

describe('Puter simulator: Replicate-served models', () => {
  it('reduces the ratio sent by the gcd and makes about 1 MP at it, sides multiples of 16', async () => {
    const puter = await puterRun();
    const cases: [Record<string, unknown>, string, [number, number]][] = [
      [{ model: 'flux-2-pro', ratio: { w: 1920, h: 1080 } }, '16:9', [1360, 768]],
      [{ model: 'flux-2-klein-4b', width: 1024, height: 1024 }, '1:1', [1024, 1024]],
      [{ model: 'flux-2-klein-9b', ratio: { w: 1023.6, h: 767.8 } }, '4:3', [1184, 880]], // each side rounded first
      [{ model: 'flux-2-klein-9b-base', ratio: { w: 2, h: 3 } }, '2:3', [832, 1248]],
      [{ model: 'flux-1.1-pro', ratio: { w: 16, h: 9 } }, '16:9', [1360, 768]],
    ];
    for (const [args, ratio, [width, height]] of cases) {
      const { status, body } = await puter.generate(args);
      expect(status, JSON.stringify(args)).to.equal(200);
      const size = pngSize(body.result);
      expect(size, ratio).to.deep.equal({ width, height });
      expect(size.width % 16).to.equal(0);
      expect(size.height % 16).to.equal(0);
      expect(Math.abs(size.width * size.height - 1024 * 1024)).to.be.below(1024 * 1024 * 0.02);
    }
    expect((await puter.log()).map((e) => e.ratio)).to.deep.equal(cases.map(([, ratio]) => ratio));
  });

  it('makes every ratio Replicate accepts at about 1 MP', async () => {
    const puter = await puterRun();
    for (const ratio of RATIOS) {
      const [w, h] = ratio.split(':').map(Number);
      const { status, body } = await puter.generate({ model: 'flux-2-klein-4b', ratio: { w: w * 64, h: h * 64 } });
      expect(status, ratio).to.equal(200);
      const size = pngSize(body.result);
      expect(size.width % 16, ratio).to.equal(0);
      expect(size.height % 16, ratio).to.equal(0);
      expect(size.width / size.height, ratio).to.be.closeTo(w / h, 0.02);
      expect(size.width * size.height, ratio).to.be.closeTo(1024 * 1024, 1024 * 1024 * 0.03);
    }
  });

  it('refuses a ratio outside Replicate’s list as Puter relays it: 400 upstream_bad_request, upstreamStatus 422', async () => {
    const puter = await puterRun();
    const before = await puter.remaining();
    const cases: [Record<string, unknown>, string][] = [
      [{ model: 'flux-2-klein-4b', width: 512, height: 256 }, '2:1'],
      [{ model: 'flux-2-pro', ratio: { w: 1360, h: 768 } }, '85:48'],
      [{ model: 'flux-2-klein-9b', ratio: { w: 21, h: 9 } }, '7:3'], // a "shape" is not expanded for Replicate
      [{ model: 'black-forest-labs/flux-2-klein-9b-base', ratio: { w: 1, h: 1.4 } }, '1:1'],
      [{ model: 'flux-1.1-pro', ratio: { w: 21, h: 9 } }, '7:3'],
    ];
    for (const [args, ratio] of cases) {
      const { status, body } = await puter.generate(args);
      if (ratio === '1:1') {
        // 1.4 rounds to 1: the ratio Replicate sees is 1:1, which it accepts.
        expect(status, JSON.stringify(args)).to.equal(200);
        continue;
      }
      expect(status, JSON.stringify(args)).to.equal(400);
      expect(body).to.include({ code: 'upstream_bad_request', upstreamStatus: 422 });
      expect(body.error).to.equal(body.message);
      expect(body.message).to.include(
        `input.aspect_ratio: aspect_ratio must be one of the following: ${RATIOS.map((r) => `\\"${r}\\"`).join(', ')}`,
      );
      expect(body.message).to.match(/failed with status 422/);
    }
    const log = await puter.log();
    expect(log.map((e) => e.ratio)).to.deep.equal(cases.map(([, ratio]) => ratio));
    // Refused upstream: nothing charged but the one accepted generation (FLUX.2 Klein 9B: 1.1 cents).
    expect(before - (await puter.remaining())).to.equal(1_100_000);
  });

  it('takes at most 4 references for [klein], 8 for FLUX.2 [pro]; more is a plain 400 bad_request', async () => {
    const puter = await puterRun();
    const ref = await pngDataUrl(64, 64);
    const refs = (n: number) => Array.from({ length: n }, () => ref);
    for (const [model, max] of [
      ['flux-2-klein-4b', 4],
      ['flux-2-klein-9b', 4],
      ['flux-2-klein-9b-base', 4],
      ['flux-2-pro', 8],
    ] as const) {
      // input_image and every input_images element count.
      const ok = await puter.generate({ model, input_image: ref, input_images: refs(max - 1) });
      expect(ok.status, `${model} × ${max}`).to.equal(200);
      const refused = await puter.generate({ model, input_image: ref, input_images: refs(max) });
      expect(refused.status, `${model} × ${max + 1}`).to.equal(400);
      expect(refused.body).to.deep.equal({
        error: `Replicate accepts at most ${max} input images for this model`,
        message: `Replicate accepts at most ${max} input images for this model`,
        code: 'bad_request',
      });
    }
    const log = await puter.log();
    expect(log.map((e) => [e.inputs, e.used])).to.deep.equal([
      [4, 4],
      [5, undefined],
      [4, 4],
      [5, undefined],
      [4, 4],
      [5, undefined],
      [8, 8],
      [9, undefined],
    ]);
  });

  it('takes exactly one reference for FLUX 1.1 [pro] (image_prompt), from input_image', async () => {
    const puter = await puterRun();
    const ref = await pngDataUrl(64, 64);
    const message =
      'Replicate supports only a single input image; pass one image via input_image or a single-element input_images.';
    for (const args of [{ input_image: ref, input_images: [ref] }, { input_images: [ref, ref] }]) {
      const { status, body } = await puter.generate({ model: 'flux-1.1-pro', ...args });
      expect(status).to.equal(400);
      expect(body).to.deep.equal({ error: message, message, code: 'bad_request' });
    }
    expect((await puter.generate({ model: 'flux-1.1-pro', input_image: ref })).status).to.equal(200);
    // Puter reads only input_image for this model: a lone input_images element is dropped.
    expect((await puter.generate({ model: 'flux-1.1-pro', input_images: [ref] })).status).to.equal(200);
    const log = await puter.log();
    expect(log.map((e) => [e.inputs, e.used])).to.deep.equal([
      [2, undefined],
      [2, undefined],
      [1, 1],
      [1, 0],
    ]);
  });

  it('bills run + output_mp × 1 + input_mp × Σ⌈ref px / 10⁶⌉ as before', async () => {
    const puter = await puterRun();
    const before = await puter.remaining();
    // FLUX.2 [pro]: run 1.5 + output 1.5 + input 1.5 × (⌈1500·1000 / 10⁶⌉ = 2, + 1) = 7.5 cents.
    const { status } = await puter.generate({
      model: 'flux-2-pro',
      ratio: { w: 3, h: 2 },
      input_image: await pngDataUrl(1500, 1000),
      input_images: [await pngDataUrl(64, 64)],
    });
    expect(status).to.equal(200);
    expect(before - (await puter.remaining())).to.equal(7_500_000);
  });
});

describe('Puter simulator: Together-served models', () => {
  it('snaps each side to max(64, round(v / 8) · 8) and bills the pixel pair as received, before snapping', async () => {
    const puter = await puterRun();
    const cases: [Record<string, unknown>, [number, number], number][] = [
      [{ model: 'togetherai:black-forest-labs/flux.2-max', width: 1001, height: 599 }, [1000, 600], 1001 * 599],
      [{ model: 'black-forest-labs/FLUX.2-max', ratio: { w: 16, h: 9 } }, [64, 64], 16 * 9], // pixels, as Puter reads it
      [{ model: 'FLUX.2-max', ratio: { w: 1028, h: 1020 } }, [1032, 1024], 1028 * 1020],
    ];
    for (const [args, [width, height], billed] of cases) {
      const before = await puter.remaining();
      const { status, body } = await puter.generate(args);
      expect(status, JSON.stringify(args)).to.equal(200);
      expect(pngSize(body.result)).to.deep.equal({ width, height });
      // 7 cents per 10⁶ px of the pair received (TogetherImageProvider.ts l.141-148), in microcents.
      expect(before - (await puter.remaining()), JSON.stringify(args)).to.equal(Math.round(7 * billed));
    }
    expect((await puter.log()).map((e) => e.ratio)).to.deep.equal(cases.map(([, [w, h]]) => `${w}x${h}`));
  });

  it('snaps the other Together models the same way', async () => {
    const puter = await puterRun();
    const { status, body } = await puter.generate({ model: 'flux.2-flex', width: 515, height: 1027 });
    expect(status).to.equal(200);
    expect(pngSize(body.result)).to.deep.equal({ width: 512, height: 1024 });
  });

  it('takes one reference: more than one input_images element is refused; input_image wins over input_images[0]', async () => {
    const puter = await puterRun();
    const ref = await pngDataUrl(64, 64);
    const message =
      'Together AI supports only a single input image; pass one image via input_image or a single-element input_images.';
    for (const model of ['flux.2-flex', 'flux.2-max', 'flux.1-kontext-pro', 'flux.1-kontext-max']) {
      const refused = await puter.generate({ model, input_images: [ref, ref] });
      expect(refused.status, model).to.equal(400);
      expect(refused.body).to.deep.equal({ error: message, message, code: 'bad_request' });
      const kept = await puter.generate({ model, input_image: ref, input_images: [ref] });
      expect(kept.status, model).to.equal(200);
    }
    expect((await puter.generate({ model: 'flux.1-kontext-max', input_images: [ref] })).status).to.equal(200);
    const log = await puter.log();
    expect(log.map((e) => [e.inputs, e.used])).to.deep.equal([
      [2, undefined],
      [2, 1],
      [2, undefined],
      [2, 1],
      [2, undefined],
      [2, 1],
      [2, undefined],
      [2, 1],
      [1, 1],
    ]);
  });

  it('refuses Kontext [pro]/[max] without an input image', async () => {
    const puter = await puterRun();
    for (const model of ['flux.1-kontext-pro', 'black-forest-labs/FLUX.1-kontext-max']) {
      const { status, body } = await puter.generate({ model });
      expect(status, model).to.equal(400);
      // TogetherImageProvider.ts #buildRequest: the model as sent to Together (its id without `togetherai:`).
      const id = model.includes('max')
        ? 'black-forest-labs/flux.1-kontext-max'
        : 'black-forest-labs/flux.1-kontext-pro';
      const said = `Model ${id} requires an image_url or image_base64 input`;
      expect(body).to.deep.equal({ error: said, message: said, code: 'bad_request' });
    }
    const log = await puter.log();
    expect(log.map((e) => [e.inputs, e.used])).to.deep.equal([
      [0, 0],
      [0, 0],
    ]);
  });

  it('never logs the token', async () => {
    const puter = await puterRun();
    await puter.generate({ model: 'flux.2-max' });
    const log = await (await fetch(`${location.origin}/sim/puter/_log`)).text();
    expect(log).to.include(puter.run);
    expect(log).not.to.include(puter.token);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// BFL

/** A task submitted to the BFL simulator (run `run`, a fresh key), "a lighthouse at dusk" with `body`. */
const bflSubmit = (run: string, model: string, body: object) =>
  submitToBfl(bflEndpoint(`run=${run}`), unique('key'), model, { prompt: 'a lighthouse at dusk', ...body });

describe('BFL simulator: references', () => {
  it('refuses FLUX.2 output + references over 9 MP with a 422 on input_image', async () => {
    const run = unique('bfl');
    const two = await pngBase64(2048, 1024); // 2 MP
    // [pro]: 1 MP out + 4 × 2 MP = 9 MP: accepted.
    const ok = await bflSubmit(run, 'flux-2-pro', {
      width: 1024,
      height: 1024,
      input_image: two,
      input_image_2: two,
      input_image_3: two,
      input_image_4: two,
    });
    expect(ok.status).to.equal(200);
    expect(ok.body.input_mp).to.equal(8);
    // 4 MP out + 3 × 2 MP = 10 MP, on every FLUX.2 model.
    for (const model of ['flux-2-pro', 'flux-2-klein-4b', 'flux-2-klein-9b', 'flux-2-flex', 'flux-2-max']) {
      const { status, body } = await bflSubmit(run, model, {
        width: 2048,
        height: 2048,
        input_image: two,
        input_image_2: two,
        input_image_3: two,
      });
      expect(status, model).to.equal(422);
      expect(body.detail).to.have.length(1);
      expect(body.detail[0]).to.include({ type: 'value_error' });
      expect(body.detail[0].loc).to.deep.equal(['body', 'input_image']);
      expect(body.detail[0].msg).to.include('9 megapixels');
    }
    // Megapixels are pixels / 1024², not rounded: 1 MP out + 7 × 1.0625 MP (1088×1024) = 8.44 MP passes,
    // 1 + 8 × 1.0625 = 9.5 MP does not.
    const near = await pngBase64(1088, 1024);
    const refs = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [i ? `input_image_${i + 1}` : 'input_image', near]));
    expect((await bflSubmit(run, 'flux-2-pro', { width: 1024, height: 1024, ...refs(7) })).status).to.equal(200);
    expect((await bflSubmit(run, 'flux-2-pro', { width: 1024, height: 1024, ...refs(8) })).status).to.equal(422);
  });

  it('bills a reference over 4 MP as resized to 4 MP and counts it so in the 9 MP total', async () => {
    const run = unique('bfl');
    const big = await pngBase64(3000, 2000); // 6,000,000 px ≈ 5.72 MP
    // 4 MP out + 5.72 MP would pass 9 MP; resized to 4 MP it does not: 8 MP.
    const { status, body } = await bflSubmit(run, 'flux-2-pro', { width: 2048, height: 2048, input_image: big });
    expect(status).to.equal(200);
    // [pro]: 3 credits the first MP, 1.5 each further output MP (3) and each input MP (4, not 6).
    expect(body.cost).to.equal(3 + 3 * 1.5 + 4 * 1.5);
    expect(body.input_mp).to.equal(4);
    expect(body.output_mp).to.equal(4);
    // The log shows what reached BFL: the full size.
    const [entry] = await submissionsOf('bfl', run);
    expect(entry.inputs).to.deep.equal([[3000, 2000]]);
    // At 1 MP out: 3 + 4 × 1.5.
    const small = await bflSubmit(run, 'flux-2-pro', { width: 1024, height: 1024, input_image: big });
    expect(small.body.cost).to.equal(3 + 4 * 1.5);
    expect(small.body.input_mp).to.equal(4);
  });

  it('logs the pixel sizes of the references received, in field order', async () => {
    const run = unique('bfl');
    await bflSubmit(run, 'flux-2-klein-4b', {
      width: 512,
      height: 512,
      input_image: await pngBase64(64, 64),
      input_image_2: await pngBase64(128, 64),
      input_image_4: await pngBase64(64, 96),
    });
    await bflSubmit(run, 'flux-kontext-pro', { input_image: await pngBase64(320, 200) });
    await bflSubmit(run, 'flux-pro-1.1', { width: 1024, height: 768 });
    const log = await submissionsOf('bfl', run);
    expect(log.map((e) => e.inputs)).to.deep.equal([
      [
        [64, 64],
        [128, 64],
        [64, 96],
      ],
      [[320, 200]],
      [],
    ]);
  });
});

describe('BFL simulator: the model’s own controls, as BFL’s schemas take them', () => {
  /** The status and the FastAPI `detail` of submitting `body` to `model`, each field refused listed by its loc. */
  async function bflRefusal(model: string, body: object) {
    const { status, body: reply } = await bflSubmit(unique('bfl'), model, body);
    return { status, refused: status === 422 ? reply.detail.map((d: { loc: string[]; type: string }) => d.type) : [] };
  }
  const accepted = { status: 200, refused: [] };

  it('prompt_upsampling: a boolean (null on [flex] and Fill); not a field of [klein], which ignores it', async () => {
    expect(await bflRefusal('flux-2-pro', { prompt_upsampling: false })).to.deep.equal(accepted);
    expect(await bflRefusal('flux-2-pro', { prompt_upsampling: 'false' })).to.deep.equal({
      status: 422,
      refused: ['bool_type'],
    });
    expect(await bflRefusal('flux-kontext-pro', { prompt_upsampling: 1 })).to.include({ status: 422 });
    expect(await bflRefusal('flux-pro-1.1', { prompt_upsampling: null })).to.include({ status: 422 });
    expect(await bflRefusal('flux-2-flex', { prompt_upsampling: null })).to.deep.equal(accepted);
    expect(await bflRefusal('flux-2-klein-4b', { prompt_upsampling: 'anything' })).to.deep.equal(accepted);
  });

  it('safety_tolerance: an integer, 0–5 on FLUX.2, 0–6 on FLUX.1', async () => {
    expect(await bflRefusal('flux-2-klein-4b', { safety_tolerance: 5 })).to.deep.equal(accepted);
    expect(await bflRefusal('flux-2-max', { safety_tolerance: 6 })).to.deep.equal({
      status: 422,
      refused: ['less_than_equal'],
    });
    expect(await bflRefusal('flux-kontext-pro', { safety_tolerance: 6 })).to.deep.equal(accepted);
    expect((await bflRefusal('flux-kontext-max', { safety_tolerance: 7 })).refused).to.deep.equal(['less_than_equal']);
    expect((await bflRefusal('flux-2-pro', { safety_tolerance: -1 })).refused).to.deep.equal(['greater_than_equal']);
    expect((await bflRefusal('flux-2-pro', { safety_tolerance: 2.5 })).refused).to.deep.equal(['int_type']);
    expect((await bflRefusal('flux-2-pro', { safety_tolerance: '4' })).refused).to.deep.equal(['int_type']);
  });

  it('output_format: jpeg, png or webp (or null)', async () => {
    for (const format of ['jpeg', 'png', 'webp', null])
      expect(await bflRefusal('flux-2-pro', { output_format: format }), String(format)).to.deep.equal(accepted);
    const { status, body } = await bflSubmit(unique('bfl'), 'flux-pro-1.1', { output_format: 'gif' });
    expect(status).to.equal(422);
    expect(body.detail).to.deep.equal([
      { loc: ['body', 'output_format'], msg: "Input should be 'jpeg', 'png' or 'webp'", type: 'enum' },
    ]);
  });

  it('[flex]: steps an integer 1–50 and guidance 1.5–10; Fill: 15–50 and 1.5–100', async () => {
    expect(await bflRefusal('flux-2-flex', { steps: 1, guidance: 10 })).to.deep.equal(accepted);
    expect((await bflRefusal('flux-2-flex', { steps: 51, guidance: 1.4 })).refused).to.deep.equal([
      'less_than_equal',
      'greater_than_equal',
    ]);
    expect((await bflRefusal('flux-2-flex', { steps: 20.5 })).refused).to.deep.equal(['int_type']);
    const image = await pngBase64(512, 512);
    expect(await bflRefusal('flux-pro-1.0-fill', { image, steps: 15, guidance: 100 })).to.deep.equal(accepted);
    expect((await bflRefusal('flux-pro-1.0-fill', { image, steps: 14 })).refused).to.deep.equal(['greater_than_equal']);
  });

  it('Ultra: raw a boolean, image_prompt_strength a number 0–1', async () => {
    expect(await bflRefusal('flux-pro-1.1-ultra', { raw: true, image_prompt_strength: 1 })).to.deep.equal(accepted);
    expect((await bflRefusal('flux-pro-1.1-ultra', { raw: 'yes', image_prompt_strength: 1.1 })).refused).to.deep.equal([
      'bool_type',
      'less_than_equal',
    ]);
  });

  it('rewrites the prompt where prompt_upsampling is on (by default on [pro], [max], [flex]) and says it in result.prompt', async () => {
    /** The Ready reply's `result.prompt` of a task of `model` submitted with `body`. */
    async function used(model: string, body: object) {
      const { body: task } = await bflSubmit(`${unique('bfl')};pending=50`, model, body);
      for (;;) {
        const reply = await (await fetch(task.polling_url)).json();
        if (reply.status === 'Ready') return reply.result.prompt;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const sent = 'a lighthouse at dusk';
    for (const model of ['flux-2-pro', 'flux-2-max', 'flux-2-flex']) {
      const rewritten = await used(model, {});
      expect(rewritten, model).to.contain(sent);
      expect(rewritten.length, model).to.be.greaterThan(sent.length);
      expect(await used(model, { prompt_upsampling: false }), model).to.equal(sent);
    }
    expect(await used('flux-kontext-pro', {})).to.equal(sent);
    expect(await used('flux-kontext-pro', { prompt_upsampling: true })).to.not.equal(sent);
    expect(await used('flux-2-klein-4b', { prompt_upsampling: true })).to.equal(sent);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// fal

/** A request submitted to the fal simulator's `endpoint` (run `run`), "a lighthouse at dusk" with `body`. */
const falSubmit = (run: string, endpoint: string, body: object) =>
  submitToFal(simEndpoint('fal', `run=${run}`), 'strict-test', endpoint, { prompt: 'a lighthouse at dusk', ...body });

// ---------------------------------------------------------------------------------------------------------------
// OpenRouter

describe('OpenRouter simulator: the image API bills all or nothing', () => {
  /** Asks for an image with `key` under `scenario` and goes away after `ms` (the request aborted): its log entry. */
  async function abandoned(scenario: string, key: string) {
    const run = unique('or');
    const controller = new AbortController();
    const sent = fetch(`${simEndpoint('openrouter', `run=${run};pending=600;${scenario}`)}/api/v1/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'black-forest-labs/flux.2-klein-4b', prompt: 'a lighthouse', size: '1024x1024' }),
      signal: controller.signal,
    }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    expect(await sent).to.be.instanceOf(Error);
    await new Promise((resolve) => setTimeout(resolve, 800)); // past the generation time
    return (await simLogOf('openrouter', run)).find((entry) => entry.path.endsWith('/api/v1/images'));
  }

  it('a request whose client went away mid-generation is not charged; `abandoned=charged` charges it', async () => {
    const left = unique('sim-left');
    expect(await abandoned('', left)).to.include({ abandoned: true });
    expect(await simCharges('openrouter', left)).to.include({ usd: '0', images: 0 });
    const charged = unique('sim-charged');
    await abandoned('abandoned=charged', charged);
    expect(await simCharges('openrouter', charged)).to.include({ usd: '0.014', images: 1 });
  });
});

describe('fal simulator: references', () => {
  it('takes at most 4 image_urls on [klein] edit and 8 on [pro]/[flex]/[max] edit', async () => {
    const run = unique('fal');
    const ref = await uploadedToFal(await pngDataUrl(64, 64), 'strict-test');
    for (const [endpoint, max] of [
      ['fal-ai/flux-2/klein/4b/edit', 4],
      ['fal-ai/flux-2/klein/9b/edit', 4],
      ['fal-ai/flux-2-pro/edit', 8],
      ['fal-ai/flux-2-flex/edit', 8],
      ['fal-ai/flux-2-max/edit', 8],
    ] as const) {
      const ok = await falSubmit(run, endpoint, { image_urls: Array(max).fill(ref) });
      expect(ok.status, `${endpoint} × ${max}`).to.equal(200);
      const refused = await falSubmit(run, endpoint, { image_urls: Array(max + 1).fill(ref) });
      expect(refused.status, `${endpoint} × ${max + 1}`).to.equal(422);
      expect(refused.body.detail[0].loc).to.deep.equal(['body', 'image_urls']);
      expect(refused.body.detail[0].type).to.equal('too_long');
    }
  });

  it('logs each image_urls entry as its file reads: null for one it cannot download', async () => {
    const run = unique('fal');
    const upload = async (width: number, height: number) =>
      uploadedToFal(await pngDataUrl(width, height), 'strict-test');
    await falSubmit(run, 'fal-ai/flux-2-pro/edit', {
      image_urls: [await upload(96, 64), 'https://example.com/cat.png', await upload(64, 128)],
    });
    await falSubmit(run, 'fal-ai/flux-2/klein/4b/edit', { image_urls: Array(5).fill(await upload(64, 64)) });
    await falSubmit(run, 'fal-ai/flux-2-pro', { image_size: 'square' });
    const submits = await submissionsOf('fal', run);
    expect(submits.map((e) => e.inputs)).to.deep.equal([
      [[96, 64], null, [64, 128]],
      Array(5).fill([64, 64]),
      undefined,
    ]);
  });
});

describe('fal simulator: the Platform API refuses in its own envelope, not the queue’s', () => {
  /** GET `path` of the Platform API at the simulator (run of its own), with `key` where given: status and reply. */
  async function platform(path: string, key?: string) {
    const response = await fetch(`${simEndpoint('fal', `run=${unique('fal')}`)}${path}`, {
      headers: key ? { authorization: `Key ${key}` } : {},
    });
    return { status: response.status, body: await response.json() };
  }
  const SEEDREAM = 'fal-ai/bytedance/seedream/v4.5/text-to-image';

  it('pricing: 401 without a key, 400 for no ids or over 50, 404 for an id fal does not serve; {error: {type, message}}', async () => {
    const types = async (path: string, key?: string) => {
      const { status, body } = await platform(path, key);
      expect(Object.keys(body), path).to.deep.equal(['error']);
      expect(body.error.message, path).to.be.a('string').and.not.equal('');
      return [status, body.error.type];
    };
    expect(await types(`/v1/models/pricing?endpoint_id=${SEEDREAM}`)).to.deep.equal([401, 'authorization_error']);
    expect(await types('/v1/models/pricing', 'k')).to.deep.equal([400, 'validation_error']);
    const many = Array.from({ length: 51 }, () => SEEDREAM).join(',');
    expect(await types(`/v1/models/pricing?endpoint_id=${many}`, 'k')).to.deep.equal([400, 'validation_error']);
    expect(await types(`/v1/models/pricing?endpoint_id=${SEEDREAM},fal-ai/no-such-model`, 'k')).to.deep.equal([
      404,
      'not_found',
    ]);
    const fifty = Array.from({ length: 50 }, () => SEEDREAM).join(',');
    expect((await platform(`/v1/models/pricing?endpoint_id=${fifty}`, 'k')).status).to.equal(200);
  });

  it('billing: 401 without a key, 403 for a key that is not an Admin key', async () => {
    const none = await platform('/v1/account/billing?expand=credits');
    expect([none.status, none.body.error?.type]).to.deep.equal([401, 'authorization_error']);
    const plain = await platform('/v1/account/billing?expand=credits', 'not-an-admin-key');
    expect([plain.status, plain.body.error?.type]).to.deep.equal([403, 'authorization_error']);
    expect((await platform('/v1/account/billing?expand=credits', unique('sim-admin'))).status).to.equal(200);
  });
});

describe('fal simulator: the model’s own controls, as its endpoints’ input types take them', () => {
  /** The error types of submitting `body` to `endpoint` (none: accepted). */
  async function falRefusal(endpoint: string, body: object) {
    const { status, body: reply } = await falSubmit(unique('fal'), endpoint, body);
    return status === 422 ? reply.detail.map((d: { type: string }) => d.type) : [status];
  }

  it('safety_tolerance on [pro], [flex], [max]: one of the strings "1" … "5", not a number', async () => {
    for (const endpoint of ['fal-ai/flux-2-pro', 'fal-ai/flux-2-flex', 'fal-ai/flux-2-max']) {
      expect(await falRefusal(endpoint, { safety_tolerance: '5' }), endpoint).to.deep.equal([200]);
      expect(await falRefusal(endpoint, { safety_tolerance: 4 }), endpoint).to.deep.equal(['enum']);
      expect(await falRefusal(endpoint, { safety_tolerance: '6' }), endpoint).to.deep.equal(['enum']);
    }
    const { body } = await falSubmit(unique('fal'), 'fal-ai/flux-2-pro', { safety_tolerance: '0' });
    expect(body.detail[0]).to.deep.equal({
      loc: ['body', 'safety_tolerance'],
      msg: "Input should be '1', '2', '3', '4' or '5'",
      type: 'enum',
    });
    // [klein] has none: ignored.
    expect(await falRefusal('fal-ai/flux-2/klein/4b', { safety_tolerance: 4 })).to.deep.equal([200]);
  });

  it('output_format: jpeg or png on [pro], [flex], [max]; webp too on [klein] and [dev]', async () => {
    expect(await falRefusal('fal-ai/flux-2-max', { output_format: 'png' })).to.deep.equal([200]);
    expect(await falRefusal('fal-ai/flux-2-max', { output_format: 'webp' })).to.deep.equal(['enum']);
    expect(await falRefusal('fal-ai/flux-2/klein/9b', { output_format: 'webp' })).to.deep.equal([200]);
    expect(await falRefusal('fal-ai/flux-2', { output_format: 'gif' })).to.deep.equal(['enum']);
  });

  it('enable_prompt_expansion on [dev]: a boolean, the expanded prompt the result’s `prompt`', async () => {
    const dev = { image_size: { width: 512, height: 512 } };
    expect(await falRefusal('fal-ai/flux-2', { ...dev, enable_prompt_expansion: 'yes' })).to.deep.equal(['bool_type']);
    const key = unique('fal-key');
    const { body: task } = await submitToFal(
      simEndpoint('fal', `run=${unique('fal')};pending=50`),
      key,
      'fal-ai/flux-2',
      {
        ...dev,
        prompt: 'a lighthouse at dusk',
        enable_prompt_expansion: true,
      },
    );
    const headers = { Authorization: `Key ${key}` };
    while ((await (await fetch(task.status_url, { headers })).json()).status !== 'COMPLETED')
      await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await (await fetch(task.response_url, { headers })).json();
    expect(result.prompt).to.contain('a lighthouse at dusk').and.not.equal('a lighthouse at dusk');
  });
});

describe('Puter simulator: the demo’s forced balance', () => {
  it('gives the account its balance back, less what it spent meanwhile, once a scenario no longer forces one', async () => {
    const token = unique('token');
    await fetch(`${location.origin}/sim/puter/_account`, {
      method: 'POST',
      body: JSON.stringify({ token, balance: 50_000_000 }),
    });
    const usage = async (scenario: string) =>
      (await puterUsage(puterEndpoint(scenario), token)).allowanceInfo.remaining as number;
    expect(await usage('balance=1500000')).to.equal(1_500_000);
    const args = { prompt: 'a lighthouse at dusk', model: 'flux-2-klein-4b' };
    const generated = await puterGenerate(puterEndpoint('balance=1500000'), token, args);
    expect(generated.status).to.equal(200);
    const spent = 1_500_000 - (await usage('balance=1500000'));
    expect(spent).to.be.greaterThan(0);
    expect(await usage('')).to.equal(50_000_000 - spent);
  });
});

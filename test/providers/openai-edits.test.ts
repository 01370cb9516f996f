// Edits with GPT Image at OpenAI (SPEC §13): the adapter against the simulator's OpenAI over real HTTP across origins,
// and the simulator itself asked as a page would ask OpenAI. The edit goes to `/v1/images/edits` as multipart (each
// image an `image[]` part, a masked edit's mask a PNG whose alpha is 0 exactly where the user painted), its `usage`
// booked as a generation's is, and what OpenAI would refuse (or GPT Image cannot do) refused before anything is sent.
// Holds: src/providers/openai/edit-request.ts
// Holds: src/base/image-bytes.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { OpenAiProvider } from '../../src/providers/openai/adapter.js';
import type { ProviderOutcome, ProviderRequest, ReferenceImage } from '../../src/providers/provider.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { referenceImage } from '../support/images.js';
import { MASKED_EDIT_FIELDS } from '../support/openai-edits.js';
import { paintedMask, pixelsOf, pngOfType } from '../support/png-pixels.js';
import { pageFetch, simCharged, simEndpoint, submissionsOf, unique } from '../support/sim.js';

/** A day every GPT Image model the tests name was served (GPT Image 1 shut down on 2026-10-23). */
const SERVED = '2026-09-01T12:00:00Z';
const PROMPT = 'make the sky purple'; // 19 bytes: 5 tokens, as the simulator counts them
const RATES_15 = { textIn: '5', imageIn: '8', imageOut: '32', textOut: '10' };

/** The simulator's OpenAI under `run` (and more of a scenario), on the other loopback name: cross-origin, as OpenAI. */
const openaiAt = (run: string, more = '') =>
  simEndpoint('openai', `now=${SERVED};pending=20;run=${run}${more}`, {
    crossOrigin: true,
  });

/** What the page sent to the edits call: its URL, headers and body, as the adapter gave them to `fetch`. */
interface Sent {
  url: string;
  headers: Headers;
  body: unknown;
}

/** Records every fetch of the page while a test runs (the list emptied before each test, `fetch` restored after). */
function recordBodies(): Sent[] {
  const sent: Sent[] = [];
  const realFetch = window.fetch;
  beforeEach(() => {
    sent.length = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      sent.push({ url, headers: new Headers(init?.headers), body: init?.body });
      return realFetch(input, init);
    };
  });
  afterEach(() => (window.fetch = realFetch));
  return sent;
}

/** An edit by GPT Image `model` (at OpenAI's rates for 1.5 unless said) of `image`, under `run`, with a key of its own. */
function edit(run: string, request: Partial<ProviderRequest> & Pick<ProviderRequest, 'edit'>, model = 'gpt-image-1.5') {
  const apiKey = unique('sk-edit');
  const image = referenceImage(1024, 1024);
  const outcome = new OpenAiProvider().generate(
    {
      model,
      prompt: PROMPT,
      width: 1024,
      height: 1024,
      quality: 'low',
      inputs: [image],
      wiring: { model, rates: RATES_15 },
      ...request,
    },
    { endpoint: openaiAt(run), apiKey, signal: new AbortController().signal },
  );
  return { apiKey, image, outcome };
}

/** A refusal the promise settles to (it must not resolve). */
const refusalOf = (promise: Promise<ProviderOutcome>) =>
  promise.then(
    () => expect.fail('the edit should have been refused'),
    (error: UserPaysError) => error,
  );

/** A rectangle painted on a 1024² image: x 100–339, y 200–519, and one pixel apart at (700, 10). */
const painted = (x: number, y: number) => (x >= 100 && x < 340 && y >= 200 && y < 520) || (x === 700 && y === 10);

describe('GPT Image edits at OpenAI', function () {
  this.timeout(20_000);
  const sent = recordBodies();
  const editsSent = () => sent.filter((request) => request.url.includes('/v1/images/edits'));

  it('an instruction edit goes as multipart to /v1/images/edits: the image as image[], no mask, its usage booked', async () => {
    const run = unique('edit-instruction');
    const { apiKey, outcome } = edit(run, { edit: { kind: 'instruction' } });
    const result = await outcome;
    const [request] = editsSent();
    expect(request.body).to.be.instanceOf(FormData);
    // The browser sets the multipart type and its boundary: the adapter names no content type.
    expect(request.headers.has('content-type')).to.equal(false);
    const form = request.body as FormData;
    expect([...form.keys()]).to.deep.equal(['model', 'prompt', 'image[]', 'n', 'size', 'quality', 'input_fidelity']);
    expect((form.get('image[]') as File).type).to.equal('image/png');
    // The key went to the endpoint's origin only.
    const carrying = sent.filter((each) => each.headers.get('authorization')?.includes(apiKey));
    expect(new Set(carrying.map((each) => new URL(each.url).origin))).to.deep.equal(
      new Set([new URL(openaiAt(run)).origin]),
    );
    const [received] = await submissionsOf('openai', run);
    expect(received.path).to.match(/\/v1\/images\/edits$/);
    expect(received.asked).to.deep.include({ model: 'gpt-image-1.5', size: '1024x1024', quality: 'low', n: 1 });
    expect(received.asked!.parts).to.deep.equal([
      'model',
      'prompt',
      'image[]',
      'n',
      'size',
      'quality',
      'input_fidelity',
    ]);
    expect(received.asked!.images).to.have.length(1);
    expect(received.asked!.images[0]).to.deep.include({ type: 'png', width: 1024, height: 1024 });
    expect(received.asked!.mask).to.equal(undefined);
    // usage: 5 text tokens in at $5/M, 1,536 image tokens in at $8/M (the simulator's figure for a 1024² image), 272
    // out at low 1024² at $32/M and 420 of text at $10/M: booked exactly, as the simulator billed.
    expect(result.charge?.usd).to.equal('0.025217');
    expect(new Decimal(await simCharged('openai', apiKey)).eq(result.charge!.usd)).to.equal(true);
    expect(result.image.width).to.equal(1024);
  });

  it('a mask edit sends a PNG whose alpha is 0 exactly on the painted pixels and 255 elsewhere', async () => {
    const run = unique('edit-mask');
    const mask = await paintedMask(1024, 1024, painted);
    const { image, outcome } = edit(run, { edit: { kind: 'mask', mask } });
    const result = await outcome;
    const form = editsSent()[0].body as FormData;
    expect([...form.keys()]).to.deep.equal(MASKED_EDIT_FIELDS);
    const sentMask = form.get('mask') as File;
    expect(sentMask.type).to.equal('image/png');
    const { width, height, data } = await pixelsOf(sentMask);
    expect([width, height]).to.deep.equal([1024, 1024]);
    let wrong = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) if (data[(y * width + x) * 4 + 3] !== (painted(x, y) ? 0 : 255)) wrong++;
    expect(wrong, 'pixels whose alpha is not what was painted').to.equal(0);
    const [received] = await submissionsOf('openai', run);
    expect(received.asked!.mask).to.deep.include({ type: 'png', width: 1024, height: 1024, alpha: true });
    // As GPT Image does, the simulator repaints what the mask keeps too: the result differs from the image there.
    const [before, after] = await Promise.all([
      pixelsOf(await (await pageFetch(image.dataUrl)).blob()),
      pixelsOf(result.image.blob!),
    ]);
    const kept = (10 * 1024 + 10) * 4;
    expect([...after.data.subarray(kept, kept + 3)]).not.to.deep.equal([...before.data.subarray(kept, kept + 3)]);
  });

  it('input_fidelity "high" goes to gpt-image-1.5 and gpt-image-1, never to 1-mini (which refuses it) nor to 2 (which ignores it)', async () => {
    const fidelity = async (model: string) => {
      const run = unique('edit-fidelity');
      await edit(run, { edit: { kind: 'instruction' } }, model).outcome;
      return (await submissionsOf('openai', run))[0].asked!.input_fidelity;
    };
    expect(await fidelity('gpt-image-1.5')).to.equal('high');
    expect(await fidelity('gpt-image-1')).to.equal('high');
    expect(await fidelity('gpt-image-1-mini')).to.equal(undefined);
    expect(await fidelity('gpt-image-2')).to.equal(undefined);
  });

  it('a mask of another size than the image is refused in words before anything is sent', async () => {
    const run = unique('edit-mask-size');
    const mask = await paintedMask(512, 512, painted);
    const error = await refusalOf(edit(run, { edit: { kind: 'mask', mask } }).outcome);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.contain('512×512').and.contain('1024×1024');
    expect(editsSent()).to.deep.equal([]);
    expect(await submissionsOf('openai', run)).to.deep.equal([]);
  });

  it('an erase is refused in words before anything is sent: GPT Image edits only by an instruction', async () => {
    const run = unique('edit-erase');
    const mask = await paintedMask(1024, 1024, painted);
    const error = await refusalOf(edit(run, { edit: { kind: 'erase', mask } }).outcome);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.match(/cannot erase/);
    expect(editsSent()).to.deep.equal([]);
    expect(await submissionsOf('openai', run)).to.deep.equal([]);
  });

  it('images attached to a GPT Image generation go as an instruction edit of the first, each an image[]', async () => {
    const run = unique('edit-references');
    const second: ReferenceImage = referenceImage(512, 512, 'image/jpeg');
    await edit(run, { edit: undefined, inputs: [referenceImage(1024, 1024), second] }).outcome;
    const [received] = await submissionsOf('openai', run);
    expect(received.path).to.match(/\/v1\/images\/edits$/);
    expect(received.asked!.images.map(({ type }: { type: string }) => type)).to.deep.equal(['png', 'jpeg']);
  });
});

/** POSTs `parts` as multipart to the simulator's edits call under `scenario`, as a page would to OpenAI. */
async function postEdit(parts: [string, string | Blob][], scenario = '') {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, name === 'mask' ? 'mask.png' : 'image.png');
  }
  const url = `${simEndpoint('openai', `now=${SERVED};pending=20;run=${unique('sim-edit')}${scenario}`, { crossOrigin: true })}/v1/images/edits`;
  const response = await pageFetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${unique('sk')}` },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

describe('The OpenAI simulator’s edits call, as strict as OpenAI', function () {
  this.timeout(20_000);
  const image = async () => await pngOfType(64, 48, 2, [40, 90, 160]);
  const fields = (model = 'gpt-image-1.5'): [string, string][] => [
    ['model', model],
    ['prompt', 'make it night'],
    ['size', '1024x1024'],
  ];

  it('answers an edit with a new image, and its usage with the images’ tokens in', async () => {
    const { status, body } = await postEdit([...fields(), ['image[]', await image()], ['image[]', await image()]]);
    expect(status).to.equal(200);
    expect(body.data[0].b64_json).to.be.a('string');
    expect(body.usage.input_tokens_details).to.deep.equal({ image_tokens: 2 * 1536, text_tokens: 4 });
    expect(body.usage.input_tokens).to.equal(2 * 1536 + 4);
    expect(body).to.include({ size: '1024x1024', output_format: 'png' });
  });

  it('refuses a mask of another size, one without alpha, and one that is no PNG, naming the mask', async () => {
    const refusal = async (mask: Blob) => {
      const { status, body } = await postEdit([...fields(), ['image[]', await image()], ['mask', mask]]);
      expect(status).to.equal(400);
      expect(body.error).to.include({ type: 'invalid_request_error', param: 'mask' });
      return body.error.message as string;
    };
    expect(await refusal(await pngOfType(64, 64, 6, [0, 0, 0, 0])))
      .to.contain('64x64')
      .and.contain('64x48');
    expect(await refusal(await pngOfType(64, 48, 2, [0, 0, 0]))).to.match(/alpha channel/);
    const canvas = new OffscreenCanvas(64, 48);
    canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
    expect(await refusal(await canvas.convertToBlob({ type: 'image/jpeg' }))).to.match(/valid PNG/);
    // With alpha, at the image's size (RGBA, or grey and alpha), it is taken.
    const { status } = await postEdit([
      ...fields(),
      ['image[]', await image()],
      ['mask', await pngOfType(64, 48, 4, [0, 0])],
    ]);
    expect(status).to.equal(200);
  });

  it('refuses input_fidelity for gpt-image-1-mini, and an edit without model, prompt or image', async () => {
    const fidelity = await postEdit([
      ...fields('gpt-image-1-mini'),
      ['image[]', await image()],
      ['input_fidelity', 'high'],
    ]);
    expect([fidelity.status, fidelity.body.error.param]).to.deep.equal([400, 'input_fidelity']);
    const noImage = await postEdit(fields());
    expect([noImage.status, noImage.body.error.param]).to.deep.equal([400, 'image']);
    const noModel = await postEdit([
      ['prompt', 'x'],
      ['image[]', await image()],
    ]);
    expect([noModel.status, noModel.body.error.param]).to.deep.equal([400, 'model']);
    const noPrompt = await postEdit([
      ['model', 'gpt-image-1.5'],
      ['image[]', await image()],
    ]);
    expect([noPrompt.status, noPrompt.body.error.param]).to.deep.equal([400, 'prompt']);
    const notAnImage = await postEdit([...fields(), ['image[]', new Blob(['hello'], { type: 'image/png' })]]);
    expect([notAnImage.status, notAnImage.body.error.param]).to.deep.equal([400, 'image']);
  });

  it('refuses a model OpenAI has shut down, as for generations', async () => {
    const { status, body } = await postEdit(
      [...fields('gpt-image-1'), ['image[]', await image()]],
      ';now=2026-11-01T00:00:00Z',
    );
    expect(status).to.equal(404);
    expect(body.error.code).to.equal('model_not_found');
  });
});

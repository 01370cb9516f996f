// GPT Image edits as recorded (test/recorded/openai/gpt-image-edit-reply.json and gpt-image-1-edit-ai-gateway.json;
// test/recorded/README.md and NOTICE say what each is and where it came from). No public recording found holds a whole
// edit exchange with OpenAI, its request and its reply with `usage`; two of vercel/ai's hold its parts: OpenAI's own
// reply to `POST /v1/images/edits` (its fields; its image cut short and no usage, as that repository keeps it), and the
// Vercel AI Gateway's reply to a masked gpt-image-1 edit, which passes on what OpenAI answered (size, quality,
// background, format, the edit's image and text tokens in, the tokens out) and what the edit cost. Replayed through
// the OpenAI adapter: the page's `fetch` of the edits call answered with the recording, read from this repository over
// loopback (the replay server's routes read JSON bodies, not an edit's multipart), the image cut short replaced by a
// stand-in of its size. And the simulator's edits call held to the recorded reply's fields and tokens.
// Holds: src/providers/openai/edit-request.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { mergePriceBook } from '../../src/pricing/index.js';
import type { PriceBook, TokenRates } from '../../src/pricing/index.js';
import { OpenAiProvider } from '../../src/providers/openai/adapter.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, quoteFor } from '../../src/providers/registry/prices.js';
import type { ProviderOutcome } from '../../src/providers/provider.js';
import { controlledClock } from '../support/clock.js';
import { referenceImage } from '../support/images.js';
import { MASKED_EDIT_FIELDS } from '../support/openai-edits.js';
import { dataUrlOf, paintedMask, pngOfType } from '../support/png-pixels.js';
import { recorded } from '../support/recorded.js';
import { pageFetch, simEndpoint, unique } from '../support/sim.js';

/** A day OpenAI served gpt-image-1 (shut down on 2026-10-23): the page's clock, and the simulator's. */
const SERVED = '2026-09-01T12:00:00Z';
/** The recorded edit's prompt: vercel/ai@eb39cb5 `examples/ai-functions/src/reproduction/issue-14360.ts`. */
const PROMPT =
  'Replace the flamingo inside the pool with a bright yellow rubber duck. Preserve everything outside the transparent mask.';
/** Where the adapter is pointed: loopback, so that nothing of a replay could leave the machine (answered before). */
const EDITS_AT = `${location.origin}/recorded-openai`;
/** OpenAI's prices by host, laid over the built-in ones: gpt-image-1 at $5 text in, $10 image in, $40 image out. */
const OPENAI_BOOK: PriceBook = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);

function ratesOf(model: string): TokenRates {
  const rule = OPENAI_BOOK[model].openai!.rule;
  if (rule.kind !== 'tokens') throw new Error(`${model} is not billed in tokens`);
  return rule.rates;
}

/** OpenAI's reply to an edit, as vercel/ai@71b2d52 recorded it (`openai-image-edit.json`). */
interface EditReply {
  created: number;
  background: string;
  data: { b64_json: string }[];
  output_format: string;
  quality: string;
  size: string;
  usage?: Record<string, unknown>;
}

/** The AI Gateway's reply to the masked gpt-image-1 edit, as vercel/ai@eb39cb5 recorded it (issue #14360). */
interface GatewayRecording {
  request: { hasFiles: boolean; hasMask: boolean; modelId: string; specificationVersion: string };
  response: {
    status: number;
    body: {
      images: string[];
      providerMetadata: {
        openai: { images: Record<string, string | number>[] };
        gateway: { cost: string; marketCost: string; inputInferenceCost: string; outputInferenceCost: string };
      };
      usage: { inputTokens: number; outputTokens: number; totalTokens: number };
    };
  };
}

/**
 * The OpenAI reply the gateway's recording reports, field by field, in OpenAI's names: @ai-sdk/openai
 * (vercel/ai@eb39cb5 `packages/openai/src/image/openai-image-model.ts`, whose names the gateway's
 * `providerMetadata.openai` uses) maps `created`, `size`, `quality`, `background`, `output_format` to the same names in
 * camel case, `usage`'s `input_tokens`, `output_tokens`, `total_tokens` to `inputTokens`…, and
 * `usage.input_tokens_details` {image_tokens, text_tokens} to `imageTokens` and `textTokens` (one image: all of them).
 * The image is the recording's (the stand-in, NOTICE). gpt-image-1 details no output (its recorded generation reply has
 * no `output_tokens_details`).
 */
function replyReported({ response: { body } }: GatewayRecording): EditReply {
  const [made] = body.providerMetadata.openai.images;
  return {
    created: made.created as number,
    background: made.background as string,
    data: [{ b64_json: body.images[0] }],
    output_format: made.outputFormat as string,
    quality: made.quality as string,
    size: made.size as string,
    usage: {
      input_tokens: body.usage.inputTokens,
      input_tokens_details: { image_tokens: made.imageTokens, text_tokens: made.textTokens },
      output_tokens: body.usage.outputTokens,
      total_tokens: body.usage.totalTokens,
    },
  };
}

/** What the page sent to the edits call. */
interface Sent {
  url: string;
  method?: string;
  headers: Headers;
  body: unknown;
}

/**
 * The page's edits call answered with `reply` (`fetch` restored after each test): every fetch is recorded, the edits
 * call's answered 200 with the reply as JSON; any other goes on as it would.
 */
function editsAnsweredWith() {
  const sent: Sent[] = [];
  let reply: object | undefined;
  const realFetch = window.fetch;
  beforeEach(() => {
    sent.length = 0;
    reply = undefined;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      sent.push({ url, method: init?.method, headers: new Headers(init?.headers), body: init?.body });
      if (!url.endsWith('/v1/images/edits')) return realFetch(input, init);
      if (!reply) throw new Error('no recorded reply to answer the edit with');
      return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } });
    };
  });
  afterEach(() => (window.fetch = realFetch));
  return {
    sent,
    answer: (body: object) => (reply = body),
  };
}

/** A stand-in for a recorded image: a black PNG of `size` ("WxH"), as base64. */
async function standIn(size: string): Promise<string> {
  const [width, height] = size.split('x').map(Number);
  return (await dataUrlOf(await pngOfType(width, height, 2, [0, 0, 0]))).replace(/^data:image\/png;base64,/, '');
}

/** The recorded edit, as the widget asks it: gpt-image-1 repaints a painted square of a 1024² image, at high. */
async function maskedEdit(): Promise<ProviderOutcome> {
  const mask = await paintedMask(1024, 1024, (x, y) => x >= 256 && x < 768 && y >= 256 && y < 768);
  return new OpenAiProvider().generate(
    {
      model: 'gpt-image-1',
      prompt: PROMPT,
      width: 1024,
      height: 1024,
      quality: 'high',
      inputs: [referenceImage(1024, 1024)],
      edit: { kind: 'mask', mask },
      wiring: { model: 'gpt-image-1', rates: ratesOf('gpt-image-1') },
    },
    { endpoint: EDITS_AT, apiKey: unique('sk-replay'), signal: new AbortController().signal },
  );
}

describe('GPT Image edits as recorded, replayed through the OpenAI adapter', function () {
  this.timeout(20_000);
  controlledClock(SERVED);
  const edits = editsAnsweredWith();
  before(() => loadEdits()); // as the page has it a moment after it starts

  it('the recordings are as published: OpenAI’s edit reply and its fields; the gateway’s, with OpenAI’s tokens and the cost', async () => {
    const reply = await recorded<EditReply>('openai/gpt-image-edit-reply.json');
    expect(Object.keys(reply)).to.deep.equal(['created', 'background', 'data', 'output_format', 'quality', 'size']);
    expect(reply).to.include({ background: 'opaque', output_format: 'png', quality: 'high', size: '1024x1024' });
    // The PNG's first 75 bytes only (its signature, its 1024×1024 header, the start of its C2PA manifest).
    expect(reply.data[0].b64_json)
      .to.have.length(100)
      .and.match(/^iVBORw0KGgoAAAANSUhEUgAABAAAAAQ/);
    const gateway = await recorded<GatewayRecording>('openai/gpt-image-1-edit-ai-gateway.json');
    expect(gateway.request).to.deep.equal({
      hasFiles: true,
      hasMask: true,
      modelId: 'openai/gpt-image-1',
      specificationVersion: '4',
    });
    const { status, body } = gateway.response;
    expect(status).to.equal(200);
    expect(body.providerMetadata.openai.images).to.have.length(1);
    expect(body.providerMetadata.openai.images[0]).to.include({
      size: '1024x1024',
      quality: 'high',
      background: 'opaque',
      outputFormat: 'png',
      imageTokens: 194,
      textTokens: 43,
    });
    expect(body.usage).to.deep.equal({ inputTokens: 237, outputTokens: 4160, totalTokens: 4397 });
    expect(body.providerMetadata.gateway).to.include({ cost: '0.168555', marketCost: '0.168555' });
    // The reply the gateway reports has the fields of OpenAI's recorded reply, and a usage beside them.
    const reported = replyReported(gateway);
    expect(Object.keys(reported)).to.deep.equal([...Object.keys(reply), 'usage']);
  });

  it('a masked gpt-image-1 edit goes as the recorded one: its image and its mask, multipart, to /v1/images/edits, at high 1024×1024', async () => {
    const reply = await recorded<EditReply>('openai/gpt-image-edit-reply.json');
    edits.answer({ ...reply, data: [{ b64_json: await standIn(reply.size) }] });
    const outcome = await maskedEdit();
    const [request] = edits.sent.filter(({ url }) => url.endsWith('/v1/images/edits'));
    expect(request.url).to.equal(`${EDITS_AT}/v1/images/edits`);
    expect(request.method).to.equal('POST');
    expect(request.body).to.be.instanceOf(FormData);
    // The browser writes the multipart type and its boundary: the adapter names none.
    expect(request.headers.has('content-type')).to.equal(false);
    const form = request.body as FormData;
    // The recording's request had files and a mask (`hasFiles`, `hasMask`); its model openai/gpt-image-1, sent to
    // OpenAI as gpt-image-1; size 1024x1024 and quality high (issue-14360.ts). The widget also sends n and, as OpenAI
    // takes it for gpt-image-1, input_fidelity high (the recording asked none: its image tokens are at the default,
    // low).
    expect([...form.keys()]).to.deep.equal(MASKED_EDIT_FIELDS);
    expect(form.getAll('image[]')).to.have.length(1);
    expect((form.get('mask') as File).type).to.equal('image/png');
    expect(
      Object.fromEntries(['model', 'prompt', 'n', 'size', 'quality'].map((name) => [name, form.get(name)])),
    ).to.deep.equal({
      model: 'gpt-image-1',
      prompt: PROMPT,
      n: '1',
      size: '1024x1024',
      quality: 'high',
    });
    // The recorded reply read: its image (the stand-in of its size) is the result.
    expect([outcome.image.width, outcome.image.height]).to.deep.equal([1024, 1024]);
    expect(outcome.image.blob?.type).to.equal('image/png');
    // It says no usage: no charge is reported, and the pipeline books the bound.
    expect(outcome.charge).to.equal(undefined);
  });

  it('books the usage OpenAI reported for the recorded edit, its 194 image tokens in at the image-in rate: $0.168555, the cost the gateway recorded', async () => {
    const gateway = await recorded<GatewayRecording>('openai/gpt-image-1-edit-ai-gateway.json');
    const reported = replyReported(gateway);
    edits.answer(reported);
    const outcome = await maskedEdit();
    const cost = gateway.response.body.providerMetadata.gateway.cost;
    expect(outcome.charge?.usd).to.equal(cost);
    expect([outcome.image.width, outcome.image.height]).to.deep.equal([1024, 1024]);
    // 43 text tokens in at $5, 194 image tokens in at $10, 4,160 out at $40, per million: the image-in rate, not the
    // text-in rate, makes the recorded cost.
    const rates = ratesOf('gpt-image-1');
    expect(rates).to.include({ textIn: '5', imageIn: '10', imageOut: '40' });
    const at = (imageIn: string) =>
      new Decimal(rates.textIn)
        .mul(43)
        .add(new Decimal(imageIn).mul(194))
        .add(new Decimal(rates.imageOut).mul(4160))
        .div(1e6);
    expect(at(rates.imageIn).toString()).to.equal(cost);
    expect(at(rates.textIn).toString()).not.to.equal(cost);
    // Within what the quote of that edit says before it is sent, about and at most ($0.18191 and $0.24892 at the
    // bundled rates): the recorded 43 text tokens are more than the about 30 expected of a 120-byte prompt, under the
    // 120 at most; its 194 image tokens (the image and its mask, at the default fidelity, low) far under the 1,536
    // expected of a 1024² image.
    const quote = quoteFor({
      provider: 'openai',
      model: 'gpt-image-1',
      width: 1024,
      height: 1024,
      quality: 'high',
      prompt: PROMPT,
      inputs: [{ width: 1024, height: 1024 }],
      edit: { kind: 'mask' },
    });
    expect(new Decimal(quote.atMost!).gte(cost), `at most ${quote.atMost}`).to.equal(true);
    expect(new Decimal(quote.total).gte(cost), `about ${quote.total}`).to.equal(true);
  });
});

describe('The OpenAI simulator’s edits call, in the shape of the recorded edit', function () {
  this.timeout(20_000);

  it('answers a masked gpt-image-1 edit at high 1024² with the recorded reply’s fields and values, and the recorded 4,160 tokens out', async () => {
    const reply = await recorded<EditReply>('openai/gpt-image-edit-reply.json');
    const reported = replyReported(await recorded<GatewayRecording>('openai/gpt-image-1-edit-ai-gateway.json'));
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', PROMPT);
    form.append('image[]', await pngOfType(1024, 1024, 2, [40, 90, 160]), 'image.png');
    form.append('mask', await pngOfType(1024, 1024, 6, [0, 0, 0, 255]), 'mask.png');
    form.append('size', '1024x1024');
    form.append('quality', 'high');
    const url = `${simEndpoint('openai', `now=${SERVED};pending=20;run=${unique('sim-edit-shape')}`, { crossOrigin: true })}/v1/images/edits`;
    const response = await pageFetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${unique('sk')}` },
      body: form,
    });
    expect(response.status).to.equal(200);
    const body: EditReply = await response.json();
    // The recorded reply's fields, in its order, and the usage the gateway reports of OpenAI's (the recorded reply has
    // none: vercel/ai kept none).
    expect(Object.keys(body)).to.deep.equal(Object.keys(reported));
    expect(Object.keys(body.data[0])).to.deep.equal(Object.keys(reply.data[0]));
    expect(Object.keys(body.usage!)).to.deep.equal(Object.keys(reported.usage!));
    expect(Object.keys(body.usage!.input_tokens_details as object)).to.have.members(['image_tokens', 'text_tokens']);
    const { background, output_format, quality, size } = reply;
    expect(body).to.include({ background, output_format, quality, size });
    expect(body.usage!.output_tokens).to.equal(reported.usage!.output_tokens);
  });
});

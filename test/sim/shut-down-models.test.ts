// The Google and OpenAI simulators serve each model until the day its provider shut it down, by their clock (a request's
// `now=`), and then answer it as the provider answers a model it does not have; their lists of models say the same;
// and the replies of today's models say what the providers' do (Google's modelStatus, several images in one reply,
// GPT Image 2.5 and 2.6's usage, OpenAI's refusal to an organization it has not verified).
import { expect } from '@open-wc/testing';
import { pageFetch, simCharged, simEndpoint, unique } from '../support/sim.js';

/** A day after every shutdown these simulators know of but 1.5's and 1-mini's. */
const TODAY = '2026-11-28T12:00:00Z';

/** The Google simulator at the moment `now`, under a run of its own. */
const google = (now: string, scenario = '') =>
  simEndpoint('google', `now=${now};${scenario ? `${scenario};` : ''}run=${unique('days')}`);

/** A Gemini image asked of `model` at `now`, with `key`: the status and the reply. */
async function gemini(now: string, model: string, imageConfig = {}, key = 'sim-key', scenario = '') {
  const response = await pageFetch(`${google(now, scenario)}/v1beta/models/${model}:generateContent`, {
    method: 'POST',
    headers: { 'x-goog-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({
      contents: [{ parts: [{ text: 'a fox' }] }],
      generationConfig: { responseModalities: ['IMAGE'], candidateCount: 1, imageConfig },
    }),
  });
  return { status: response.status, body: await response.json() };
}

/** An Imagen image asked of `model` at `now`: the status and the reply. */
async function imagen(now: string, model: string) {
  const response = await pageFetch(`${google(now)}/v1beta/models/${model}:predict`, {
    method: 'POST',
    headers: { 'x-goog-api-key': 'sim-key', 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [{ prompt: 'a fox' }], parameters: { sampleCount: 1 } }),
  });
  return { status: response.status, body: await response.json() };
}

/** Every page of Google's list at `now` (pageSize as given): the pages' sizes and the models named, in order. */
async function googleList(now: string, query = 'pageSize=1000', scenario = '') {
  const base = `${google(now, scenario)}/v1beta/models`;
  const pages: number[] = [];
  const models: { name: string; supportedGenerationMethods: string[] }[] = [];
  let token = '';
  do {
    const response = await pageFetch(`${base}?${query}${token ? `&pageToken=${token}` : ''}`, {
      headers: { 'x-goog-api-key': 'sim-key' },
    });
    expect(response.status).to.equal(200);
    const page = await response.json();
    pages.push(page.models.length);
    models.push(...page.models);
    token = page.nextPageToken ?? '';
  } while (token);
  return { pages, models };
}

/** The image models a list names, as Google's ids. */
const imageModels = (models: { name: string }[]) =>
  models.map(({ name }) => name.replace(/^models\//, '')).filter((id) => /image|banana/.test(id));

/** A GPT Image asked of the OpenAI simulator at `now`: the status and the reply. */
async function gptImage(now: string, body: object, { key = 'sk-days', scenario = '' } = {}) {
  const at = simEndpoint('openai', `now=${now};${scenario ? `${scenario};` : ''}run=${unique('days')}`);
  const response = await pageFetch(`${at}/v1/images/generations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'a fox', quality: 'high', size: '1024x1024', ...body }),
  });
  return { status: response.status, body: await response.json() };
}

/** The ids OpenAI's list names at `now` (`authorization` as given). */
async function openaiList(now: string, headers: Record<string, string> = { authorization: 'Bearer sk-days' }) {
  const response = await pageFetch(`${simEndpoint('openai', `now=${now}`)}/v1/models`, { headers });
  const body = await response.json();
  return { status: response.status, ids: (body.data ?? []).map(({ id }: { id: string }) => id) as string[], body };
}

/**
 * A test for each model of `ended` and the day its provider shut it down: asked of the simulator (`ask`, at its `now=`)
 * the second before that day begins, it is made; from then on the answer is the provider's 404 (`gone`, said `named`).
 */
function servedUntilShutdown(
  ended: [model: string, shutdown: string][],
  ask: (now: string, model: string) => Promise<{ status: number }>,
  named: string,
  gone: (model: string) => object,
) {
  for (const [model, shutdown] of ended)
    it(`${model}: made the second before ${shutdown}, from then on ${named}`, async () => {
      const day = `${shutdown}T00:00:00Z`;
      expect((await ask(new Date(Date.parse(day) - 1000).toISOString(), model)).status).to.equal(200);
      expect(await ask(day, model)).to.deep.equal(gone(model));
    });
}

describe('the Google simulator serves each model until Google shut it down', () => {
  servedUntilShutdown(
    [
      ['gemini-3.1-flash-image-preview', '2026-06-25'],
      ['gemini-3-pro-image-preview', '2026-06-25'],
      ['gemini-3.1-flash-image', '2026-10-29'],
    ],
    (now, model) => gemini(now, model),
    "Google's 404 NOT_FOUND",
    (model) => ({
      status: 404,
      body: {
        error: {
          code: 404,
          message: `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
          status: 'NOT_FOUND',
        },
      },
    }),
  );

  it('Imagen 4: made the second before 2026-08-17, from then on Google’s 404 NOT_FOUND, each of the three', async () => {
    for (const model of ['imagen-4.0-fast-generate-001', 'imagen-4.0-generate-001', 'imagen-4.0-ultra-generate-001']) {
      expect((await imagen('2026-08-16T23:59:59Z', model)).status, model).to.equal(200);
      const gone = await imagen('2026-08-17T00:00:00Z', model);
      expect(gone.status, model).to.equal(404);
      expect(gone.body.error).to.deep.equal({
        code: 404,
        message: `models/${model} is not found for API version v1beta, or is not supported for predict. Call ListModels to see the list of available models and their supported methods.`,
        status: 'NOT_FOUND',
      });
    }
  });

  it('serves today’s ids at their tiers; Nano Banana 2 Lite makes 1K only', async () => {
    for (const [model, tiers] of [
      ['gemini-nano-banana-2.1', ['1K', '2K', '4K']],
      ['gemini-3-pro-image', ['1K', '2K', '4K']],
      ['gemini-3.1-flash-lite-image', ['1K']],
    ] as const)
      for (const imageSize of tiers) expect((await gemini(TODAY, model, { imageSize })).status, model).to.equal(200);
    for (const imageSize of ['512', '2K', '4K']) {
      const refused = await gemini(TODAY, 'gemini-3.1-flash-lite-image', { imageSize });
      expect(refused.status, imageSize).to.equal(400);
      expect(refused.body.error).to.include({
        status: 'INVALID_ARGUMENT',
        message: `* GenerateContentRequest.generation_config.image_config.image_size: unsupported value "${imageSize}"`,
      });
    }
    expect((await gemini(TODAY, 'gemini-nano-banana-2.1', { imageSize: '512' })).status).to.equal(400);
  });

  it('its replies say the model’s stage: STABLE, PREVIEW, and Nano Banana 2 DEPRECATED from 2026-10-06', async () => {
    expect((await gemini(TODAY, 'gemini-nano-banana-2.1')).body.modelStatus).to.deep.equal({ modelStage: 'STABLE' });
    expect((await gemini(TODAY, 'gemini-3-pro-image')).body.modelStatus).to.deep.equal({ modelStage: 'STABLE' });
    const flash = 'gemini-3.1-flash-image';
    expect((await gemini('2026-10-05T12:00:00Z', flash)).body.modelStatus).to.deep.equal({ modelStage: 'STABLE' });
    expect((await gemini('2026-10-06T12:00:00Z', flash)).body.modelStatus).to.include({
      modelStage: 'DEPRECATED',
      retirementTime: '2026-10-29T00:00:00Z',
    });
    const preview = (await gemini('2026-06-01T12:00:00Z', 'gemini-3-pro-image-preview')).body.modelStatus;
    expect(preview).to.include({ modelStage: 'PREVIEW', retirementTime: '2026-06-25T00:00:00Z' });
  });

  it('images=<n>: one reply with n images, its usage and its bill of all n', async () => {
    const key = unique('goog-images');
    const { status, body } = await gemini(TODAY, 'gemini-nano-banana-2.1', {}, key, 'images=2');
    expect(status).to.equal(200);
    expect(body.candidates[0].content.parts.filter((part: object) => 'inlineData' in part)).to.have.length(2);
    expect(body.usageMetadata.candidatesTokensDetails).to.deep.equal([{ modality: 'IMAGE', tokenCount: 2240 }]);
    // 2 prompt tokens × $1.50/M + 2 × 1,120 × $30/M + 272 text × $7.50/M.
    expect(await simCharged('google', key)).to.equal('0.069243');
  });

  it('its list names the models served that day, a few a page whatever is asked, each with its method', async () => {
    const today = await googleList(TODAY);
    expect(imageModels(today.models)).to.deep.equal([
      'gemini-nano-banana-2.1',
      'gemini-3-pro-image',
      'gemini-3.1-flash-lite-image',
    ]);
    expect(today.pages.length).to.be.greaterThan(1);
    expect(today.pages.every((size) => size <= 4)).to.equal(true);
    const july = await googleList('2026-07-01T12:00:00Z');
    // (Nano Banana 2.1 came on 2026-10-06: a model is served before its release day too, as the widget offers it.)
    expect(imageModels(july.models)).to.deep.equal([
      'gemini-nano-banana-2.1',
      'gemini-3-pro-image',
      'gemini-3.1-flash-lite-image',
      'gemini-3.1-flash-image',
      'imagen-4.0-fast-generate-001',
      'imagen-4.0-generate-001',
      'imagen-4.0-ultra-generate-001',
    ]);
    const methods = (id: string) => july.models.find(({ name }) => name === `models/${id}`)!.supportedGenerationMethods;
    expect(methods('gemini-3.1-flash-image')).to.include('generateContent');
    expect(methods('imagen-4.0-generate-001')).to.deep.equal(['predict']);
    // A smaller page asked is honoured; a key's project not offered a model does not see it.
    expect((await googleList(TODAY, 'pageSize=2')).pages.every((size) => size <= 2)).to.equal(true);
    const withheld = await googleList(TODAY, 'pageSize=1000', 'unlisted=gemini-3-pro-image');
    expect(imageModels(withheld.models)).to.deep.equal(['gemini-nano-banana-2.1', 'gemini-3.1-flash-lite-image']);
    expect((await gemini(TODAY, 'gemini-3-pro-image', {}, 'sim-key', 'unlisted=gemini-3-pro-image')).status).to.equal(
      404,
    );
  });

  it('its list asks for the key in its header, and fails alone where asked (list=)', async () => {
    const list = (scenario: string, headers: Record<string, string> = { 'x-goog-api-key': 'sim-key' }, query = '') =>
      pageFetch(`${google(TODAY, scenario)}/v1beta/models${query}`, { headers });
    expect((await list('', {})).status).to.equal(403);
    expect((await list('', {}, '?key=sim-key')).status).to.equal(400);
    expect((await list('', { 'x-goog-api-key': 'sim-bad-key' })).status).to.equal(400);
    expect((await list('list=500')).status).to.equal(500);
    expect((await list('list=none')).status).to.equal(404);
    // The generation under the same scenario is answered as ever.
    expect((await gemini(TODAY, 'gemini-nano-banana-2.1', {}, 'sim-key', 'list=500')).status).to.equal(200);
  });
});

describe('the OpenAI simulator serves each GPT Image model until OpenAI shut it down', () => {
  servedUntilShutdown(
    [
      ['gpt-image-1.5', '2026-12-01'],
      ['gpt-image-1-mini', '2026-12-01'],
      ['gpt-image-1', '2026-10-23'],
    ],
    (now, model) => gptImage(now, { model }),
    "OpenAI's 404 model_not_found",
    (model) => ({
      status: 404,
      body: {
        error: {
          message: `The model \`${model}\` does not exist or you do not have access to it.`,
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      },
    }),
  );

  it('its list names the GPT Image models served that day, and asks for the key', async () => {
    const today = await openaiList(TODAY);
    expect(today.ids.filter((id) => id.startsWith('gpt-image-'))).to.deep.equal([
      'gpt-image-2.6-flare',
      'gpt-image-2.6-sunburst',
      'gpt-image-2.5-flare',
      'gpt-image-2.5-sunburst',
      'gpt-image-2',
      'gpt-image-1.5',
      'gpt-image-1-mini',
    ]);
    expect(today.ids).to.include('black-forest-labs/flux-2-klein-9b'); // the gateway's FLUX.2
    expect(today.body.data[0]).to.have.keys(['id', 'object', 'created', 'owned_by']);
    const after = await openaiList('2026-12-01T00:00:00Z');
    expect(after.ids).not.to.include.members(['gpt-image-1.5']);
    expect(after.ids).not.to.include.members(['gpt-image-1-mini']);
    expect(after.ids).to.include('gpt-image-2.6-sunburst');
    const keyless = await openaiList(TODAY, {});
    expect(keyless.status).to.equal(401);
    expect(keyless.body.error).to.include({ type: 'invalid_request_error', code: null });
  });

  it('GPT Image 2.5 and 2.6 take gpt-image-2’s sizes; their usage is scaled from its tokens, 2.6 plans in text', async () => {
    // gpt-image-2 at high 1024²: 7,024 tokens; × 1.3 is 9,131.2, rounded up.
    const flare = await gptImage(TODAY, { model: 'gpt-image-2.6-flare' });
    expect(flare.body.usage).to.deep.include({
      output_tokens: 9432,
      output_tokens_details: { image_tokens: 9132, text_tokens: 300 },
    });
    const scaled = await gptImage(TODAY, { model: 'gpt-image-2.5-sunburst' }, { scenario: 'scale=2' });
    expect(scaled.body.usage).to.deep.include({
      output_tokens: 14048,
      output_tokens_details: { image_tokens: 14048, text_tokens: 0 },
    });
    expect((await gptImage(TODAY, { model: 'gpt-image-2.5-flare', size: '1248x1248' })).status).to.equal(200);
    for (const quality of ['xhigh', 'max']) {
      const refused = await gptImage(TODAY, { model: 'gpt-image-2.6-sunburst', quality });
      expect([refused.status, refused.body.error.param], quality).to.deep.equal([400, 'quality']);
    }
  });

  it('fault=unverified: 403 as OpenAI refuses a model to an organization it has not verified, nothing billed', async () => {
    const key = unique('sk-unverified');
    expect(
      await gptImage(TODAY, { model: 'gpt-image-2.6-flare' }, { key, scenario: 'fault=unverified' }),
    ).to.deep.equal({
      status: 403,
      body: {
        error: {
          message:
            'Your organization must be verified to use the model `gpt-image-2.6-flare`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    });
    expect(await simCharged('openai', key)).to.equal('0');
  });
});

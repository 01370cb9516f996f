// The simulators answer in the shapes of the real services' recorded replies (test/recorded/): the Puter catalogue field for field, the Puter usage reply, BFL's submit and poll replies, Together's reply, OpenAI's GPT Image reply, Google's Gemini reply, OpenRouter's endpoint records byte for byte and its image reply.
// And, where nothing was recorded (fal), in the shapes of the sources: fal-js's output types.
import { expect } from '@open-wc/testing';
import { parse as parseYaml } from 'yaml';
import { puterEndpoint, puterGenerate, puterUsage, setPuterAccount } from '../support/puter.js';
import { recorded } from '../support/recorded.js';
import { pinnedTo, simEndpoint, unique } from '../support/sim.js';

/** The keys of an object, and of the objects in it, as paths ('usage.total', 'allowanceInfo.addons' …). */
function shape(value: unknown, at = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [at];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, at ? `${at}.${key}` : key));
}

describe('simulators in the shapes of the real services', () => {
  it('Puter: every catalogue entry is the recorded one, field for field', async () => {
    const { models: real } = await recorded('puter/models-details.json');
    const { models } = await (await fetch(`${puterEndpoint()}/puterai/image/models/details`)).json();
    expect(models.length).to.be.greaterThan(10);
    // The recording was made with Puter's OpenAI, Gemini, xAI and BytePlus providers absent: their models come from
    // Puter's source (demo/sim/puter-families.mjs); every other is the recorded one.
    const unrecorded = ['openai', 'gemini', 'xai', 'byteplus'].map((name) => `${name}-image-generation`);
    for (const model of models) {
      const recordedOne = real.find((entry: { id: string }) => entry.id === model.id);
      if (!recordedOne) expect(unrecorded, model.id).to.include(model.provider);
      else expect(model, model.id).to.deep.equal(recordedOne);
    }
  });

  it('Puter: the usage reply has the recorded shape, its records named as Puter’s drivers name them', async () => {
    const before = await recorded('puter/usage-before.json');
    const after = await recorded('puter/usage-after.json');
    const token = unique('token');
    await setPuterAccount(token, { balance: 50_000_000 });
    const api = puterEndpoint(`run=${unique()}`);
    const usage = () => puterUsage(api, token);
    // The recorded account had egress only before its call; the simulator meters none (its header says so). The
    // recording was made with a user's own token, whose usage Puter files under no app ('os-global'); a website's
    // token is an app's, whose `appTotals` Puter filters to that app and `others` (held below).
    const without = (paths: string[]) =>
      paths.filter((path) => !path.startsWith('usage.egress:bytes') && !path.startsWith('appTotals.'));
    const first = await usage();
    expect(without(shape(first)).sort()).to.deep.equal(without(shape(before)).sort());
    expect(first.appTotals).to.deep.equal({}); // no app spent anything this month
    const args = { prompt: 'a doodle', model: 'black-forest-labs/flux-2-klein-4b', ratio: { w: 1, h: 1 } };
    const call = await puterGenerate(api, token, args);
    expect(call.status).to.equal(200);
    const body = await call.json();
    expect(Object.keys(body)).to.deep.equal(['success', 'result', 'service']); // DriverController.ts's payload
    expect(body.result).to.match(/^http:\/\/[^/]+\/sim\/puter-cdn\//); // the model's URL, not a data: URL
    const now = await usage();
    expect(without(shape(now)).sort()).to.deep.equal(without(shape(after)).sort());
    const type = 'replicate:black-forest-labs/flux-2-klein-4b:output_mp';
    expect(now.usage[type]).to.deep.equal(after.usage[type]);
    // The app's totals as the recorded ones are shaped, this call's alone (the recorded total held its egress too).
    const [app, ...more] = Object.keys(now.appTotals).filter((key) => key !== 'others');
    expect(more).to.deep.equal([]);
    expect(Object.keys(now.appTotals[app])).to.deep.equal(Object.keys(after.appTotals['os-global']));
    expect(now.appTotals).to.deep.equal({ [app]: { total: after.usage[type].cost, count: 1 }, others: {} });
  });

  it('Puter with credits: every amount scaled, counts and units not, the unit said, the multiplier never sent', async () => {
    const token = unique('token');
    await setPuterAccount(token, { balance: 40_000_000 });
    const read = (scenario: string) => puterUsage(puterEndpoint(`${scenario};run=${unique()}`), token);
    const credits = await read('credits=2000');
    expect(credits.allowanceInfo).to.deep.equal({
      remaining: 800,
      monthUsageAllowance: 1000,
      addons: {},
      unit: 'credits',
    });
    expect(JSON.stringify(credits)).not.to.contain('2000');
    expect((await read('')).allowanceInfo.unit).to.equal(undefined);
  });

  it('BFL: submit and poll replies have the recorded fields; Pending says progress null and sends Retry-After 0 or 1', async () => {
    const real = await recorded('bfl-flux-2-pro.json');
    const key = `sim-shape-${unique()}`;
    const api = `${location.origin}/sim/bfl/s/pending=1500;run=${unique()}`;
    const submit = await fetch(`${api}/v1/flux-2-pro`, {
      method: 'POST',
      headers: { 'x-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a doodle', width: 256, height: 256, seed: 42 }),
    });
    const accepted = await submit.json();
    expect(Object.keys(accepted).sort()).to.deep.equal(Object.keys(JSON.parse(real.submit.body)).sort());
    const poll = await fetch(accepted.polling_url);
    const pending = await poll.json();
    const recordedPending = JSON.parse(real.polls[0].body);
    expect(Object.keys(pending).sort()).to.deep.equal(Object.keys(recordedPending).sort());
    expect(pending).to.include({ status: 'Pending', progress: null, details: null, preview: null });
    expect(['0', '1']).to.include(poll.headers.get('retry-after'));
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const ready = await (await fetch(accepted.polling_url)).json();
    const recordedReady = JSON.parse(real.polls.at(-1).body);
    expect(Object.keys(ready).sort()).to.deep.equal(Object.keys(recordedReady).sort());
    expect(Object.keys(ready.result).sort()).to.deep.equal(Object.keys(recordedReady.result).sort());
    expect(ready.progress).to.equal(null);
  });

  it('BFL: a key it does not know is refused 403 with the recorded words', async () => {
    const submit = await fetch(`${location.origin}/sim/bfl/v1/flux-2-pro`, {
      method: 'POST',
      headers: { 'x-key': 'sim-bad', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a doodle' }),
    });
    expect(submit.status).to.equal(403);
    expect(await submit.json()).to.deep.equal({ detail: 'Not authenticated - Invalid Authentication' });
  });

  it('Together: the reply has the recorded fields, answers any origin, and reads width and height, not size', async () => {
    const [call] = (await recorded('together-flux-2-max.json')).interactions;
    const api = `${location.origin}/sim/together/s/pending=10;run=${unique()}`;
    const ask = async (body: object) =>
      fetch(`${api}/v1/images/generations`, {
        method: 'POST',
        headers: { authorization: 'Bearer sim-together', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'black-forest-labs/FLUX.2-max', prompt: 'a doodle', ...body }),
      });
    const reply = await ask({ width: 512, height: 512 });
    expect(reply.headers.get('access-control-allow-origin')).to.equal('*');
    const body = await reply.json();
    const real = JSON.parse(call.body);
    expect(Object.keys(body).sort()).to.deep.equal(Object.keys(real).sort());
    expect(Object.keys(body.data[0]).sort()).to.deep.equal(Object.keys(real.data[0]).sort());
    const charged = async () => (await (await fetch('/sim/openai/_charges?key=sim-together')).json()).usd;
    const before = Number(await charged());
    await ask({ size: '512x512' }); // `size` is not read: 1024 × 1024, billed so
    expect(Number(await charged()) - before).to.be.closeTo(0.0734, 1e-9); // $0.07 × 1.048576 MP, to the micro-dollar
  });

  it('fal: [klein] and [dev] say what the safety checker found; [pro], [flex], [max] send images and seed only', async () => {
    const key = `Key sim-fal-${unique()}`;
    const api = `${location.origin}/sim/fal/s/pending=10;run=${unique()}`;
    const result = async (endpoint: string) => {
      const submit = await fetch(`${api}/${endpoint}`, {
        method: 'POST',
        headers: { authorization: key, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'a doodle', image_size: { width: 512, height: 512 } }),
      });
      const { response_url: url } = await submit.json();
      await new Promise((resolve) => setTimeout(resolve, 60));
      return (await fetch(url, { headers: { authorization: key } })).json();
    };
    for (const endpoint of ['fal-ai/flux-2/klein/4b', 'fal-ai/flux-2']) {
      expect(Object.keys(await result(endpoint)).sort(), endpoint).to.deep.equal(
        ['has_nsfw_concepts', 'images', 'prompt', 'seed', 'timings'], // v4Output
      );
    }
    expect(Object.keys(await result('fal-ai/flux-2-pro')).sort()).to.deep.equal(['images', 'seed']); // Emu35Output
  });
  it('OpenRouter: every recorded endpoint record is served as recorded, and the image reply has the recorded fields', async () => {
    const files = [
      'endpoints_google_gemini-3-pro-image.json',
      'endpoints_google_gemini-3.1-flash-lite-image.json',
      'endpoints_openai_gpt-image-2.json',
      'endpoints_bytedance-seed_seedream-4.5.json',
    ];
    for (const file of files) {
      const { recorded: record } = await recorded(`openrouter/${file}`);
      const served = await fetch(`${simEndpoint('openrouter')}/api/v1/images/models/${record.id}/endpoints`);
      expect(await served.json(), file).to.deep.equal(record);
    }
    const { recorded: exchange } = await recorded('openrouter/images_generate_qwen-image-3_1K.json');
    const reply = await fetch(`${simEndpoint('openrouter', `pending=10;run=${unique()}`)}/api/v1/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${unique('sk-or-shape')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'google/gemini-3-pro-image',
        prompt: 'a doodle',
        n: 1,
        aspect_ratio: '1:1',
        resolution: '1K',
        ...pinnedTo('google-vertex/global'),
      }),
    });
    const body = await reply.json();
    const real = exchange.response;
    expect(Object.keys(body).sort()).to.deep.equal(Object.keys(real).sort());
    // `b64_json_description` is the recording's note of the image it redacted, not OpenRouter's.
    expect(Object.keys(body.data[0]).sort()).to.deep.equal(['b64_json', 'media_type']);
    expect(shape(body.usage).sort()).to.deep.equal(shape(real.usage).sort());
  });
  it('Google: a Gemini reply has every field of the recorded one, and its 272 tokens besides the image', async () => {
    const real = await recorded('gemini/gemini-3.1-flash-image.json');
    // On a day Google served 3.1 Flash Image (the simulator's clock): from its shutdown it is not.
    const api = simEndpoint('google', `now=2026-10-01T12:00:00Z;pending=10;run=${unique()}`);
    const reply = await fetch(`${api}/v1beta/models/gemini-3.1-flash-image:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'sim-key', 'content-type': 'application/json' },
      body: JSON.stringify({
        contents: [{ role: 'user', parts: [{ text: 'a doodle' }] }],
        generationConfig: {
          responseModalities: ['IMAGE'],
          imageConfig: { aspectRatio: '1:1', imageSize: '1K' },
          candidateCount: 1,
        },
      }),
    });
    expect(reply.status).to.equal(200);
    const body = await reply.json();
    // Arrays by their first element: the paths of every field the reply has.
    const paths = (value: unknown, at = ''): string[] =>
      Array.isArray(value)
        ? paths(value[0], `${at}[]`)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, inner]) => paths(inner, at ? `${at}.${key}` : key))
          : [at];
    expect(paths(body)).to.include.members(paths(real));
    const { candidatesTokenCount, candidatesTokensDetails } = body.usageMetadata;
    expect(candidatesTokenCount - candidatesTokensDetails[0].tokenCount).to.equal(
      real.usageMetadata.candidatesTokenCount - real.usageMetadata.candidatesTokensDetails[0].tokenCount,
    );
  });
  it('OpenAI: a GPT Image 2 reply has every field of the recorded one', async () => {
    const cassette = parseYaml(await (await fetch('/test/recorded/openai/gpt-image-2.yaml')).text());
    const real = JSON.parse(cassette.interactions[0].response.body);
    const reply = await fetch(`${simEndpoint('openai', `pending=10;run=${unique()}`)}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${unique('sk-shape')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'a doodle', quality: 'medium', size: '1024x1024' }),
    });
    expect(reply.status).to.equal(200);
    const body = await reply.json();
    expect(Object.keys(body).sort()).to.deep.equal(Object.keys(real).sort());
    expect(Object.keys(body.data[0]).sort()).to.deep.equal(Object.keys(real.data[0]).sort());
    expect(shape(body.usage).sort()).to.deep.equal(shape(real.usage).sort());
  });
});

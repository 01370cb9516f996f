// Replays of real exchanges with the providers, recorded in test/recorded/ (its README says what each holds, its
// NOTICE where each comes from and under which licence). A file that cannot be read makes its route answer 500
// saying which, so the replay tests fail loudly instead of skipping. Served over loopback by the test server (web-test-runner.config.mjs) with the
// hosts remapped to its two loopback names, bodies and headers as recorded, and the recorded time shortened.
//
//   GET  /replay/_log                      requests received: [{method, path, host, hasKey, at, retryAfter}] (no keys)
//
// BFL (bfl-flux-2-{pro,max}.json: one real api.bfl.ai task each, submit, every poll, the delivered JPEG):
//   POST /replay/bfl/{task}/{run}/v1/{model}      header x-key; answers the recorded submit (its `polling_url`, on
//        api.eu2.bfl.ai / api.eu4.bfl.ai, remapped to the other loopback name) when the request is the recorded
//        one (model, width, height, seed); 422 naming what differs otherwise
//   GET  /replay/bfl-poll/{task}/{run}/v1/get_result?id=   no key needed: the recorded poll reply for the time since
//        the submit, poll i from i × STEP_MS on (the recording, some 10 polls a second, replayed 10 times faster; a
//        run's first poll never past the last Pending, as no client at any pace would have seen less),
//        with its recorded Retry-After; its `result.sample` (on bfldeliveryprodeu4.blob.core.windows.net) remapped
//   GET  /replay/bfl-delivery/{task}/results/…    the recorded JPEG, Content-Type and Content-MD5 as recorded; no CORS
//        (BFL's delivery host answers none: docs.bfl.ai integration guidelines)
// Together (together-flux-2-max.json: one real api.together.xyz exchange):
//   POST /replay/together/{run}/v1/images/generations   Bearer key; answers the recorded reply (headers as recorded,
//        `Access-Control-Allow-Origin: *`; its short link remapped) to the recorded request (model, width, height:
//        Together reads no `size`); 400 naming what differs otherwise
//   GET  /replay/together-shrt/{id}               the image: its body was not kept, so a stand-in PNG of the size asked
// OpenAI (openai/{model}.yaml: one real api.openai.com `POST /v1/images/generations` each, go-vcr cassettes as published;
//   the recordings sent neither `quality` nor `size`, the widget always sends both):
//   POST /replay/openai/{model}/{run}/v1/images/generations   Bearer key; answers the recorded reply (its body, with
//        its `usage`, and its Content-Type) to a request of the recorded model and prompt, whatever quality and size
//        it sends: what was sent is in the log (`asked`: model, quality, size, n), for the test to hold the widget to;
//        400 naming what differs otherwise
// Google (gemini/*: real Gemini API replies, as published; gemini/README in test/recorded/README.md):
//   POST /replay/google/{recording}/{run}/v1beta/models/{model}:{predict|generateContent}   header x-goog-api-key (a
//        `?key=` in the address is refused: userpays never sends one there); answers the recorded reply to a request
//        of the recorded model and method: the cassettes (imagen-4.0-*-generate-001.yaml) hold the recorded prompt;
//        imagen-4.0-generate-001-4x3.json the whole recorded request (prompt, sampleCount 1, aspectRatio "4:3");
//        gemini-3.1-flash-image.json (no request recorded) `responseModalities: ["IMAGE"]`. An image the recording's
//        source redacted is replaced by a stand-in PNG (of the size Google makes at that ratio: 1280×896 at 4:3,
//        1024×1024 at 1:1), its mimeType with it; everything else as recorded. What was sent is in the log (`asked`).
// Puter (puter/*.json: the open-source backend's replies): under /replay/puter/{run}[;credits=<multiplier>]/ the
//   catalogue (`/puterai/image/models/details`) and the usage (`/metering/usage`: usage-before.json until a generation
//   of the run succeeded, usage-after.json from then on; with `credits`, scaled as a deployment with that multiplier
//   scales them, extensions/metering.ts) are the recorded replies; the routes that were not recorded (whoami, the
//   generation itself) are the Puter simulator's.
// OpenRouter (openrouter/endpoints_{author}_{slug}.json: OpenRouter's per-endpoint records, each as recorded under
//   `recorded`): under /replay/openrouter/{run}, `GET /api/v1/images/models` lists the recorded models (`{data: [{id}]}`,
//   not itself recorded) and `GET /api/v1/images/models/{author}/{slug}/endpoints` answers the recorded record, 404
//   `Resource not found` for a model none is recorded of.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseUrl, otherHost, preflight, readJson, requestUrl, send } from '../../demo/sim/http.mjs';
import { drawImage } from '../../demo/sim/png.mjs';
import { inCredits } from '../../demo/sim/puter.mjs';
import { parse as parseYaml } from 'yaml';

/** test/recorded/ in this repository. */
const RECORDED = fileURLToPath(new URL('../recorded/', import.meta.url));
/** How long after the submit the replay answers poll i with the recording's poll i: 10 times the recording's pace. */
const STEP_MS = 10;

/** A recorded file, parsed (JSON, or a go-vcr cassette's YAML); throws a sentence naming it when it is not there. */
function recorded(file) {
  const path = RECORDED + file;
  if (!existsSync(path))
    throw new Error(`The recorded exchange ${path} does not exist (test/recorded/README.md lists them).`);
  const text = readFileSync(path, 'utf8');
  return file.endsWith('.yaml') ? parseYaml(text) : JSON.parse(text);
}

/** A JSON value with its objects' keys in order: two requests compared as values. */
const sorted = (value) =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sorted(value[key])]),
        )
      : value;

/** `https://host/path?query` → `{base}/path?query`: a recorded address on the test server instead. */
const rebase = (url, base) => {
  const u = new URL(url);
  return `${base}${u.pathname}${u.search}`;
};

/** The replay routes; `simulator` answers the Puter routes that were not recorded. */
export function createReplay({ simulator }) {
  const log = [];
  /** `{task} {run}` → when its submit was answered. */
  const started = new Map();
  /** The runs whose task has been polled at least once. */
  const polled = new Set();
  /** Puter runs with a generation that succeeded: their usage is the recorded "after". */
  const generated = new Set();

  function bfl(req, res, url, parts) {
    const [route, task, run, ...rest] = parts;
    const recording = recorded(`bfl-${task}.json`);
    const other = baseUrl(req, otherHost(req.headers.host));
    if (route === 'bfl' && req.method !== 'POST') return send(req, res, 404, { detail: 'Not recorded' });
    if (route === 'bfl') {
      return readJson(req).then((body) => {
        const model = rest[1];
        if (!req.headers['x-key']) return send(req, res, 403, { detail: 'Not authenticated - Invalid Authentication' });
        const asked = recording.submit.request;
        const differs = [
          ['model', model, recording.model],
          ...['width', 'height', 'seed'].map((field) => [field, body?.[field], asked[field]]),
        ].filter(([, got, want]) => got !== want);
        if (differs.length)
          return send(req, res, 422, {
            detail: differs.map(([field, got, want]) => ({
              loc: ['body', field],
              msg: `the replay holds the recorded request (${field} ${want}), not ${got}`,
              type: 'value_error',
            })),
          });
        started.set(`${task} ${run}`, Date.now());
        const reply = JSON.parse(recording.submit.body);
        reply.polling_url = rebase(reply.polling_url, `${other}/replay/bfl-poll/${task}/${run}`);
        send(req, res, recording.submit.code, reply);
      });
    }
    if (route === 'bfl-poll') {
      const since = Date.now() - (started.get(`${task} ${run}`) ?? Date.now());
      // The recorded task ran for seconds (some 70 polls at 10 a second): a client at any pace saw it under way at
      // least once. Replayed 10 times faster on a busy machine, a first poll could land after the recorded end and
      // see only Ready; so a run's first poll is answered at most with the last recorded Pending.
      const first = !polled.has(`${task} ${run}`);
      polled.add(`${task} ${run}`);
      const index = Math.min(recording.polls.length - (first ? 2 : 1), Math.floor(since / STEP_MS));
      const poll = recording.polls[index];
      const reply = JSON.parse(poll.body);
      if (reply.result?.sample)
        // The delivery host on the polling host's name, which is not the page's (the page's is the API's).
        reply.result.sample = rebase(reply.result.sample, `${baseUrl(req)}/replay/bfl-delivery/${task}`);
      log.at(-1).retryAfter = poll.retryAfter;
      return send(req, res, poll.code, reply, { 'Retry-After': poll.retryAfter });
    }
    // The delivery host: no CORS, as BFL's.
    req.withoutCors = true;
    const { contentType, md5, base64 } = recording.delivery;
    const bytes = Buffer.from(base64, 'base64');
    if (createHash('md5').update(bytes).digest('base64') !== md5) throw new Error('the recorded JPEG is damaged');
    send(req, res, 200, bytes, { 'Content-Type': contentType, 'Content-MD5': md5 });
  }

  async function together(req, res, url, parts) {
    const [call, image] = recorded('together-flux-2-max.json').interactions;
    if (parts[0] === 'together-shrt') {
      req.withoutCors = true; // the short link's own headers were not recorded: no CORS assumed
      const [width, height] = (url.searchParams.get('size') ?? '512x512').split('x').map(Number);
      return send(req, res, 200, drawImage({ width, height, prompt: 'together', seed: 42 }), {
        'Content-Type': 'image/png',
      });
    }
    const body = await readJson(req);
    const want = JSON.parse(call.requestBody);
    if (!/^Bearer \S/.test(req.headers.authorization ?? ''))
      return send(req, res, 401, { error: { message: 'Invalid API key provided', type: 'invalid_request_error' } });
    const differs = ['model', 'width', 'height'].filter((field) => body?.[field] !== want[field]);
    if (differs.length)
      return send(req, res, 400, {
        error: {
          message: `the replay holds the recorded request (${differs.map((f) => `${f} ${want[f]}`).join(', ')}), not ${differs.map((f) => `${f} ${body?.[f]}`).join(', ')}`,
          type: 'invalid_request_error',
        },
      });
    const reply = JSON.parse(call.body);
    const other = baseUrl(req, otherHost(req.headers.host));
    for (const item of reply.data)
      item.url = `${other}/replay/together-shrt/${new URL(item.url).pathname.split('/').pop()}?size=${want.width}x${want.height}`;
    log.at(-1).image = image.url;
    send(req, res, call.code, reply, call.headers);
  }

  async function openai(req, res, model, run) {
    if (!/^[\w.-]+$/.test(model)) return send(req, res, 404, { detail: 'No such recording' });
    const [{ request, response }] = recorded(`openai/${model}.yaml`).interactions;
    if (req.method !== 'POST') return send(req, res, 405, { detail: 'Not recorded' });
    const body = await readJson(req);
    if (!/^Bearer \S/.test(req.headers.authorization ?? ''))
      return send(req, res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } });
    log.at(-1).asked = { model: body?.model, quality: body?.quality, size: body?.size, n: body?.n, run };
    const want = JSON.parse(request.body);
    const differs = ['model', 'prompt'].filter((field) => body?.[field] !== want[field]);
    if (differs.length)
      return send(req, res, 400, {
        error: {
          message: `the replay holds the recorded request (${differs.join(', ')} as recorded), not this one`,
          type: 'invalid_request_error',
        },
      });
    // The recorded body as it is, byte for byte (but the image: test/recorded/NOTICE).
    send(req, res, response.code, response.body, { 'Content-Type': response.headers['Content-Type'][0] });
  }

  /** The Google recordings: Google's model, the method, and how each holds the request it answers (see the header). */
  const GOOGLE = {
    'imagen-4.0-fast-generate-001': { model: 'imagen-4.0-fast-generate-001', method: 'predict' },
    'imagen-4.0-generate-001': { model: 'imagen-4.0-generate-001', method: 'predict' },
    'imagen-4.0-ultra-generate-001': { model: 'imagen-4.0-ultra-generate-001', method: 'predict' },
    'imagen-4.0-generate-001-4x3': { model: 'imagen-4.0-generate-001', method: 'predict', size: [1280, 896] },
    // The id its reply's modelVersion names (the request was not recorded): the GA id the widget sends.
    'gemini-3.1-flash-image': {
      model: 'gemini-3.1-flash-image',
      method: 'generateContent',
      size: [1024, 1024],
    },
  };

  async function google(req, res, url, recording, run, rest) {
    const known = Object.hasOwn(GOOGLE, recording) ? GOOGLE[recording] : undefined;
    const call = /^v1beta\/models\/([\w.-]+):(\w+)$/.exec(rest.join('/'));
    const fail = (status, message) =>
      send(req, res, status, { error: { code: status, message, status: 'INVALID_ARGUMENT' } });
    if (!known || req.method !== 'POST') return send(req, res, 404, { detail: 'No such recording' });
    const body = await readJson(req);
    log.at(-1).asked = { ...body, run };
    log.at(-1).keyInQuery = url.searchParams.has('key');
    if (url.searchParams.has('key')) return fail(400, 'the replay refuses a key in the address: send x-goog-api-key');
    if (!req.headers['x-goog-api-key']) return fail(403, "Method doesn't allow unregistered callers.");
    if (call?.[1] !== known.model || call[2] !== known.method)
      return fail(404, `the replay holds models/${known.model}:${known.method}, not ${rest.join('/')}`);
    let reply;
    if (known.size) {
      // A JSON recording (vercel/ai's fixtures): its image redacted, a stand-in served.
      const fixture = recorded(`gemini/${recording}.json`);
      if (fixture.request) {
        // The whole recorded request, as JSON values (key order aside).
        const same = JSON.stringify(sorted(body)) === JSON.stringify(sorted(fixture.request.body));
        if (!same) return fail(400, `the replay holds the recorded request ${JSON.stringify(fixture.request.body)}`);
        reply = fixture.response.body;
      } else {
        if (!body?.generationConfig?.responseModalities?.includes('IMAGE'))
          return fail(400, 'the replay holds responseModalities ["IMAGE"], as recorded');
        reply = fixture;
      }
      const [width, height] = known.size;
      const standIn = drawImage({ width, height, prompt: recording, seed: 42 }).toString('base64');
      for (const prediction of reply.predictions ?? [])
        Object.assign(prediction, { mimeType: 'image/png', bytesBase64Encoded: standIn });
      for (const part of reply.candidates?.[0]?.content?.parts ?? [])
        if (part.inlineData) part.inlineData = { mimeType: 'image/png', data: standIn };
      return send(req, res, 200, reply);
    }
    const [{ request, response }] = recorded(`gemini/${recording}.yaml`).interactions;
    const want = JSON.parse(request.body).instances[0].prompt;
    if (body?.instances?.[0]?.prompt !== want) return fail(400, 'the replay holds the recorded prompt, not this one');
    // The recorded body as it is, byte for byte.
    send(req, res, response.code, response.body, { 'Content-Type': response.headers['Content-Type'][0] });
  }

  async function puter(req, res, url, segment, rest) {
    const [run, ...options] = segment.split(';');
    const credits = Number(Object.fromEntries(options.map((o) => o.split('='))).credits);
    const path = `/${rest.join('/')}`;
    if (req.method === 'GET' && path === '/puterai/image/models/details')
      return send(req, res, 200, recorded('puter/models-details.json'));
    if (req.method === 'GET' && path === '/metering/usage') {
      const usage = recorded(`puter/usage-${generated.has(run) ? 'after' : 'before'}.json`);
      return send(req, res, 200, credits > 0 ? inCredits(usage, credits) : usage);
    }
    // Not recorded: the simulator answers (its own account of this token), under a scenario of this run.
    req.url = `/sim/puter/s/run=${run}${path}${url.search}`;
    if (path === '/drivers/call') res.once('finish', () => res.statusCode === 200 && generated.add(run));
    return simulator.handle(req, res);
  }

  /** OpenRouter's recorded endpoint records (see the header); `rest` the path after the run. */
  function openrouter(req, res, rest) {
    const path = `/${rest.join('/')}`;
    const files = readdirSync(`${RECORDED}openrouter`).filter((file) => file.startsWith('endpoints_'));
    if (path === '/api/v1/images/models')
      return send(req, res, 200, { data: files.map((file) => ({ id: recorded(`openrouter/${file}`).recorded.id })) });
    const model = /^\/api\/v1\/images\/models\/([^/]+)\/([^/]+)\/endpoints$/.exec(path);
    const file = model && `endpoints_${model[1]}_${model[2]}.json`;
    if (!file || !files.includes(file))
      return send(req, res, 404, { error: { code: 404, message: 'Resource not found' } });
    send(req, res, 200, recorded(`openrouter/${file}`).recorded);
  }

  return {
    /** True when the request was a replay route, and has been answered. */
    async handle(req, res) {
      const url = requestUrl(req);
      const parts = url.pathname.split('/').slice(1);
      if (parts[0] !== 'replay') return false;
      const [, route, ...rest] = parts;
      if (req.method === 'OPTIONS' && route !== 'bfl-delivery') {
        preflight(req, res, { allowRequestedHeaders: true });
        return true;
      }
      try {
        if (route === '_log') {
          send(req, res, 200, log);
          return true;
        }
        log.push({
          method: req.method,
          path: url.pathname + url.search,
          host: req.headers.host ?? '',
          hasKey: 'x-key' in req.headers || 'authorization' in req.headers || 'x-goog-api-key' in req.headers,
          at: Date.now(),
          id: randomUUID(),
        });
        if (route.startsWith('bfl')) await bfl(req, res, url, [route, ...rest]);
        else if (route.startsWith('together')) await together(req, res, url, [route, ...rest]);
        else if (route === 'puter') await puter(req, res, url, rest[0], rest.slice(1));
        else if (route === 'openai') await openai(req, res, rest[0], rest[1]);
        else if (route === 'google') await google(req, res, url, rest[0], rest[1], rest.slice(2));
        else if (route === 'openrouter') openrouter(req, res, rest.slice(1));
        else send(req, res, 404, { detail: 'No such replay' });
      } catch (error) {
        if (!res.headersSent) send(req, res, 500, { detail: String(error.message) });
      }
      return true;
    },
  };
}

// The fal simulator's file storage and its edit endpoints (SPEC §13), mounted by fal.mjs: images sent to fal go as URLs
// on fal's CDN, uploaded first as fal's own client uploads them; the endpoints that edit read them back from there.
//
// Storage (fal-ai/fal-js@381105e libs/client/src/storage.ts, `upload`; CORS on every reply and preflight):
//   POST /sim/fal[/s/{scenario}]/storage/upload/initiate?storage_type=fal-cdn-v3   header `Authorization: Key …`, JSON
//        {content_type, file_name} → {upload_url, file_url}. Without a key 401 {detail: 'Authorization header is
//        required'} (fal's words, as fal-ai/fal-js#169 quotes them); a content_type that is no image type, or no
//        file_name: 422 (fal's types are UNVERIFIED here: the stricter). `upload_url` and `file_url` are on the OTHER
//        loopback name (another origin, as fal's upload host and CDN are to a page).
//   PUT  /sim/fal-upload/{id}?sig=…                  the bytes (no key: the URL is signed) → 200 {}; an unknown id or
//        signature 403; a Content-Type other than the one initiated 400
//   GET  /sim/fal-cdn/uploads/{id}.{ext}             the file as uploaded (fal's CDN: public, no key)
//   Scenarios (the initiate's): upload=refused: the PUT answers 403 (a signed URL refused); upload=corrupt: what is kept
//   is not the image sent but bytes no image reader opens (a file fal's runner cannot load).
//
// Images an endpoint is sent (`image_url`, `image_urls`, `mask_url`), as fal's schemas take them: a URL. A data URI is
// refused at submit, 422 `url_scheme` (fal says "Some models also accept data URIs", docs.fal.ai/documentation/
// model-apis/fal-cdn; none of these endpoints' input types says it does: refused, the stricter), and so is anything
// but a string. A URL is read when the request runs, as fal's runner downloads it: one that is not a file of this
// storage cannot be downloaded here (`file_download_error`; the simulator reaches no other host: the stricter), one
// whose bytes are no PNG, JPEG or WebP cannot be loaded (`image_load_error`), and a mask of another size than its image
// is refused (`value_error`): each a 422 in fal's error shape ({detail: [{loc, msg, type, url}]}, docs.fal.ai/errors)
// after the request ran, billed, as fal's FAQ allows ("Client-side errors like invalid inputs (HTTP 422) may still be
// charged if a runner spent GPU time processing the request"): the stricter. The submit's log entry says what came:
// `inputs` ([w, h] | null, each image as its file reads), `mask` ([w, h] | null) and `fields` (the body's, sorted).
//
// Fill and Erase (TOOLS), each billed per megapixel (MP: started 1024² megapixels, at least 1), the output the image's
// size, PNG, with fal's FluxProV11Output {images, has_nsfw_concepts, prompt, seed, timings}:
//   fal-ai/flux-pro/v1/fill    FluxProFillInput (fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt): prompt (required),
//        image_url, mask_url (required, of one size), seed, num_images 1–4, output_format jpeg | png, safety_tolerance
//        '1' … '6', enhance_prompt, sync_mode. "$0.05 per megapixels" of each image made.
//   fal-ai/flux-pro/v1/erase   FluxProEraseInput (…/flux-pro/v1/erase/llms.txt): image_url, mask_url (required, of one
//        size), dilate_pixels 0–100, output_format jpeg | png, sync_mode, and nothing else: a prompt, a seed or any
//        other field is refused, 422 `extra_forbidden` (whether fal ignores one or refuses it no source says: the
//        stricter). "$0.03 for the first megapixel generated, then $0.004 for each subsequent megapixel. Each reference
//        megapixel also costs $0.004 set at 3 MP minimum".
// The pricing API answers both per 'megapixels': Fill's price, Erase's first megapixel's. A key `sim-discount-<n>-`
// pays n% less of both, as of the families.
//
// Seedream's edit endpoints (fal.mjs FAMILY, `withImages`): its text-to-image input and `image_urls`, 1 to 10 of them
// used: "If over 10 images are sent, only the last 10 will be used" (fal-ai/fal-js@381105e SeedDream45EditInput), as
// fal does (the log's `dropped`: how many of the first were left out).
import { randomUUID } from 'node:crypto';
import { baseUrl, otherHost, parseScenario, preflight, readBody, readJson, requestUrl, send } from './http.mjs';
import { readImageSize } from './png.mjs';
import { common, detail } from './fal-fields.mjs';

/** A refusal by fal's runner, with the link fal's errors carry (docs.fal.ai/errors). */
const ranInto = (loc, msg, type) => ({ ...detail(loc, msg, type), url: `https://docs.fal.ai/errors#${type}` });

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const MB = 1024 * 1024;
/** Megapixels as fal bills them here: started 1024² megapixels, at least 1. */
const mp = ({ width, height }) => Math.max(1, Math.ceil((width * height) / MB));

/** fal's file storage (the header): what was uploaded, by id, and what an endpoint reads of a URL sent to it. */
export function createFalStorage() {
  const files = new Map();

  function initiate(req, res, body, scenario) {
    const auth = req.headers.authorization ?? '';
    if (!/^Key .+/.test(auth)) return send(req, res, 401, { detail: 'Authorization header is required' });
    const type = body?.content_type;
    if (!IMAGE_TYPES.includes(type) || typeof body?.file_name !== 'string' || !body.file_name)
      return send(req, res, 422, { detail: [detail(['content_type'], 'Send an image type and a file name')] });
    const id = randomUUID();
    const sig = randomUUID();
    const other = baseUrl(req, otherHost(req.headers.host));
    files.set(id, { type, sig, scenario, at: Date.now() });
    if (files.size > 500) files.delete(files.keys().next().value);
    send(req, res, 200, {
      upload_url: `${other}/sim/fal-upload/${id}?sig=${sig}`,
      file_url: `${other}/sim/fal-cdn/uploads/${id}.${type.slice(6).replace('jpeg', 'jpg')}`,
    });
  }

  async function put(req, res, id, url) {
    const file = files.get(id);
    if (!file || url.searchParams.get('sig') !== file.sig || file.scenario.upload === 'refused')
      return send(req, res, 403, '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>');
    if ((req.headers['content-type'] ?? '') !== file.type)
      return send(req, res, 400, { detail: `Content-Type must be ${file.type}` });
    const bytes = await readBody(req);
    file.bytes = file.scenario.upload === 'corrupt' ? Buffer.from('not an image, as kept') : bytes;
    send(req, res, 200, {});
  }

  return {
    /** Handles the storage's routes (the header); false for any other. */
    async handle(req, res, log, requestEntry) {
      const url = requestUrl(req);
      const path = url.pathname;
      const started = /^\/sim\/fal(?:\/s\/([^/]*))?\/storage\/upload\/initiate$/.exec(path);
      const upload = /^\/sim\/fal-upload\/([\w-]+)$/.exec(path);
      const file = /^\/sim\/fal-cdn\/uploads\/([\w-]+)\.\w+$/.exec(path);
      if (!started && !upload && !file) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { methods: 'GET, POST, PUT, OPTIONS', allowRequestedHeaders: true });
        return true;
      }
      log.add(requestEntry(req, url, { keyHeader: 'authorization' }));
      if (started && req.method === 'POST') initiate(req, res, await readJson(req), parseScenario(started[1]));
      else if (upload && req.method === 'PUT') await put(req, res, upload[1], url);
      else if (file && (req.method === 'GET' || req.method === 'HEAD')) {
        const kept = files.get(file[1]);
        if (!kept?.bytes) send(req, res, 404, { detail: 'File not found' });
        else send(req, res, 200, kept.bytes, { 'Content-Type': kept.type, 'Cache-Control': 'public, max-age=604800' });
      } else send(req, res, 405, { detail: 'Method Not Allowed' });
      return true;
    },
    /**
     * What fal's runner reads of a URL it is sent: `{ size }` ({ width, height, type }) of a file of this storage, or
     * `{ problem }`: 'download' (not a file here, or never uploaded), 'load' (bytes no image reader opens).
     */
    read(value) {
      let path;
      try {
        path = new URL(value).pathname;
      } catch {
        return { problem: 'download' };
      }
      const id = /^\/sim\/fal-cdn\/uploads\/([\w-]+)\.\w+$/.exec(path)?.[1];
      const bytes = id && files.get(id)?.bytes;
      if (!bytes) return { problem: 'download' };
      const size = readImageSize(bytes);
      return size ? { size } : { problem: 'load' };
    },
    forget: () => files.clear(),
  };
}

/** A submit's problem with an image field's value (the header): not a string, or a data URI; undefined where it is a URL. */
function urlProblem(value, loc) {
  if (typeof value !== 'string') return detail(loc, 'Input should be a valid string', 'string_type');
  if (/^data:/i.test(value)) return detail(loc, "URL scheme should be 'http' or 'https'", 'url_scheme');
  if (!/^https?:\/\//i.test(value)) return detail(loc, 'Input should be a valid URL', 'url_parsing');
  return undefined;
}

/**
 * Each image URL of `field` as the runner reads it (the header): the sizes read (`refs`), the log's `received`, the
 * schema's `problems` (at submit) and the runner's `refusal` (after it ran), from the `storage`.
 */
export function readImages(urls, loc, storage) {
  const refs = [];
  const received = [];
  const problems = [];
  let refusal;
  urls.forEach((value, index) => {
    const at = [...loc, ...(loc[0] === 'image_urls' ? [index] : [])];
    const problem = urlProblem(value, at);
    if (problem) {
      problems.push(problem);
      received.push(null);
      return;
    }
    const read = storage.read(value);
    received.push(read.size ? [read.size.width, read.size.height] : null);
    if (read.size) refs.push(read.size);
    else
      refusal ??= [
        read.problem === 'download'
          ? ranInto(at, 'Failed to download the file. Please check if the URL is accessible.', 'file_download_error')
          : ranInto(at, 'Failed to load the image. Please ensure it is a PNG, JPEG or WebP image.', 'image_load_error'),
      ];
  });
  return { refs, received, problems, refusal };
}

/**
 * An edit endpoint's `image_urls`, as a family's check gets them (fal.mjs FAMILY): 1 to `most` used, the last `most`
 * of more (Seedream's words: the header), read from the storage.
 */
export function withImages(check, most) {
  return (body, problems, storage, entry) => {
    const checked = check(body, problems);
    const urls = body.image_urls;
    if (!Array.isArray(urls) || !urls.length) {
      problems.push(detail(['image_urls'], 'Field required', 'missing'));
      return checked;
    }
    const used = urls.slice(-most);
    if (urls.length > most) entry.dropped = urls.length - most;
    const read = readImages(used, ['image_urls'], storage);
    entry.inputs = read.received;
    problems.push(...read.problems);
    return { ...checked, refs: read.refs, refusal: read.refusal };
  };
}

const ERASE_FIELDS = ['image_url', 'mask_url', 'dilate_pixels', 'output_format', 'sync_mode'];

/** pydantic's words for a value not among `list`; undefined where it is (or absent). */
function notAmong(field, value, list) {
  if (value === undefined || list.includes(value)) return undefined;
  const listed = list.map((each) => `'${each}'`);
  return detail([field], `Input should be ${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`, 'enum');
}

/**
 * Fill's and Erase's input checked as their schemas check it (the header): at submit, the fields and their values; when
 * it runs, the image and the mask read from the storage, of one size. `{ width, height, count, refs, problems, refusal,
 * micro }`, `micro` what it costs in micro-dollars at `unit` (the key's price of the first megapixel).
 */
function checkTool(body, storage, entry, erase) {
  const problems = [];
  if (erase) {
    for (const field of Object.keys(body))
      if (!ERASE_FIELDS.includes(field))
        problems.push(detail([field], 'Extra inputs are not permitted', 'extra_forbidden'));
    const dilate = body.dilate_pixels;
    if (dilate !== undefined && !(Number.isInteger(dilate) && dilate >= 0 && dilate <= 100))
      problems.push(detail(['dilate_pixels'], 'Input should be between 0 and 100', 'less_than_equal'));
  } else {
    common(body, problems, 4, true);
    const tolerance = notAmong('safety_tolerance', body.safety_tolerance, ['1', '2', '3', '4', '5', '6']);
    if (tolerance) problems.push(tolerance);
  }
  const format = notAmong('output_format', body.output_format, ['jpeg', 'png']);
  if (format) problems.push(format);
  const read = { refs: [], received: [], problems: [] };
  for (const field of ['image_url', 'mask_url']) {
    if (body[field] === undefined) {
      problems.push(detail([field], 'Field required', 'missing'));
      continue;
    }
    const one = readImages([body[field]], [field], storage);
    problems.push(...one.problems);
    read[field] = one;
  }
  entry.fields = Object.keys(body).sort();
  const [image, mask] = [read.image_url?.refs[0], read.mask_url?.refs[0]];
  entry.inputs = read.image_url?.received;
  entry.mask = read.mask_url?.received[0];
  let refusal = read.image_url?.refusal ?? read.mask_url?.refusal;
  if (!refusal && image && mask && (image.width !== mask.width || image.height !== mask.height))
    refusal = [
      ranInto(
        ['mask_url'],
        `The mask must match the dimensions of the input image: the mask is ${mask.width}x${mask.height}, the image ${image.width}x${image.height}`,
        'value_error',
      ),
    ];
  // An image the runner could not read is billed as 1 MP (fal's FAQ allows a charge: the stricter, never nothing).
  const { width, height } = image ?? { width: 1024, height: 1024 };
  return { width, height, count: erase ? 1 : (body.num_images ?? 1), refs: image ? [image] : [], problems, refusal };
}

/**
 * Fill and Erase (the header): endpoint id → our model id, label, the first megapixel's price in micro-dollars, the
 * check, and what a request costs at `first` (the key's price of the first megapixel) for its image (`size`).
 */
export const TOOLS = {
  'fal-ai/flux-pro/v1/fill': {
    model: 'flux-pro-1.0-fill',
    label: 'FLUX.1 [pro] Fill',
    first: 50000,
    check: (body, storage, entry) => checkTool(body, storage, entry, false),
    cost: (first, size, count) => count * first * mp(size),
  },
  'fal-ai/flux-pro/v1/erase': {
    model: 'flux-erase',
    label: 'FLUX Erase',
    first: 30000,
    check: (body, storage, entry) => checkTool(body, storage, entry, true),
    // The further megapixels made and the image's (3 at least) at $0.004 each, in proportion to the first's $0.03.
    cost: (first, size) => first + ((first * 4) / 30) * (mp(size) - 1 + Math.max(3, mp(size))),
  },
};

// Google's `models.list` (`GET /v1beta/models`), as the simulator answers it (google.mjs): the models served that day
// to the key, among a text and an embedding model, a few a page; and the list alone failing (`list=<fault>`).
import { dropConnection, requestUrl, send } from './http.mjs';
import { googleError, invalid } from './google-errors.mjs';
import { GEMINI, IMAGEN, IMAGEN_NAMES, IMAGEN_SHUTDOWN, withheld } from './google-models.mjs';
import { servedAt } from './clock.mjs';

/**
 * Models Google lists besides the image ones, by what they do (a list is never of image models alone): a reader keeps
 * what it makes images with and passes over the rest.
 */
const OTHERS = [
  {
    name: 'models/gemini-2.5-flash',
    version: '001',
    displayName: 'Gemini 2.5 Flash',
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
    thinking: true,
  },
  {
    name: 'models/gemini-embedding-001',
    version: '001',
    displayName: 'Gemini Embedding 001',
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    supportedGenerationMethods: ['embedContent', 'countTextTokens', 'countTokens', 'asyncBatchEmbedContent'],
  },
];
/** The models `models.list` names at `now` (but those `unlisted`), in Google's shape (googleapis/js-genai `Model`), in a fixed order. */
function listedAt(now, unlisted) {
  const gemini = Object.entries(GEMINI)
    .filter(([id, spec]) => servedAt(spec.shutdown, now) && !unlisted.includes(id))
    .map(([id, spec]) => ({
      name: `models/${id}`,
      version: id.endsWith('-preview') ? 'preview' : '001',
      displayName: spec.displayName,
      description: `${spec.displayName}: makes and edits images.`,
      inputTokenLimit: 131072,
      outputTokenLimit: 32768,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
      thinking: true,
    }));
  const imagen = servedAt(IMAGEN_SHUTDOWN, now)
    ? Object.keys(IMAGEN).map((id) => ({
        name: `models/${id}`,
        version: '001',
        displayName: IMAGEN_NAMES[id],
        description: 'Imagen 4 makes images from text.',
        inputTokenLimit: 480,
        outputTokenLimit: 8192,
        supportedGenerationMethods: ['predict'],
      }))
    : [];
  return [...OTHERS.slice(0, 1), ...gemini, ...imagen, ...OTHERS.slice(1)];
}
/**
 * The most models a page of the list holds, whatever `pageSize` asks (Google holds up to 1000, and 50 where none is
 * asked; AIP-158 lets a server return fewer than asked): a few, so that every read of the list goes page by page.
 */
const LIST_PAGE = 4;

/**
 * `models.list` (`GET /v1beta/models`): the models served at `now`, a page at a time (`pageSize`, at most
 * `scenario.page` or LIST_PAGE; `pageToken` the `nextPageToken` of the page before, opaque to the reader).
 */
export function list(req, res, url, scenario, now) {
  const asked = url.searchParams.get('pageSize');
  const size = asked === null || asked === '' ? 50 : Number(asked);
  if (!Number.isInteger(size) || size < 0)
    return invalid(req, res, `Invalid value at 'page_size' (TYPE_INT32), "${asked}"`);
  const most = Math.min(size || 50, 1000, Number(scenario.page ?? LIST_PAGE));
  const token = url.searchParams.get('pageToken') ?? '';
  const from = token
    ? Number(
        Buffer.from(token, 'base64url')
          .toString('utf8')
          .replace(/^offset:/, ''),
      )
    : 0;
  const models = listedAt(now, withheld(scenario));
  if (!Number.isInteger(from) || from < 0 || from > models.length) return invalid(req, res, 'Invalid page token.');
  const page = models.slice(from, from + most);
  const next = from + page.length;
  send(req, res, 200, {
    models: page,
    ...(next < models.length && { nextPageToken: Buffer.from(`offset:${next}`, 'utf8').toString('base64url') }),
  });
}

/** `list=<fault>`: the list alone fails, as a host without the route (`none`: 404), one gone wrong, or none answering. */
export function listFault(req, res, fault) {
  if (fault === 'network') return dropConnection(req, res);
  if (fault === 'none')
    return send(req, res, 404, googleError(404, 'NOT_FOUND', `Simulator: no route GET ${requestUrl(req).pathname}.`));
  const status = Number(fault);
  if (!Number.isInteger(status) || status < 400 || status > 599)
    return invalid(req, res, `Simulator scenario: list=${fault} is none of none, network or an HTTP status from 400.`);
  const named = { 403: 'PERMISSION_DENIED', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };
  send(req, res, status, googleError(status, named[status] ?? 'UNKNOWN', 'Internal error encountered.'));
}

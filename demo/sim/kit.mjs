// What every protocol simulator keeps alike, so that each simulator's file is about its protocol: the log of
// requests and the charges the tests read back (`_log`, `_charges`), the reset between tests (`_reset`), the
// counters of scenario segments, task timings and expiry, and the images it makes and serves.
// Wire helpers (replies, CORS, faults) are in http.mjs; image encoding and sizes in png.mjs.
import { isRedirectTarget, send, wait } from './http.mjs';
import { drawImage } from './png.mjs';

/**
 * The requests a simulator received, oldest first, as tests read them at `{base}/_log`. Past 5000 entries the
 * oldest are forgotten (down to 4000), so that a long demo session does not grow it without bound.
 */
export function createRequestLog() {
  let entries = [];
  return {
    /** Adds an entry (which the simulator may fill in further while it answers); returns it. */
    add(entry) {
      entries.push(entry);
      if (entries.length > 5000) entries = entries.slice(-4000);
      return entry;
    },
    entries: () => entries,
    clear() {
      entries = [];
    },
  };
}

/**
 * The log entry of a request to a keyed HTTP API: `{method, path, host, origin, hasKey, id, at}`, `hasKey` telling
 * whether the `keyHeader` came; with `withAuthorization`, also `hasAuthorization` (an Authorization header sent to
 * a provider that takes its key elsewhere); on the target of a `fault=redirect`, `redirected: true`.
 */
export function requestEntry(req, url, { keyHeader, id, withAuthorization = false }) {
  const entry = {
    method: req.method,
    path: url.pathname + url.search,
    host: req.headers.host ?? '',
    origin: req.headers.origin ?? null,
    hasKey: keyHeader in req.headers,
  };
  if (withAuthorization) entry.hasAuthorization = 'authorization' in req.headers;
  entry.id = id;
  entry.at = Date.now();
  if (isRedirectTarget(req)) entry.redirected = true;
  return entry;
}

/**
 * What a hostile server may put between the pieces of a key it echoes, by name (`by=` of `echo=pieces`): white space,
 * the invisible characters a page does not show (zero-width space, non-joiner and joiner, word joiner, byte-order mark,
 * soft hyphen), and markup (an empty tag, character references: `&#98;` is a "b", `&#x200B;` a zero-width space).
 */
const KEY_SEPARATORS = {
  space: ' ',
  newline: '\n',
  zwsp: '\u200b',
  zwnj: '\u200c',
  zwj: '\u200d',
  'word-joiner': '\u2060',
  bom: '\ufeff',
  'soft-hyphen': '\u00ad',
  tag: '<b></b>',
  reference: '&#98;',
  'hex-reference': '&#x200B;',
};

/**
 * `key` cut into pieces of `every` characters joined by the separator named `by` (`KEY_SEPARATORS`): how a hostile
 * server may quote a key it received so that a client comparing the raw text finds no run of it.
 */
export function keyInPieces(key, every, by) {
  const size = Math.max(1, Number.parseInt(every, 10) || 5);
  const pieces = [];
  for (let at = 0; at < key.length; at += size) pieces.push(key.slice(at, at + size));
  return pieces.join(KEY_SEPARATORS[by] ?? ' ');
}

/**
 * `key` transformed as a server that normalises what it logs, or a hostile one, may quote it so that a client comparing
 * it case by case, or across white space only, finds no run of it: `capitals-dots`, in capitals cut into pieces of
 * `every` characters (default 3) joined by dots; `lower-dashes`, in lower case joined by dashes; `base64`, the UTF-8
 * bytes of the header `x-key: <key>` as base64 (so the key starts inside a group); `hex`, the key's bytes as hex.
 */
export function keyTransformed(key, how, every) {
  const size = Math.max(1, Number.parseInt(every, 10) || 3);
  const cut = (text, by) => text.match(new RegExp(`.{1,${size}}`, 'gs')).join(by);
  if (how === 'capitals-dots') return cut(key.toUpperCase(), '.');
  if (how === 'lower-dashes') return cut(key.toLowerCase(), '-');
  if (how === 'base64') return Buffer.from(`x-key: ${key}`, 'utf8').toString('base64');
  return Buffer.from(key, 'utf8').toString('hex');
}

/**
 * What a simulator charged each key, never pruned, as tests read it at `{base}/_charges`: integer `units` (of the
 * simulator's own currency, so that sums stay exact) and a `count` (of tasks, requests, images or calls). A charge
 * made with `when` counts only from the moment `when(now)` holds: fal bills a request once it completes with an
 * output, and not if it is cancelled first.
 */
export function createChargeBook() {
  const charges = new Map(); // key → [{ units, count, when }]
  return {
    charge(key, units, { count = 1, when } = {}) {
      if (!charges.has(key)) charges.set(key, []);
      charges.get(key).push({ units, count, when });
    },
    /** `{ units, count }` charged to `key` by `now` (zeros for a key never charged). */
    total(key, now = Date.now()) {
      const total = { units: 0, count: 0 };
      for (const charge of charges.get(key) ?? []) {
        if (charge.when && !charge.when(now)) continue;
        total.units += charge.units;
        total.count += charge.count;
      }
      return total;
    },
    clear: () => charges.clear(),
  };
}

/**
 * Counts per scenario segment (the `/s/{scenario}` text of a URL): the submits under it, for `times=<n>` (the
 * first n get the fault) and `pending=<list>` (the nth waits the nth time). Distinct segments count apart, so a
 * test's own `run=<id>` keeps its counts from every other test's.
 */
export function createSegmentCounter() {
  const counts = new Map();
  return {
    /** Counts one more under `segment`; returns how many there have been, this one included. */
    next(segment) {
      const count = (counts.get(segment) ?? 0) + 1;
      counts.set(segment, count);
      return count;
    },
    clear: () => counts.clear(),
  };
}

/** A timing option of a simulator (pendingMs, queueMs): one number for every model, or a function of the model. */
export const forModel = (option, model) => (typeof option === 'function' ? option(model) : option);

/** When a task is created, leaves the queue and is ready: `pending` ms in all, the first `queue` of them queued. */
export const schedule = (now, pending, queue) => ({
  createdAt: now,
  queuedUntil: now + Math.min(pending, queue),
  readyAt: now + pending,
});

/** The seed a request asked for when it is an integer, else a random one (as the providers pick one). */
export const seedFrom = (requested) => (Number.isInteger(requested) ? requested : Math.floor(Math.random() * 2 ** 31));

/**
 * Forgets the tasks (id → task) whose `expiresAt(task)` has passed, so that a long session does not keep every
 * task; each simulator says how long its tasks last.
 */
export function forgetExpired(tasks, expiresAt, now = Date.now()) {
  for (const [id, task] of tasks) if (expiresAt(task) < now) tasks.delete(id);
}

/**
 * The images a simulator made, by name, the `limit` most recent: an image is drawn once (a provider's image host
 * serves a finished file, so drawing it is no part of a download), and a long session does not keep them all.
 */
export function createImageCache(limit) {
  const images = new Map();
  return {
    /** The PNG named `name`, drawn from `{ width, height, prompt, seed }` the first time. */
    image(name, generation) {
      let png = images.get(name);
      if (!png) {
        png = drawImage(generation);
        images.set(name, png);
        if (images.size > limit) images.delete(images.keys().next().value);
      }
      return png;
    },
    clear: () => images.clear(),
  };
}

/**
 * Answers a request to a simulated image host (BFL's delivery host, fal's and the gateway's CDNs): 405 to any
 * method but GET and HEAD; then, after `delayMs` (the scenario's `imageDelay=<ms>`: a slow image; a client that
 * gives up first gets nothing, the timer cleared), the storage error `refusal()` returns (`{ status, xml }`: an
 * expired, tampered or missing URL), or else `image()` as image/png with the host's `cacheControl`. Both are asked
 * only once the delay has passed, so an expiry is judged when the answer goes out.
 */
export async function deliverImage(req, res, { delayMs, refusal, image, cacheControl }) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'Method Not Allowed');
  if (delayMs && !(await wait(res, delayMs))) return;
  const refused = refusal();
  if (refused) return send(req, res, refused.status, refused.xml, { 'Content-Type': 'application/xml' });
  send(req, res, 200, image(), { 'Content-Type': 'image/png', 'Cache-Control': cacheControl });
}

/**
 * The test-only routes under `base`, answered by `reply` (the simulator's own reply writer):
 *   `{base}/_log`       (any method) the log's entries
 *   `{base}/_charges`   (any method) `report(book.total(key))` for the key named by the query `parameter` (without
 *                       `prefix`, so a whole Authorization value may be given); 400 `missing` without it
 *   `{base}/_reset`     (POST) forgets the log, the charges and everything in `forget` (each a Map, cache or
 *                       counter with `clear()`, or a function that resets), then answers {ok: true}
 *   `{base}/_release?hold=<name>`   (POST; simulators given `release`) lets every task held under that name (the
 *                       scenario's `hold=<name>`) on to its next state: `release(name)` does it and says how many it
 *                       let on; answers {released: n}
 * Other methods on `_reset` and `_release`, and other paths, are left to the simulator (`handle` is then false), which
 * answers them as it answers any route of its own.
 */
export function createTestRoutes({ base, log, charges, forget = [], reply = send, release }) {
  const { book, parameter = 'key', prefix = '', missing, report } = charges;
  return {
    /** True when the request was one of the test routes, and has been answered. */
    handle(req, res, url) {
      const path = url.pathname;
      if (path === `${base}/_log`) reply(req, res, 200, log.entries());
      else if (path === `${base}/_charges`) {
        const key = (url.searchParams.get(parameter) ?? '').replace(prefix, '');
        if (!key) reply(req, res, 400, missing);
        else reply(req, res, 200, report(book.total(key)));
      } else if (path === `${base}/_reset` && req.method === 'POST') {
        log.clear();
        book.clear();
        for (const state of forget) {
          if (typeof state === 'function') state();
          else state.clear();
        }
        reply(req, res, 200, { ok: true });
      } else if (release && path === `${base}/_release` && req.method === 'POST') {
        reply(req, res, 200, { released: release(url.searchParams.get('hold') ?? '') });
      } else return false;
      return true;
    },
  };
}

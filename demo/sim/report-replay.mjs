// A simulator started from a report of "Check this account" (`UserPays.check()`, docs/check.md): it answers the
// exchanges the report recorded, as they were recorded, so that a site owner's check becomes a recording anyone can
// run the widget against. Everything it says comes from the report: it makes up nothing, and a request the report did
// not record is answered 404 saying so (stricter than any provider: nothing is guessed).
//
//   POST /sim/replay/_load            body: a report (JSON) → {id, base}: the replay of that report is at `base`
//   ANY  /sim/replay/{id}/{path}      the recorded reply to the same method and path (query included; else the same
//                                     path whatever its query): the first request gets the first such exchange, the
//                                     next the next, the last again after that. Its status and body as recorded, an
//                                     image as the report's placeholder PNG. OPTIONS is a preflight allowing any header.
//   GET  /sim/replay/{id}/_log        the requests received: [{method, path, matched}] (no keys: none is kept)
//
// A report's exchanges with another origin than its endpoint's (a delivery host, a CDN) are not served: the replay is
// of the endpoint. `loadReport(file)` starts one from a file at startup (demo/server.mjs `--replay <file>`).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { baseUrl, preflight, readJson, requestUrl, send } from './http.mjs';

/** The reports loaded, by id: their exchanges with the endpoint, and how many times each request was answered. */
const loaded = new Map();

/** The exchanges of `report` with its endpoint, in the order they were had, every step's. */
function exchangesOf(report) {
  if (report?.format !== 'userpays-check/1' || !Array.isArray(report.steps))
    throw new Error('This is not a report of UserPays.check() (format userpays-check/1).');
  return report.steps
    .flatMap((step) => (Array.isArray(step?.exchanges) ? step.exchanges : []))
    .filter((e) => !e.origin);
}

/** Loads `report` (parsed) under a new id, or `id`; returns the id. */
export function loadReportValue(report, id = randomUUID()) {
  loaded.set(id, { exchanges: exchangesOf(report), served: new Map(), log: [] });
  return id;
}

/** Loads the report in `file` (a downloaded JSON) under `id`: served at /sim/replay/{id}/. */
export const loadReport = (file, id) => loadReportValue(JSON.parse(readFileSync(file, 'utf8')), id);

/** The recorded exchange for `method` and `path` (see the header), and counts it served; undefined where none. */
function recordedFor(replay, method, path) {
  const bare = path.split('?')[0];
  const exact = replay.exchanges.filter((e) => e.method === method && e.path === path);
  const same = exact.length
    ? exact
    : replay.exchanges.filter((e) => e.method === method && e.path.split('?')[0] === bare);
  if (!same.length) return undefined;
  const key = `${method} ${exact.length ? path : bare}`;
  const times = replay.served.get(key) ?? 0;
  replay.served.set(key, times + 1);
  return same[Math.min(times, same.length - 1)];
}

/** Answers `exchange` as recorded: JSON as JSON, text as text, an image as the placeholder's bytes. */
function answer(req, res, exchange) {
  const type = exchange.type ?? 'application/json';
  if (/^image\//i.test(type) || /octet-stream/i.test(type))
    return send(req, res, exchange.status, Buffer.from(String(exchange.reply ?? ''), 'base64'), {
      'Content-Type': type,
    });
  if (typeof exchange.reply === 'string')
    return send(req, res, exchange.status, exchange.reply, { 'Content-Type': type });
  send(req, res, exchange.status, exchange.reply ?? null);
}

export function createReportReplay() {
  return {
    /** True when the request was under /sim/replay/, and has been answered. */
    async handle(req, res) {
      const url = requestUrl(req);
      const parts = /^\/sim\/replay\/([^/]+)(\/.*)?$/.exec(url.pathname);
      if (!parts) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { allowRequestedHeaders: true, methods: 'GET, POST, PUT, DELETE' });
        return true;
      }
      const [, id, rest = '/'] = parts;
      if (id === '_load' && req.method === 'POST') {
        try {
          const loadedId = loadReportValue(await readJson(req));
          send(req, res, 200, { id: loadedId, base: `${baseUrl(req)}/sim/replay/${loadedId}` });
        } catch (error) {
          send(req, res, 400, { error: { message: String(error.message) } });
        }
        return true;
      }
      const replay = loaded.get(id);
      if (!replay) {
        send(req, res, 404, { error: { message: `No report is loaded as ${id}: POST it to /sim/replay/_load.` } });
        return true;
      }
      if (rest === '/_log') {
        send(req, res, 200, replay.log);
        return true;
      }
      const path = rest + url.search;
      const exchange = recordedFor(replay, req.method, path);
      replay.log.push({ method: req.method, path, matched: !!exchange });
      if (!exchange)
        send(req, res, 404, { error: { message: `The report recorded no ${req.method} ${path}.`, code: 404 } });
      else answer(req, res, exchange);
      return true;
    },
  };
}

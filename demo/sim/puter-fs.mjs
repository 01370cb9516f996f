// The Puter simulator's filesystem: the routes `puter.fs` (@heyputer/puter.js 2.6.3, src/modules/FileSystem) calls for
// write, readdir, read, delete, mkdir and stat, as HeyPuter/puter@8307e8c answers them (read 2026-11-29):
//   POST {api}/fs/startBatchWrite   [{fileMetadata:{path, size, contentType, overwrite, dedupeName, createMissingParents},
//                                   guiMetadata}] → [{sessionId, uploadMode:'single', contentType, expiresAt, url}]
//                                   (FSController.ts startBatchWrites; FSService.ts #toSignedWriteResponse). The storage
//                                   allowance is checked here, before any byte moves: used − replaced + incoming >
//                                   capacity → 413 {code:'storage_limit_reached', message:'Storage limit reached'}
//                                   (FSService.ts #assertStorageAllowanceForBatch)
//   PUT  {url}                      the signed URL, here `/sim/puter-fs-upload/{sessionId}` on the simulator's own host:
//                                   the real one is the object store's (another origin, which a page's CSP must allow in
//                                   connect-src; which host that is: UNVERIFIED); 200 with an ETag
//   POST {api}/fs/completeBatchWrite  [{uploadId, guiMetadata}] → [{fsEntry, wasOverwrite}]; /fs/completeWrite one;
//                                   /fs/abortWrite {uploadId} → {ok:true}
//   POST {api}/fs/readdir           {path, cursor, auth_token} → {items:[v2 entry], cursor?} (FSController.ts
//                                   readdirEntries: `cursor` present → the paginated envelope; pages of 50 here, the
//                                   real page size UNVERIFIED); a missing folder 404 {code:'subject_does_not_exist'}
//   GET  {api}/read?file=           the bytes, with the stored Content-Type (LegacyFSController.ts read); 404 when
//                                   missing; a folder 400 {code:'cannot_read_a_directory'}
//   POST {api}/delete               {paths:[…], recursive, descendants_only} → [entries]; a path missing 404
//                                   {code:'not_found'} (legacyFsHelpers.ts resolveV1Selector)
//   POST {api}/mkdir, POST {api}/stat  the entry (mkdir: 409-free with `create_missing_parents`)
// Paths: `~` is the user's home (`/{username}`), names are one segment, never empty, `.` or `..`, no slash
// (FSService.ts #assertUsableName). A site's token is an app-under-user token whose actor sees only its app's folder
// `/{username}/AppData/{app uid}` (LegacyFSController.ts, "App-under-user actors only see entries within their AppData
// root"; a denial reads as 404 subject_does_not_exist, legacyFsHelpers.ts l.223); the app uid is the token's `app_uid`
// claim (AuthService.ts getUserAppToken), else `app-` + uuidv5(Origin, 33de3768-…) as the backend derives a website's
// (AuthService.ts appUidFromOrigin). Files belong to the user NAME (two tokens of one user share them).
// Limits: the storage capacity is the deployment's `storage_capacity` (FSEntryStore.ts getUserStorageAllowance; its
// value at puter.com UNVERIFIED: 500 MB here unless set); rate limits per minute on the free plan: write 120, read 300
// with 5 at once, readdir 300 (and 60 per 10 s), mutations 900 (controllers/fs/limits.ts) — one more 429
// {code:'too_many_requests'}; a single upload above 5 GB is refused (UNVERIFIED: the real store goes multipart there,
// which this simulator does not offer).
//
// An account with nothing left to spend is refused what moves content (writes, reads): 402 insufficient_funds.
// Faults, per user (POST /sim/puter/_files {username, fault}); `down` and `slow` also per scenario (`files=down`):
//   down   every filesystem call (the signed PUT too) drops its connection: the page sees the network fail
//   full   the capacity is what is used: the next write 413 storage_limit_reached
//   slow   every call waits `slowMs` (default 1500) first
// Test routes: GET /sim/puter/_files?username= → {files:[{path, size, type}], used, capacity}; POST /sim/puter/_files
// {username, files?:[{path, text|base64, type}], capacity?, fault?, slowMs?} seeds files and sets the faults.
import { createHash, randomUUID } from 'node:crypto';
import { baseUrl, dropConnection, parseScenario, preflight, readBody, readJson, send, sleep } from './http.mjs';

const CAPACITY = 500 * 1024 * 1024;
const MAX_SINGLE = 5 * 1024 ** 3;
const PAGE = 50;
const APP_ORIGIN_NAMESPACE = '33de3768-8ee0-43e9-9e73-db192b97a5d8';
/** Requests per minute on the free plan, and at once (HeyPuter/puter@8307e8c src/backend/controllers/fs/limits.ts). */
const LIMITS = { write: 120, read: 300, readdir: 300, mutate: 900, multipart: 1200, stat: 600 };
const READS_AT_ONCE = 5;

/** uuidv5 of `name` in `namespace` (RFC 4122 §4.3), as the backend's `uuid` package makes it. */
function uuidv5(name, namespace) {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The app uid of a website's origin, as the backend derives it. */
export const appUidOfOrigin = (origin) => `app-${uuidv5(origin, APP_ORIGIN_NAMESPACE)}`;

/** The claims of a JWT-shaped token (unverified: the simulator signs nothing), or undefined. */
function claimsOf(token) {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The app a call is made as: the `app_uid` its token names (an app-under-user token, as a website's sign-in gives),
 * else the app of the calling page's origin. One rule for the files and the key-value store (puter-kv.mjs).
 */
export const appOfCall = (token, origin) => claimsOf(token ?? '')?.app_uid ?? appUidOfOrigin(origin);

/** An app-under-user token as Puter's sign-in gives a website: its `app_uid` claim names the app (simulated). */
export function appToken(appUid, user = randomUUID()) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ type: 'app-under-user', version: '2', app_uid: appUid, user_uid: user })}.sim`;
}

const fsError = (req, res, status, message, code) => send(req, res, status, { error: message, message, code });

/**
 * The filesystem of the Puter simulator. `accountOf(token)`: the token's account ({username, plan}); `tokenOf(req,
 * body)`: the request's token.
 */
export function createPuterFiles({ accountOf, tokenOf }) {
  /** username → Map(path → {uuid, path, isDir, bytes?, type, created, modified}) */
  const users = new Map();
  /** username → {capacity, fault, slowMs, minute: {window, counts}, reading} */
  const settings = new Map();
  const sessions = new Map(); // sessionId → {username, path, type, size, overwrite, bytes?}

  const tree = (username) => {
    if (!users.has(username)) users.set(username, new Map());
    return users.get(username);
  };
  const setting = (username) => {
    if (!settings.has(username)) settings.set(username, { capacity: CAPACITY, slowMs: 1500, reading: 0, counts: {} });
    return settings.get(username);
  };
  const used = (username) => [...tree(username).values()].reduce((sum, entry) => sum + (entry.bytes?.length ?? 0), 0);

  /** A client path as the backend normalizes it: `~` expanded, `.` and `..` collapsed, no trailing slash. */
  function absolute(path, username) {
    const raw = String(path ?? '').replace(/^~(?=\/|$)/, `/${username}`);
    const parts = [];
    for (const part of raw.split('/')) {
      if (!part || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return `/${parts.join('/')}`;
  }

  function entryOf(entry) {
    const name = entry.path.split('/').pop();
    return {
      uuid: entry.uuid,
      uid: entry.uuid,
      path: entry.path,
      name,
      isDir: entry.isDir,
      size: entry.isDir ? null : entry.bytes.length,
      type: entry.isDir ? null : entry.type,
      created: Math.floor(entry.created / 1000),
      modified: Math.floor(entry.modified / 1000),
      parentUid: null,
    };
  }

  /** The folders up to `path`'s parent, made where missing (createMissingParents). */
  function makeParents(files, path) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!files.has(dir))
        files.set(dir, { uuid: randomUUID(), path: dir, isDir: true, created: Date.now(), modified: Date.now() });
    }
  }

  /** Who calls, and the root their token may touch; answers 401 itself where there is no token. */
  function callerOf(req, res, body) {
    const token = tokenOf(req, body);
    if (!token) return void fsError(req, res, 401, 'Authentication required', 'token_missing');
    const account = accountOf(token);
    const app = appOfCall(token, req.headers.origin ?? baseUrl(req));
    return { account, username: account.username, root: `/${account.username}/AppData/${app}` };
  }

  const inside = (path, root) => path === root || path.startsWith(`${root}/`);

  /** Past the free plan's budget for `kind` this minute (limits.ts): answered 429 here. */
  function limited(req, res, username, kind) {
    const s = setting(username);
    const minute = Math.floor(Date.now() / 60_000);
    if (s.minute !== minute) {
      s.minute = minute;
      s.counts = {};
    }
    s.counts[kind] = (s.counts[kind] ?? 0) + 1;
    if (s.counts[kind] <= LIMITS[kind]) return false;
    fsError(req, res, 429, 'Too many requests.', 'too_many_requests');
    return true;
  }

  async function startWrites(req, res, caller, body) {
    if (!Array.isArray(body)) return fsError(req, res, 400, 'Expected an array', 'bad_request');
    const files = tree(caller.username);
    let projected = used(caller.username);
    const started = [];
    for (const item of body) {
      const meta = item?.fileMetadata ?? {};
      const path = absolute(meta.path, caller.username);
      const name = path.split('/').pop();
      if (!name || !String(meta.path ?? '').trim())
        return fsError(req, res, 400, 'Name cannot be empty', 'bad_request');
      if (!inside(path, caller.root) || path === caller.root)
        return fsError(req, res, 404, `Entry not found: path=${path}`, 'subject_does_not_exist');
      const size = Number(meta.size);
      if (!(size >= 0) || size > MAX_SINGLE) return fsError(req, res, 400, 'Invalid size', 'bad_request');
      const existing = files.get(path);
      if (existing?.isDir) return fsError(req, res, 409, 'A folder is in the way', 'item_with_same_name_exists');
      if (existing && !meta.overwrite)
        return fsError(req, res, 409, 'An item with that name exists', 'item_with_same_name_exists');
      if (!meta.createMissingParents && !files.has(path.slice(0, path.lastIndexOf('/'))))
        return fsError(req, res, 404, 'Parent not found', 'dest_does_not_exist');
      projected += size - (existing?.bytes?.length ?? 0);
      started.push({
        path,
        size,
        type: meta.contentType || 'application/octet-stream',
        parents: !!meta.createMissingParents,
      });
    }
    const s = setting(caller.username);
    if (projected > (s.fault === 'full' ? used(caller.username) : s.capacity))
      return fsError(req, res, 413, 'Storage limit reached', 'storage_limit_reached');
    send(
      req,
      res,
      200,
      started.map(({ path, size, type, parents }) => {
        const sessionId = randomUUID();
        sessions.set(sessionId, { username: caller.username, path, size, type, parents });
        return {
          sessionId,
          uploadMode: 'single',
          contentType: type,
          expiresAt: Date.now() + 3_600_000,
          url: `${baseUrl(req)}/sim/puter-fs-upload/${sessionId}`,
        };
      }),
    );
  }

  /** One completion: the session's bytes become the file (the allowance checked again, as at the start). */
  function complete(username, item) {
    const session = sessions.get(item?.uploadId);
    if (!session || session.username !== username) return { status: 404, code: 'not_found', message: 'No such upload' };
    if (!session.bytes) return { status: 400, code: 'bad_request', message: 'Nothing was uploaded' };
    const files = tree(username);
    const existing = files.get(session.path);
    const s = setting(username);
    const projected = used(username) - (existing?.bytes?.length ?? 0) + session.bytes.length;
    if (projected > (s.fault === 'full' ? used(username) : s.capacity))
      return { status: 413, code: 'storage_limit_reached', message: 'Storage limit reached' };
    if (session.parents) makeParents(files, session.path);
    const now = Date.now();
    const entry = {
      uuid: existing?.uuid ?? randomUUID(),
      path: session.path,
      isDir: false,
      bytes: session.bytes,
      type: session.type,
      created: existing?.created ?? now,
      modified: now,
    };
    files.set(session.path, entry);
    sessions.delete(item.uploadId);
    return { fsEntry: entryOf(entry), wasOverwrite: !!existing };
  }

  function completeWrites(req, res, caller, body, one) {
    const items = one ? [body] : Array.isArray(body) ? body : [];
    const done = items.map((item) => complete(caller.username, item));
    const failed = done.find((each) => each.status);
    if (failed) return fsError(req, res, failed.status, failed.message, failed.code);
    send(req, res, 200, one ? done[0] : done);
  }

  function readdir(req, res, caller, body) {
    const path = absolute(body?.path, caller.username);
    const files = tree(caller.username);
    if (!inside(path, caller.root) || !files.get(path)?.isDir)
      return fsError(req, res, 404, `Entry not found: path=${path}`, 'subject_does_not_exist');
    const children = [...files.values()]
      .filter((entry) => entry.path.slice(0, entry.path.lastIndexOf('/')) === path)
      .sort((a, b) => a.path.localeCompare(b.path));
    if (!Object.prototype.hasOwnProperty.call(body, 'cursor')) return send(req, res, 200, children.map(entryOf));
    const from = Number(body.cursor) || 0;
    const page = children.slice(from, from + PAGE).map(entryOf);
    send(req, res, 200, { items: page, ...(from + PAGE < children.length ? { cursor: String(from + PAGE) } : {}) });
  }

  async function read(req, res, caller, url) {
    const path = absolute(url.searchParams.get('file'), caller.username);
    const entry = tree(caller.username).get(path);
    if (!entry || !inside(path, caller.root))
      return fsError(req, res, 404, `Entry not found: path=${path}`, 'subject_does_not_exist');
    if (entry.isDir)
      return fsError(req, res, 400, 'Cannot read a directory; use /fs/readdir', 'cannot_read_a_directory');
    const s = setting(caller.username);
    if (s.reading >= READS_AT_ONCE) return fsError(req, res, 429, 'Too many concurrent requests.', 'too_many_requests');
    s.reading++;
    try {
      send(req, res, 200, entry.bytes, {
        'Content-Type': entry.type,
        ETag: `"${entry.uuid}-${entry.modified}"`,
        'Content-Disposition': `inline; filename="${encodeURIComponent(path.split('/').pop())}"`,
      });
    } finally {
      s.reading--;
    }
  }

  function remove(req, res, caller, body) {
    const files = tree(caller.username);
    const paths = (Array.isArray(body?.paths) ? body.paths : [body?.path]).map((p) => absolute(p, caller.username));
    const removed = [];
    for (const path of paths) {
      const entry = files.get(path);
      if (!entry || !inside(path, caller.root)) return fsError(req, res, 404, `Entry not found: ${path}`, 'not_found');
      for (const key of [...files.keys()])
        if (key.startsWith(`${path}/`) || (key === path && !body?.descendants_only)) files.delete(key);
      removed.push(entryOf(entry));
    }
    send(req, res, 200, removed);
  }

  function mkdir(req, res, caller, body) {
    const parent = body?.parent ? absolute(body.parent, caller.username) : '';
    const path = absolute(parent ? `${parent}/${body?.path}` : body?.path, caller.username);
    if (!inside(path, caller.root))
      return fsError(req, res, 404, `Entry not found: path=${path}`, 'subject_does_not_exist');
    const files = tree(caller.username);
    if (files.get(path)) return send(req, res, 200, entryOf(files.get(path)));
    if (!body?.create_missing_parents && !files.has(path.slice(0, path.lastIndexOf('/'))))
      return fsError(req, res, 404, 'Parent not found', 'dest_does_not_exist');
    makeParents(files, `${path}/x`);
    send(req, res, 200, entryOf(files.get(path)));
  }

  function stat(req, res, caller, body) {
    const path = absolute(body?.path, caller.username);
    const entry = tree(caller.username).get(path);
    if (!entry || !inside(path, caller.root))
      return fsError(req, res, 404, `Entry not found: path=${path}`, 'subject_does_not_exist');
    send(req, res, 200, entryOf(entry));
  }

  /** The signed PUT: the bytes of a started write, checked against the size it declared. */
  async function upload(req, res, sessionId) {
    const session = sessions.get(sessionId);
    if (!session) return send(req, res, 403, 'Request has expired');
    if (setting(session.username).fault === 'down') return dropConnection(req, res);
    const bytes = await readBody(req, MAX_SINGLE);
    if (bytes.length !== session.size) return send(req, res, 400, 'Content-Length does not match the signed size');
    session.bytes = bytes;
    send(req, res, 200, '', { ETag: `"${createHash('md5').update(bytes).digest('hex')}"` });
  }

  /** The test route: a user's files, seeded, and the faults set. */
  async function control(req, res, url) {
    if (req.method === 'GET') {
      const username = url.searchParams.get('username') ?? '';
      const files = [...tree(username).values()]
        .filter((entry) => !entry.isDir)
        .map((entry) => ({ path: entry.path, size: entry.bytes.length, type: entry.type }));
      return send(req, res, 200, { files, used: used(username), capacity: setting(username).capacity });
    }
    const { username, files = [], capacity, fault, slowMs } = (await readJson(req)) ?? {};
    if (typeof username !== 'string' || !username) return send(req, res, 400, { error: 'username required' });
    const s = setting(username);
    if (capacity !== undefined) s.capacity = Number(capacity);
    if (fault !== undefined) s.fault = fault ?? undefined;
    if (slowMs !== undefined) s.slowMs = Number(slowMs);
    const tree_ = tree(username);
    for (const file of files) {
      const path = absolute(file.path, username);
      makeParents(tree_, path);
      const bytes = file.base64 !== undefined ? Buffer.from(file.base64, 'base64') : Buffer.from(file.text ?? '');
      const now = Date.now();
      tree_.set(path, {
        uuid: randomUUID(),
        path,
        isDir: false,
        bytes,
        type: file.type ?? 'application/octet-stream',
        created: now,
        modified: now,
      });
    }
    send(req, res, 200, { ok: true });
  }

  const ROUTES = {
    'POST /fs/startBatchWrite': ['multipart', startWrites, 'spends'],
    'POST /fs/completeBatchWrite': [
      'multipart',
      (req, res, caller, body) => completeWrites(req, res, caller, body, false),
      'spends',
    ],
    'POST /fs/completeWrite': [
      'multipart',
      (req, res, caller, body) => completeWrites(req, res, caller, body, true),
      'spends',
    ],
    'POST /fs/abortWrite': [
      'multipart',
      (req, res, _caller, body) => (sessions.delete(body?.uploadId), send(req, res, 200, { ok: true })),
    ],
    'POST /fs/readdir': ['readdir', readdir],
    'GET /read': ['read', read, 'spends'],
    'POST /delete': ['mutate', remove],
    'POST /mkdir': ['mutate', mkdir],
    'POST /stat': ['stat', stat],
  };

  return {
    /** Forgets every user's files, faults and uploads (the simulator's _reset). */
    forget() {
      users.clear();
      settings.clear();
      sessions.clear();
    },
    /** Answers the filesystem's requests (and their preflights), the signed uploads and `_files`; false for others. */
    async handle(req, res, url) {
      const path = url.pathname;
      const signed = /^\/sim\/puter-fs-upload\/([\w-]+)$/.exec(path);
      if (path === '/sim/puter/_files') return (await control(req, res, url), true);
      const match = /^\/sim\/puter(?:\/s\/([^/]*))?(\/fs\/\w+|\/read|\/delete|\/mkdir|\/stat)$/.exec(path);
      if (!signed && !match) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { methods: 'GET, POST, PUT, OPTIONS', allowRequestedHeaders: true });
        return true;
      }
      if (signed) {
        if (req.method !== 'PUT') send(req, res, 405, 'Method Not Allowed');
        else await upload(req, res, signed[1]);
        return true;
      }
      const route = ROUTES[`${req.method} ${match[2]}`];
      if (!route) return false;
      const scenario = parseScenario(match[1] ?? '');
      const body =
        req.method === 'POST' ? JSON.parse((await readBody(req, 64 * 1024 * 1024)).toString() || 'null') : undefined;
      const caller = callerOf(req, res, body);
      if (!caller) return true;
      const s = setting(caller.username);
      const fault = scenario.files ?? s.fault;
      if (fault === 'slow') await sleep(s.slowMs);
      if (fault === 'down') return (dropConnection(req, res), true);
      if (limited(req, res, caller.username, route[0])) return true;
      // Routes that move content refuse an account with nothing left to spend (LegacyFSController.ts `spends`,
      // FSController.ts `requireCredits`; services/metering/enforcement.ts at 8307e8c, assertActorHasCredits).
      if (route[2] && caller.account.remaining <= 0)
        return (fsError(req, res, 402, 'No usage left for request.', 'insufficient_funds'), true);
      await route[1](req, res, caller, body ?? url, url);
      return true;
    },
  };
}

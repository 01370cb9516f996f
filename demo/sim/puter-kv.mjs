// Puter's key-value store (`puter.kv`, driver interface `puter-kvstore`) as the real `@heyputer/puter.js` SDK calls
// it: POST {api}/drivers/call {interface:'puter-kvstore', method, args, auth_token}. Wired from puter.mjs, whose
// drivers/call hands every `puter-kvstore` call here. Facts read 2026-11-29 from HeyPuter/puter@8307e8c
// (src/backend/drivers/kv/KVStoreDriver.ts, stores/systemKv/SystemKVStore.ts, util/pagination.ts,
// controllers/auth/AuthController.ts) and @heyputer/puter.js 2.6.3 (src/modules/kv/*.js, lib/validate.js).
//
// Methods: set {key, value, expireAt?} → true; get {key} → the value, or null; del {key} → true (also for a key not
// there); batchPut {items:[{key, value}]} → true; flush → true (every key of the caller's app); list {as?, pattern?,
// limit?, cursor?, fetchUntilFull?} → with a limit or cursor a page {items, cursor?}, else the whole array; `as`
// 'keys' | 'values' | 'entries' (default entries: [{key, value}]); `pattern` a key prefix; keys in byte order (a
// DynamoDB sort key). Other methods (incr, add, update, expire…) answer 400: not simulated (stricter).
//
// Limits (SystemKVStore.ts): a key of 1 to 1024 UTF-8 bytes (`kv: key exceeds 1024 byte limit`), a value's JSON at
// most 399 × 1024 bytes (`kv: value exceeds 408576 byte limit`), no `__proto__`/`constructor`/`prototype` keys in a
// value; limit a positive number, cursor and offset not together, `fetchUntilFull` only with a limit. A page stops at
// its limit or at 1 MB of values (a DynamoDB query page), with a cursor to go on. Each error is 400 with
// {error, message, code:'bad_request'} (HttpError's legacyCode, rendered by errorHandler.ts).
// Listing values (not keys) from an account with nothing left: 402 {code:'insufficient_funds'} (KVStoreDriver.ts list).
// Rates (KVStoreDriver.ts `rateLimit`): 400 calls per 10 s per user on the free plan (200 temporary), `list` 120 per
// 60 s (60 temporary); past them 429 {code:'too_many_requests'} (the body UNVERIFIED: the shape of the driver
// controller's concurrency refusal, which puter.mjs answers). Not simulated: the cap on calls at once (15, `list` 3)
// and the temporary plan's lower rates.
//
// Scope: one store per user and app (`v1:{user uuid}:{app uid}`, getNamespace). A third-party site's sign-in token
// belongs to the app Puter makes for the site's origin (`app-<uuidv5(origin)>`, AuthController.ts
// `appUidFromOrigin`); here a token belongs to the origin of its first kv call (`Origin`, the page's), and the user is
// the token's account's user name (`userOf`), so two tokens of one user name on one site share a store, as two
// devices signed in to one Puter user do.
//
// Test routes (POST, JSON):
//   /sim/puter/_kv            {username, origin?, fault?, times?, pendingMs?} a fault for that user's kv calls:
//                             'down' (the connection drops, nothing done), 'drop-after-write' (the write lands, then
//                             the connection drops: the reply is lost), 'slow' (answers after pendingMs, default
//                             1500); times=<n> the next n calls only; fault: null clears it
//   /sim/puter/_kv/read       {username, origin} → {entries: {key: value}} of that user's store for that site's app
//   /sim/puter/_kv/seed       {username, origin, entries: {key: value}} writes them as they are (no limits)
import { dropConnection, readJson, send, sleep } from './http.mjs';
import { appOfCall, appUidOfOrigin } from './puter-fs.mjs';

/** SystemKVStore.ts MAX_KEY_BYTES, MAX_VALUE_BYTES (the SDK's validate.js says the same). */
export const MAX_KEY_BYTES = 1024;
export const MAX_VALUE_BYTES = 399 * 1024;
/** A DynamoDB query page holds at most 1 MB. */
const PAGE_BYTES = 1024 * 1024;
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
/** Calls per window per user, free plan (KVStoreDriver.ts rateLimit): every method, and `list` apart. */
const RATES = { all: { limit: 400, window: 10_000 }, list: { limit: 120, window: 60_000 } };

class KvError extends Error {
  constructor(message, status = 400, code = 'bad_request') {
    super(message);
    Object.assign(this, { status, code });
  }
}

const bytes = (text) => Buffer.byteLength(text, 'utf8');

function assertKey(key) {
  if (key === undefined || key === null || key === '') throw new KvError('Missing `key`');
  if (bytes(String(key)) > MAX_KEY_BYTES) throw new KvError(`kv: key exceeds ${MAX_KEY_BYTES} byte limit`);
  return String(key);
}

function assertValue(value) {
  if (value === undefined) throw new KvError('Missing `value`');
  if (bytes(JSON.stringify(value ?? null)) > MAX_VALUE_BYTES)
    throw new KvError(`kv: value exceeds ${MAX_VALUE_BYTES} byte limit`);
  const stack = [value];
  while (stack.length) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    for (const [key, inner] of Object.entries(current)) {
      if (!Array.isArray(current) && UNSAFE.has(key)) throw new KvError(`kv: value key \`${key}\` is not allowed`);
      stack.push(inner);
    }
  }
  return structuredClone(value);
}

/** One page of `store` (a Map), as SystemKVStore.list pages it. */
function listOf(store, args) {
  const { as = 'entries', pattern, limit, cursor, offset, fetchUntilFull } = args;
  if (!['keys', 'values', 'entries'].includes(as)) throw new KvError('kv: list "as" must be keys, values, or entries');
  if (limit !== undefined && !(Number(limit) > 0)) throw new KvError('kv: limit must be a positive number');
  if (cursor !== undefined && cursor !== null && offset !== undefined)
    throw new KvError('kv: cursor and offset cannot be combined');
  if (fetchUntilFull && limit === undefined) throw new KvError('kv: fetchUntilFull requires limit');
  if (pattern !== undefined && typeof pattern !== 'string') throw new KvError('kv: pattern must be a string');
  let after;
  if (cursor) {
    try {
      after = Buffer.from(String(cursor), 'base64url').toString('utf8');
    } catch {
      throw new KvError('kv: cursor is invalid');
    }
  }
  const keys = [...store.keys()]
    .filter((key) => (!pattern || key.startsWith(pattern)) && (after === undefined || key > after))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const paginated = limit !== undefined || cursor !== undefined || offset !== undefined;
  const max = limit === undefined ? Infinity : Math.floor(Number(limit));
  const from = Number(offset) || 0;
  const items = [];
  let size = 0;
  let last;
  for (const key of keys.slice(from)) {
    if (items.length >= max || (paginated && items.length && size >= PAGE_BYTES)) break;
    const value = structuredClone(store.get(key));
    size += bytes(key) + bytes(JSON.stringify(value));
    items.push(as === 'keys' ? key : as === 'values' ? value : { key, value });
    last = key;
  }
  if (!paginated) return items;
  const more = from + items.length < keys.length;
  return { items, ...(more ? { cursor: Buffer.from(last).toString('base64url') } : {}) };
}

/**
 * The key-value stores of the simulated Puter. `userOf(token)`: the user name of a token's account (puter.mjs's
 * accounts); `hasCredits(token)`: whether it has anything left; `apiError(req, res, status, message, code)`: Puter's
 * error shape.
 */
export function createPuterKv({ userOf, hasCredits, apiError }) {
  const stores = new Map(); // `${user}\n${app}` → Map(key → value)
  const apps = new Map(); // token → app uid (the origin of its first call)
  const faults = new Map(); // user → { fault, times, pendingMs }
  const calls = new Map(); // `${user}\n${method kind}` → times of calls in the window

  const storeOf = (user, app) => {
    const name = `${user}\n${app}`;
    if (!stores.has(name)) stores.set(name, new Map());
    return stores.get(name);
  };

  function overRate(user, method) {
    for (const kind of method === 'list' ? ['all', 'list'] : ['all']) {
      const { limit, window } = RATES[kind];
      const now = Date.now();
      const times = (calls.get(`${user}\n${kind}`) ?? []).filter((at) => now - at < window);
      calls.set(`${user}\n${kind}`, times);
      if (times.length >= limit) return true;
      times.push(now);
    }
    return false;
  }

  const run = {
    set: (store, { key, value }) => (store.set(assertKey(key), assertValue(value)), true),
    get: (store, { key }) => structuredClone(store.get(assertKey(key)) ?? null),
    del: (store, { key }) => (store.delete(assertKey(key)), true),
    batchPut(store, { items }) {
      if (!Array.isArray(items) || !items.length) throw new KvError('Missing or empty `items`');
      const checked = items.map((item) => [assertKey(item?.key), assertValue(item?.value)]);
      for (const [key, value] of checked) store.set(key, value);
      return true;
    },
    flush: (store) => (store.clear(), true),
    list: (store, args) => listOf(store, args),
  };
  const WRITES = new Set(['set', 'del', 'batchPut', 'flush']);

  /** A `puter-kvstore` drivers/call of `token` (already known to be signed in), its body `body`. */
  async function call(req, res, body, token, entry) {
    const user = userOf(token);
    if (!apps.has(token)) apps.set(token, appOfCall(token, req.headers.origin ?? 'null'));
    const app = apps.get(token);
    const method = body.method;
    entry.kind = `kv:${method}`;
    const fault = faults.get(user);
    const active = fault && fault.times !== 0 ? fault.fault : undefined;
    if (active && fault.times > 0) fault.times--;
    entry.fault = active;
    if (active === 'down') return dropConnection(req, res);
    if (active === 'slow') await sleep(fault.pendingMs ?? 1500);
    if (!Object.hasOwn(run, method))
      return apiError(req, res, 400, `kv: \`${method}\` is not simulated`, 'bad_request');
    if (overRate(user, method)) return apiError(req, res, 429, 'Too many requests.', 'too_many_requests');
    // Listing values is egress, turned away from an account with nothing left; listing keys is not
    // (KVStoreDriver.ts list, assertActorHasCredits: 402 'No usage left for request.', legacyCode insufficient_funds).
    if (method === 'list' && body.args?.as !== 'keys' && !hasCredits(token))
      return apiError(req, res, 402, 'No usage left for request.', 'insufficient_funds');
    let result;
    try {
      result = run[method](storeOf(user, app), body.args ?? {});
    } catch (error) {
      if (!(error instanceof KvError)) throw error;
      return apiError(req, res, error.status, error.message, error.code);
    }
    if (active === 'drop-after-write' && WRITES.has(method)) return dropConnection(req, res);
    send(req, res, 200, { success: true, result, service: { name: 'puter-kvstore' } });
  }

  /** The test routes under /sim/puter/_kv; false for any other path. */
  async function control(req, res, path) {
    if (!path.startsWith('/sim/puter/_kv')) return false;
    const body = (await readJson(req)) ?? {};
    if (typeof body.username !== 'string' || !body.username) {
      send(req, res, 400, { error: 'username required' });
      return true;
    }
    // The app named (`app`, as a token names one: puter-fs.mjs appOfCall), else the one of the site's origin.
    const store = () => storeOf(body.username, body.app ?? appUidOfOrigin(body.origin ?? req.headers.origin ?? 'null'));
    if (path === '/sim/puter/_kv') {
      const { fault = null, times, pendingMs } = body;
      if (fault) faults.set(body.username, { fault, times: times ?? -1, pendingMs });
      else faults.delete(body.username);
      send(req, res, 200, { ok: true });
    } else if (path === '/sim/puter/_kv/read') send(req, res, 200, { entries: Object.fromEntries(store()) });
    else if (path === '/sim/puter/_kv/seed') {
      for (const [key, value] of Object.entries(body.entries ?? {})) store().set(key, value);
      send(req, res, 200, { ok: true });
    } else send(req, res, 404, { error: 'Not found' });
    return true;
  }

  /** What `_reset` forgets. */
  const forget = [stores, apps, faults, calls];
  return { call, control, forget };
}

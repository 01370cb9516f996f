/**
 * The user's own Puter key-value store (`puter.kv`, driver interface `puter-kvstore`) as the ledger keeps its history
 * there (src/ledger/account-mirror.ts, `AccountStore`). Each Puter user has one store per app, and a website's
 * sign-in token belongs to the app Puter makes for the site's origin: the store is the user's, for this site alone.
 *
 * Facts read 2026-11-29 from @heyputer/puter.js 2.6.3 (src/modules/kv/*.js, lib/validate.js, lib/pagination.js) and
 * HeyPuter/puter@8307e8c (src/backend/drivers/kv/KVStoreDriver.ts, stores/systemKv/SystemKVStore.ts):
 * - a key at most 1024 bytes, a value's JSON at most 399 × 1024 bytes (the SDK refuses larger ones itself, code
 *   `key_too_large` / `value_too_large`; the backend answers 400 `bad_request`);
 * - `set([{key, value}, …])` is one `batchPut`: all or nothing, each item checked as `set` checks it;
 * - `list(prefix, true)` pages by itself (1000 a page, a page at most 1 MB, its `cursor` to go on) and returns every
 *   `{key, value}` whose key starts with the prefix; a list of values needs credits left on the account, of keys not;
 * - `del(key)` resolves true whether or not the key was there; `flush()` clears the whole app's store (other storage
 *   keys' too), so removal goes key by key;
 * - 400 calls per 10 s per user (200 on a temporary account), `list` 120 per minute; 15 calls at once (`list` 3);
 *   past them 429, which the SDK passes on for a write (it retries only reads, on 502, 503 and 504): a removal of a
 *   long history waits and goes on (UNVERIFIED: the body of that 429; `too_many_requests` is assumed, as for the
 *   driver controller's concurrency refusal).
 */

/** The part of the SDK this uses. */
interface PuterKv {
  set(items: { key: string; value: unknown }[]): Promise<unknown>;
  list(pattern: string, returnValues: true): Promise<{ key: string; value: unknown }[]>;
  list(pattern: string, returnValues: false): Promise<string[]>;
  del(key: string): Promise<unknown>;
}

/** Calls at once while removing: below the backend's 15 in flight for a free account. */
const AT_ONCE = 4;
/** How long a removal waits when Puter says too many calls (its window is 10 s), and how often. */
const RATE_WAIT_MS = 2500;
const RATE_TRIES = 8;

/** Whether the SDK's rejection is Puter's 429 (too many calls in the window, or at once). */
const tooMany = (thrown: any) =>
  /429|too_many|rate_limit/.test(`${thrown?.status}|${thrown?.code}|${thrown?.error?.code ?? thrown?.error}`);

/** `call`, again after a wait while Puter says too many calls; any other failure rejects at once. */
async function paced<T>(call: () => Promise<T>, tries = RATE_TRIES): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    if (!tooMany(thrown) || tries <= 1) throw thrown;
    await new Promise((resolve) => setTimeout(resolve, RATE_WAIT_MS));
    return paced(call, tries - 1);
  }
}

/** The store of the user signed in to `puter` (the SDK), for the ledger (`AccountStore`). */
export function puterLedgerStore(puter: { kv: PuterKv }) {
  const { kv } = puter;
  return {
    async put(items: readonly { key: string; value: unknown }[]): Promise<void> {
      await kv.set([...items]);
    },
    // A trailing `*` is what the SDK strips: the prefix is sent as it is (list.js, normalizeListPattern).
    list: (prefix: string) => kv.list(prefix, true),
    async removeAll(prefix: string): Promise<void> {
      const keys = await kv.list(prefix, false);
      const next = async (): Promise<void> => {
        const key = keys.shift();
        if (key !== undefined) await paced(() => kv.del(key)).then(next);
      };
      await Promise.all(Array.from({ length: AT_ONCE }, next));
    },
  };
}

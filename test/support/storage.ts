// What tests store, and forgetting it: a widget keeps its ledger and settings in localStorage under its storage key,
// and its images in IndexedDB under the same key.
import { ImageStore } from '../../src/images/image-store.js';
import { madeStorageKeys, uniqueStorageKey } from './sim.js';

/** Removes everything tests wrote to the page's localStorage under `key`. */
export function cleanLocalStorage(key: string) {
  for (const k of Object.keys(localStorage)) if (k.startsWith(key)) localStorage.removeItem(k);
}

/**
 * Removes what this test file wrote to localStorage under the storage keys it made (`uniqueStorageKey`), and nothing
 * else: the origin's localStorage is one for every test file, and the runner runs two at once (`localStorage.clear()`
 * here once erased a key another file's test had just remembered under the demo's storage key).
 */
export function cleanMadeStorage() {
  for (const key of madeStorageKeys) cleanLocalStorage(`${key}:`);
}

/** Forgets what a widget stored under `storageKey`: its ledger and settings, and its images. */
export async function forgetStorage(storageKey: string) {
  cleanLocalStorage(storageKey);
  await new ImageStore({ storageKey }).clear();
}

/**
 * Storage keys for the calling suite's widgets, each one no other test uses; after each test, what was stored under
 * them is forgotten, and under the keys made elsewhere that the test hands to `forget` (a widget's own, say), which
 * returns the key.
 */
export function storageKeysForgottenAfterEach() {
  const made: string[] = [];
  afterEach(async () => {
    for (const key of made.splice(0)) await forgetStorage(key);
  });
  const forget = (key: string) => made[made.push(key) - 1];
  return Object.assign(() => forget(uniqueStorageKey()), { forget });
}

/**
 * Holds the default storage key (`userpays`) for this page until the returned function is called: the demo and the
 * example pages store under it, on the one origin every test file shares, and the runner runs two files at once, so
 * one's generation or clean-up would land in the other's tally. A Web Lock, held by one page of the origin at a time.
 */
export function holdDefaultStorageKey(): Promise<() => void> {
  return new Promise((held) => {
    void navigator.locks.request('userpays-default-storage-key', () => new Promise<void>((done) => held(done)));
  });
}

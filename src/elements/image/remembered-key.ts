// "Remember my key on this device" (SPEC §6): a key is persisted only on the user's explicit opt-in,
// per provider, under the widget's storage key; unticking the box deletes it.
const slot = (storageKey: string, provider: string) => `${storageKey}:key:${provider}`;

export function rememberedKey(storageKey: string, provider: string): string {
  try {
    return localStorage.getItem(slot(storageKey, provider)) ?? '';
  } catch {
    return '';
  }
}

/** Stores the key, or forgets it when `key` is empty. */
export function rememberKey(storageKey: string, provider: string, key: string) {
  try {
    if (key) localStorage.setItem(slot(storageKey, provider), key);
    else localStorage.removeItem(slot(storageKey, provider));
  } catch {
    // Storage unavailable or full: the key simply stays in memory for this visit.
  }
}

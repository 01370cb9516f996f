/**
 * `load`, run once, on first need, its promise shared by every caller; a failed load is tried again next time
 * (a page that went offline for a moment is not left without the part for good). The widget's lazy parts
 * (lazy/index.ts) and each provider's adapter (providers/registry/registry.ts, providers/registry/adapters.ts) load through it.
 */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

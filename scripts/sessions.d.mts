// The types of scripts/sessions.mjs, for the tests that import it (test/e2e/session-parts.test.ts).

/** dist/parts.json (scripts/parts-manifest.mjs). */
export interface PartsManifest {
  entry: string;
  parts: Record<
    string,
    { file: string; gzip: number; loadedBy: string[]; imports: string[]; dynamicImports: string[] }
  >;
}

export const SET_ASIDE: Record<string, string>;
export const OPENED_BY: Record<string, string[]>;

export function partsInOrder(manifest: PartsManifest): string[];
export function providerAdapters(manifest: PartsManifest): Map<string, string>;
export function firstPaintParts(manifest: PartsManifest): string[];
export function setAsideReason(manifest: PartsManifest, name: string): string | undefined;
export function sessionParts(manifest: PartsManifest): Record<string, string[]>;

// The types of scripts/sessions.mjs, for the tests that import it (test/e2e/session-parts.test.ts).

/** dist/parts.json (scripts/parts-manifest.mjs). */
export interface PartsManifest {
  entry: string;
  parts: Record<
    string,
    { file: string; gzip: number; loadedBy: string[]; imports: string[]; dynamicImports: string[] }
  >;
}

/** budgets.json: the two gates and what a session sets aside. */
export interface Budgets {
  firstPaint: number;
  session: number;
  setAside: Record<string, string>;
  openedBy?: Record<string, string | string[]>;
}

export function partsInOrder(manifest: PartsManifest): string[];
export function providerAdapters(manifest: PartsManifest): Map<string, string>;
export function firstPaintParts(manifest: PartsManifest): string[];
export function setAsideReason(manifest: PartsManifest, budgets: Budgets, name: string): string | undefined;
export function sessionParts(manifest: PartsManifest, budgets: Budgets): Record<string, string[]>;

// Helpers for tests that run the REAL Puter SDK (@heyputer/puter.js, its browser bundle dist/puter.cjs served
// from node_modules) against the Puter simulator mounted on the test server (demo/sim/puter.mjs).

/** Where the tests load the SDK from (the element's `puter-src`). */
export const PUTER_SRC = '/node_modules/@heyputer/puter.js/dist/puter.cjs';

/** The simulator as Puter's API origin, optionally with a scenario (e.g. 'fault=402'). */
export function puterEndpoint(scenario = ''): string {
  return `${location.origin}/sim/puter${scenario ? `/s/${scenario}` : ''}`;
}

let counter = 0;
/** A value no other test uses: scenario run ids, tokens. */
export const unique = (prefix = 'run') =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface PuterLogEntry {
  method: string;
  path: string;
  kind?: 'generate' | 'usage' | 'whoami' | 'catalogue' | 'signin';
  model?: string;
  fault?: string;
  at: number;
}

/** Requests the simulator received (never tokens), oldest first; with `marker`, only paths containing it. */
export async function puterLog(marker?: string): Promise<PuterLogEntry[]> {
  const log: PuterLogEntry[] = await (await fetch('/sim/puter/_log')).json();
  return marker ? log.filter((entry) => entry.path.includes(marker)) : log;
}

async function post(path: string, body: object) {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
}

/** Creates or changes the simulated account of `token`: balance in microcents ($0.01 = 1,000,000). */
export const setPuterAccount = (token: string, account: { balance?: number; username?: string; plan?: string }) =>
  post('/sim/puter/_account', { token, ...account });

/** What the next sign-in popups do: sign in as `username` with `balance`, or close without signing in. */
export const setPuterSignIn = (next: { outcome?: 'ok' | 'close'; username?: string; balance?: number }) =>
  post('/sim/puter/_signin', { outcome: 'ok', username: 'demo-user', balance: 50_000_000, ...next });

/** The SDK instance (once loaded). */
export const sdk = () => (window as any).puter;

/** Removes the SDK's own dialogs (its "low balance" dialog on 402, its sign-in consent dialog). */
export function removePuterDialogs() {
  for (const dialog of document.querySelectorAll('usage-limit-dialog, puter-dialog')) dialog.remove();
}

/** Resolves once `check()` is true, polling every 20 ms; rejects after `ms`. */
export async function until(check: () => unknown, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

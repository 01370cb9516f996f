// Helpers for tests that run the REAL Puter SDK (@heyputer/puter.js, its browser bundle dist/puter.cjs served
// from node_modules) against the Puter simulator mounted on the test server (demo/sim/puter.mjs).

import { simLogOf, type SimLogEntry } from './sim.js';

/** Where the tests load the SDK from (the element's `puter-src`). */
export const PUTER_SRC = '/node_modules/@heyputer/puter.js/dist/puter.cjs';

/** The simulator as Puter's API origin, optionally with a scenario (e.g. 'fault=402'). */
export function puterEndpoint(scenario = ''): string {
  return `${location.origin}/sim/puter${scenario ? `/s/${scenario}` : ''}`;
}

/** The generate calls the simulator received for one run (those whose path holds `marker`), oldest first. */
export async function puterCalls(marker: string): Promise<SimLogEntry[]> {
  return (await simLogOf('puter', marker)).filter((entry) => entry.kind === 'generate');
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

// Helpers for tests that run the REAL Puter SDK (@heyputer/puter.js, its browser bundle dist/puter.cjs served
// from node_modules) against the Puter simulator mounted on the test server (demo/sim/puter.mjs).

import { puterSdk } from '../../src/providers/puter/adapter.js';
import { simEndpoint, simLogOf, unique, type SimLogEntry } from './sim.js';

/** Where the tests load the SDK from (the element's `puter-src`). */
export const PUTER_SRC = '/node_modules/@heyputer/puter.js/dist/puter.cjs';

/** The simulator as Puter's API origin, optionally with a scenario (e.g. 'fault=402'). */
export const puterEndpoint = (scenario = '') => simEndpoint('puter', scenario);

/** The generate calls the simulator received for one run (those whose path holds `marker`), oldest first. */
export async function puterCalls(marker: string): Promise<SimLogEntry[]> {
  return (await simLogOf('puter', marker)).filter((entry) => entry.kind === 'generate');
}

async function post(path: string, body: object) {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
}

/** One image generation as the SDK asks Puter for it (a drivers/call), at `api` (the simulator under a scenario), as `token`. */
export function puterGenerate(api: string, token: string, args: Record<string, unknown>) {
  return fetch(`${api}/drivers/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;actually=json' },
    body: JSON.stringify({ interface: 'puter-image-generation', method: 'generate', args, auth_token: token }),
  });
}

/** What Puter's metering says of `token`'s account at `api` (`allowanceInfo.remaining`: the microcents left). */
export async function puterUsage(api: string, token: string) {
  return (await fetch(`${api}/metering/usage`, { headers: { Authorization: `Bearer ${token}` } })).json();
}

/**
 * Creates or changes the simulated account of `token`: balance in microcents ($0.01 = 1,000,000); `spent` microcents
 * metered to it elsewhere, by this site's app (another device of the user) or the app `app` names.
 */
export const setPuterAccount = (
  token: string,
  account: { balance?: number; username?: string; plan?: string; spent?: number; app?: string },
) => post('/sim/puter/_account', { token, ...account });

/** What the next sign-in popups do: sign in as `username` with `balance`, or close without signing in. */
export const setPuterSignIn = (next: { outcome?: 'ok' | 'close'; username?: string; balance?: number }) =>
  post('/sim/puter/_signin', { outcome: 'ok', username: 'demo-user', balance: 50_000_000, ...next });

/** The SDK instance (once loaded). */
export const sdk = () => (window as any).puter;

/** Removes the SDK's own dialogs (its "low balance" dialog on 402, its sign-in consent dialog). */
export function removePuterDialogs() {
  for (const dialog of document.querySelectorAll('usage-limit-dialog, puter-dialog')) dialog.remove();
}

/**
 * The real SDK, loaded as the widget loads it and pointed at `endpoint` (the simulator unless said), signed in without
 * a popup as a fresh account (`balance` microcents, $0.50 unless said; `plan`): the SDK and the account's token.
 */
export async function signedInToPuter(
  endpoint = puterEndpoint(),
  account: { balance?: number; plan?: string } = { balance: 50_000_000 },
) {
  const puter = await puterSdk(endpoint, PUTER_SRC);
  const token = unique('token');
  await setPuterAccount(token, account);
  sdk().setAuthToken(token);
  return { puter, token };
}

/**
 * For the calling suite: the SDK's own dialogs removed after each test, and after them all the SDK signed out and the
 * credit rates the adapter learnt forgotten.
 */
export function puterSessionsEnded() {
  afterEach(removePuterDialogs);
  after(() => {
    sdk()?.auth.signOut();
    localStorage.removeItem('userpays:puter-credit-rates');
  });
}

/**
 * A Puter SDK of its own (another device's), signed in to the simulator with a token of its own for `username`: two of
 * them are two devices of one user.
 */
export async function puterSignedInAs(username: string) {
  const token = unique('token');
  await setPuterAccount(token, { username });
  const puter = new (sdk().constructor)();
  puter.setAPIOrigin(puterEndpoint());
  puter.authToken = token;
  return { puter, token };
}

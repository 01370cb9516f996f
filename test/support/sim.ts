// Helpers for tests that talk to the simulators mounted on the test server (real HTTP, loopback).
import { BUILTIN_PRICE_BOOK } from '../../src/providers/prices.js';
import { mergePriceBook } from '../../src/pricing/index.js';

/** The built-in prices plus the gateway simulator's default flat price for FLUX.2 [klein] 4B (0.04 per image). */
export const GATEWAY_PRICE_BOOK = mergePriceBook(BUILTIN_PRICE_BOOK, {
  'flux-2-klein-4b': {
    openai: {
      rule: { kind: 'flat', unit: 'usd', perImage: '0.04' },
      source: { name: 'sim', asOf: 'now' },
      exact: true,
    },
  },
});

/** Base URL of the BFL simulator, optionally with a fault/timing scenario (e.g. 'fault=402;pending=50'). */
export function bflEndpoint(scenario = ''): string {
  return `${location.origin}/sim/bfl${scenario ? `/s/${scenario}` : ''}`;
}

/** The test server under its other loopback name: another origin, as a provider's API is (CORS, preflights). */
export const otherOrigin = () =>
  location.origin.replace(/localhost|127\.0\.0\.1/, (host) => (host === 'localhost' ? '127.0.0.1' : 'localhost'));

export interface SimLogEntry {
  method: string;
  path: string;
  host: string;
  hasKey: boolean;
  /** The request's Origin header (none when it came through the relay, which does not forward it). */
  origin?: string | null;
}

/** Requests the BFL simulator received since the test page started, newest last. */
export async function simLog(): Promise<SimLogEntry[]> {
  const response = await fetch(`${location.origin}/sim/bfl/_log`);
  return response.json();
}

/** Submissions (POST /v1/{model}) the simulator received after `since` requests. */
export async function submissionsSince(since: number): Promise<SimLogEntry[]> {
  return (await simLog()).slice(since).filter((e) => e.method === 'POST' && /\/v1\//.test(e.path));
}

let counter = 0;
/** A storage namespace no other test uses, so ledgers and image stores never collide. */
export function uniqueStorageKey(): string {
  return `t${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Resolves with the next event of that name on the target. */
export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

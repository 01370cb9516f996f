// Helpers for tests that talk to the simulators mounted on the test server (demo/sim/, real HTTP over loopback): their
// addresses (on this page's origin or the other loopback name), what each logged and charged, and values no other
// test uses (keys, storage keys, run ids).
import { mergePriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';

/** The fetch of the page as it loaded: the simulators' logs and charges are read with it, so a test that records or
 * replaces `window.fetch` never sees these reads among the widget's own requests. */
export const pageFetch = window.fetch.bind(window);

/** The simulators of demo/sim/, by the path they are mounted under (`/sim/<name>`). */
export type SimulatorName =
  'bfl' | 'fal' | 'openai' | 'openrouter' | 'huggingface' | 'puter' | 'pollinations' | 'google';

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

/** This page's host under its other loopback name (`127.0.0.1:<port>` for `localhost:<port>`, and back). */
export const OTHER_HOST = location.host.startsWith('localhost')
  ? location.host.replace('localhost', '127.0.0.1')
  : location.host.replace('127.0.0.1', 'localhost');

/** The test server under its other loopback name: another origin, as a provider's API is (CORS, preflights). */
export const otherOrigin = () => `${location.protocol}//${OTHER_HOST}`;

/**
 * Base URL of the simulator `name`, with a fault/timing scenario if given (`fault=402;pending=50`: see the comment
 * at the top of its demo/sim/ file). `crossOrigin`: on the other loopback name, so that every call is cross-origin
 * with CORS, as a provider's API is for a page.
 */
export function simEndpoint(name: SimulatorName, scenario = '', { crossOrigin = false } = {}): string {
  return `${crossOrigin ? otherOrigin() : location.origin}/sim/${name}${scenario ? `/s/${scenario}` : ''}`;
}

/** Base URL of the BFL simulator, optionally with a fault/timing scenario (e.g. 'fault=402;pending=50'). */
export const bflEndpoint = (scenario = '') => simEndpoint('bfl', scenario);

/** Base URL of the fal queue simulator, on this page's origin, optionally with a scenario. */
export const falEndpoint = (scenario = '') => simEndpoint('fal', scenario);

/** One request a simulator received, as its `_log` reports it (each simulator fills the fields it knows). */
export interface SimLogEntry {
  method: string;
  path: string;
  host: string;
  /** Whether the request carried the key (x-key or Authorization, as the provider takes it). */
  hasKey: boolean;
  /** BFL: whether an Authorization header came (BFL takes the key as x-key). */
  hasAuthorization?: boolean;
  /** The request's Origin header (none when it came through the relay, which does not forward it). */
  origin?: string | null;
  /** The task (or request) the entry belongs to, where the simulator knows it. */
  id?: string;
  /** When it arrived, ms since the epoch (the server's clock). */
  at: number;
  /** Held open (fault=hang), and when the server closed it. */
  hung?: boolean;
  closedAt?: number;
  /** fault=redirect: where the simulator sent it, and (on the target) that it came by a redirect. */
  redirectedTo?: string;
  redirected?: boolean;
  /** fault=accept-then-drop: accepted, then the connection dropped without a reply. */
  dropped?: boolean;
  /** Puter: what kind of call it was, the model and the fault. */
  kind?: 'generate' | 'usage' | 'whoami' | 'catalogue' | 'signin' | `kv:${string}`;
  model?: string;
  fault?: string;
  /** BFL, OpenRouter: the width and height of each reference a submission carried (null where it was not an image). */
  inputs?: ([number, number] | null)[];
  /**
   * What a generation asked for (OpenRouter: its `route`, 'images' or 'chat', and `size` or `modalities` and
   * `image_config`; a gateway: `size`, or `width` and `height`).
   */
  asked?: { model?: string; [field: string]: any };
}

/** Every request the simulator `name` (BFL unless said) received since the server started, oldest first. */
export async function simLog(name: SimulatorName = 'bfl'): Promise<SimLogEntry[]> {
  return (await pageFetch(`${location.origin}/sim/${name}/_log`)).json();
}

/** The simulator's entries of one run: those whose path holds `marker` (a scenario's `run=…`, a task id…). */
export async function simLogOf(name: SimulatorName, marker: string): Promise<SimLogEntry[]> {
  return (await simLog(name)).filter((entry) => entry.path.includes(marker));
}

/** The simulator's entries of one task (submit, polls, delivery…), by the id it gave the task, in order. */
export async function taskLog(name: SimulatorName, id: string): Promise<SimLogEntry[]> {
  return (await simLog(name)).filter((entry) => entry.id === id);
}

/** Submissions (POST /v1/{model}) the BFL simulator received after `since` requests (with `marker` in their path). */
export async function submissionsSince(since: number, marker = ''): Promise<SimLogEntry[]> {
  return (await simLog())
    .slice(since)
    .filter((e) => e.method === 'POST' && /\/v1\//.test(e.path) && e.path.includes(marker));
}

/** The submissions (POSTs) the simulator `name` received under the run marker `run` (polls and images are not). */
export async function submissionsOf(name: SimulatorName, run: string): Promise<SimLogEntry[]> {
  return (await simLogOf(name, run)).filter((entry) => entry.method === 'POST');
}

/**
 * What the simulator `name` says it charged `key` (its `_charges` reply: `usd`, and a count named as the simulator
 * names it: BFL `tasks` and `credits`, fal and Hugging Face `requests`, the gateways and Pollinations `images`, Puter
 * `calls`; Pollinations also `pollen`).
 * Puter names its accounts by `token`.
 */
export async function simCharges(name: SimulatorName, key: string): Promise<{ usd: string } & Record<string, any>> {
  const parameter = name === 'puter' ? 'token' : 'key';
  return (await pageFetch(`${location.origin}/sim/${name}/_charges?${parameter}=${encodeURIComponent(key)}`)).json();
}

/** What the simulator `name` charged `key`, in USD. */
export const simCharged = async (name: SimulatorName, key: string): Promise<string> =>
  (await simCharges(name, key)).usd;

/**
 * Lets the tasks the simulator `name` holds under `hold` (a scenario's `hold=<name>`: BFL, fal) on to their next state,
 * once the test has seen what it waited for; throws where none was held (a test that released the wrong name, or too
 * soon).
 */
export async function releaseHold(name: 'bfl' | 'fal', hold: string): Promise<void> {
  const url = `${location.origin}/sim/${name}/_release?hold=${encodeURIComponent(hold)}`;
  const { released } = (await (await pageFetch(url, { method: 'POST' })).json()) as { released: number };
  if (!released) throw new Error(`the ${name} simulator held nothing under ${hold}`);
}

/** POSTs `body` as JSON to `url` with `headers`, as a provider's client does: the status and the JSON reply. */
async function postJson(url: string, headers: Record<string, string>, body: object) {
  const response = await pageFetch(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A task submitted straight to the BFL simulator at `endpoint` (its `model`, `key` as x-key): status and reply. */
export const submitToBfl = (endpoint: string, key: string, model: string, body: object) =>
  postJson(`${endpoint}/v1/${model}`, { 'x-key': key }, body);

/** A request submitted straight to the fal queue simulator at `endpoint` (fal's `app` id, with `key`): status and reply. */
export const submitToFal = (endpoint: string, key: string, app: string, body: object) =>
  postJson(`${endpoint}/${app}`, { Authorization: `Key ${key}` }, body);

let counter = 0;
/** A value no other test uses (`prefix-<time>-<n><random>`): scenario run ids, keys, tokens. */
export const unique = (prefix = 'run') =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The storage keys this page made (`uniqueStorageKey`): each test file is a page of its own. */
export const madeStorageKeys: string[] = [];

/** A storage namespace no other test uses, so ledgers and image stores never collide. */
export function uniqueStorageKey(): string {
  const made = `t${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  madeStorageKeys.push(made);
  return made;
}

/** Resolves with the next event of that name on the target. */
export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

/** OpenRouter's image API asked to keep to one upstream's endpoint (`tag`: OpenRouter's name), with no fallbacks. */
export const pinnedTo = (tag: string) => ({ provider: { only: [tag], allow_fallbacks: false } });

/** What OpenRouter's image API is asked for GPT Image 2 at high 1024², the widget's request: pinned to OpenAI. */
export const GPT_IMAGE_2_AT_OPENROUTER = {
  route: 'images',
  model: 'openai/gpt-image-2',
  size: '1024x1024',
  quality: 'high',
  ...pinnedTo('openai'),
};

/** The turns the simulator's Google received in each generation under `run`, oldest first (its `contents`). */
export const turnsSent = async (run: string) =>
  (await submissionsOf('google', run))
    .filter((entry) => entry.path.endsWith(':generateContent'))
    .map((entry) => entry.asked!.contents as { role: string; parts: any[] }[]);

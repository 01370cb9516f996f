import { isRecord } from '../base/checks.js';
import { UserPaysError, asUserPaysError } from '../base/errors.js';
import type { ProviderId } from '../base/types.js';
import { modelName, type PriceBook } from '../pricing/index.js';
import { checkText } from '../strings/check.js';
import type { Sentence } from '../strings/strings.js';
import { record, type Exchange } from './recorder.js';

// What every step of "Check this account" shares (check.ts runs them, image.ts makes the image): where it runs, how a
// step is recorded and stopped, and the shapes of the report's steps.

/**
 * A model as a sentence of the check names it: its name with the id the price book and the provider know it by
 * ("FLUX.1 [schnell] (flux-1-schnell)"), or the id alone where the widget has no name for it (a provider's new model).
 */
export const spokenModel = (model: string) => (modelName(model) === model ? model : `${modelName(model)} (${model})`);

/** What the check's image asks for, and is priced with: a plain picture, which no moderation refuses. */
export const CHECK_PROMPT = 'A red apple on a white table, photographed from the side';

/** Where and how the check runs, its options checked. */
export interface CheckPlace {
  provider: ProviderId;
  name: string;
  /** The endpoint as the page gave it ('' for the provider's public one), and as requests go. */
  given: string;
  endpoint: string;
  relay: string;
  /** The key the lists and the balance are read with: the one given, else a `signIn()`'s for this place. */
  apiKey: string;
  /** The key as the page gave it ('' where it gave none: the image is then made with the sign-in's, as its own). */
  givenKey: string;
  puterSrc: string;
  storageKey: string;
  /** The page's own prices (a gateway's), laid over the built-in ones as the widget's `priceBook`. */
  priceBook?: PriceBook | null;
}

/** One step of the check: what it read or made, said, and the exchanges it had with the provider. */
export interface CheckStep {
  step: 'models' | 'balance' | 'image';
  said: Sentence[];
  exchanges: Exchange[];
}

/** The cheapest image the path sells, before it is made: its model, size and price. */
export interface Offer {
  model: string;
  width: number;
  height: number;
  quality?: string;
  /** USD: what it is expected to cost. */
  quoted: string;
  /** USD: the most it can cost, where the price is a bound. */
  atMost?: string;
  said: Sentence;
}

/** What a step read (`answer`) or how it failed (`failure`), and the exchanges it had meanwhile. */
export type Recorded<T> =
  { answer: T; failure?: undefined; exchanges: Exchange[] } | { failure: UserPaysError; exchanges: Exchange[] };

/** `work`, or `cancelled` as soon as `signal` aborts (what it was doing is left to finish unheard). */
export function stoppable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  const stopped = () => new UserPaysError('cancelled', checkText.checkCancelled(), false);
  if (signal.aborted) return Promise.reject(stopped());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(stopped());
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** The secrets the recordings must not keep: the key given, and Puter's token where its SDK holds one. */
export const secretsOf = (place: CheckPlace) => () => {
  const puter: unknown = Reflect.get(globalThis, 'puter'); // the SDK's, where it has loaded
  const puterToken = isRecord(puter) ? puter.authToken : undefined;
  return [place.apiKey, ...(typeof puterToken === 'string' ? [puterToken] : [])].filter(Boolean);
};

/** Runs `read` while the exchanges are recorded: its answer, and the step of what it exchanged. */
export async function recorded<T>(place: CheckPlace, read: () => Promise<T>): Promise<Recorded<T>> {
  const recording = record(place.endpoint, place.relay, secretsOf(place));
  try {
    const answer = await read();
    return { answer, exchanges: await recording.exchanges() };
  } catch (error) {
    return { failure: asUserPaysError(error), exchanges: await recording.exchanges() };
  } finally {
    recording.stop();
  }
}

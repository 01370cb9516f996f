import type { ErrorCode, ErrorDetail } from './types.js';
import { errors } from '../strings/errors.js';
import { reword, sayer, type Sentence, type Translation } from '../strings/strings.js';

const say = sayer('errors', errors);

/** Codes where trying the same thing again later can succeed. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'rate-limited',
  'network',
  'timeout',
  'provider-error',
  'cancelled',
  'auth-required',
]);

/**
 * The one error type the library throws. `message` is plain words for an end user
 * (what happened and what to do next) and never contains a key.
 */
export class UserPaysError extends Error {
  readonly code: ErrorCode;
  /**
   * Whether trying again may succeed: by its code, unless its provider knows better (a day's quota used up is not
   * lifted by trying again today: the widget then offers no Try again).
   */
  retryable: boolean;
  /**
   * What `message` says, sentence by sentence (`say`), each named where it is one of the widget's (`Sentence`), so
   * that the element that shows the error says it in its own language (`toDetail`). `message` is their English.
   */
  said: readonly Sentence[];
  /**
   * Set by a provider when it knows the failed task cost nothing even though it was accepted
   * (BFL's "Request Moderated": refused before generation). Otherwise an accepted task whose
   * cost the provider reported is booked, whatever happened after.
   */
  uncharged = false;
  /** Set by a provider when it knows it charged for the failed request (it completed, then something failed). */
  billed = false;
  /** Set by a provider whose answer leaves open whether it charged (BFL's 'Request Moderated'): booked as uncertain. */
  uncertain = false;
  /**
   * True when the provider answered with an HTTP error that says the request was not carried out (a 4xx, 500,
   * 503, a redirect): at submission, nothing was charged. A lost reply, an unreadable 2xx, a 502/504 from a
   * gateway in front of the provider, or a cancel in flight leave it open whether it was.
   */
  answered = false;
  /**
   * The host refused this page (no CORS), or the site's relay would not carry the request: nothing reached the
   * provider. Set with the message left empty where the provider's name belongs in it (see `guard`).
   */
  cors = false;
  /**
   * How many times the request may have reached the provider when its connection broke before any reply: the
   * browser sends a request again by itself then (see `mostSends` in providers/engine/http.ts). Unset: once.
   */
  sends?: number;
  /**
   * Where the refusal is lifted, where that is the account's plan and billing, not a moment's wait (Google's quota used
   * up, its 429: AI Studio's usage page): the error links there, as a short balance's links to `ProviderInfo.fundsUrl`.
   * A constant of the adapter's, never an address a reply gave.
   */
  billingUrl?: string;
  /**
   * Refused for want of credit for this model alone (Pollinations sells some models for bought pollen only): the
   * account may still pay for others, and is not said to be out of credit.
   */
  modelOnly?: boolean;
  /**
   * The charge this error left uncertain: its ledger entry, which the list under the tally asks the user about (the
   * error points there). `timesMoved`: on a key others may use too, where the account's balance moved meanwhile by a
   * whole number of the request's price, up to the sends its bound counts: how many prices it is. The error
   * then offers to book it ("Charged once, $0.014", "Charged twice, $0.028"), the likeliest answer one click away, and
   * still the user's: another use of the key would move the balance the same. Set too where the balance booked it at
   * once (`countedByBalance`), whose Undo holds it uncertain again.
   */
  uncertainCharge?: { entry: string; timesMoved?: number };
  /**
   * The charge this error left that the account's balance booked at once: it fell by exactly the request's price
   * (`amount`), nothing else of the provider under way (`provesOneCharge`). The widget says it with an Undo, which
   * holds the entry (`entry`) uncertain again for the user to answer (`LedgerStore.reopen`).
   */
  countedByBalance?: { entry: string; amount: string };
  /**
   * What the later reads of the account's balance found of the charge this error left uncertain, once they settled it
   * or ended with it still open (`watchBalance`, while the page is open): the widget says it beside Generate, in the
   * error's place where it still shows it.
   */
  settledLater?: Sentence;

  constructor(code: ErrorCode, message: string | Sentence, retryable = RETRYABLE.has(code)) {
    const said = typeof message === 'string' ? { text: message } : message;
    super(said.text);
    this.name = 'UserPaysError';
    this.code = code;
    this.retryable = retryable;
    this.said = [said];
  }

  /**
   * Says `sentences` instead: `message` is their English, one after the other. Words put into the message after it
   * was said (a provider's, with a key taken out) are said this way too, as one sentence of their own.
   */
  say(...sentences: Sentence[]): this {
    this.said = sentences;
    this.message = sentences.map((sentence) => sentence.text).join(' ');
    return this;
  }

  /** What `userpays-error` carries, `message` in `translation`'s words (the element's; English without one). */
  toDetail(translation?: Translation): ErrorDetail {
    const message = this.said.map((sentence) => reword(sentence, translation)).join(' ');
    return { code: this.code, message, retryable: this.retryable };
  }
}

/** Anything thrown → a `UserPaysError` (aborts become `cancelled`, unknown throws `provider-error`). */
export function asUserPaysError(error: unknown): UserPaysError {
  if (error instanceof UserPaysError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new UserPaysError('cancelled', say.cancelled());
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new UserPaysError('timeout', say.timeout());
  }
  if (error instanceof TypeError) {
    return new UserPaysError('network', say.network());
  }
  return new UserPaysError('provider-error', say.somethingWrong());
}

/** An error of the user's key (none given, or refused): said beside the key field, not where the image would be. */
export const isKeyError = (error?: { code: string }) => !!error && /^auth-/.test(error.code);

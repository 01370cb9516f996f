import type { ErrorCode, ErrorDetail } from './types.js';
import * as text from '../strings/errors.js';

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
  readonly retryable: boolean;
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

  constructor(code: ErrorCode, message: string, retryable = RETRYABLE.has(code)) {
    super(message);
    this.name = 'UserPaysError';
    this.code = code;
    this.retryable = retryable;
  }

  toDetail(): ErrorDetail {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

/** Anything thrown → a `UserPaysError` (aborts become `cancelled`, unknown throws `provider-error`). */
export function asUserPaysError(error: unknown): UserPaysError {
  if (error instanceof UserPaysError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new UserPaysError('cancelled', text.cancelled());
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new UserPaysError('timeout', text.timeout());
  }
  if (error instanceof TypeError) {
    return new UserPaysError('network', text.network());
  }
  return new UserPaysError('provider-error', text.somethingWrong());
}

import Decimal from 'decimal.js';
import { isTypedAmount } from '../base/checks.js';
import type { ProviderId } from '../base/types.js';

/**
 * An account system the user signs in to from the page: OAuth 2 authorization code with PKCE (S256), no client
 * secret, no backend. The sign-in flow (src/providers/engine/oauth.ts: verifier in sessionStorage, popup or redirect,
 * state checked) is shared; each provider says only where to send the user and how to trade the code.
 */
export interface OAuthAccount {
  readonly provider: ProviderId;
  /**
   * The account system takes no `state` and sends back only `?code=` (OpenRouter): the callback is the page's origin
   * and path with no query; the tab that started the sign-in, which alone holds the verifier, trades the code.
   */
  readonly stateless?: boolean;
  /** The provider's page the user is sent to, to approve (PKCE challenge, our state, our return address). */
  authorizeUrl(request: AuthorizeRequest): string;
  /** Trades the code the provider sent back for the key or token the user's requests will carry. */
  exchange(request: ExchangeRequest, signal?: AbortSignal): Promise<SignedIn>;
}

export interface AuthorizeRequest {
  /** The provider's endpoint (checked by checkEndpoint), its public one when the page sets none. */
  endpoint: string;
  /** Where the provider sends the user back (the page itself, without its query). */
  redirectUri: string;
  /** base64url(SHA-256(verifier)). */
  challenge: string;
  /** Random, kept in sessionStorage with the verifier; checked on the way back. */
  state: string;
  /** The site's public OAuth client id, for providers that register clients (Hugging Face). */
  clientId?: string;
  /** The spending cap the key should carry, in USD (decimal text), where the account system takes one (OpenRouter). */
  limit?: string;
  /** How many days the key should last, where the account system takes it (Pollinations' `expiry`). */
  days?: string;
}

export interface ExchangeRequest {
  endpoint: string;
  code: string;
  verifier: string;
  redirectUri: string;
  clientId?: string;
}

/** What a sign-in gives: the secret the requests carry (held like a typed key), and who it belongs to. */
export interface SignedIn {
  key: string;
  /** ms since the epoch, where the token expires (Hugging Face's access tokens do). */
  expiresAt?: number;
  /** A name to show in the account line, where the provider tells it. */
  user?: string;
  /**
   * The account cannot pay for an image as it stands, as the provider said at sign-in (Hugging Face: no PRO and no
   * payment method): the user is told before the click, never stopped (the provider's refusal decides).
   */
  cannotPay?: boolean;
}

/** The cap a sign-in offers where the page names no budget (SPEC §4: "else $5"). */
const DEFAULT_CAP = '5';

/**
 * The spending cap, in USD, that the form before a capped sign-in (part `grant`) offers first: the page's `budget` when
 * it is an amount above zero, else $5 (SPEC §4), as `capOf` writes it.
 */
export function defaultCap(budget?: string | null): string {
  // A budget is written with a point (never a thousands separator): "1.000" is one dollar here.
  return isTypedAmount(budget) && new Decimal(budget.trim()).gt(0) ? new Decimal(budget.trim()).toFixed() : DEFAULT_CAP;
}

/**
 * True where the user typed a separator before exactly three digits after a number that does not start with 0 ("1,000",
 * "1.000", "250,000"): English writes a thousand so, German writes one dollar so the other way round, and the two can
 * be a thousand times apart; the form asks for the amount without it.
 */
export const thousandsSeparated = (typed: string) => /^[1-9]\d{0,2}[.,]\d{3}$/.test(typed.trim());

/**
 * The cap the user typed, as OpenRouter's own client writes `limit` (@openrouter/sdk 1.3.19, oAuthCreateAuthorizationUrl:
 * `limit.toString()`: '2.50' → '2.5') but always in plain decimals (never `1e+23` or `1e-7`, which a reader of the
 * address may take for something else); a decimal comma is read as a point ("2,50", as German writes it). Undefined
 * where it is not an amount above zero, or may be a thousand times off (`thousandsSeparated`): the form says so, and
 * nothing leaves for the provider.
 */
export function capOf(typed: string): string | undefined {
  if (thousandsSeparated(typed)) return undefined;
  const amount = typed.trim().replace(/^(\d*),(\d+)$/, '$1.$2');
  return isTypedAmount(amount) && new Decimal(amount).gt(0) ? new Decimal(amount).toFixed() : undefined;
}

/** The days a key offered by a sign-in that asks for them lasts, where the user changes nothing (SPEC §4: 7). */
export const DEFAULT_DAYS = '7';

/**
 * The days the user typed for a key's life: a whole number from 1 to 365 (Pollinations takes 1 second to 365 days:
 * pollinations/pollinations shared/auth/authorize-config.ts, getExpiryDaysError), as its text; undefined otherwise, said under the field.
 */
export function daysOf(typed: string): string | undefined {
  const days = typed.trim();
  return /^\d{1,3}$/.test(days) && +days >= 1 && +days <= 365 ? String(+days) : undefined;
}

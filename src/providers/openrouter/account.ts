import { UserPaysError } from '../../base/errors.js';
import { fetchJson, type HttpError } from '../engine/http.js';
import { checkEndpoint } from '../urls.js';
import type { AuthorizeRequest, ExchangeRequest, OAuthAccount, SignedIn } from '../sign-in.js';
import { signIn as signInWords } from '../../strings/sign-in.js';
import { sayer } from '../../strings/strings.js';

const signInText = sayer('signIn', signInWords);

/** OpenRouter's sign-in (openrouter.ai/docs/oauth, "OAuth PKCE"): no client id, no secret; the key is the user's. */
export const openRouterAccount: OAuthAccount = {
  provider: 'openrouter',
  /** OpenRouter takes no `state`, and sends the user back to `callback_url` with `?code=` (openrouter.ai/docs/oauth). */
  stateless: true,
  /**
   * `{endpoint}/auth?callback_url=…&code_challenge=…&code_challenge_method=S256&limit=…`. `callback_url` is the page's
   * origin and path with no query: no source says how OpenRouter adds `code` to one that has a query (the tab that
   * started keeps the page's full address: engine/oauth.ts). `limit` is the cap in USD, as OpenRouter's own client
   * sends it (@openrouter/sdk 1.3.19, oAuthCreateAuthorizationUrl: `limit.toString()`); no doc says the key then has
   * it, so the key's limit is read back after sign-in (`GET /api/v1/key`: adapter.ts, `balance`).
   */
  authorizeUrl({ endpoint, redirectUri, challenge, limit }: AuthorizeRequest) {
    const callback = new URL(redirectUri);
    callback.search = '';
    callback.hash = '';
    const query = new URLSearchParams({
      callback_url: callback.href,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(limit ? { limit } : {}),
    });
    return `${checkEndpoint(endpoint)}/auth?${query}`;
  },
  /** `POST {endpoint}/api/v1/auth/keys {code, code_verifier, code_challenge_method}` → `{ key }`. */
  async exchange({ endpoint, code, verifier }: ExchangeRequest, signal?: AbortSignal): Promise<SignedIn> {
    const failed = () => new UserPaysError('auth-failed', signInText.signInFailed('openrouter'), false);
    const reply = await fetchJson(
      `${checkEndpoint(endpoint)}/api/v1/auth/keys`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
      },
      signal ?? new AbortController().signal,
    ).catch((error: HttpError) => {
      throw error.status ? failed() : error;
    });
    if (typeof reply.key !== 'string' || !reply.key) throw failed();
    return { key: reply.key };
  },
};

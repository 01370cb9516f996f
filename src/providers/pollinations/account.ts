import { exchangeCode, siteClientId } from '../engine/oauth-client.js';
import type { AuthorizeRequest, ExchangeRequest, OAuthAccount, SignedIn } from '../sign-in.js';
import { sayer } from '../../strings/strings.js';
import { clock } from '../../base/clock.js';
import { retired } from '../../pricing/lifecycle.js';
import { info } from './info.js';
import { prices } from './prices.js';
import { noAppKeyConsole, pollinationsWords } from './words.js';

/** Pollinations' words (words.ts), for the account and the adapter alike. */
export const pollinationsText = sayer('pollinations', pollinationsWords);

/**
 * "Connect User Wallets" (BRING_YOUR_OWN_POLLEN.md in pollinations/pollinations): OAuth 2.1 authorization code with
 * PKCE (S256) from the page, the site's publishable App Key (`pk_…`, attribute `pollinations-app-key`) as the client
 * id, every page address that signs in (origin and path, no query) registered as one of its Redirect URIs, no secret:
 *   {auth}/authorize?response_type=code&client_id&redirect_uri&state&code_challenge&code_challenge_method=S256
 *     &budget=<pollen>&expiry=<days>&models=<names>   → back with ?code&state, or ?error=access_denied&state
 *   POST {auth}/api/oauth/token (form: grant_type=authorization_code, code, client_id, redirect_uri, code_verifier)
 *     → {access_token: 'sk_…', token_type, expires_in?, scope?}; a code works once, RFC 6749 error objects
 * `{auth}` is https://enter.pollinations.ai for the public API (gen.pollinations.ai), else the endpoint itself (a
 * proxy, the simulator), which then answers both.
 */
const authOf = (endpoint: string) => (endpoint === info.defaultEndpoint() ? 'https://enter.pollinations.ai' : endpoint);

/** The site's publishable App Key (`pollinations-app-key`), else a refusal that says where to get one. */
const appKeyOf = siteClientId(noAppKeyConsole, () => pollinationsText.noAppKey());

/**
 * The models the key may use: those this widget offers at Pollinations by the page's clock, by their names there
 * (prices.ts). One whose upstream has ended is gone from Pollinations' list, and its name is no longer one the consent
 * page knows.
 */
const modelsNow = () =>
  Object.values(prices)
    .filter((entry) => !retired(entry.lifecycle, clock.now()))
    .map((entry) => entry.model)
    .join(',');

export const pollinationsAccount: OAuthAccount = {
  provider: 'pollinations',

  authorizeUrl(request: AuthorizeRequest): string {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: appKeyOf(request),
      redirect_uri: request.redirectUri,
      state: request.state,
      code_challenge: request.challenge,
      code_challenge_method: 'S256',
      ...(request.limit ? { budget: request.limit } : {}), // pollen, at 1 pollen = $1
      ...(request.days ? { expiry: request.days } : {}),
      models: modelsNow(),
    });
    return `${authOf(request.endpoint)}/authorize?${query}`;
  },

  async exchange(request: ExchangeRequest, signal = new AbortController().signal): Promise<SignedIn> {
    // Refused (`invalid_grant`: a code used, expired, or of another verifier): only a new sign-in helps.
    const { key, reply } = await exchangeCode(
      `${authOf(request.endpoint)}/api/oauth/token`,
      request.code,
      request.verifier,
      { client_id: appKeyOf(request), redirect_uri: request.redirectUri },
      pollinationsText.signInFailed(),
      signal,
    );
    const life = reply.expires_in; // seconds; absent: the key does not expire
    return {
      key,
      ...(typeof life === 'number' && Number.isFinite(life) && life > 0
        ? { expiresAt: clock.now() + life * 1000 }
        : {}),
    };
  },
};

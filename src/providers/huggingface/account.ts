import { UserPaysError } from '../../base/errors.js';
import { clock } from '../../base/clock.js';
import { exchangeCode, siteClientId } from '../engine/oauth-client.js';
import type { AuthorizeRequest, ExchangeRequest, OAuthAccount, SignedIn } from '../sign-in.js';
import { info } from './info.js';
import { huggingfaceWords, noClientIdConsole } from './words.js';
import { sayer } from '../../strings/strings.js';

/** Hugging Face's words (words.ts), for the account and the adapter alike. */
export const huggingFaceText = sayer('huggingface', huggingfaceWords);

/**
 * "Sign in with Hugging Face" (huggingface.co/docs/hub/oauth): OAuth 2 with PKCE from the page, the site's public
 * client id (`huggingface-client-id`; an OAuth app made at huggingface.co/settings/connected-applications, its
 * redirect URI the page's address), no secret. Checked against `@huggingface/hub` 2.17.5 (src/lib/oauth-login-url.ts,
 * oauth-handle-redirect.ts), which reads the same endpoints from https://huggingface.co/.well-known/openid-configuration:
 *   {hub}/oauth/authorize?client_id&scope&response_type=code&redirect_uri&state&code_challenge&code_challenge_method=S256
 *   POST {hub}/oauth/token (form: grant_type=authorization_code, code, redirect_uri, code_verifier; and our client_id,
 *        which RFC 6749 §4.1.3 asks of a public client, though the hub's client leaves it out)
 *        → {access_token, expires_in, id_token, scope, token_type}
 *   GET  {hub}/oauth/userinfo (Bearer) → {sub, name, preferred_username, isPro, canPay (with read-billing), …}
 * `{hub}` is https://huggingface.co for the public router; for any other endpoint (a proxy, the simulator) the
 * endpoint itself, which then answers both. The token goes to the hub only to exchange and to ask who it is (the
 * issuer's own userinfo, named here); every request after that goes to the router.
 */

/**
 * `openid profile` for the user's name, `inference-api` to make requests for them, `read-billing` to know whether the
 * account can pay at all (userinfo's `canPay`, "Needs read-billing scope": @huggingface/hub src/lib/
 * oauth-handle-redirect.ts; the scopes: huggingface.co/docs/hub/oauth). The site's OAuth app lists the same four.
 */
export const HF_SCOPES = 'openid profile inference-api read-billing';

const hubOf = (endpoint: string) => (endpoint === info.defaultEndpoint() ? 'https://huggingface.co' : endpoint);

/** The site's OAuth app at the hub (`huggingface-client-id`), else a refusal that says how to make one. */
const clientIdOf = siteClientId(noClientIdConsole, () => huggingFaceText.noClientId());

export const huggingFaceAccount: OAuthAccount = {
  provider: 'huggingface',

  authorizeUrl(request: AuthorizeRequest): string {
    const query = new URLSearchParams({
      client_id: clientIdOf(request),
      redirect_uri: request.redirectUri,
      scope: HF_SCOPES,
      state: request.state,
      response_type: 'code',
      code_challenge: request.challenge,
      code_challenge_method: 'S256',
    });
    return `${hubOf(request.endpoint)}/oauth/authorize?${query}`;
  },

  async exchange(request: ExchangeRequest, signal = new AbortController().signal): Promise<SignedIn> {
    const hub = hubOf(request.endpoint);
    const { key, reply } = await exchangeCode(
      `${hub}/oauth/token`,
      request.code,
      request.verifier,
      { redirect_uri: request.redirectUri, client_id: clientIdOf(request) },
      huggingFaceText.signInFailed(),
      signal,
    );
    // A token that may not call Inference Providers would fail at the first image: say so now.
    if (typeof reply.scope === 'string' && !reply.scope.split(/\s+/).includes('inference-api')) {
      throw new UserPaysError('auth-required', huggingFaceText.scopeMissing());
    }
    const life = reply.expires_in;
    // Who it is, for the account line: a convenience, quietly left out when the hub does not say.
    const info = await fetch(`${hub}/oauth/userinfo`, {
      headers: { authorization: `Bearer ${key}` },
      signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
    })
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    const user: unknown = info?.preferred_username ?? info?.name;
    return {
      key,
      expiresAt: typeof life === 'number' && life > 0 ? clock.now() + life * 1000 : undefined,
      user: typeof user === 'string' && user ? user : undefined,
      // A free account has no included credits and cannot pay as it goes (SPEC §4): with neither PRO nor a payment
      // method it can pay for nothing until the user buys credits or PRO. A field missing (read-billing refused, an
      // older hub) is unknown, and says nothing.
      cannotPay: info?.isPro === false && info?.canPay === false,
    };
  },
};

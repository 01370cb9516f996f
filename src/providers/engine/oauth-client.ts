import { UserPaysError } from '../../base/errors.js';
import { generationText } from '../../strings/generation.js';
import type { Sentence } from '../../strings/strings.js';
import { fetchJson, isHttpError } from './http.js';

// What the site's side of an OAuth 2 sign-in with PKCE shares where the account system is a standard one (Hugging
// Face's hub, Pollinations' wallets): the site's own client id, and the code traded for a token. The flow itself is
// engine/oauth.ts, loaded when the user signs in; these load with the accounts that use them.

/**
 * The site's own client id at an account system (`clientId`, from its attribute), else a refusal in words (`missing`),
 * the page's developer told how to set it in the console (`howTo`) once a page: the user may click again.
 */
export function siteClientId(howTo: string, missing: () => Sentence): (request: { clientId?: string }) => string {
  let told = false;
  return (request) => {
    if (request.clientId) return request.clientId;
    if (!told) console.warn(howTo);
    told = true;
    throw new UserPaysError('invalid-input', missing(), false);
  };
}

/**
 * A sign-in's code traded for a token where the account system speaks OAuth 2 with PKCE (RFC 6749 §4.1.3, RFC 7636
 * §4.5: Hugging Face's hub, Pollinations' wallets): `grant_type=authorization_code`, the code, the account's own fields
 * (`fields`: its client id and the redirect URI, in the order it documents them) and the verifier, posted as a form to
 * `url`. A refusal (a 4xx: a code used, expired, or of another verifier) is mended only by a new sign-in
 * (`auth-required`, in `refused`'s words); a reply without a token is unreadable. The reply is handed back with its
 * token (`key`) for the account to read the rest of it (its life, its scope).
 */
export async function exchangeCode(
  url: string,
  code: string,
  verifier: string,
  fields: Record<string, string>,
  refused: Sentence,
  signal: AbortSignal,
): Promise<{ key: string; reply: Record<string, unknown> }> {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, ...fields, code_verifier: verifier });
  const reply = await fetchJson(
    url,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: String(body) },
    signal,
    code,
  ).catch((thrown: unknown) => {
    throw isHttpError(thrown) && thrown.status && thrown.status < 500
      ? new UserPaysError('auth-required', refused)
      : thrown;
  });
  const key: unknown = reply?.access_token;
  if (typeof key !== 'string' || !key) throw new UserPaysError('provider-error', generationText.unreadableReply());
  return { key, reply };
}

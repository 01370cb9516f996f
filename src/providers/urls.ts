import { UserPaysError } from '../errors.js';
import * as text from '../strings.js';

/**
 * Which addresses the widget will talk to (docs/contract.md, Security): the checks every provider adapter and
 * controller applies to an endpoint, and to every URL a provider hands back.
 */

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;

const parse = (url: unknown) => {
  try {
    return new URL(url as string);
  } catch {
    return undefined;
  }
};

/** `https:`, or plain `http:` on this machine only (local proxies and the simulators). */
const secure = (u?: URL) => !!u && (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname)));

/** The endpoint must be `https:` (`http:` only on loopback; docs/contract.md, Security); returned without a trailing slash. */
export function checkEndpoint(url: string): string {
  const u = parse(url);
  if (!u || !secure(u) || u.username || u.password || u.search || u.hash) {
    throw new UserPaysError('invalid-input', text.endpointInsecure(), false);
  }
  return u.href.replace(/\/+$/, '');
}

/** A status or result URL a provider sent: `https:` (or `http:` on localhost) only. */
export function checkProviderUrl(url: unknown): string {
  if (secure(parse(url))) return url as string;
  throw new UserPaysError('provider-error', text.addressRefused(), false);
}

/** Image URLs from providers: `https:`, `blob:` or `data:image/(png|jpeg|webp)` (and `http:` on loopback). */
export function checkImageUrl(url: unknown): string {
  const u = parse(url);
  if (secure(u) || u?.protocol === 'blob:' || /^data:image\/(png|jpeg|webp)[;,]/i.test(url as string))
    return url as string;
  throw new UserPaysError('provider-error', text.imageAddressRefused(), false);
}

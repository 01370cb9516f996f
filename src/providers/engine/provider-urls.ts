import { UserPaysError } from '../../base/errors.js';
import { generationText as text } from '../../strings/generation.js';
import { pageHost, parse, secure } from '../urls.js';

/**
 * The addresses a provider hands back (status, result and image URLs), checked as urls.ts checks an endpoint
 * (docs/contract.md, Security), and where a request for one goes when the site has a relay. In the engine: only a
 * generation under way needs them.
 */

/** Where to send a request for `url`: `url` itself, or through the relay (`{relay}?url={url}`). */
export function routed(url: string, relay?: string): string {
  if (!relay) return url;
  const through = new URL(relay);
  through.searchParams.set('url', url);
  return through.href;
}

/** A status or result URL a provider sent: `https:` (or `http:` on localhost) only. */
export function checkProviderUrl(url: unknown, page = pageHost()): string {
  if (typeof url === 'string' && secure(parse(url), page)) return url;
  throw new UserPaysError('provider-error', text.addressRefused(), false);
}

/** Image URLs from providers: `https:`, `blob:` or `data:image/(png|jpeg|webp)` (and `http:` on loopback). */
export function checkImageUrl(url: unknown, page = pageHost()): string {
  const u = parse(url);
  if (
    typeof url === 'string' &&
    (secure(u, page) || u?.protocol === 'blob:' || /^data:image\/(png|jpeg|webp)[;,]/i.test(url))
  )
    return url;
  throw new UserPaysError('provider-error', text.imageAddressRefused(), false);
}

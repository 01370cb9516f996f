import { UserPaysError } from '../base/errors.js';
import { errors } from '../strings/errors.js';
import { sayer, type Sentence } from '../strings/strings.js';

const text = sayer('errors', errors);

/**
 * Which addresses the widget will talk to (docs/contract.md, Security): the checks every controller and provider
 * adapter applies to an endpoint and a relay, and the widget's own script addresses. Those of the addresses a
 * provider hands back are the engine's (engine/provider-urls.ts).
 */

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;

export const parse = (url: unknown) => {
  try {
    return new URL(String(url));
  } catch {
    return undefined;
  }
};

/**
 * `https:`, or plain `http:` on this machine only (local proxies and the simulators) — and that only when the
 * page itself is served from this machine: a reply must not point a site on the web at the visitor's loopback.
 */
export const secure = (u: URL | undefined, page: string) =>
  !!u && (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname) && LOOPBACK.test(page)));

/**
 * Whether `url` is on this machine, reached without any network: `localhost` and its subdomains (RFC 6761 §6.3; the
 * browser resolves them to loopback itself), 127.0.0.0/8 and [::1].
 */
export const onThisMachine = (url: string) =>
  /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(parse(url)?.hostname ?? '');

/** The page's own host name: where `http:` on loopback is allowed (see `secure`). */
export const pageHost = () => globalThis.location?.hostname ?? '';

/**
 * An address the widget may send requests to: `https:` (`http:` only on loopback; docs/contract.md, Security), with
 * no credentials, query or fragment in it; refused with `refused()` in words otherwise.
 */
function checkAddress(url: string, page: string, refused: () => Sentence): URL {
  const u = parse(url);
  if (!u || !secure(u, page) || u.username || u.password || u.search || u.hash) {
    throw new UserPaysError('invalid-input', refused(), false);
  }
  return u;
}

/** A provider's endpoint (see `checkAddress`), returned without a trailing slash. */
export const checkEndpoint = (url: string, page = pageHost()): string =>
  checkAddress(url, page, text.endpointInsecure).href.replace(/\/+$/, '');

/**
 * A relay's base URL (`relay` attribute; docs/relay.md), as an endpoint. It may have a path; the address of the
 * request it carries goes in its `url` query parameter (see `routed`).
 */
export const checkRelay = (url: string, page = pageHost()): string => checkAddress(url, page, text.relayInsecure).href;

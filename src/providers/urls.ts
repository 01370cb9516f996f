import { UserPaysError } from '../base/errors.js';
import * as text from '../strings/errors.js';

/**
 * Which addresses the widget will talk to (docs/contract.md, Security): the checks every controller and provider
 * adapter applies to an endpoint and a relay, and the widget's own script addresses. Those of the addresses a
 * provider hands back are the engine's (provider-urls.ts).
 */

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;

export const parse = (url: unknown) => {
  try {
    return new URL(url as string);
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

/** The page's own host name: where `http:` on loopback is allowed (see `secure`). */
export const pageHost = () => globalThis.location?.hostname ?? '';

/**
 * An address the widget may send requests to: `https:` (`http:` only on loopback; docs/contract.md, Security), with
 * no credentials, query or fragment in it; refused with `refused()` in words otherwise.
 */
function checkAddress(url: string, page: string, refused: () => string): URL {
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

let policy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * A script address as a page that enforces Trusted Types accepts it: made by a policy named `userpays`, which
 * such a page lists in its CSP (`trusted-types userpays`). Elsewhere it is the address as it is. Used only for
 * the widget's own scripts (its engine, Puter's SDK from `puter-src`).
 */
export function scriptUrl(url: string): string {
  if (policy === undefined) {
    try {
      const types = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } })
        .trustedTypes;
      policy = types?.createPolicy('userpays', { createScriptURL: (address: string) => address }) ?? null;
    } catch {
      policy = null; // the page does not allow the name: assigning the address then fails, and that is reported
    }
  }
  return (policy?.createScriptURL(url) ?? url) as string;
}

/** Sets a script element's address; a page's Trusted Types that refuse it are reported in words. */
export function setScriptSource(script: HTMLScriptElement, url: string) {
  try {
    script.src = scriptUrl(url);
  } catch {
    throw new UserPaysError('provider-error', text.trustedTypesBlocked(), false);
  }
}

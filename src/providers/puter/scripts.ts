import { UserPaysError } from '../../base/errors.js';
import { puterText } from './words.js';

let policy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * A script address as a page that enforces Trusted Types accepts it: made by a policy named `userpays`, which
 * such a page lists in its CSP (`trusted-types userpays`). Elsewhere it is the address as it is. The one script the
 * widget adds to a page is Puter's SDK (`puter-src`): this is Puter's.
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
    throw new UserPaysError('provider-error', puterText.trustedTypesBlocked(), false);
  }
}

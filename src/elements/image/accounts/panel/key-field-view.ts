import { formatUsdLeft, formatUsdRounded } from '../../../../pricing/index.js';
import { isKeyError } from '../../../../base/errors.js';
import type { ProviderId } from '../../../../base/types.js';
import { keyOrigin, keyRoute, payeeAt, providerInfo, routeParts } from '../../../../providers/registry/catalog.js';
import { parse } from '../../../../providers/urls.js';
import { callsKeysTokens, signIn } from '../../../../strings/sign-in.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { SubmissionShown } from '../../shared/features.js';
import type { AccountController } from './account-controller.js';
import type { ProviderKeys } from './provider-keys.js';
import type { SignInOnDemand } from './sign-in-on-demand.js';
import type { SignedKeys } from './signed-keys.js';
import type { ImageView } from '../../shared/view.js';
import type { KeyFieldView } from './accounts.js';
import type { AccountHandlers } from './account-handlers.js';
import { renderSignInButton } from './sign-in-button.js';

// What the key field shows, from the widget's view and the accounts' state: whom the key pays, where to get one, what
// its account has left, why a key given on this page is not sent here, and Sign in above it.

/** The host of an address; undefined where it is none (nothing is sent there). */
export const hostOf = (address: string) => {
  try {
    return new URL(address).host;
  } catch {
    return undefined;
  }
};

/**
 * The host a key is asked for, where it is not the provider's public one: a gateway, a regional host, a proxy (none
 * where the endpoint is not an address: nothing is sent there).
 */
function keyHost(provider: ProviderId, endpoint: string): string | undefined {
  const origin = keyOrigin(provider, endpoint);
  return origin === keyOrigin(provider, '') ? undefined : parse(origin)?.host;
}

/** The key field's view of `key`: whom it pays, where to get one, what its account has left, what went wrong. */
export function keyFieldView(
  { host, language }: ImageParts,
  { keys, account }: { keys: ProviderKeys; account: AccountController },
  { error, waiting }: SubmissionShown,
  key: NonNullable<ImageView['key']>,
): KeyFieldView {
  const { provider } = host;
  const otherHost = keyHost(provider, host.endpoint); // undefined at the provider's public one
  const wordsText = wordsIn(language.translation, 'words', words);
  // What the account has left, where its provider says (BFL's credits; fal's billing for Admin keys).
  const left = account.balance?.usd;
  const cap = account.cap;
  return {
    ...key,
    payee: otherHost ?? wordsText.theProvider(payeeAt(provider, host.endpoint)),
    account: wordsText.providerName(payeeAt(provider, host.endpoint)),
    url: otherHost ? undefined : providerInfo(provider)?.keyUrl,
    token: callsKeysTokens(provider),
    remembered: keys.isRemembered(),
    waiting: waiting[provider] ?? 0,
    error: error && isKeyError(error) ? error.message : undefined,
    // To what matters, as the tally says amounts ("$0.964", not "$0.964344"); what is left never more than it is.
    left: left && formatUsdLeft(left, language.locale),
    cap: cap && formatUsdRounded(cap, language.locale),
    outOfCredit: account.outOfCredit ? (account.empty ? 'empty' : 'short') : undefined,
  };
}

/**
 * Above the key field, where the provider in force has a sign-in: the sign-in's own line once its part is here, else
 * Sign in, drawn by the panels (the part loads at its click); a key an earlier visit's sign-in made keeps its place
 * until the part, which loads for it, says who pays.
 */
export function signInLine(
  { host, language }: ImageParts,
  { signIn: signInPart, signedKeys }: { signIn: SignInOnDemand; signedKeys: SignedKeys },
  provider: string,
  on: AccountHandlers,
) {
  if (signInPart.loaded) return signInPart.loaded.render(provider);
  if (!providerInfo(host.provider)?.signIn || signedKeys.madeBySignIn()) return undefined;
  return renderSignInButton({ id: host.provider, provider, translation: language.translation }, on.signInFirst);
}

/**
 * Why the key field is empty though the user gave a key for this provider on this page: a key goes only to the
 * origin it was given for, and only the way it was given (through the relay in force then, or none: `keyRoute`,
 * providers/registry/catalog.ts).
 */
export function keyNotSentHere(
  { host, language }: ImageParts,
  { keys }: { keys: ProviderKeys },
  payee: string,
): string[] {
  const origin = keyOrigin(host.provider, host.endpoint);
  const here = keyRoute(host.provider, host.endpoint, host.relay);
  const given = keys
    .routes(host.provider)
    .filter((route) => route !== here)
    .map(routeParts);
  const origins = [...new Set(given.map((route) => route.origin))].filter((other) => other !== origin);
  const relays = given.filter((route) => route.origin === origin).map((route) => hostOf(route.relay) ?? route.relay);
  const signInText = wordsIn(language.translation, 'signIn', signIn);
  const why: string[] = [];
  if (origins.length) why.push(signInText.keyNotSentHere(origins.flatMap((other) => hostOf(other) ?? [])));
  if (relays.length) why.push(signInText.keyGivenAnotherWay(relays, hostOf(host.relay) ?? host.relay, payee));
  return why;
}

// Signing in to the account systems a key comes from (OpenRouter, Hugging Face, Pollinations), in `<userpays-image>`'s
// panels: the form before a capped sign-in, the sign-in itself, who pays and what is left. A lazy part of the panels
// (a chunk of its own, with its styles), loaded where the provider in force has a sign-in and the user reaches for
// it (the panels draw its button until then), its key came from one, or the page may finish one (a PanelPart): a
// visit that only looks, or pastes a key, never loads it.
import { clock } from '../../../../../base/clock.js';
import { formatDate } from '../../../../../base/dates.js';
import { formatUsdLeft, formatUsdRounded } from '../../../../../pricing/index.js';
import { providerInfo } from '../../../../../providers/registry/catalog.js';
import { signIn, type SignInStrings } from '../../../../../strings/sign-in.js';
import { wordsIn } from '../../../../../strings/strings.js';
import type { ImageParts } from '../../../shared/image-parts.js';
import type { Flow } from '../../../shared/features.js';
import type { AccountController } from '../account-controller.js';
import type { ProviderKeys } from '../provider-keys.js';
import type { SignedKeys } from '../signed-keys.js';
import { SignInController } from './sign-in-controller.js';
import { adoptBeside } from '../../../../shared/adopted-styles.js';
import { renderSignIn, signInStyles, type SignInHandlers } from './sign-in.js';
import { mostOf } from '../../../../../pricing/quote.js';

/** The form a sign-in by redirect keeps while the page goes to the account system and back. */
const KEPT = ['prompt', 'model', 'width', 'height', 'count'] as const;

/** The sign-in of a widget: whether the key in force came from it, and its line above the key field. */
export interface SignInPart {
  controller: SignInController;
  /**
   * Sign in, from the user's click: the form before a capped sign-in, or the sign-in itself (in `popup`, where the
   * panels' button opened it before this part was here).
   */
  begin(popup?: Window | null): void;
  /** The line, for the provider in force (named `provider`); undefined where it has no sign-in. */
  render(provider: string): ReturnType<typeof renderSignIn> | undefined;
}

/** What the sign-in reads of the widget besides its first paint's parts: what the key's account has left, and where focus goes. */
export interface SignInNeeds {
  keys: ProviderKeys;
  account: AccountController;
  flow: Flow;
  signedKeys: SignedKeys;
  /** Says what went wrong (any error: the widget words it), where the widget says what a submission found. */
  report(error: unknown): void;
  /** What the last submission's refusal of the key in force said (401, 403), where it was refused. */
  keyRefusal(): string | undefined;
  /** A sign-in gave the key in force: the last submission's error, of the key before, is no longer shown. */
  keyReplaced(): void;
}

/**
 * The sign-in's controller on the widget `host`: what it reads of the element's properties (the provider in force, its
 * client id), and the form it keeps while a sign-in by redirect leaves the page and puts back on its return.
 */
function controllerOf(host: ImageParts['host'], { keys, signedKeys, report, keyReplaced }: SignInNeeds) {
  return new SignInController(host, {
    provider: () => host.provider,
    endpoint: () => host.endpoint,
    relay: () => host.relay,
    clientId: () =>
      ({ huggingface: host.huggingfaceClientId, pollinations: host.pollinationsAppKey })[host.provider as string] ?? '',
    budget: () => host.budget,
    keys,
    signedKeys,
    keep: () => Object.fromEntries(KEPT.map((name) => [name, host[name]])),
    restore: (kept) => {
      for (const name of KEPT) if (typeof kept[name] === typeof host[name]) Object.assign(host, { [name]: kept[name] });
    },
    report,
    replaced: keyReplaced,
  });
}

/**
 * What the line's controls do: sign in (`begin`) and out, and the form before a capped sign-in, the focus going where
 * each leads (the field refused, or Sign in again after Cancel).
 */
function handlersOf(root: ShadowRoot, controller: SignInController, flow: Flow, begin: () => void): SignInHandlers {
  const field = (id: string) => root.querySelector<HTMLInputElement>(id)?.value;
  const on: SignInHandlers = {
    keySignIn: () => begin(),
    grantContinue: () => {
      controller.grant(field('#grant-cap') ?? '', field('#grant-days'));
      // Refused: the field, and the words under it.
      if (controller.granting) flow.focusAt(`#grant-${controller.granting.refused || 'cap'}`);
    },
    grantKeydown: (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault(); // the widget's form never submits from here: Enter continues to the provider
      event.stopPropagation();
      on.grantContinue();
    },
    grantCancel: () => {
      controller.cancelGrant();
      flow.focusAt('#sign-in');
    },
    keySignOut: () => controller.signOut(),
  };
  return on;
}

/**
 * What is left on the key's account, as the line says it. Where the provider says the key has no cap, what is left is
 * unknown: that is said, and no amount. Where the key has a cap, what is left is said of it. Where what is left is
 * less than the price, only what is left (Generate says why it cannot). Refused for want of credit: that, and not what
 * the key's cap leaves, which is no money.
 */
function leftSaid(
  provider: string,
  { pricing, language }: ImageParts,
  account: AccountController,
  signInText: SignInStrings,
) {
  const { locale } = language;
  const quote = pricing.quote;
  const left = account.balance?.usd;
  if (account.outOfCredit) return account.empty ? signInText.outOfCredit(provider) : signInText.shortOfCredit(provider);
  if (left && quote && !pricing.problem)
    return left.lt(mostOf(quote))
      ? signInText.leftOnAccount(formatUsdLeft(left, locale))
      : signInText.leftOf(
          formatUsdLeft(left, locale),
          account.cap && formatUsdRounded(account.cap, locale),
          provider,
          account.ofKeyBudget,
        );
  return account.uncapped && signInText.noCapOnKey(provider);
}

/**
 * The line for the provider in force (named `provider`): Sign in with it, or who pays and what is left, and until when
 * the key holds; undefined where it has no sign-in.
 */
function renderLine(
  provider: string,
  controller: SignInController,
  parts: ImageParts,
  { account, keyRefusal }: SignInNeeds,
  on: SignInHandlers,
) {
  const state = controller.state();
  if (!state) return undefined;
  const { locale, translation } = parts.language;
  const signInText = wordsIn(translation, 'signIn', signIn);
  const expiresAt = account.expiresAt;
  const until = expiresAt && formatDate(expiresAt, locale, 'moment');
  // A key past its days is signed in no more: the sign-in is offered again, with when it ended.
  const expired = until && expiresAt <= clock.now() ? until : undefined;
  const share = [leftSaid(provider, parts, account, signInText), until && !expired && signInText.keyUntil(until)]
    .filter(Boolean)
    .join(' · ');
  const info = providerInfo(parts.host.provider);
  return renderSignIn(
    {
      id: parts.host.provider,
      provider,
      signed: state.signed && !expired,
      share,
      revoke: info?.revokeUrl,
      cannotPay: state.cannotPay ? info?.fundsUrl : undefined,
      expired,
      refused: keyRefusal(),
      grant: state.granting,
      translation,
    },
    on,
  );
}

/** The sign-in of the widget of `parts`, its styles adopted beside the panels'. */
export function signInPart(parts: ImageParts, needs: SignInNeeds): SignInPart {
  const { host } = parts;
  const { flow } = needs;
  const root = adoptBeside(host, [signInStyles]);
  const controller = controllerOf(host, needs);
  const begin = (popup?: Window | null) => {
    controller.begin(popup);
    if (controller.granting) flow.focusAt('#grant-cap'); // the form that asks for the cap, in its place
  };
  const on = handlersOf(root, controller, flow, begin);
  return {
    controller,
    begin,
    // Sign in with the provider in force, or who pays and what is left.
    render: (provider) => renderLine(provider, controller, parts, needs, on),
  };
}

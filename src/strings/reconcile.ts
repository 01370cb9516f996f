/**
 * What the tally's "Reconcile with my account" says (generation/reconcile.ts): each provider's own figure for a period
 * beside what this browser booked with it, any difference in plain words, or why there is nothing to set beside it.
 */

import { counted } from './words.js';
import { sentences, sentencesOf } from './sentence.js';
import { words } from './words.js';

export interface ReconcileStrings {
  /** The action, beside Export and Import history. */
  reconcileAction(): string;
  /** Said while the accounts are asked. */
  reconcileAsking(): string;
  /** The provider's periods, as the sentences below name them (UTC, as the provider counts them). */
  periodDay(): string;
  periodWeek(): string;
  periodMonth(): string;
  /** The provider's figure for `period` on this key (`theirs`) is what this browser booked. */
  reconcileAgrees(provider: string, period: string, theirs: string): string;
  /** The provider says more (`theirs`) than this browser booked (`ours`), by `difference`. */
  reconcileMore(provider: string, period: string, theirs: string, ours: string, difference: string): string;
  /** The provider says less (`theirs`) than this browser booked (`ours`), by `difference`. */
  reconcileLess(provider: string, period: string, theirs: string, ours: string, difference: string): string;
  /** `count` charges of the period not known yet (held uncertain, or sent and not finished) may have cost `amount`. */
  reconcileUncertain(count: number, amount: string): string;
  /** Older charges on the period's days were folded into daily totals that name no provider (`amount`, all of them). */
  reconcileFolded(amount: string): string;
  /** The tally began within the period (`since`, as a person says it): what came before is in the provider's figure only. */
  reconcilePartway(provider: string, since: string): string;
  /** No key for the provider is remembered on this device: the user enters one, or signs in, in the image widget. */
  reconcileNoKey(provider: string): string;
  /** The provider refused the key. */
  reconcileKeyRefused(provider: string): string;
  /** Offline, an error, or a reply not as documented. */
  reconcileUnreadable(provider: string): string;
  /** The provider does not let the user's own key read what it charged (its usage figures need an admin key). */
  reconcileNotPublished(provider: string): string;
  /** No way for the user's key to read what the provider charged was found. */
  reconcileNoneFound(provider: string): string;
  /** The provider tells the key what is left, never what it charged in a period. */
  reconcileBalanceOnly(provider: string): string;
  /** The provider's figure for `period` on this site, on every device of the user signed in (`theirs`), is what this tally booked. */
  reconcileSiteAgrees(provider: string, period: string, theirs: string): string;
  /** The provider says this site spent more (`theirs`) than this tally booked (`ours`), by `difference`. */
  reconcileSiteMore(provider: string, period: string, theirs: string, ours: string, difference: string): string;
  /** The provider says this site spent less (`theirs`) than this tally booked (`ours`), by `difference`. */
  reconcileSiteLess(provider: string, period: string, theirs: string, ours: string, difference: string): string;
  /** No user is signed in to the provider on this page (its figure is the signed-in user's). */
  reconcileSignIn(provider: string): string;
  /** The provider counts the account in credits, whose worth in dollars is not known here. */
  reconcileCredits(provider: string): string;
  /** The provider's reply does not say what this site spent. */
  reconcileNoSite(provider: string): string;
  /** Nothing in this tally was spent with any provider. */
  reconcileNothing(): string;
  /** What reconciles could not load (offline): nothing was asked. */
  reconcileNotLoaded(): string;
}

const charges = (count: number) => counted('en', count, { one: 'charge', other: 'charges' });

export const reconcile = sentences<ReconcileStrings>({
  reconcileAction: 'Reconcile with my account',
  reconcileAsking: 'Asking your accounts…',
  periodDay: 'today (UTC day)',
  periodWeek: 'this week (UTC, from Monday)',
  periodMonth: 'this month (UTC)',
  reconcileAgrees: (provider, period, theirs) =>
    `${words.TheProvider(provider)} says ${theirs} ${period} on this key, and this browser booked ${theirs} with it: they agree.`,
  reconcileMore: (provider, period, theirs, ours, difference) =>
    `${words.TheProvider(provider)} says ${theirs} ${period} on this key; this browser booked ${ours}: ${difference} was spent elsewhere with this key (another site, app or browser), or was not booked here.`,
  reconcileLess: (provider, period, theirs, ours, difference) =>
    `${words.TheProvider(provider)} says ${theirs} ${period} on this key; this browser booked ${ours}, ${difference} more: some of it was paid with another key, or ${words.theProvider(provider)} does not show it yet.`,
  reconcileUncertain: (count, amount) =>
    `Not in this browser's figure: ${charges(count)} not known yet (no reply said, or still running), which may have cost up to ${amount}; the account's figure may hold them.`,
  reconcileFolded: (amount) =>
    `Older charges on these days, ${amount} in all, are kept here as daily totals that do not say whom they were paid to: they are not in this browser's figure.`,
  reconcilePartway: (provider, since) =>
    `This tally began ${since}: what ${words.theProvider(provider)} charged before that is in its figure only.`,
  reconcileNoKey: (provider) =>
    `Enter your key to reconcile: no ${words.providerName(provider)} key is remembered on this device. Enter it in the image widget with "Remember my key on this device" ticked, or sign in there.`,
  reconcileKeyRefused: (provider) =>
    `${words.TheProvider(provider)} refused your key: nothing was compared. Enter your key again, or sign in again.`,
  reconcileUnreadable: (provider) =>
    `${words.TheProvider(provider)}'s figures could not be read (offline, or it did not answer as expected): nothing was compared. Try again later.`,
  reconcileNotPublished: (provider) =>
    `${words.TheProvider(provider)}: not published to your key. Its usage figures need an admin key, so there is nothing to set beside this tally; your account there shows what it charged.`,
  reconcileNoneFound: (provider) =>
    `${words.TheProvider(provider)} lets your key read no figure of what it charged, as far as is known: nothing to set beside this tally. Your account there shows what it charged.`,
  reconcileBalanceOnly: (provider) =>
    `${words.TheProvider(provider)} tells your key only how many credits are left, not what it charged in a period: nothing to set beside this tally. Your account there shows what it charged.`,
  reconcileSiteAgrees: (provider, period, theirs) =>
    `${words.TheProvider(provider)} says ${theirs} ${period} on this site, on every device signed in to your account, and this tally booked ${theirs} with it: they agree.`,
  reconcileSiteMore: (provider, period, theirs, ours, difference) =>
    `${words.TheProvider(provider)} says ${theirs} ${period} on this site, on every device signed in to your account; this tally booked ${ours}: ${difference} was spent on this site on another device or browser whose charges are not in this tally, went to what the site keeps or sends in your account (files, history, data sent), or was not booked here.`,
  reconcileSiteLess: (provider, period, theirs, ours, difference) =>
    `${words.TheProvider(provider)} says ${theirs} ${period} on this site, on every device signed in to your account; this tally booked ${ours}, ${difference} more: ${words.theProvider(provider)} does not show all of it yet, or some of it was paid from another account.`,
  reconcileSignIn: (provider) =>
    `Sign in to ${words.providerName(provider)} to reconcile: no one is signed in to it on this page. Sign in in the image widget, then reconcile again.`,
  reconcileCredits: (provider) =>
    `${words.TheProvider(provider)} counts your account in credits, whose worth in dollars is not known here: nothing was compared. Your account there shows what it charged.`,
  reconcileNoSite: (provider) =>
    `${words.TheProvider(provider)}'s reply does not say what this site spent this month: nothing was compared. Your account there shows what it charged.`,
  reconcileNothing: 'Nothing was spent in this tally: there is nothing to reconcile.',
  reconcileNotLoaded: 'Reconciling could not start (offline?): nothing was asked. Try again later.',
});

/** The sentences above as `Sentence`s, named for an element to say again in its language. */
export const reconcileText = sentencesOf('reconcile', reconcile);

declare module './strings.js' {
  interface Strings {
    reconcile: ReconcileStrings;
  }
}

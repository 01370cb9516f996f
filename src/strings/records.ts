/**
 * What is said of a charge held uncertain once the provider's own record of the generation is asked for it
 * (generation/record-settlement.ts): what the record settled it at, or why it stays uncertain, in plain words.
 */

import { sentences, sentencesOf } from './sentence.js';
import { words } from './words.js';

export interface RecordsStrings {
  /** The record says what was charged (`usd`): the entry is booked at that. */
  recordCharged(provider: string, usd: string): string;
  /** The record says nothing was charged: the entry is let go. */
  recordNotCharged(provider: string): string;
  /** The record says nothing was charged, but the account's balance showed `usd` of it certainly charged: kept. */
  recordNotChargedButCertain(provider: string, usd: string): string;
  /** No record by that id for this key (or not yet): it stays uncertain. */
  recordMissing(provider: string): string;
  /** The key was refused when the record was asked for. */
  recordKeyRefused(provider: string): string;
  /** It ran on the user's own key at the model's provider, whose charge the record does not settle. */
  recordOwnKey(provider: string): string;
  /** Offline, an error, or a reply beyond reason. */
  recordUnreadable(provider: string): string;
  /** The reply that would have named the generation was lost: there is no id to ask by. */
  recordNoId(provider: string): string;
  /** The request went to another address of the provider than the one the key is given for here. */
  recordElsewhere(provider: string): string;
}

const stays = 'it stays uncertain, counted apart at what it may have cost, and nothing is lost';

export const records = sentences<RecordsStrings>({
  recordCharged: (provider, usd) =>
    `${words.TheProvider(provider)}'s record of the generation says it charged ${usd}: booked at that.`,
  recordNotCharged: (provider) =>
    `${words.TheProvider(provider)}'s record of the generation says nothing was charged for it: it is no longer counted.`,
  recordNotChargedButCertain: (provider, usd) =>
    `${words.TheProvider(provider)}'s record of the generation says nothing was charged for it, but your balance showed ${usd} of it charged: that stays counted.`,
  recordMissing: (provider) =>
    `${words.TheProvider(provider)} has no record of this generation for your key yet: ${stays}. A record can take a little while to appear; ask again later.`,
  recordKeyRefused: (provider) =>
    `${words.TheProvider(provider)} refused your key when asked for its record of the generation: ${stays}. Sign in again or enter your key, then ask again.`,
  recordOwnKey: (provider) =>
    `This generation ran on your own key at the model's provider, and what that provider charged is not in ${words.providerName(provider)}'s record: ${stays}. Your account there says what it cost.`,
  recordUnreadable: (provider) =>
    `${words.TheProvider(provider)}'s record of the generation could not be read (offline, or it did not answer as expected): ${stays}. Try again later.`,
  recordNoId: (provider) =>
    `${words.TheProvider(provider)} named no generation before its reply was lost, so there is no record to ask for: it stays uncertain until you say what your account shows.`,
  recordElsewhere: (provider) =>
    `This request went to another ${words.providerName(provider)} address than the one your key is given for here, so its record was not asked for: ${stays}.`,
});

/** The sentences above as `Sentence`s, named for an element to say again in its language. */
export const recordsText = sentencesOf('records', records);

declare module './strings.js' {
  interface Strings {
    records: RecordsStrings;
  }
}

/** The charges no reply confirmed or denied, listed for the user to settle (both elements: uncertain-charges.ts). */

import { words } from '../words.js';
import { parts, sentences } from '../sentence.js';

export interface UncertainStrings {
  /**
   * The list's heading: over lost replies, and images whose reply came and did not say what they cost (Google's without
   * its usage), so it says neither that no reply came nor that one did.
   */
  uncertainLabel(): string;
  /**
   * Each charge, and its answers. `sends`: how many times the browser may have sent it, where more than once (`amount`
   * is then at most); the answers are then "once" (at one request's price), "more than once" (the whole of what it may
   * have cost) and "not". `shown`: what its balance already showed of it (spent), where it showed some; `amount` is
   * then what may have been charged beyond that, and the answers are "only" what shows, or more (the whole of it).
   * `made`: its image came, and the reply did not say what it cost: `amount` is the most it can have cost.
   */
  uncertainEntry(
    model: string,
    sent: string,
    amount: unknown,
    provider: string,
    sends?: number,
    shown?: unknown,
    made?: boolean,
  ): unknown[];
  /** It was charged: `amount`, what the answer books (the whole of what it may have cost, or one request's price). */
  uncertainCharged(amount: unknown): unknown[];
  uncertainChargedOnce(amount: unknown): unknown[];
  /** The error's answer where the balance moved by `times` (2 or more) the request's price: `amount` in all. */
  uncertainChargedTimes(times: number, amount: unknown): unknown[];
  /**
   * Beside Generate and in a budget's refusal, where the account's balance fell by `times` the request's price across
   * a lost reply and nothing else of this ledger ran meanwhile (`amount`): the one click that books that many.
   */
  uncertainBalanceFell(provider: string, amount: string, times: number): string;
  /** What the error's "Charged once" booked, said where its box was gone from: beside Generate. */
  uncertainCountedOnce(amount: string): string;
  /** What the error's "Charged twice" (`times`) booked, said where its box was gone from: beside Generate. */
  uncertainCountedTimes(times: number, amount: string): string;
  /** What the error's "It was charged" booked (a charge sent once), said where its box was gone from: beside Generate. */
  uncertainCountedCharged(amount: string): string;
  /** What the error's "It was not" booked, said where its box was gone from: beside Generate. */
  uncertainCountedNone(): string;
  /** It was sent `sends` times at most, and charged more than once: `total`, the whole of what it may have cost. */
  uncertainChargedMore(total: unknown, sends: number): unknown[];
  /** Its balance showed `shown` of it: only that was charged. */
  uncertainOnlyShown(shown: unknown): unknown[];
  /** More was charged than its balance showed: `total`, the whole of what it may have cost. */
  uncertainMoreShown(total: unknown): unknown[];
  uncertainNotCharged(): string;
  /**
   * `count` charges alike (the same model, provider and amount, sent minutes apart at most: a burst of lost replies),
   * said once, `amount` each, `sent` the first, with answers for them all, each with what it books in all (`total`):
   * each once where each may have been resent (`sends`; one request's price each), else all charged; none; or each
   * answered in turn (`uncertainAnswerEach`, each by its place and when it was sent: "Request 2 of 4, sent …").
   */
  uncertainGroup(
    count: number,
    model: string,
    sent: string,
    amount: unknown,
    provider: string,
    sends?: number,
  ): unknown[];
  uncertainEachOnce(total: unknown): unknown[];
  uncertainAllCharged(total: unknown): unknown[];
  uncertainNoneCharged(): string;
  uncertainAnswerEach(): string;
  uncertainNth(index: number, count: number, sent: string): string;
}

const timesSaid = (times: number) => (times === 2 ? 'twice' : `${times} times`);

export const uncertain = sentences<UncertainStrings>({
  uncertainLabel: 'What these cost is not known yet',
  uncertainEntry: (model, sent, amount, provider, sends, shown, made) =>
    made
      ? parts`${model}, made ${sent}: ${words.TheProvider(provider)} did not say what it cost; at most ${amount} may have been charged. If your ${words.providerName(provider)} account shows what it cost, say so; it stays counted until then.`
      : parts`${model}, sent ${sent}: ${shown ? parts`${shown} of it shows in your ${words.providerName(provider)} balance; ` : ''}${sends ? 'up to ' : ''}${amount}${shown ? ' more' : ''} may have been charged${sends ? ` (a browser may send a request again when its connection breaks: up to ${sends} times in all)` : ''}. If your ${words.providerName(provider)} account shows ${shown ? 'more' : 'it'}, say so; it stays counted until then.`,
  uncertainCharged: (amount) => parts`It was charged, ${amount}`,
  uncertainChargedOnce: (amount) => parts`Charged once, ${amount}`,
  uncertainChargedTimes: (times, amount) => parts`Charged ${timesSaid(times)}, ${amount}`,
  uncertainBalanceFell: (provider, amount, times) =>
    `Your ${words.providerName(provider)} balance fell by ${amount}: count it as charged ${times === 1 ? 'once' : timesSaid(times)}`,
  uncertainCountedOnce: (amount) => `Counted as charged once: ${amount}.`,
  uncertainCountedTimes: (times, amount) => `Counted as charged ${timesSaid(times)}: ${amount}.`,
  uncertainCountedCharged: (amount) => `Counted as charged: ${amount}.`,
  uncertainCountedNone: 'Counted as not charged.',
  uncertainChargedMore: (total, sends) => parts`${sends === 2 ? 'Twice' : 'More than once'}, ${total}`,
  uncertainOnlyShown: (shown) => parts`Only ${shown}`,
  uncertainMoreShown: (total) => parts`More, ${total} in all`,
  uncertainNotCharged: 'It was not',
  uncertainGroup: (count, model, sent, amount, provider, sends) =>
    parts`${count} requests for ${model}, sent ${sent}: ${sends ? 'up to ' : ''}${amount} each may have been charged${sends ? ` (a browser may send a request again when its connection breaks: each up to ${sends} times in all)` : ''}. If your ${words.providerName(provider)} account shows them, say so; they stay counted until then.`,
  uncertainEachOnce: (total) => parts`Each charged once: ${total} in all`,
  uncertainAllCharged: (total) => parts`All were charged: ${total} in all`,
  uncertainNoneCharged: 'None was',
  uncertainAnswerEach: 'Answer each',
  uncertainNth: (index, count, sent) => `Request ${index} of ${count}, sent ${sent}`,
});

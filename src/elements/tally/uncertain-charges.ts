import Decimal from 'decimal.js';
import { DAY_MS, dayOf } from '../../base/days.js';
import { formatDate } from '../../base/dates.js';
import type { LedgerStore, UncertainEntry } from '../../ledger/ledger.js';
import { wordsIn } from '../../strings/strings.js';
import { tallyLine, type TallyLineStrings } from '../../strings/tally/tally-line.js';
import type { Spoken } from '../shared/language-controller.js';

/**
 * The charges no reply confirmed or denied, which both elements list with "It was charged" / "It was not": the
 * user's word, from their provider account, is the only thing that settles a charge whose request has no task id to
 * ask about (a lost reply on a key whose balance the page cannot read). `<userpays-tally>` lists them in its detail;
 * `<userpays-image>` under its tally line, where a charge held this way can stop the next click at the budget.
 */
export interface UncertainCharge {
  id: string;
  /** Whom it was paid to, as the words name them (`LedgerEntry.payee`, else the provider's id). */
  provider: string;
  model: string;
  /** When it was sent, as a person says it ("today, 3:02 PM"), and in ms. */
  sent: string;
  sentAt: number;
  /** From when it was sent to `until` (ms, a later charge of its burst), said so ("today, 2:36 – 2:37 PM"). */
  sentUntil(until: number): string;
  /** What of it is still not known, exactly: its certain part (its balance showed it) is spent already. */
  usd: string;
  /** What "It was charged" books in all: the whole of what it may have cost, its certain part included. */
  bound: string;
  /**
   * What its balance showed of it already (spent), where it showed some: `usd` is then what may have been charged
   * beyond that, and the answers are "Only" that, or more: the whole `bound`.
   */
  shown?: string;
  /** Where the browser may have sent it more than once: how many sends its bound counts (`usd` is then "up to"). */
  sends?: number;
  /**
   * Where it may have been sent more than once and its balance showed less than one request: one request's price,
   * exactly, which "Charged once" books. A user who sees one charge in their account books that, not the whole bound.
   * With it, the sends its bound counts (`sends`), which the answer "more than once" names.
   */
  once?: { usd: string; sends: number };
  /**
   * Its image came, at a price that was a bound, and the reply did not say what it cost (SPEC §12): `usd` is the most
   * it can have cost, and "It was not" makes it a free image.
   */
  made?: boolean;
}

/** Where an uncertain charge's bound counts the browser sending it more than once: how many sends; else undefined. */
function boundSends({ quoted, charged }: UncertainEntry): number | undefined {
  const sends = new Decimal(charged).div(quoted).floor().toNumber();
  return Number(quoted) > 0 && sends > 1 ? sends : undefined;
}

/**
 * Where "Charged once" answers an uncertain charge: its bound counts several sends, and its balance showed less than
 * one request (`UncertainCharge.once`). Else "It was charged" books the whole of it.
 */
export const chargedOnceApplies = (entry: UncertainEntry) =>
  !!boundSends(entry) && new Decimal(entry.certain ?? 0).lt(entry.quoted);

/** The uncertain charges of `ledger`, at `now` (ms), in the words of `spoken`. */
export function uncertainCharges(ledger: LedgerStore, now: number, { locale, translation }: Spoken): UncertainCharge[] {
  const text = wordsIn(translation, 'tallyLine', tallyLine);
  return ledger.uncertain().map((entry) => {
    const { id, provider, payee, model, at, sentAt, quoted, charged, certain, basis } = entry;
    const sends = boundSends(entry);
    return {
      id,
      provider: payee ?? provider,
      model,
      sent: spokenTime(sentAt ?? at, dayOf(now), locale, true, text),
      sentAt: sentAt ?? at,
      sentUntil: (until: number) => spokenTime(sentAt ?? at, dayOf(now), locale, true, text, until),
      usd: new Decimal(charged).minus(certain ?? 0).toFixed(),
      bound: charged,
      ...(new Decimal(certain ?? 0).gt(0) && { shown: certain }),
      ...(sends && { sends }),
      ...(sends && chargedOnceApplies(entry) && { once: { usd: quoted, sends } }),
      ...(basis === 'bound' && { made: true }),
    };
  });
}

/**
 * How many of the request's price an answer's `value` books: `once` one, `times-2` two (the error's answer where the
 * balance moved by that many), `void` none; undefined for the whole of what it may have cost.
 */
export function answerTimes(value: string): number | undefined {
  if (value === 'void') return 0;
  if (value === 'once') return 1;
  const times = /^times-(\d+)$/.exec(value)?.[1];
  return times ? Number(times) : undefined;
}

/**
 * The user's answer (a click on one of `renderUncertain`'s buttons, or the error's) booked, for each charge it
 * answers: charged at the whole of what it may have cost, at a number of the request's price (`answerTimes`, never
 * past the whole), or void (what its balance showed stays booked: `resolve`). False where every one was settled
 * meanwhile (by another tab, or by its balance).
 */
export function settleUncertain(ledger: LedgerStore | undefined, event: Event): boolean {
  const button = event.currentTarget;
  // An answer is a button (its `value` what it books, `data-id` whose), drawn only with the ledger loaded.
  if (!(button instanceof HTMLButtonElement) || !ledger) return false;
  const ids = new Set(button.dataset.id?.split(' '));
  const entries = ledger.uncertain().filter((candidate) => ids.has(candidate.id));
  const times = answerTimes(button.value);
  for (const entry of entries)
    ledger.resolve(
      entry.id,
      times === 0
        ? { void: true }
        : {
            charged:
              times === undefined
                ? entry.charged
                : Decimal.min(new Decimal(entry.quoted).times(times), entry.charged).toFixed(),
          },
    );
  return entries.length > 0;
}

/**
 * `at` (ms) as a person writes it, seen from the local day `today` (base/days.ts): today and yesterday by name,
 * with the time ("today, 7:37 AM"); another day by its date ("Nov 2"; "Dec 30, 2025" in another year), with the
 * time too when `withTime` ("Nov 2, 7:37 AM"). Never seconds, never a timestamp. With `until` (a later moment, with
 * the time), the span from `at` to it, each part said once ("today, 7:37 – 7:39 AM"; its day is `at`'s).
 */
export function spokenTime(
  at: number,
  today: number,
  locale: string | undefined,
  withTime: boolean,
  text: TallyLineStrings,
  until?: number,
): string {
  const day = dayOf(at);
  if (day === today) return text.todayAt(formatDate(at, locale, 'time', until));
  if (day === today - 1) return text.yesterdayAt(formatDate(at, locale, 'time', until));
  const thisYear = new Date(day * DAY_MS).getUTCFullYear() === new Date(today * DAY_MS).getUTCFullYear();
  return withTime
    ? formatDate(at, locale, thisYear ? 'moment' : 'momentYear', until)
    : formatDate(day * DAY_MS, locale, thisYear ? 'day' : 'dayYear');
}

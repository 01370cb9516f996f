import Decimal from 'decimal.js';
import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DAY_MS, dayOf } from '../../base/days.js';
import { formatDate } from '../../base/dates.js';
import type { LedgerStore } from '../../ledger/ledger.js';
import { modelName } from '../../pricing/index.js';
import { wordsIn } from '../../strings/strings.js';
import { tallyLine, type TallyLineStrings } from '../../strings/tally/tally-line.js';
import type { Spoken } from '../shared/language-controller.js';
import { usd } from './tally-summary.js';

/**
 * The charges no reply confirmed or denied, which both elements list with "It was charged" / "It was not": the
 * user's word, from their provider account, is the only thing that settles a charge whose request has no task id to
 * ask about (a lost reply on a key whose balance the page cannot read). `<userpays-tally>` lists them in its detail;
 * `<userpays-image>` under its tally line, where a charge held this way can stop the next click at the budget.
 */
export interface UncertainCharge {
  id: string;
  provider: string;
  model: string;
  /** When it was sent, as a person says it ("today, 3:02 PM"). */
  sent: string;
  /** What of it is still not known, exactly: its certain part (its balance showed it) is spent already. */
  usd: string;
  /**
   * Where the browser may have sent it more than once (the bound is several times one request's price) and its balance
   * showed less than one request: one request's price, exactly, which "Charged once" books; and how many sends the
   * bound counts. A user who sees one charge in their account books that, not the whole bound.
   */
  once?: { usd: string; sends: number };
}

/** The uncertain charges of `ledger`, at `now` (ms), in the words of `spoken`. */
export function uncertainCharges(ledger: LedgerStore, now: number, { locale, translation }: Spoken): UncertainCharge[] {
  const text = wordsIn(translation, 'tallyLine', tallyLine);
  return ledger.uncertain().map(({ id, provider, model, at, sentAt, quoted, charged, certain }) => {
    const sends = new Decimal(charged!).div(quoted).floor().toNumber();
    const resent = Number(quoted) > 0 && sends > 1 && new Decimal(certain ?? 0).lt(quoted);
    return {
      id,
      provider,
      model,
      sent: spokenTime(sentAt ?? at, dayOf(now), locale, true, text),
      usd: new Decimal(charged!).minus(certain ?? 0).toFixed(),
      ...(resent && { once: { usd: quoted, sends } }),
    };
  });
}

/**
 * `part="uncertain"`: each charge, and the answers to it (`value`: `charged`, `once` where it may have been sent more
 * than once, or `void`; `data-id`), which `onChoice` passes to `settleUncertain`. The first charge's words are
 * `#uncertain-first`, where the widget's over-budget fix sends the focus: the charge is read out first, and no answer
 * is one reflexive Enter away (it books money either way). Nothing where there is none.
 */
export function renderUncertain(charges: readonly UncertainCharge[], spoken: Spoken, onChoice: (event: Event) => void) {
  if (!charges.length) return nothing;
  const text = wordsIn(spoken.translation, 'tallyLine', tallyLine);
  return html`<div part="uncertain" class="uncertain">
    <p id="uncertain">${text.uncertainLabel()}</p>
    <ul aria-labelledby="uncertain">
      ${charges.map(
        (charge, index) =>
          html`<li>
            <span id=${ifDefined(index ? undefined : 'uncertain-first')} tabindex=${ifDefined(index ? undefined : -1)}
              >${text.uncertainEntry(
                modelName(charge.model),
                charge.sent,
                usd(charge.usd, spoken.locale),
                charge.provider,
                charge.once?.sends,
              )}</span
            >
            <span class="answers">
              ${
                charge.once
                  ? html`<button type="button" class="secondary" value="once" data-id=${charge.id} @click=${onChoice}>
                      ${text.uncertainChargedOnce(usd(charge.once.usd, spoken.locale))}
                    </button>`
                  : nothing
              }
              <button type="button" class="secondary" value="charged" data-id=${charge.id} @click=${onChoice}>
                ${charge.once ? text.uncertainChargedMore() : text.uncertainCharged()}
              </button>
              <button type="button" class="secondary" value="void" data-id=${charge.id} @click=${onChoice}>
                ${text.uncertainNotCharged()}
              </button>
            </span>
          </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * The user's answer (a click on one of `renderUncertain`'s buttons) booked: charged at the whole of what it may have
 * cost, charged once at one request's price, or void (what its balance showed stays booked: `resolve`). False where
 * the charge was settled meanwhile (by another tab, or by its balance).
 */
export function settleUncertain(ledger: LedgerStore | undefined, event: Event): boolean {
  const button = event.currentTarget as HTMLButtonElement;
  const entry = ledger?.uncertain().find((candidate) => candidate.id === button.dataset.id);
  if (!entry) return false;
  const answer = button.value;
  ledger!.resolve(
    entry.id,
    answer === 'void' ? { void: true } : { charged: answer === 'once' ? entry.quoted : entry.charged! },
  );
  return true;
}

/**
 * `at` (ms) as a person writes it, seen from the local day `today` (base/days.ts): today and yesterday by name,
 * with the time ("today, 7:37 AM"); another day by its date ("Nov 2"; "Dec 30, 2025" in another year), with the
 * time too when `withTime` ("Nov 2, 7:37 AM"). Never seconds, never a timestamp.
 */
export function spokenTime(
  at: number,
  today: number,
  locale: string | undefined,
  withTime: boolean,
  text: TallyLineStrings,
): string {
  const day = dayOf(at);
  const time = formatDate(at, locale, 'time');
  if (day === today) return text.todayAt(time);
  if (day === today - 1) return text.yesterdayAt(time);
  const thisYear = new Date(day * DAY_MS).getUTCFullYear() === new Date(today * DAY_MS).getUTCFullYear();
  return withTime
    ? formatDate(at, locale, thisYear ? 'moment' : 'momentYear')
    : formatDate(day * DAY_MS, locale, thisYear ? 'day' : 'dayYear');
}

/**
 * The list's layout, in both elements: the answers on a line of their own under each charge, side by side while they
 * fit, each an outlined button (`.secondary`: the widget's; the tally draws every button so).
 */
export const uncertainStyles = css`
  .uncertain ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .uncertain li + li {
    margin-top: 0.75rem;
  }
  .answers {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.35rem;
  }
`;

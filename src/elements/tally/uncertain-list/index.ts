// The list of charges no reply confirmed or denied, with their answers (a part of its own, `tally-uncertain-list`):
// drawn by `<userpays-tally>` in its detail, and by `<userpays-image>` under its tally line, which loads it only once
// its ledger holds such a charge (image/shared/panel-part.ts): most visits never have one. What the list says of each charge
// (`uncertainCharges`) and how an answer is booked (`settleUncertain`) are ../uncertain-charges.ts.
import Decimal from 'decimal.js';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatUsd, modelName } from '../../../pricing/index.js';
import { wordsIn } from '../../../strings/strings.js';
import { uncertain, type UncertainStrings } from '../../../strings/tally/uncertain.js';
import type { Spoken } from '../../shared/language-controller.js';
import { usd } from '../tally-summary.js';
import type { UncertainEntry } from '../../../ledger/ledger.js';
import { answerTimes, chargedOnceApplies, type UncertainCharge } from '../uncertain-charges.js';

/** How far apart charges alike may be sent and still be one burst (a run of lost replies, retried by hand). */
const BURST_MS = 5 * 60_000;

/**
 * Charges alike (the same model, provider, amount and resends, none partly shown by its balance), each sent within
 * `BURST_MS` of the one before it: a burst of lost replies, said once however the minutes fall (10:58:57 and 10:59:02
 * are one burst). In order of sending.
 */
function alike(charges: readonly UncertainCharge[]): UncertainCharge[][] {
  const bursts: UncertainCharge[][] = [];
  const open = new Map<string, UncertainCharge[]>();
  for (const charge of [...charges].sort((a, b) => a.sentAt - b.sentAt)) {
    if (charge.shown) {
      bursts.push([charge]); // said alone: what its balance showed already is its own
      continue;
    }
    const key = [charge.provider, charge.model, charge.usd, charge.once?.usd, charge.sends, charge.made].join();
    const burst = open.get(key);
    if (burst && charge.sentAt - burst[burst.length - 1].sentAt <= BURST_MS) burst.push(charge);
    else {
      const started = [charge];
      open.set(key, started);
      bursts.push(started);
    }
  }
  return bursts;
}

/**
 * `part="uncertain"`: each charge, and the answers to it (`value`: `charged`, `once` where it may have been sent more
 * than once, or `void`; `data-id`: the ledger entries it answers, space-separated), which `onChoice` passes to
 * `settleUncertain`. Charges alike are said once, with answers for them all and each one's own under "Answer each":
 * four lost replies of one burst are one paragraph, not four. The first charge's words are `#uncertain-first`, where
 * the widget's over-budget fix sends the focus: the charge is read out first, and no answer is one reflexive Enter
 * away (it books money either way). Nothing where there is none.
 */
export function renderUncertain(charges: readonly UncertainCharge[], spoken: Spoken, onChoice: (event: Event) => void) {
  if (!charges.length) return nothing;
  const drawing: Drawing = {
    text: wordsIn(spoken.translation, 'uncertain', uncertain),
    money: (amount) => usd(amount, spoken.locale),
    mayHave: (amount) => usd(amount, spoken.locale, true),
    onChoice,
  };
  return html`<div part="uncertain" class="uncertain">
    <p id="uncertain">${drawing.text.uncertainLabel()}</p>
    <ul aria-labelledby="uncertain">
      ${alike(charges).map(([charge, ...more], index) =>
        more.length ? renderBurst(drawing, charge, more, !index) : renderLone(drawing, charge, !index),
      )}
    </ul>
  </div>`;
}

/**
 * What each part of the list is drawn with: its words, and its answers' `onChoice`. An answer that books a price
 * ("Charged once", "Only …") says it as the preview said the price, half up (`money`); what may have been charged is
 * said rounded up (`mayHave`), as the preview's "at most" and the tally line say it, never less than it may have been,
 * and so are the answers that book all of it: one figure for one amount in one line (not "at most $0.0733" above "It
 * was charged, $0.0732").
 */
interface Drawing {
  text: UncertainStrings;
  money(amount: string): TemplateResult;
  mayHave(amount: string): TemplateResult;
  onChoice(event: Event): void;
}

/** One answer (`value`) to the charges `ids`, saying `label`. */
function renderAnswer(drawing: Drawing, value: string, ids: readonly UncertainCharge[], label: unknown) {
  return html`<button
    type="button"
    class="secondary"
    value=${value}
    data-id=${ids.map((charge) => charge.id).join(' ')}
    @click=${drawing.onChoice}
  >
    ${label}
  </button>`;
}

/** The answers to one charge, each saying what it books. */
function renderAnswers(drawing: Drawing, charge: UncertainCharge) {
  const { text, money, mayHave } = drawing;
  const answer = (value: string, label: unknown) => renderAnswer(drawing, value, [charge], label);
  return html`<span class="answers">
    ${
      charge.shown
        ? // Its balance showed part of it: the question is whether there is more, each answer with what it books.
          [
            answer('void', text.uncertainOnlyShown(money(charge.shown))),
            answer('charged', text.uncertainMoreShown(mayHave(charge.bound))),
          ]
        : [
            charge.once ? answer('once', text.uncertainChargedOnce(money(charge.once.usd))) : nothing,
            answer(
              'charged',
              charge.once
                ? text.uncertainChargedMore(mayHave(charge.bound), charge.once.sends)
                : text.uncertainCharged(mayHave(charge.bound)),
            ),
            answer('void', text.uncertainNotCharged()),
          ]
    }
  </span>`;
}

/** A charge's words; the list's `first` ones are `#uncertain-first`, where the over-budget fix sends the focus. */
function renderWords(first: boolean, said: unknown) {
  return html`<span id=${ifDefined(first ? 'uncertain-first' : undefined)} tabindex=${ifDefined(first ? -1 : undefined)}
    >${said}</span
  >`;
}

/** A charge like no other sent near it: its words and its answers. */
function renderLone(drawing: Drawing, charge: UncertainCharge, first: boolean) {
  const { text, money, mayHave } = drawing;
  return html`<li>
    ${renderWords(
      first,
      text.uncertainEntry(
        modelName(charge.model),
        charge.sent,
        mayHave(charge.usd),
        charge.provider,
        charge.sends,
        charge.shown && money(charge.shown),
        charge.made,
      ),
    )}
    ${renderAnswers(drawing, charge)}
  </li>`;
}

/** A burst of charges alike (`charge` and `more`): said once, answered for all, and each under "Answer each". */
function renderBurst(drawing: Drawing, charge: UncertainCharge, more: readonly UncertainCharge[], first: boolean) {
  const { text, money, mayHave } = drawing;
  const { model, provider, once, sends } = charge;
  const group = [charge, ...more];
  // A burst may run over minutes: from when its first was sent to when its last was (one time where the same).
  const span = charge.sentUntil(more[more.length - 1].sentAt);
  return html`<li>
    ${renderWords(first, text.uncertainGroup(group.length, modelName(model), span, mayHave(charge.usd), provider, sends))}
    <span class="answers">
      ${
        once
          ? renderAnswer(drawing, 'once', group, text.uncertainEachOnce(money(inAll(once.usd, group))))
          : renderAnswer(drawing, 'charged', group, text.uncertainAllCharged(mayHave(inAll(charge.usd, group))))
      }
      ${renderAnswer(drawing, 'void', group, text.uncertainNoneCharged())}
    </span>
    <details class="each">
      <summary>${text.uncertainAnswerEach()}</summary>
      <ul>
        ${group.map(
          (each, place) =>
            html`<li>${text.uncertainNth(place + 1, group.length, each.sent)} ${renderAnswers(drawing, each)}</li>`,
        )}
      </ul>
    </details>
  </li>`;
}

/** What an answer for charges alike books in all: `each`, the same for every one of them (`alike`), times how many. */
const inAll = (each: string, group: readonly UncertainCharge[]) => new Decimal(each).times(group.length).toFixed();

/**
 * The error's answers where the balance moved by `times` the request's price (`entry`, its charge), as the list says
 * them: "Charged once, $0.014" where the browser may have sent it more than once, "It was charged" where it was sent
 * once, "Charged twice, $0.028" where it moved by more; and "It was not". The first books what the balance moved by
 * (`value` as `settleUncertain` reads it).
 */
export function errorAnswers(entry: UncertainEntry, times: number, { translation, locale }: Spoken) {
  const text = wordsIn(translation, 'uncertain', uncertain);
  const total = usd(new Decimal(entry.quoted).times(times).toFixed(), locale);
  return {
    value: times > 1 ? `times-${times}` : 'once',
    label:
      times > 1
        ? text.uncertainChargedTimes(times, total)
        : chargedOnceApplies(entry)
          ? text.uncertainChargedOnce(total)
          : text.uncertainCharged(total),
    notCharged: text.uncertainNotCharged(),
  };
}

/**
 * What the error's answer `value` booked for `entry` (as `errorAnswers` gives it): "Counted as charged once: $0.014"
 * where it may have been resent, "Counted as charged: $0.014" where not, "Counted as charged twice: $0.028" (to the
 * millionth, as prices are shown), or "Counted as not charged."
 */
export function countedNote(entry: UncertainEntry, value: string, { translation, locale }: Spoken) {
  const text = wordsIn(translation, 'uncertain', uncertain);
  const times = answerTimes(value);
  if (!times) return text.uncertainCountedNone();
  const amount = formatUsd(new Decimal(entry.quoted).times(times).toFixed(), locale);
  if (times > 1) return text.uncertainCountedTimes(times, amount);
  return chargedOnceApplies(entry) ? text.uncertainCountedOnce(amount) : text.uncertainCountedCharged(amount);
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
  /* Charges alike, each answered in turn: a quiet disclosure under their common answers, each charge by its place. */
  .each {
    margin-top: 0.35rem;
  }
  .each summary {
    width: fit-content;
    min-height: 24px;
    color: var(--_accent);
    cursor: pointer;
  }
  .each ul {
    padding-inline-start: 1rem;
  }
  .each li {
    margin-top: 0.5rem;
  }
`;

import Decimal from 'decimal.js';
import { html } from 'lit';
import { formatUsd, formatUsdRounded } from '../../pricing/format.js';
import { wordsIn } from '../../strings/strings.js';
import { tallyLine } from '../../strings/tally/tally-line.js';
import type { Spoken } from '../shared/language-controller.js';
import type { Tally } from '../../base/types.js';

/**
 * What the tally's own figures leave to work out, exactly (decimal strings), so that they add up: spent + held +
 * uncertain + left = budget, or past it, spent + held + uncertain − over = budget. `held` is what pending
 * generations hold. Without a budget, only `held`. (The share of the budget used is the meter's: tally-view.ts.)
 */
export interface BudgetFigures {
  held: string;
  left?: string;
  over?: string;
}

/**
 * The figures of `tally`. `held` is the sum of the pending entries where the caller knows them (the tally);
 * otherwise it is what `remaining` says they take of the budget, so every element shows the same left figure.
 */
export function budgetFigures({ spent, uncertain, budget, remaining }: Tally, held?: string): BudgetFigures {
  const taken = new Decimal(spent).plus(uncertain ?? 0);
  if (!budget) return { held: held ?? '0' };
  const limit = new Decimal(budget);
  let used: Decimal;
  if (held) used = taken.plus(held);
  else if (remaining !== undefined) used = Decimal.max(taken, limit.minus(remaining));
  // A tally with a budget says what remains of it (the ledger's `tally()` sets both): one without is a fault.
  else throw new Error('A tally with a budget does not say what remains of it');
  const left = limit.minus(used);
  return { held: used.minus(taken).toFixed(), [left.isNeg() ? 'over' : 'left']: left.abs().toFixed() };
}

/**
 * An amount as a person reads it (`formatUsdRounded`), and in its `title` as prices are shown, to the millionth
 * (`formatUsd`): money, never a raw "0.1681053 USD". The exports keep every digit. `up`: rounded up, for what may
 * have been charged, which is a bound ("$0.0733 more may have been charged" as the preview said "at most $0.0733").
 */
export const usd = (amount: string, locale?: string, up?: boolean) =>
  html`<span title=${formatUsd(amount, locale)}>${formatUsdRounded(amount, locale, up)}</span>`;

/**
 * One line of the session's spend whose figures add up to the budget, e.g. "Spent $0.25 on 3 images · $0.03 held ·
 * $0.03 more may have been charged · $0.69 of $1.00 budget left", or "… · $0.12 over budget" in the danger colour:
 * what may have been charged is never shown as nothing. "Held" is what generations not finished hold: running, or
 * left by a page that closed (not "in progress": those are not). It may yet be charged, and is said rounded up as
 * that is: a Google image under way holds "$0.0733", as its preview said "at most $0.0733". `figures` default to what
 * the tally alone tells (the widget's line); the standalone tally passes its own, with what its pending entries hold.
 */
export function renderTallySummary(tally: Tally, { locale, translation }: Spoken, figures = budgetFigures(tally)) {
  const money = (amount: string) => usd(amount, locale);
  const text = wordsIn(translation, 'tallyLine', tallyLine);
  const strong = (amount: string, up?: boolean) => html`<strong>${usd(amount, locale, up)}</strong>`;
  const { held, left, over } = figures;
  const { uncertain, budget } = tally;
  return html`${text.spentSummary(strong(tally.spent), tally.images, tally.paidFailures)}${
    +held ? text.heldSummary(strong(held, true)) : ''
  }${uncertain ? text.uncertainSummary(strong(uncertain, true)) : ''}${
    over
      ? html`<span class="error">${text.overBudget(strong(over))}</span>`
      : left && budget // what is left is figured from a budget, never without one
        ? text.budgetLeft(strong(left), money(budget))
        : ''
  }`;
}

import { html } from 'lit';
import { formatUsd, formatUsdRounded } from '../../../pricing/index.js';
import { bounds } from '../../../strings/image/bounds.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';
import type { Phrase } from './view.js';

/**
 * What an offer can cost at most, as the picker, the comparison and the error box's other provider say it: a bound as
 * "at most $0.0541", rounded up (never less than the bound), else its price rounded as the decision row rounds it;
 * '' where it has no price.
 */
export function mostSaid(
  { total, atMost }: { total?: string; atMost?: string },
  locale: string | undefined,
  translation: Translation | undefined,
): string {
  if (atMost) return wordsIn(translation, 'bounds', bounds).atMostUnder(formatUsdRounded(atMost, locale, true));
  return total ? formatUsdRounded(total, locale) : '';
}

/**
 * The decision row's words for a price that is a bound (`quote.atMost`), as the model picker and the comparison say
 * it: the most it can cost first ("at most $0.0541", rounded up: every digit in `exact`), and what it is expected to
 * cost before what it buys (`about`: "about $0.0535 · ").
 */
export function boundSaid(
  { total, atMost }: { total: string; atMost: string },
  locale: string | undefined,
  translation: Translation | undefined,
): { price: Phrase; exact: string; about: string } {
  const text = wordsIn(translation, 'bounds', bounds);
  const most = formatUsdRounded(atMost, locale, true);
  const said = text.atMostUnder(most);
  // "at most" set small over the figure, as a price tag says "from": the figure keeps one line beside Generate in
  // the controls' column (at 1280 px, 420 px wide, it broke as "at most / $0.0733"), in any language's words.
  const [before, after] = said.split(most);
  return {
    price: { ...html`<small>${before}</small>${most}${after}`, toString: () => said },
    exact: `${text.atMostUnder(formatUsd(atMost, locale))} · ${text.about(formatUsd(total, locale))}`,
    about: `${text.about(formatUsdRounded(total, locale))} · `,
  };
}

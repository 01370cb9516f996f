import { formatUsdRounded } from '../../../pricing/index.js';
import { offers } from '../../../strings/image/offers.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';

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
  if (atMost) return wordsIn(translation, 'offers', offers).atMostUnder(formatUsdRounded(atMost, locale, true));
  return total ? formatUsdRounded(total, locale) : '';
}

import Decimal from 'decimal.js';
import { isAmount } from '../base/checks.js';
import { formatterOf } from '../base/formatters.js';

/** How `locale` writes a number's decimal mark and its thousands separator (German: ',' and '.'; English the reverse). */
function separatorsOf(locale?: string): { decimal: string; group: string } {
  const parts = formatterOf(locale, 'separators', (locale) => new Intl.NumberFormat(locale).formatToParts(1234.5));
  const of = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { decimal: of('decimal') || '.', group: of('group') };
}

/**
 * The amount a person typed in `locale` (spaces around it allowed), or undefined where it is none: digits, with at
 * most one decimal mark, the locale's own ("2,50" in German, "2.50" in English) or the other of point and comma where
 * the locale does not group thousands with it (French takes both; German refuses "2.50", as its point groups
 * thousands, as English refuses "2,50"). No sign, exponent, currency or thousands separator: what is refused is said, never
 * guessed.
 */
export function typedAmount(typed: string, locale?: string): Decimal | undefined {
  const { decimal, group } = separatorsOf(locale);
  const marks = new Set([decimal, '.', ',']);
  marks.delete(group);
  // Each mark as a point, anything but a digit as what no amount has: then an amount as `isAmount` reads one.
  let plain = '';
  for (const character of typed.trim()) plain += marks.has(character) ? '.' : /\d/.test(character) ? character : '#';
  return isAmount(plain) ? new Decimal(plain) : undefined;
}

/** `amount` (a decimal string: '2.5') as a person types it in `locale` ('2,5' in German), which `typedAmount` reads. */
export const typedForm = (amount: string, locale?: string) => amount.replace('.', separatorsOf(locale).decimal);

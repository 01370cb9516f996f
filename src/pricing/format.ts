import Decimal from 'decimal.js';
import { formatterOf } from '../base/formatters.js';

/** USD for people: at least cents, and every digit the exact amount has, up to millionths ('0.015' → '$0.015'). */
export function formatUsd(amount: string | Decimal, locale?: string): string {
  const value = new Decimal(amount);
  const digits = Math.min(6, Math.max(2, value.decimalPlaces()));
  const format = formatterOf(
    locale,
    digits,
    (locale) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'USD',
        minimumFractionDigits: 2,
        maximumFractionDigits: digits,
      }),
  );
  // Intl formats a decimal string exactly, where a Number would round through binary floating point.
  // (TypeScript's es2022 lib types format() as number-only.)
  return format.format(value.toFixed() as unknown as number);
}

/**
 * USD at a glance (exactness lives in a `title` and in exports): to the cent from $1 up, else to three
 * significant digits (at least cents); half up. '12.3456' → '$12.35', '0.999' → '$0.999' (not "$1.00": a
 * figure left of a $1 budget must not read as untouched), '0.651106' → '$0.651', '0.0421053' → '$0.0421',
 * '0.13' → '$0.13'. Prices keep every digit (`formatUsd`). `up`: rounded up, for a bound ("at most $0.0585" is never
 * less than the bound).
 */
export function formatUsdRounded(amount: string | Decimal, locale?: string, up = false): string {
  return rounded(amount, locale, up ? Decimal.ROUND_UP : Decimal.ROUND_HALF_UP);
}

/**
 * What is left (of a balance, a key's budget, a page's budget), to what matters as `formatUsdRounded` says amounts, but
 * rounded down: never more than is left, and never as untouched once anything was taken: '1.995' → '$1.99' (half up
 * said "$2.00 left" of a $2.00 budget after a $0.005 image, and beside a $1.996 image that it could not pay).
 */
export const formatUsdLeft = (amount: string | Decimal, locale?: string): string =>
  rounded(amount, locale, Decimal.ROUND_DOWN);

function rounded(amount: string | Decimal, locale: string | undefined, rounding: Decimal.Rounding): string {
  const value = new Decimal(amount);
  // `e` is the exponent of the first significant digit: 0 for 1.4, −1 for 0.651, −2 for 0.0421.
  const places = value.e < 0 ? 2 - value.e : 2;
  return formatUsd(value.toDecimalPlaces(places, rounding), locale);
}

/**
 * Megapixels for reading: to one decimal (2.1, 4), as the size choices are labelled and the decision row says what a
 * price buys; each language writes the number.
 */
export const megapixelsOf = (width: number, height: number) => Math.round((width * height) / 104857.6) / 10;

import Decimal from 'decimal.js';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    };
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      // A malformed `locale` attribute must not blank the price: fall back to the browser's locale.
      format = new Intl.NumberFormat(undefined, options);
    }
    formatters.set(key, format);
  }
  return format;
}

/** USD for people: at least cents, and every digit the exact amount has, up to millionths ('0.015' → '$0.015'). */
export function formatUsd(amount: string | Decimal, locale?: string): string {
  const value = new Decimal(amount);
  const digits = Math.min(6, Math.max(2, value.decimalPlaces()));
  // Intl formats a decimal string exactly, where a Number would round through binary floating point.
  // (TypeScript's es2022 lib types format() as number-only.)
  return formatter(locale, digits).format(value.toFixed() as unknown as number);
}

import { invalid, isRecord } from '../base/checks.js';
import type { PriceBook } from '../pricing/index.js';
import * as headlessWords from '../strings/headless.js';

// The options a page hands the headless API (`UserPays.generate`, `UserPays.check`), read one by one: each of the kind
// it is documented as, else refused in words (`invalid-input`) before anything is sent, never met later as a TypeError.

/** `options[name]`: text, `fallback` where it is absent; refused by its name alone, never its value (it may be a key). */
export function textOption(options: Record<string, unknown>, name: string, fallback = ''): string {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string') invalid(headlessWords.notText(name));
  return value;
}

/** A signal that stops the call: an `AbortSignal`, or none. */
export function signalOption(signal: unknown): AbortSignal | undefined {
  if (signal !== undefined && !(signal instanceof AbortSignal)) invalid(headlessWords.notASignal());
  return signal;
}

/** `options[name]`: true or false, `fallback` where it is absent. */
export function booleanOption(options: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') invalid(headlessWords.notABoolean(name));
  return value;
}

/**
 * The page's own prices, as the widget's `priceBook` property takes them: an object, or none. Only its kind is checked
 * here; each entry is checked where it is priced (the quote's `checkEntry`), as the property's entries are.
 */
export function priceBookOption(priceBook: unknown): PriceBook | null | undefined {
  if (priceBook === undefined || priceBook === null) return priceBook;
  if (!isRecord(priceBook)) invalid(headlessWords.notAPriceBook());
  return priceBook as PriceBook;
}

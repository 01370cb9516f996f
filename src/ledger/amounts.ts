/**
 * Money in the ledger: exact decimal strings outside, `Decimal` inside, never a float (docs/ledger.md, "Money").
 */
import { invalid, isAmount } from '../base/checks.js';
import Decimal from 'decimal.js';
import { ledgerText as strings } from '../strings/ledger.js';

/** The ledger's one import of decimal.js: the other modules take `Decimal` from here. */
export { Decimal };

/** The amount `text` spells (spaces around it allowed), or undefined when it is not one. */
export function decimalOf(text?: string | null): Decimal | undefined {
  const trimmed = text?.trim();
  return isAmount(trimmed) ? new Decimal(trimmed) : undefined;
}

/** `text` as the exact decimal string kept in the ledger ("0.00000010" → "0.0000001"); throws if it is no amount. */
export function money(text: string): string {
  const amount = decimalOf(text);
  if (!amount) invalid(strings.notAnAmount(text));
  return amount.toFixed();
}

/** `money(text)`, or undefined when no text is given. */
export const moneyIfGiven = (text?: string) => (text ? money(text) : undefined);

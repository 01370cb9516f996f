/**
 * The checks every public entry point applies to what a page hands it (attributes, the headless API's arguments,
 * a price book): a value of the wrong kind is refused in plain words (`invalid-input`), never met later as a
 * TypeError or read as a guessed number.
 */
import { UserPaysError } from './errors.js';
import type { Sentence } from '../strings/strings.js';
import { PROVIDER_NAMES, type ProviderId } from './types.js';

/** An amount written out in full: no sign, exponent, hexadecimal, currency or spaces ('3', '0.014', '2.', '.5'). */
const AMOUNT = /^(\d+\.?\d*|\.\d+)$/;

/** `value` is an amount written out in full (see `AMOUNT`). */
export const isAmount = (value: unknown): value is string => typeof value === 'string' && AMOUNT.test(value);

/** `value` is an amount as a person types one into an attribute or a field: spaces around it allowed (' 2.50 '). */
export const isTypedAmount = (value: unknown): value is string => typeof value === 'string' && isAmount(value.trim());

/** An object (not null): a record whose fields are checked one by one. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** One of the providers this build has, by its id (a page's `provider`, a stored entry's). */
export const isProviderId = (value: unknown): value is ProviderId =>
  typeof value === 'string' && Object.hasOwn(PROVIDER_NAMES, value);

/** Refuses what a page handed over, in `message`'s words; trying the same again cannot succeed. */
export function invalid(message: string | Sentence): never {
  throw new UserPaysError('invalid-input', message, false);
}

/**
 * Every sentence the user sees is in `src/strings/`, once, in plain words: what happened and what to do next, in a
 * module per subject (this one: the words several sentences share). Nothing outside the folder writes user-facing
 * text. Each module is an interface (what a translation gives) and its English, typed by it and written with
 * `sentences` (sentence.ts): a sentence that takes no values as its text, any other as a function of its values, so
 * that a translation can reorder them; those that mix text with markup return parts (`parts`, `unknown[]`) that a Lit
 * template renders in order. How a count chooses its word and how a list is written are each one function here, by
 * the language's own rules (`pluralForm`, `counted`, `listed`), for every language. An element speaks the language of
 * its closest `lang`, or the words its `strings` property gives (strings.ts; docs/translating.md).
 */
import { PROVIDER_NAMES } from '../base/types.js';

export interface WordsStrings {
  /** The provider's name, as a label shows it and after "your": "BFL", "gateway" ("your gateway key"). */
  providerName(id: string): string;
  /** The provider as a sentence names it: "BFL", or "the gateway", which has no name of its own. */
  theProvider(id: string): string;
  /** The same at the start of a sentence ("The gateway"; "fal" keeps its own small letter). */
  TheProvider(id: string): string;
}

// By id, in a map: an id a page or a ledger entry names ("constructor", "__proto__") is no property every object has.
const NAMES = new Map<string, string>(Object.entries(PROVIDER_NAMES));

export const words: WordsStrings = {
  // An id of no provider (a ledger entry of another version) is said as it is written.
  providerName: (id) => NAMES.get(id) ?? id,
  theProvider: (id) => (id === 'openai' ? 'the gateway' : words.providerName(id)),
  TheProvider: (id) => (id === 'openai' ? 'The gateway' : words.providerName(id)),
};

/** The forms a counted word takes, by `Intl.PluralRules` category; `other` stands for any the language has none for. */
export type PluralForms<Form> = { [Category in Intl.LDMLPluralRule]?: Form } & { other: Form };

const pluralRules: Record<string, Intl.PluralRules> = {};

/**
 * Of `forms`, the one `n` takes in `language` ("1 image", "2 images"; a Polish "2 obrazy", "5 obrazów"), by the
 * language's own rules: a translation says each form, never the rule. A form may be a whole sentence.
 */
export function pluralForm<Form>(language: string, n: number, forms: PluralForms<Form>): Form {
  const category = (pluralRules[language] ??= new Intl.PluralRules(language)).select(n);
  return forms[category] ?? forms.other;
}

/** `n` and its word, in the form `n` takes in `language`: "2 images", "2 Bilder". */
export const counted = (language: string, n: number, forms: PluralForms<string>) =>
  `${n} ${pluralForm(language, n, forms)}`;

/**
 * The list of `items` as `language` writes one: "a, b and c" (British English: no comma before "and"), "a, b und c";
 * with `type` 'disjunction', the alternatives: "a, b or c", "a, b oder c".
 */
export const listed = (
  language: string,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
) => new Intl.ListFormat(language, { type }).format(items);

/**
 * Seconds counted, in minutes and seconds by their international symbols, the same in every language ("42 s",
 * "1 min 05 s"). No-break spaces: a number never wraps away from its unit ("2 / s" at 280 px).
 */
export const clockTime = (seconds: number) =>
  seconds < 60
    ? `${seconds}\u00a0s`
    : `${Math.floor(seconds / 60)}\u00a0min ${String(seconds % 60).padStart(2, '0')}\u00a0s`;

// English grammar for the English sentences (each language has its own: a translation writes whole sentences).
export const plural = (n: number, one: string, many = one + 's') => counted('en', n, { one, other: many });
export const imageCount = (n: number) => plural(n, 'image');
/** Megapixels for reading, to two decimals ('≈1.05' for Puter's 1.048576); the quote keeps them exact. */
export const mp = (n: number) => (Math.round(n * 100) / 100 === n ? `${n}` : `≈${Math.round(n * 100) / 100}`);

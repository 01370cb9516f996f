/**
 * Every sentence the user sees is in `src/strings/`, once, in plain words: what happened and what to do next, in a
 * module per subject (this one: the words several sentences share). Nothing outside the folder writes user-facing
 * text. Each sentence is a function, so that a translation can reorder its values; those that mix text with markup
 * return parts (`unknown[]`) that a Lit template renders in order. Translating the widget means providing these
 * modules in another language (docs/architecture.md, "Strings").
 */

const PROVIDER_NAMES: Record<string, string> = {
  puter: 'Puter',
  bfl: 'BFL',
  fal: 'fal',
  openai: 'gateway',
  openrouter: 'OpenRouter',
  huggingface: 'Hugging Face',
};

/** The provider's name, as a label shows it and after "your": "BFL", "gateway" ("your gateway key"). */
export const providerName = (id: string) => PROVIDER_NAMES[id] ?? id;
/** The provider as a sentence names it: "BFL", or "the gateway", which has no name of its own. */
export const theProvider = (id: string) => (id === 'openai' ? 'the gateway' : providerName(id));
/** The same at the start of a sentence ("The gateway"; "fal" keeps its own small letter). */
export const TheProvider = (id: string) => (id === 'openai' ? 'The gateway' : providerName(id));
export const imageCount = (n: number) => plural(n, 'image');
export const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
/** Megapixels for reading, to two decimals ('≈1.05' for Puter's 1.048576); the quote keeps them exact. */
export const mp = (n: number) => (Math.round(n * 100) / 100 === n ? `${n}` : `≈${Math.round(n * 100) / 100}`);

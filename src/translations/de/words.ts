/** The words several German sentences share: the providers' names, and German grammar for the German sentences. */
import { counted, words as english, type WordsStrings } from '../../strings/words.js';

export const words: WordsStrings = {
  // Names are names; the gateway, which has none of its own, is "das Gateway".
  providerName: (id) => (id === 'openai' ? 'Gateway' : english.providerName(id)),
  theProvider: (id) => (id === 'openai' ? 'das Gateway' : english.providerName(id)),
  TheProvider: (id) => (id === 'openai' ? 'Das Gateway' : english.providerName(id)),
};

/** The provider after a preposition that takes the dative: "bei BFL", "beim Gateway". */
export const atProvider = (id: string) => (id === 'openai' ? 'beim Gateway' : `bei ${english.providerName(id)}`);
/** The provider as the owner of something: "von BFL", "vom Gateway". */
export const ofProvider = (id: string) => (id === 'openai' ? 'vom Gateway' : `von ${english.providerName(id)}`);

/** A number as German writes it: a decimal comma, a dot between thousands from 10,000 up ("1024", "10.240", "1,05"). */
export const number = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });
/** Megapixels for reading, to two decimals ("≈1,05" for Puter's 1.048576); the quote keeps them exact. */
export const mp = (n: number) => `${Math.round(n * 100) / 100 === n ? '' : '≈'}${number(n)}`;
export const images = (n: number) => counted('de', n, { one: 'Bild', other: 'Bilder' });
/** What was paid for: images, and requests charged that brought none ("1 Bild und 1 Anfrage ohne Bild"). */
export const paidFor = (count: number, failures = 0) =>
  failures
    ? `${count ? images(count) + ' und ' : ''}${counted('de', failures, { one: 'Anfrage', other: 'Anfragen' })} ohne Bild`
    : images(count);
export const referenceImages = (n: number) => counted('de', n, { one: 'Referenzbild', other: 'Referenzbilder' });

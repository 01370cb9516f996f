/**
 * Keeping a key out of words: a provider's error text may echo the key it was sent, whole, cut or split
 * (`x-key sk-SECRE: T-KEY-…`, `Invalid key sk-SECRET-K…`), transformed (in capitals, in lower case, split by dots or
 * dashes, as base64 or hex), and a hostile one may cut it into pieces joined by what a reader skips
 * (`bfl_S ECRET key_a…`, zero-width characters, `<b></b>`, `&#98;`). Any run of this many characters or more that is
 * also a run of the key, whatever their case, is taken out, and words that still hold one once every character but
 * letters and digits is taken out (white space, punctuation, invisible characters, markup), compared without case, or
 * that hold the key's base64 or hex, or any long base64 or hex run at all, are not shown (docs/contract.md, Security: a
 * key never appears in a message, an event or a log).
 */
export const KEY_RUN = 6;

/**
 * A run of this many base64 characters, or of hex digits, is taken for an encoded secret, whatever it encodes: 32 hex
 * digits are 16 bytes and 32 base64 characters 24, the length of the shortest keys the providers give (and their base64
 * or hex is longer still); a provider's own words hold no such run (a request id is a UUID, whose runs of hex are at
 * most 12 long between its dashes), and where a provider's words do, they are only not shown (the widget's own
 * sentence stands instead).
 */
export const ENCODED_RUN = 32;

const TAG = /<[^>]*>/g;
const NUMERIC_REFERENCE = /&#(x[0-9a-f]+|\d+);/gi;
const REFERENCE = /&#?[0-9a-z]+;/gi;
/** Everything but letters and digits: each may join the pieces of a key (a space, a dot, a dash, an invisible one). */
const JOINS = /[^\p{L}\p{N}]/gu;
/** White space and the characters a page shows as nothing: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/**
 * A long run of hex digits, or of one base64 alphabet (standard or URL-safe, `=` padding after it) with a digit and
 * both cases in it (so that a long path or word of one case, `fal-ai/flux-2/lora/image-to-image`, is not taken for one).
 */
const HEX_RUN = new RegExp(`[0-9a-f]{${ENCODED_RUN},}`, 'i');
const BASE64_RUNS = [/[A-Za-z0-9+/]{32,}=*/g, /[A-Za-z0-9_-]{32,}=*/g];
const looksEncoded = (run: string) => /\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);

/** A numeric character reference (`&#98;`, `&#x200B;`) as the character it stands for ('' for none). */
function referenced(_: string, number: string): string {
  const code = /^x/i.test(number) ? Number.parseInt(number.slice(1), 16) : Number(number);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * `text` as a reader may put it back together: without tags, character references taken out (or read as the
 * characters they stand for), and without invisible characters.
 */
const readings = (text: string) =>
  [
    text.replace(TAG, '').replace(REFERENCE, ''),
    text.replace(TAG, '').replace(NUMERIC_REFERENCE, referenced).replace(REFERENCE, ''),
  ].map((reading) => reading.replace(INVISIBLE, ''));

/** One character in lower case, where that is one character ('İ' stays as it is, so that places stay aligned). */
const lower = (character: string) => {
  const folded = character.toLowerCase();
  return folded.length === character.length ? folded : character;
};
const folded = (text: string) => Array.from(text, lower).join('');
/** `text` as compared: letters and digits only, in lower case. */
const squeezed = (text: string) => folded(text.replace(JOINS, ''));

/** The key's UTF-8 bytes as hex, and as base64 at each of the three places it may start within a longer text. */
function encodings(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const base64 = [0, 1, 2].map((skip) => {
    const encoded = btoa(String.fromCharCode(...bytes.subarray(skip)));
    return encoded.slice(0, Math.floor((bytes.length - skip) / 3) * 4); // the last group depends on what follows
  });
  return [hex, ...base64];
}

/** True when `text` holds a run of `length` characters of `secret`. */
function holdsRun(text: string, secret: string, length: number): boolean {
  for (let i = 0; i + length <= secret.length; i++) if (text.includes(secret.slice(i, i + length))) return true;
  return false;
}

/** `text` with every run of `KEY_RUN` or more of its characters that also stands in `secret` (any case) replaced by `…`. */
function withoutRuns(text: string, secret: string): string {
  const [foldedText, foldedSecret] = [Array.from(text, lower), folded(secret)];
  if (foldedText.length !== text.length) return text; // not reached: `lower` keeps every character one unit long
  const lowered = foldedText.join('');
  if (secret.length < KEY_RUN) return lowered.includes(foldedSecret) ? text.split(secret).join('…') : text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    // The longest run of the key that starts here (messages are short: a few hundred characters at most).
    let length = 0;
    while (i + length < text.length && foldedSecret.includes(lowered.slice(i, i + length + 1))) length++;
    if (length >= KEY_RUN) {
      out += '…';
      i += length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** True when a reader could still find the key in `text`: whole or in pieces, in any case, base64 or hex. */
function holdsKey(text: string, secret: string): boolean {
  return readings(text).some((reading) => {
    if (HEX_RUN.test(reading)) return true;
    for (const runs of BASE64_RUNS) for (const [run] of reading.matchAll(runs)) if (looksEncoded(run)) return true;
    const letters = squeezed(reading);
    const key = squeezed(secret);
    if (key.length < KEY_RUN ? key.length > 0 && letters.includes(key) : holdsRun(letters, key, KEY_RUN)) return true;
    // Six characters of the key are 12 hex digits, or 8 base64 characters.
    const [hex, ...base64] = encodings(secret);
    return holdsRun(letters, hex, 2 * KEY_RUN) || base64.some((encoded) => holdsRun(letters, squeezed(encoded), 8));
  });
}

/**
 * `text` without any piece of `secret` a reader could find in it: every run of `KEY_RUN` or more of its characters
 * that also stands in `secret`, whatever their case, replaced by `…` (longest runs first, from left to right, so what
 * is left of a split key is under `KEY_RUN` characters per piece); and where what is left still holds such a run once
 * every character but letters and digits is taken out (the key cut into pieces joined by white space, dots, dashes,
 * invisible characters or markup) and case is set aside, or holds the key's hex or base64, or any run of
 * `ENCODED_RUN` hex digits or base64 characters, `instead`: the provider's words are not shown at all.
 */
export function scrubSecret(text: string, secret?: string, instead = ''): string {
  if (!secret) return text;
  const scrubbed = withoutRuns(text, secret);
  return holdsKey(scrubbed, secret) ? instead : scrubbed;
}

/**
 * Keeping a key out of words: a provider's error text may echo the key it was sent, whole, cut or split
 * (`x-key sk-SECRE: T-KEY-…`, `Invalid key sk-SECRET-K…`), and a hostile one may cut it into pieces joined by what a
 * reader skips (`bfl_S ECRET key_a…`, zero-width characters, `<b></b>`, `&#98;`). Any run of this many characters or
 * more that is also a run of the key is taken out, and words that still hold one once white space, invisible
 * characters and markup are taken out are not shown at all (docs/contract.md, Security: a key never appears in a
 * message, an event or a log).
 */
export const KEY_RUN = 6;

/** White space and the characters a page shows as nothing: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff\u00ad]/g;
const TAG = /<[^>]*>/g;
const NUMERIC_REFERENCE = /&#(x[0-9a-f]+|\d+);/gi;
const REFERENCE = /&#?[0-9a-z]+;/gi;

/** A numeric character reference (`&#98;`, `&#x200B;`) as the character it stands for ('' for none). */
function referenced(_: string, number: string): string {
  const code = /^x/i.test(number) ? Number.parseInt(number.slice(1), 16) : Number(number);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * `text` as a reader may put it back together: without tags, character references taken out (or read as the
 * characters they stand for), then without white space and invisible characters.
 */
const readings = (text: string) =>
  [
    text.replace(TAG, '').replace(REFERENCE, ''),
    text.replace(TAG, '').replace(NUMERIC_REFERENCE, referenced).replace(REFERENCE, ''),
  ].map((reading) => reading.replace(INVISIBLE, ''));

/** `text` with every run of `KEY_RUN` or more of its characters that also stands in `secret` replaced by `…`. */
function withoutRuns(text: string, secret: string): string {
  if (secret.length < KEY_RUN) return text.split(secret).join('…'); // no real key is this short: the whole of it
  let out = '';
  let i = 0;
  while (i < text.length) {
    // The longest run of the key that starts here (messages are short: a few hundred characters at most).
    let length = 0;
    while (i + length < text.length && secret.includes(text.slice(i, i + length + 1))) length++;
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

/**
 * `text` without any piece of `secret` a reader could find in it: every run of `KEY_RUN` or more of its characters
 * that also stands in `secret` replaced by `…` (longest runs first, from left to right, so what is left of a split key
 * is under `KEY_RUN` characters per piece); and where what is left still holds such a run once white space,
 * invisible characters and markup are taken out (the key cut into pieces joined by them), `instead`: the provider's
 * words are not shown at all.
 */
export function scrubSecret(text: string, secret?: string, instead = ''): string {
  if (!secret) return text;
  const scrubbed = withoutRuns(text, secret);
  // A reading that still holds such a run is one `withoutRuns` would change.
  return readings(scrubbed).some((reading) => withoutRuns(reading, secret) !== reading) ? instead : scrubbed;
}

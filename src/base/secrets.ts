/**
 * Keeping a key out of words: a provider's error text may echo the key it was sent, whole, cut or split
 * (`x-key sk-SECRE: T-KEY-…`, `Invalid key sk-SECRET-K…`). Any run of this many characters or more that is also
 * a run of the key is taken out (docs/contract.md, Security: a key never appears in a message, an event or a log).
 */
export const KEY_RUN = 6;

/**
 * `text` with every run of `KEY_RUN` or more of its characters that also stands in `secret` replaced by `…`.
 * Longest runs first, from left to right; what is left of a split key is under `KEY_RUN` characters per piece.
 */
export function scrubSecret(text: string, secret?: string): string {
  if (!secret) return text;
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

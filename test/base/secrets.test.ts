// A provider's words that echo the key transformed — in capitals, in lower case, split by dots,
// dashes or any other character, as base64 or hex — show none of it (base/secrets.ts), and words that hold no piece of
// the key are left as they were.
import { expect } from '@open-wc/testing';
import { ENCODED_RUN, KEY_RUN, scrubSecret } from '../../src/base/secrets.js';

/** `text` as a reader may compare it with a key: letters and digits only, in lower case. */
const squeezed = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** Every run of KEY_RUN letters and digits of `key` that `text` holds, whatever the case and whatever joins them. */
function fragments(text: string, key: string): string[] {
  const [said, secret] = [squeezed(text), squeezed(key)];
  const found = new Set<string>();
  for (let i = 0; i + KEY_RUN <= secret.length; i++)
    if (said.includes(secret.slice(i, i + KEY_RUN))) found.add(secret.slice(i, i + KEY_RUN));
  return [...found];
}

/** `text` cut into pieces of `every` characters joined by `by`. */
const pieces = (text: string, every: number, by: string) => text.match(new RegExp(`.{1,${every}}`, 'gs'))!.join(by);

const bytesOf = (text: string) => new TextEncoder().encode(text);
const base64 = (text: string) => btoa(String.fromCharCode(...bytesOf(text)));
const hex = (text: string) => Array.from(bytesOf(text), (byte) => byte.toString(16).padStart(2, '0')).join('');

const KEYS = [
  'bfl_SECRETkey_a9F3xQ7LmN2pR8',
  'sk-or-v1-0b5e2f9c4d8a7e6b1c3f5a9d2e8b7c4f',
  '3f2b8c1e-7d4a-4e9b-a6c5-1f0e9d8c7b6a', // a BFL key is a UUID
  'fal_9d3c2b1a:7e6f5d4c3b2a19087f6e5d4c',
  'hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345',
];

describe('a key transformed in provider words', () => {
  for (const key of KEYS) {
    it(`${key.slice(0, 6)}…: in capitals, lower case, split by dots, dashes and the like, shows no piece of it`, () => {
      const shapes = [
        key.toUpperCase(),
        key.toLowerCase(),
        pieces(key.toUpperCase(), 1, '.'),
        pieces(key.toUpperCase(), 3, '.'),
        pieces(key, 4, '-'),
        pieces(key.toLowerCase(), 2, '/'),
        pieces(key, 5, ' · '),
        pieces(key.toUpperCase(), 5, '_'),
        pieces(key, 1, ''),
        [...key].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join(''),
        pieces(key.toUpperCase(), 3, '.<b></b>'),
        pieces(key.toLowerCase(), 2, '&#x2E;'),
      ];
      for (const shape of shapes)
        for (const said of [`Invalid key ${shape}`, `Ungültiger Schlüssel „${shape}“.`, `${shape}: refused`]) {
          const scrubbed = scrubSecret(said, key);
          expect(fragments(scrubbed, key), `${said} → ${scrubbed}`).to.deep.equal([]);
        }
    });

    it(`${key.slice(0, 6)}…: as base64 or hex, whole or from any character on, shows no piece of it`, () => {
      for (let from = 0; from < 3; from++) {
        const part = `x-key: ${key}`.slice(from);
        for (const encoded of [base64(part), base64(key), hex(key), hex(key).toUpperCase(), hex(part)]) {
          for (const said of [
            `Invalid token ${encoded}`,
            `Invalid token ${pieces(encoded, 4, ' ')}`,
            `Invalid token ${pieces(encoded, 7, '.')}`,
          ]) {
            const scrubbed = scrubSecret(said, key);
            expect(scrubbed, said).to.not.contain(encoded);
            // Nothing of its encoding: no run of 8 of it, whatever joins it.
            for (let i = 0; i + 8 <= encoded.length; i++)
              expect(squeezed(scrubbed), `${said}`).to.not.contain(squeezed(encoded.slice(i, i + 8)));
          }
        }
      }
    });
  }

  it(`drops words that carry a run of ${ENCODED_RUN} hex digits or base64 characters, whatever it encodes`, () => {
    const key = 'bfl_SECRETkey_a9F3xQ7LmN2pR8';
    for (const run of [
      'deadbeef'.repeat(4), // 32 hex digits
      'DEADBEEF'.repeat(4),
      'aGVsbG8gd29ybGQsIHRoaXMgaXMgYSB0ZXN0', // base64 of words
      'Zm9vYmFyYmF6cXV4LXF1dXgtY29yZ2UtZ3JhdWx0_-A1',
    ])
      expect(scrubSecret(`Invalid key ${run} for this account`, key, 'dropped'), run).to.equal('dropped');
  });

  it('leaves words that hold no piece of the key as they were: ids, paths, sentences in any language', () => {
    const key = 'sk-or-v1-0b5e2f9c4d8a7e6b1c3f5a9d2e8b7c4f';
    for (const said of [
      'Input should be a multiple of 16 <b>here</b> &amp; there',
      'Request 123e4567-e89b-12d3-a456-426614174000 failed: try again later',
      'fal-ai/flux-2/lora/image-to-image is not available in your region',
      'Die Eingabe muss ein Vielfaches von 16 sein.',
      'Prompt too long: at most 512 tokens (deadbeef01234567 is the trace).',
    ])
      expect(scrubSecret(said, key, 'dropped'), said).to.equal(said);
  });

  it('keeps the words around a key echoed whole in capitals, without the key', () => {
    const key = 'bfl_SECRETkey_a9F3xQ7LmN2pR8';
    expect(scrubSecret(`Invalid key ${key.toUpperCase()} for this account`, key)).to.equal(
      'Invalid key … for this account',
    );
  });
});

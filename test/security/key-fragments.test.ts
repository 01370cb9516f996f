// A provider's error text that echoes the key, whole, cut or split, reaches no message, event or console line with any
// run of 6 characters of the key (base/secrets.ts); nor when a hostile provider cuts it into pieces of 1 to 8
// characters joined by white space, invisible characters or markup, which a reader (or a page that strips them) puts
// back together.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { UserPaysError } from '../../src/base/errors.js';
import { KEY_RUN, scrubSecret } from '../../src/base/secrets.js';
import { generation as generationText } from '../../src/strings/generation.js';
import type { ErrorDetail } from '../../src/base/types.js';
import type { Translation } from '../../src/strings/strings.js';
import { de } from '../../src/translations/de.js';
import { cleanLocalStorage } from '../support/storage.js';
import { bflWidget } from '../support/bfl-widget.js';
import { consoleDuring } from '../support/console.js';
import { falEndpoint, releaseHold, submissionsOf, unique, uniqueStorageKey } from '../support/sim.js';
import { imageWidget } from '../support/widget.js';
import { rejection } from '../support/failure.js';

/** Every run of KEY_RUN characters of `key` that `text` holds. */
const fragments = (text: string, key: string) => {
  const found = new Set<string>();
  for (let i = 0; i + KEY_RUN <= key.length; i++)
    if (text.includes(key.slice(i, i + KEY_RUN))) found.add(key.slice(i, i + KEY_RUN));
  return [...found];
};

/**
 * `text` as a reader puts it back together: without white space, the invisible characters (zero-width space,
 * non-joiner, joiner, word joiner, byte-order mark, soft hyphen), tags and character references.
 */
const joined = (text: string) =>
  text.replace(/<[^>]*>|&#?[0-9a-z]+;/gi, '').replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]/g, '');

/** What the BFL simulator may put between the pieces of the key it echoes (`echo=pieces;by=…`, demo/sim/kit.mjs). */
const SEPARATORS = [
  'space',
  'newline',
  'zwsp',
  'zwnj',
  'zwj',
  'word-joiner',
  'bom',
  'soft-hyphen',
  'tag',
  'reference',
  'hex-reference',
];

describe('a key never leaves in pieces through provider text', function () {
  this.timeout(20_000);

  it('scrubSecret takes out every run of 6 or more characters of the key, and leaves other words', () => {
    const key = 'sk-SECRET-KEY-0123456789';
    for (const said of [
      `x-key ${key.slice(0, 8)}: ${key.slice(8)}`,
      `Invalid key ${key.slice(0, 11)}…`,
      `Bad: ${key.slice(0, 10)} ${key.slice(10)}`,
      `the key ${key} was refused; ${key}`,
    ]) {
      const scrubbed = scrubSecret(said, key);
      expect(fragments(scrubbed, key), scrubbed).to.deep.equal([]);
    }
    expect(scrubSecret('Invalid prompt: too long', key)).to.equal('Invalid prompt: too long');
    expect(scrubSecret('a short key: abc', 'abc')).to.equal('a short key: …');
  });

  for (const shape of ['whole', 'cut', 'split', 'spaced']) {
    it(`BFL's error text quoting the key (${shape}) reaches no message, event or console line`, async () => {
      const storageKey = uniqueStorageKey();
      const key = `sk-SECRET-KEY-${storageKey}`;
      const seen: string[] = [];
      try {
        seen.push(
          ...(await consoleDuring(async () => {
            const el = await bflWidget({ scenario: `fault=422;echo=${shape}`, apiKey: key, storageKey });
            for (const type of ['userpays-error', 'userpays-progress', 'userpays-submit', 'userpays-result'])
              el.addEventListener(type, (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
            const error = await rejection(el.generate());
            await el.updateComplete;
            seen.push(error?.message ?? '', el.shadowRoot!.textContent ?? '');
            expect(error?.message).to.match(/refused/); // the provider's words are there, without the key
          })),
        );
        expect(fragments(seen.join('\n'), key)).to.deep.equal([]);
      } finally {
        cleanLocalStorage(storageKey);
      }
    });
  }

  it('scrubSecret leaves no run of 6 of the key once white space, invisible characters and markup are taken out', () => {
    const key = 'bfl_SECRETkey_a9F3xQ7LmN2pR8';
    const between: Record<string, string> = {
      space: ' ',
      newline: '\n',
      zwsp: '\u200b',
      zwnj: '\u200c',
      zwj: '\u200d',
      'word-joiner': '\u2060',
      bom: '\ufeff',
      'soft-hyphen': '\u00ad',
      tag: '<b></b>',
      reference: '&#98;',
      'hex-reference': '&#x200B;',
    };
    for (const [name, separator] of Object.entries(between)) {
      for (let every = 1; every <= 8; every++) {
        const pieces = key.match(new RegExp(`.{1,${every}}`, 'g'))!.join(separator);
        const scrubbed = scrubSecret(`Invalid key ${pieces} for this account`, key);
        expect(fragments(joined(scrubbed), key), `${name} every ${every}: ${scrubbed}`).to.deep.equal([]);
        expect(fragments(scrubbed, key), `${name} every ${every}: ${scrubbed}`).to.deep.equal([]);
      }
    }
    // Words that hold no piece of the key are left as they are.
    expect(scrubSecret('Input should be a multiple of 16 <b>here</b> &amp; there', key)).to.equal(
      'Input should be a multiple of 16 <b>here</b> &amp; there',
    );
  });

  for (const by of SEPARATORS) {
    it(`BFL's error text quoting the key in pieces of 1 to 8 characters joined by ${by} reaches no text the widget shows or emits`, async function () {
      this.timeout(60_000);
      const storageKey = uniqueStorageKey();
      const key = `bfl_SECRETkey_${storageKey}`;
      const seen: string[] = [];
      const lines = await consoleDuring(async () => {
        const el = await bflWidget({ scenario: 'fault=422', apiKey: key, storageKey });
        for (const type of ['userpays-error', 'userpays-progress', 'userpays-submit', 'userpays-result'])
          el.addEventListener(type, (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
        try {
          for (let every = 1; every <= 8; every++) {
            el.endpoint = `${location.origin}/sim/bfl/s/fault=422;echo=pieces;every=${every};by=${by};run=${storageKey}`;
            await el.updateComplete;
            const error = await rejection(el.generate());
            await el.updateComplete;
            expect(error, `every ${every}`).to.be.instanceOf(UserPaysError);
            expect((error as UserPaysError).code).to.equal('invalid-input');
            seen.push(error!.message, el.shadowRoot!.innerHTML, el.shadowRoot!.textContent ?? '');
            const shown = joined(`${error!.message}\n${el.shadowRoot!.innerHTML}`);
            expect(fragments(shown, key), `every ${every}: ${error!.message}`).to.deep.equal([]);
          }
        } finally {
          cleanLocalStorage(storageKey);
        }
      });
      const everything = [...seen, ...lines].join('\n');
      expect(fragments(joined(everything), key)).to.deep.equal([]);
      expect(fragments(everything, key)).to.deep.equal([]);
    });
  }

  it("fal's log lines quoting the key in pieces, shown as progress, show none of it", async function () {
    this.timeout(180_000); // eleven generations, each waited for up to 10 s, on a machine that may be slow
    const storageKey = uniqueStorageKey();
    const key = `fal_SECRETkey_${storageKey}`;
    const seen: string[] = [];
    const lines = await consoleDuring(async () => {
      const attributes = { provider: 'fal', locale: 'en-US', 'storage-key': storageKey, prompt: 'a fox' };
      // The simulator's origin's key, whatever scenario its path names.
      const el = await imageWidget({ ...attributes, endpoint: falEndpoint() }, { apiKey: key });
      for (const type of ['userpays-error', 'userpays-progress', 'userpays-result'])
        el.addEventListener(type, (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
      try {
        // Every separator, and every width from 1 to 8 among them.
        for (const [index, by] of SEPARATORS.entries()) {
          const every = (index % 8) + 1;
          // In progress, its log lines quoting the key, until the widget has shown one of them, however slow the
          // machine running the suite.
          const hold = unique('hold');
          el.endpoint = `${location.origin}/sim/fal/s/queue=0;pending=1500;echo=pieces;every=${every};by=${by};hold=${hold};run=${storageKey}`;
          await el.updateComplete;
          const watch = setInterval(() => seen.push(el.shadowRoot!.innerHTML), 25);
          const progress: string[] = [];
          const listen = (event: Event) => progress.push((event as CustomEvent<{ status: string }>).detail.status);
          el.addEventListener('userpays-progress', listen);
          try {
            const generated = el.generate();
            // A line quoting the key, as it came or, where it showed too much of the key, the plain word in its place.
            const quoting = (status: string) => status.startsWith('Key') || status === generationText.generatingNow();
            await waitUntil(() => progress.some(quoting), `${by} every ${every}: a line quoting the key`, {
              timeout: 10_000,
            });
            await releaseHold('fal', hold);
            await generated;
          } finally {
            clearInterval(watch);
            el.removeEventListener('userpays-progress', listen);
          }
          // The log lines were shown: what is left of them (pieces under 6), or in their place the plain word.
          const fromLogs = progress.filter(
            (status) => /^(Key|Loading)/.test(status) || status === generationText.generatingNow(),
          );
          expect(fromLogs, `${by} every ${every}: the log lines were read`).to.not.deep.equal([]);
          expect(fragments(joined(progress.join('\n')), key), `${by} every ${every}`).to.deep.equal([]);
        }
      } finally {
        cleanLocalStorage(storageKey);
      }
    });
    const everything = [...seen, ...lines].join('\n');
    expect(fragments(joined(everything), key)).to.deep.equal([]);
    expect(fragments(everything, key)).to.deep.equal([]);
  });
});

// BFL's 422 quoting the key transformed (in capitals cut by dots, in lower case cut by dashes, as base64, as hex:
// demo/sim/bfl.mjs, `echo=`) shows none of it, in English, in German and in a page's own words.
describe('a key never leaves transformed through provider text', function () {
  this.timeout(60_000);

  /** Letters and digits only, in lower case: how the key may be read back out of what was shown. */
  const squeezed = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const bytesOf = (text: string) => new TextEncoder().encode(text);
  /** Every form of `key` a reader could find in `text`: runs of 6 of it, of 12 of its hex, of 8 of its base64. */
  function transformedFragments(text: string, key: string): string[] {
    const said = squeezed(text);
    const hex = Array.from(bytesOf(key), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const base64 = btoa(String.fromCharCode(...bytesOf(`x-key: ${key}`)));
    const found: string[] = [];
    for (const [form, length] of [
      [squeezed(key), KEY_RUN],
      [hex, 2 * KEY_RUN],
      [squeezed(base64), 8],
    ] as const)
      for (let i = 0; i + length <= form.length; i++)
        if (said.includes(form.slice(i, i + length))) found.push(form.slice(i, i + length));
    return found;
  }

  const pageWords: Translation = { generation: { refused: (why) => `Not made: ${why}. Change something.` } };
  for (const [language, lang, strings] of [
    ['English', 'en', undefined],
    ['German', 'de', undefined],
    ["a page's translation", 'en', pageWords],
  ] as const) {
    it(`in ${language}: the key echoed in capitals split by dots, in lower case, as base64 or hex shows nowhere`, async () => {
      const storageKey = uniqueStorageKey();
      const key = `bfl_SECRETkey_${storageKey}`;
      const seen: string[] = [];
      const lines = await consoleDuring(async () => {
        const el = await bflWidget({ scenario: 'fault=422', apiKey: key, storageKey, attributes: { lang } });
        if (strings) el.strings = strings;
        for (const type of ['userpays-error', 'userpays-progress', 'userpays-submit', 'userpays-result'])
          el.addEventListener(type, (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
        try {
          for (const echo of ['capitals-dots', 'capitals-dots;every=1', 'lower-dashes;every=4', 'base64', 'hex']) {
            el.endpoint = `${location.origin}/sim/bfl/s/fault=422;echo=${echo};run=${storageKey}`;
            await el.updateComplete;
            const emitted = oneEvent(el, 'userpays-error') as Promise<CustomEvent<ErrorDetail>>;
            const error = await rejection(el.generate());
            const detail = (await emitted).detail;
            await el.updateComplete;
            expect(error, echo).to.be.instanceOf(UserPaysError);
            expect((error as UserPaysError).code, echo).to.equal('invalid-input');
            // The refusal is said, in the element's words, without the provider's.
            const shown = el.shadowRoot!.textContent ?? '';
            const refused = strings
              ? pageWords.generation!.refused!
              : lang === 'de'
                ? de.generation.refused
                : generationText.refused;
            // Booked as not charged, it says so: in English where the page's words have none.
            const nothing = lang === 'de' ? de.generation.nothingCharged : generationText.nothingCharged;
            expect(detail.message, echo).to.equal(`${refused('HTTP 422', 'bfl')} ${nothing()}`);
            seen.push(error!.message, detail.message, el.shadowRoot!.innerHTML, shown);
            expect(transformedFragments(`${error!.message}\n${detail.message}\n${shown}`, key), echo).to.deep.equal([]);
          }
          // The simulator did echo it: its log holds the five refused submits of this run.
          expect((await submissionsOf('bfl', `run=${storageKey}`)).length).to.equal(5);
        } finally {
          cleanLocalStorage(storageKey);
        }
      });
      expect(transformedFragments([...seen, ...lines].join('\n'), key)).to.deep.equal([]);
    });
  }
});

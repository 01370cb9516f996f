// Issue 21, 4: a provider's error text that echoes the key, whole, cut or split, reaches no message, event or console
// line with any run of 6 characters of the key (base/secrets.ts).
import { expect } from '@open-wc/testing';
import { KEY_RUN, scrubSecret } from '../../src/base/secrets.js';
import { cleanLocalStorage } from '../ledger/helpers.js';
import { bflWidget } from '../support/bfl-widget.js';
import { uniqueStorageKey } from '../support/sim.js';

/** Every run of KEY_RUN characters of `key` that `text` holds. */
const fragments = (text: string, key: string) => {
  const found = new Set<string>();
  for (let i = 0; i + KEY_RUN <= key.length; i++)
    if (text.includes(key.slice(i, i + KEY_RUN))) found.add(key.slice(i, i + KEY_RUN));
  return [...found];
};

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
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const original = methods.map((method) => console[method]);
      methods.forEach((method, i) => {
        console[method] = (...args: unknown[]) => {
          seen.push(args.map(String).join(' '));
          original[i].apply(console, args);
        };
      });
      try {
        const el = await bflWidget({
          scenario: `fault=422;echo=${shape}`,
          run: storageKey,
          prompt: 'a fox',
          apiKey: key,
          storageKey,
        });
        for (const type of ['userpays-error', 'userpays-progress', 'userpays-submit', 'userpays-result'])
          el.addEventListener(type, (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
        const error = await el.generate().then(
          () => undefined,
          (thrown: Error) => thrown,
        );
        await el.updateComplete;
        seen.push(error?.message ?? '', el.shadowRoot!.textContent ?? '');
        expect(error?.message).to.match(/refused/); // the provider's words are there, without the key
        expect(fragments(seen.join('\n'), key)).to.deep.equal([]);
      } finally {
        methods.forEach((method, i) => (console[method] = original[i]));
        cleanLocalStorage(storageKey);
      }
    });
  }
});

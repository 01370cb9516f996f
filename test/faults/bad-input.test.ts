// Bad input, tried whole. What a page or a provider can hand the widget and the headless API, at its worst:
// prompts of 100,000 characters, control characters, emoji and right-to-left text; sizes, seeds and counts that are
// NaN, negative, huge, fractional or words; references that are giant, not images, SVG with a script, or empty;
// provider replies that are malformed, truncated or of another shape; image addresses that are `javascript:`,
// `data:text/html` or plain `http:`; provider words carrying markup. Each ends in an error in plain words (never a raw
// TypeError), or is refused before anything is sent, or works; nothing is booked that was not charged (the tally
// against what the simulator says it charged), no script of theirs runs, and the widget goes on working.
// Page-side inputs go through `UserPays.generate` (src/generation/headless.ts) and the widget; provider-side ones
// through the simulators' fault scenarios (demo/sim/bfl.mjs, openrouter.mjs), over real HTTP on loopback.
// Holds: src/base/checks.ts
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import Decimal from 'decimal.js';
import '../../src/define.js';
import { UserPaysError, generate, tally as tallyOf } from '../../src/api.js';
import { priceOf } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import type { ErrorDetail, ProgressDetail, Tally } from '../../src/base/types.js';
import { errors as errorsText } from '../../src/strings/errors.js';
import { generation as generationText } from '../../src/strings/generation.js';
import { bflWidget } from '../support/bfl-widget.js';
import { bflEndpoint, releaseHold, simCharged, submissionsOf, unique, uniqueStorageKey } from '../support/sim.js';
import { blocked, decision, generateButton, imageWidget, panelsLoaded, part, words } from '../support/widget.js';
import { pngBlob } from '../support/images.js';
import { rejection } from '../support/failure.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

/** Set by every script a hostile input carries: if anything of theirs ran, it is set. */
const RAN = '__userpaysRan';
const ran = () => (window as unknown as Record<string, unknown>)[RAN];
const MARKUP = `<img src=x onerror="window.${RAN}=1"><script>window.${RAN}=1</script>`;

type Sim = 'bfl' | 'fal' | 'openrouter';

/**
 * The books agree with the provider: nothing booked that it did not charge (spent ≤ charged), nothing it charged
 * left unbooked or unflagged (charged ≤ spent + what may have been charged).
 */
function booksAgree(tally: Tally | undefined, usd: string, what: string) {
  const spent = new Decimal(tally?.spent ?? 0);
  const uncertain = new Decimal(tally?.uncertain ?? 0);
  expect(spent.lte(usd), `${what}: booked ${spent}, charged ${usd}`).to.equal(true);
  expect(
    new Decimal(usd).lte(spent.plus(uncertain)),
    `${what}: charged ${usd}, booked ${spent} + ${uncertain}`,
  ).to.equal(true);
}

/** An error as the page and the user get it: a `UserPaysError` of `code`, in words, never a raw throw. */
function inWords(error: unknown, code: string | RegExp, what: string): UserPaysError {
  expect(error, what).to.be.instanceOf(UserPaysError);
  const { code: got, message } = error as UserPaysError;
  if (typeof code === 'string') expect(got, what).to.equal(code);
  else expect(got, what).to.match(code);
  expect(message.length, `${what}: plain words`).to.be.greaterThan(20);
  expect(message, what).not.to.match(/TypeError|RangeError|undefined|NaN|Infinity|\[object/);
  return error as UserPaysError;
}

/** CRC-32 of PNG chunks (ISO 3309, as the PNG specification gives it). */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A 1×1 PNG whose header says it is width × height (a decompression bomb's header), its checksum made good. */
async function pngClaiming(width: number, height: number): Promise<Blob> {
  const bytes = new Uint8Array(await (await pngBlob(1, 1)).arrayBuffer());
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width); // IHDR's data starts at 16: width, height
  view.setUint32(20, height);
  view.setUint32(29, crc32(bytes.subarray(12, 29))); // the CRC of "IHDR" and its 13 bytes
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * A test that also fails when anything was thrown that no one caught (a render that throws, a rejection left
 * unhandled) or a script of theirs ran, while it ran.
 */
function tried(title: string, test: () => Promise<void>) {
  it(title, async () => {
    const uncaught: string[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(String(event.error ?? event.message));
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
    delete (window as unknown as Record<string, unknown>)[RAN];
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    try {
      await test();
      await new Promise((resolve) => setTimeout(resolve, 50)); // a rejection no one handled is reported a task later
      expect(uncaught, 'nothing thrown that no one caught').to.deep.equal([]);
      expect(ran(), 'no script of theirs ran').to.equal(undefined);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    }
  });
}

describe('bad input, tried whole', function () {
  this.timeout(30_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  describe('from the page, through UserPays.generate', () => {
    /** A headless call at the BFL simulator under its own run, key and storage key. */
    async function headless(request: Record<string, unknown>) {
      const [run, storageKey, apiKey] = [uniqueStorageKey(), newStorageKey(), `bad-input-${uniqueStorageKey()}`];
      const result = await generate({ provider: 'bfl', model: 'flux-2-klein-4b', ...request } as never, {
        apiKey,
        endpoint: bflEndpoint(`deliveryCors=1;run=${run}`),
        storageKey,
      }).catch((thrown: unknown) => thrown);
      return { result, run, apiKey, tally: await tallyOf(storageKey) };
    }

    tried(
      'sizes, seeds and counts that are NaN, negative, zero, fractional, infinite, huge or words are refused in words, before anything is sent',
      async () => {
        const cases: [string, unknown][] = [
          ['width', NaN],
          ['width', -1024],
          ['width', 0],
          ['width', 1024.5],
          ['width', Infinity],
          ['width', 'wide'],
          ['height', NaN],
          ['height', -64],
          ['height', '1024'],
          ['height', 1e9],
          ['seed', NaN],
          ['seed', -1],
          ['seed', 1.5],
          ['seed', 2 ** 53],
          ['seed', 'forty-two'],
          ['seed', Infinity],
          ['count', NaN],
          ['count', -1],
          ['count', 0],
          ['count', 2.5],
          ['count', 5],
          ['count', 1e9],
          ['count', Infinity],
          ['count', 'two'],
        ];
        for (const [field, value] of cases) {
          const what = `${field} = ${String(value)}`;
          const { result, run, tally } = await headless({ prompt: 'a fox', [field]: value });
          inWords(result, 'invalid-input', what);
          expect(await submissionsOf('bfl', run), `${what}: nothing sent`).to.deep.equal([]);
          expect([tally.spent, tally.uncertain ?? '0'], `${what}: nothing booked`).to.deep.equal(['0', '0']);
        }
      },
    );

    tried('a size far too large is refused with a size the model can make, and the model makes it', async () => {
      const sizes: [number, number][] = [
        [1e9, 1024],
        [100000, 64],
        [64, 100000],
        [1e9, 1e9],
        [4096, 4096],
        [3000, 2000], // neither side a multiple of 16: one piece of advice that fixes both
        [2050, 2048],
        [32, 200_000], // a side under the smallest, and too large
      ];
      for (const [width, height] of sizes) {
        const what = `${width}×${height}`;
        const { problem } = priceOf({ provider: 'bfl', model: 'flux-2-klein-4b', width, height }, BUILTIN_PRICE_BOOK);
        const advice = /try (\d+)×(\d+)/.exec(problem);
        expect(advice, `${what}: ${problem}`).to.not.equal(null);
        const [made, tall] = [Number(advice![1]), Number(advice![2])];
        const again = priceOf(
          { provider: 'bfl', model: 'flux-2-klein-4b', width: made, height: tall },
          BUILTIN_PRICE_BOOK,
        );
        expect(again.problem, `${what} → ${made}×${tall}`).to.equal('');
        expect(made * tall, `${what} → ${made}×${tall}: about as large as allowed`).to.be.greaterThan(3_000_000);
      }
      // A side's own advice offers only what fits beside the other side: 2064×2040 would be over 4 MP.
      expect(
        priceOf({ provider: 'bfl', model: 'flux-2-klein-4b', width: 2050, height: 2040 }, BUILTIN_PRICE_BOOK).problem,
      ).to.equal('Width must be a multiple of 16 for FLUX.2 [klein] 4B — try 2048.');
      const { problem } = priceOf(
        { provider: 'bfl', model: 'flux-2-klein-4b', width: 1e9, height: 1024 },
        BUILTIN_PRICE_BOOK,
      );
      const [, width, height] = /try (\d+)×(\d+)/.exec(problem)!.map(Number);
      const { result, apiKey, tally } = await headless({ prompt: 'a long strip', width, height });
      expect(result, String(result)).not.to.be.instanceOf(Error);
      booksAgree(tally, await simCharged('bfl', apiKey), `${width}×${height}`);
    });

    tried(
      'prompts: 100,000 characters, control characters, emoji and right-to-left text are sent as text, and a prompt of nothing visible is refused before it is sent',
      async () => {
        for (const prompt of [
          'a lighthouse in fog, '.repeat(5000).slice(0, 100_000),
          'a fox\u0000 in \u0007snow\u001b[31m, red\u007f',
          '🦊🌲 a fox in a forest, 狐狸, ثعلب في الغابة \u202eevil\u202c',
        ]) {
          const what = `a prompt of ${prompt.length} characters`;
          const { result, apiKey, tally } = await headless({ prompt });
          if (result instanceof Error) inWords(result, /invalid-input|provider-error/, what);
          booksAgree(tally, await simCharged('bfl', apiKey), what);
        }
        for (const prompt of ['\u0000\u0001\u001f', '\u200b\u200d\ufeff', ' \u00a0\n\t\u2060 ']) {
          const what = `a prompt of ${[...prompt].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}`;
          const { result, run, tally } = await headless({ prompt });
          inWords(result, 'invalid-input', what);
          expect(await submissionsOf('bfl', run), `${what}: nothing sent`).to.deep.equal([]);
          expect(tally.spent, what).to.equal('0');
        }
      },
    );

    tried(
      'references that are giant, not images, SVG with a script, empty or a header claiming 100,000² pixels are refused in words, and nothing of theirs runs',
      async () => {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="window.${RAN}=1"><script>window.${RAN}=1</script><rect width="64" height="64"/></svg>`;
        const references: [string, Blob][] = [
          ['over 10 MB', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/png' })],
          ['text', new Blob(['not an image'], { type: 'text/plain' })],
          ['SVG with a script', new Blob([svg], { type: 'image/svg+xml' })],
          ['SVG with a script, said to be a PNG', new Blob([svg], { type: 'image/png' })],
          ['zero bytes', new Blob([], { type: 'image/png' })],
          ['zero bytes, no type', new Blob([])],
          ['a header claiming 100,000 × 100,000 pixels', await pngClaiming(100_000, 100_000)],
        ];
        for (const [what, reference] of references) {
          const { result, run, tally } = await headless({ prompt: 'a fox', references: [reference] });
          inWords(result, 'invalid-input', what);
          expect(await submissionsOf('bfl', run), `${what}: nothing sent`).to.deep.equal([]);
          expect(tally.spent, what).to.equal('0');
        }
      },
    );
  });

  describe('from the page, on the widget', () => {
    tried(
      'attributes that are not sizes, counts or seeds are said in words, nothing is sent, and the widget then works',
      async () => {
        const storageKey = newStorageKey();
        const apiKey = `bad-input-${storageKey}`;
        const el = await bflWidget({ scenario: '', apiKey, storageKey });
        await panelsLoaded(el);
        const errors: ErrorDetail[] = [];
        el.addEventListener('userpays-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
        const cases: [string, string][] = [
          ['width', 'wide'],
          ['width', '-1024'],
          ['width', '1024.5'],
          ['height', 'NaN'],
          ['height', '1e9'],
          ['count', 'Infinity'],
          ['count', 'NaN'],
          ['count', '-1'],
          ['count', '2.5'],
          ['count', '1e9'],
          ['seed', 'forty-two'],
          ['seed', '-1'],
          ['seed', '1.5'],
          ['seed', 'Infinity'],
        ];
        for (const [attribute, value] of cases) {
          const what = `${attribute}="${value}"`;
          el.setAttribute(attribute, value);
          await el.updateComplete;
          if (attribute !== 'seed') {
            expect(decision(el).price, `${what}: no price`).to.equal(undefined);
            expect(blocked(el).reason, `${what}: said beside Generate`).to.not.equal('');
          }
          const error = inWords(await rejection(el.generate()), 'invalid-input', what);
          await el.updateComplete;
          expect(words(el.shadowRoot!), `${what}: shown`).to.contain(error.message);
          expect(errors.at(-1)?.message, `${what}: told the page`).to.equal(error.message);
          // Back as it was: the seed unset, the others at their defaults.
          if (attribute === 'seed') el.removeAttribute(attribute);
          else el.setAttribute(attribute, attribute === 'count' ? '1' : '1024');
          await el.updateComplete;
        }
        expect(await submissionsOf('bfl', storageKey), 'nothing sent').to.deep.equal([]);
        expect(el.tally?.spent).to.equal('0');
        // And it works.
        const result = await el.generate();
        expect(result.images).to.have.length(1);
        booksAgree(el.tally, await simCharged('bfl', apiKey), 'the generation after');
      },
    );

    tried(
      'a prompt taken away or not text asks for a prompt, nothing is sent, and other attributes taken away are their defaults again',
      async () => {
        const storageKey = newStorageKey();
        const el = await bflWidget({ scenario: '', apiKey: 'sim-k', storageKey });
        await panelsLoaded(el);
        for (const take of [
          () => el.removeAttribute('prompt'), // what a framework does with an attribute it no longer sets
          () => ((el as unknown as { prompt: unknown }).prompt = null),
          () => ((el as unknown as { prompt: unknown }).prompt = 42),
          () => ((el as unknown as { prompt: unknown }).prompt = { text: 'a fox' }),
        ]) {
          el.prompt = 'a fox';
          await el.updateComplete;
          take();
          await el.updateComplete;
          inWords(await rejection(el.generate()), 'invalid-input', String(el.prompt));
          await el.updateComplete;
        }
        expect(await submissionsOf('bfl', storageKey)).to.deep.equal([]);
        // The other attributes of text a framework may take away: the widget goes on, at their defaults.
        for (const attribute of ['providers', 'models', 'budget', 'model']) {
          el.setAttribute(attribute, attribute === 'budget' ? '2' : 'flux-2-pro');
          await el.updateComplete;
          el.removeAttribute(attribute);
          await el.updateComplete;
          el.prompt = 'a fox';
          await el.updateComplete;
          expect(decision(el).price, `${attribute} taken away`).to.match(/^\$\d/);
        }
        expect(el.model).to.equal('flux-2-klein-4b');
      },
    );

    tried(
      'a size far too large shows no payable price anywhere, and advice that is a size the model makes',
      async () => {
        const el = await imageWidget({
          provider: 'bfl',
          locale: 'en-US',
          'storage-key': newStorageKey(),
          width: 1000000000,
          height: 1024,
          prompt: 'a fox',
        });
        await panelsLoaded(el);
        el.shadowRoot!.querySelector<HTMLDetailsElement>('details.details')!.open = true;
        await el.updateComplete;
        expect(decision(el).price, 'the decision row').to.equal(undefined);
        const details = el.shadowRoot!.querySelector('details.details')!;
        expect(words(details), 'the price details').not.to.match(/\$\d/);
        expect(words(part(el, 'model')), 'the models').not.to.match(/\$\d/);
        const [, width, height] = /try (\d+)×(\d+)/.exec(blocked(el).reason)!.map(Number);
        expect(
          priceOf({ provider: 'bfl', model: 'flux-2-klein-4b', width, height }, BUILTIN_PRICE_BOOK).problem,
        ).to.equal('');
        // Taking the advice prices it.
        el.width = width;
        el.height = height;
        await el.updateComplete;
        expect(decision(el).price).to.match(/^\$\d/);
      },
    );

    tried(
      'a model there is none of is said, not replaced: beside Generate and to the page, and nothing is sent',
      async () => {
        const storageKey = newStorageKey();
        const errors: ErrorDetail[] = [];
        // Listened for on the page: the widget says it in its first update, before fixture() hands it over.
        const listen = (event: Event) => errors.push((event as CustomEvent<ErrorDetail>).detail);
        document.addEventListener('userpays-error', listen);
        try {
          const el = await imageWidget({
            provider: 'bfl',
            model: 'flux-evil',
            'storage-key': storageKey,
            endpoint: bflEndpoint(`run=${storageKey}`),
            prompt: 'a fox',
          });
          el.apiKey = `bad-input-${storageKey}`;
          await panelsLoaded(el);
          expect(el.model, 'kept as the page set it').to.equal('flux-evil');
          expect(el.quote).to.equal(undefined);
          expect(decision(el).price).to.equal(undefined);
          expect(blocked(el).reason).to.contain('There is no model called "flux-evil"');
          expect(el.shadowRoot!.querySelector('#reason')!.closest('[part~=error]')).to.not.equal(null);
          expect(generateButton(el).disabled).to.equal(true);
          expect(errors.map(({ code }) => code)).to.deep.equal(['invalid-input']);
          expect(errors[0].message).to.equal(blocked(el).reason);
          inWords(await rejection(el.generate()), 'invalid-input', 'generate()');
          expect(await submissionsOf('bfl', storageKey)).to.deep.equal([]);
          // A model the page knows puts it right.
          el.model = 'flux-2-pro';
          await el.updateComplete;
          expect(decision(el).price).to.match(/^\$\d/);
          expect(errors).to.have.length(2); // the generate() above, said once
        } finally {
          document.removeEventListener('userpays-error', listen);
        }
      },
    );

    tried('markup in the prompt is shown as text, and nothing of it runs', async () => {
      const storageKey = newStorageKey();
      const el = await bflWidget({ scenario: '', prompt: MARKUP, apiKey: 'sim-k', storageKey });
      await el.generate();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('img[src=x], script')).to.equal(null);
      const shown = [...el.shadowRoot!.querySelectorAll('[part~=result] img[alt]:not([alt=""])')];
      expect(new Set(shown.map((img) => img.getAttribute('alt')))).to.deep.equal(new Set([MARKUP]));
    });
  });

  describe('from the provider, through the simulators', () => {
    /** A widget at `sim` under `scenario`, its key its own (so the simulator's charges are this case's). */
    async function widgetAt(sim: Sim, scenario: string, prompt = 'a fox') {
      const storageKey = newStorageKey();
      const apiKey = `bad-input-${storageKey}`;
      if (sim === 'bfl') return { el: await bflWidget({ scenario, prompt, apiKey, storageKey }), apiKey };
      const el = await imageWidget({
        provider: sim,
        model: 'flux-2-klein-4b',
        locale: 'en-US',
        'storage-key': storageKey,
        endpoint: `${location.origin}/sim/${sim}/s/${scenario};run=${storageKey}`,
        prompt,
      });
      el.apiKey = apiKey;
      await el.updateComplete;
      return { el, apiKey };
    }

    /**
     * One submission that must fail: in words, of `code`, booked as the provider charged, shown in the widget, and
     * the widget free again (Generate enabled, nothing running).
     */
    async function fails(sim: Sim, scenario: string, code: string | RegExp) {
      const { el, apiKey } = await widgetAt(sim, scenario);
      const error = inWords(await rejection(el.generate()), code, scenario);
      await el.updateComplete;
      await waitUntil(() => el.tally, 'the ledger is read');
      booksAgree(el.tally, await simCharged(sim, apiKey), scenario);
      expect(words(el.shadowRoot!), `${scenario}: shown`).to.contain(error.message.slice(0, 40));
      expect(generateButton(el).disabled, `${scenario}: Generate again`).to.equal(false);
      expect(part(el, 'progress'), `${scenario}: nothing running`).to.equal(null);
      return { el, error };
    }

    tried(
      'BFL replies that are truncated, malformed or of another shape are provider errors, booked as what BFL may have charged',
      async () => {
        const cases: [string, string][] = [
          ['fault=bad-json', 'provider-error'], // truncated: `{"id": "`
          ['fault=html;status=200', 'provider-error'], // not JSON at all
          ['fault=wrong-shape', 'provider-error'], // accepted, and a reply of another shape
          ['fault=bad-json;at=poll', 'provider-error'],
        ];
        for (const [scenario, code] of cases) {
          const { error } = await fails('bfl', scenario, code);
          expect(error.message, scenario).not.to.equal(errorsText.network());
        }
      },
    );

    tried("BFL's error words of another shape are still an answer in words, not a lost connection", async () => {
      const detail = encodeURIComponent(JSON.stringify([{ loc: 'prompt', msg: { text: 'no' } }, 42, null]));
      const { error } = await fails('bfl', `fault=422;detail=${detail}`, 'invalid-input');
      expect(error.message).to.contain('HTTP 422');
    });

    tried(
      'a poll whose status is not text is a reply the page cannot read (provider-error), not the network',
      async () => {
        for (const status of [{ state: 'Ready' }, { toString: 1 }, ['Pending'], 7, null]) {
          const scenario = `status=${encodeURIComponent(JSON.stringify(status))}`;
          const { error } = await fails('bfl', scenario, 'provider-error');
          expect(error.message, scenario).to.contain(generationText.unreadableReply('bfl'));
        }
      },
    );

    tried('a progress of 1e308 or below 0 is shown within 0–100 %, and the image still comes', async () => {
      for (const progress of ['1e308', '-5', '37']) {
        // Under way until a percentage has been shown, however slow the machine running the suite.
        const hold = unique('hold');
        const { el, apiKey } = await widgetAt('bfl', `pending=1200;progress=${progress};hold=${hold}`);
        const seen: ProgressDetail[] = [];
        el.addEventListener('userpays-progress', (event) => seen.push((event as CustomEvent<ProgressDetail>).detail));
        const shown: string[] = [];
        const watch = setInterval(() => shown.push(words(part(el, 'progress'))), 20);
        const generated = el.generate().finally(() => clearInterval(watch));
        await waitUntil(() => shown.some((said) => said.includes('%')), `${progress}: a percentage`, {
          timeout: 10_000,
        });
        await releaseHold('bfl', hold);
        const result = await generated;
        expect(result.images, progress).to.have.length(1);
        const percents = [...seen.map((detail) => detail.status), ...shown].flatMap((said) =>
          [...said.matchAll(/(-?[\d.e+]+|Infinity)\s*%/g)].map((match) => Number(match[1])),
        );
        expect(percents.length, `${progress}: a percentage is shown`).to.be.greaterThan(0);
        for (const percent of percents) expect(percent, progress).to.be.within(0, 100);
        for (const { progress: fraction } of seen) if (fraction !== undefined) expect(fraction).to.be.within(0, 1);
        booksAgree(el.tally, await simCharged('bfl', apiKey), progress);
      }
    });

    tried("a queue position of 1e308 is no position: fal's queue is said without it", async () => {
      const { el, apiKey } = await widgetAt('fal', 'queue=1000;pending=1600;position=1e308');
      const seen: string[] = [];
      el.addEventListener('userpays-progress', (event) =>
        seen.push((event as CustomEvent<ProgressDetail>).detail.status),
      );
      const result = await el.generate();
      expect(result.images).to.have.length(1);
      expect(seen, 'queued, said').to.include('Queued');
      for (const status of seen) expect(status).not.to.match(/e\+|Infinity|NaN|\d{10}/);
      booksAgree(el.tally, await simCharged('fal', apiKey), 'position=1e308');
    });

    tried(
      'image addresses that are javascript:, data:text/html or plain http: are refused, booked as charged, and nothing runs',
      async () => {
        const addresses = [
          `javascript:window.${RAN}=1`,
          `data:text/html,<script>window.${RAN}=1</script>`,
          'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__userpaysRan=1"/>',
          'http://example.com/image.png',
        ];
        for (const address of addresses) {
          for (const sim of ['bfl', 'openrouter'] as const) {
            const key = sim === 'bfl' ? 'sample' : 'image';
            const { el } = await fails(
              sim,
              `${sim === 'bfl' ? '' : 'images=none;'}${key}=${encodeURIComponent(address)}`,
              'provider-error',
            );
            expect(el.tally?.spent, `${sim} ${address}: the charge is booked`).to.not.equal('0');
            const sources = [...el.shadowRoot!.querySelectorAll('[src], [href]')].map(
              (node) => node.getAttribute('src') ?? node.getAttribute('href'),
            );
            expect(sources.filter((url) => /^\s*(javascript:|data:(text|image\/svg)|http:)/i.test(url!))).to.deep.equal(
              [],
            );
          }
        }
      },
    );

    tried('an OpenRouter image that is not a base64 data URL is refused saying what was wrong', async () => {
      for (const address of [
        'data:image/png,abc',
        'data:image/png;base64,@@not base64@@',
        'https://example.com/x.png',
      ]) {
        const { error } = await fails(
          'openrouter',
          `images=none;image=${encodeURIComponent(address)}`,
          'provider-error',
        );
        expect(error.message, address).not.to.contain(generationText.imageTooLarge('openrouter'));
        expect(error.message, address).to.match(/could not read|cannot open|not an image|address/i);
      }
    });

    tried("a provider's error words carrying markup are shown as text, and nothing of them runs", async () => {
      const { el, error } = await fails('bfl', `fault=422;message=${encodeURIComponent(MARKUP)}`, 'invalid-input');
      expect(error.message).to.contain('<img src=x');
      expect(el.shadowRoot!.querySelector('img[src=x], script')).to.equal(null);
    });
  });
});

// The security suite: the attacks of a hostile probe, each as a test (docs/contract.md, Security). A key goes
// only to its provider's origin, redirects included, and never into storage, the DOM, an event or the console
// without the user's opt-in; text from a provider or from storage renders as text; the built widget works
// under a strict CSP with Trusted Types, and says so in words where the page forbids its scripts.
// Holds: src/providers/puter/scripts.ts
// Holds: src/elements/shared/adopted-styles.ts
// Holds: src/elements/image/panels/styles.ts
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { UserPaysError } from '../../src/base/errors.js';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import type { ProviderId } from '../../src/base/types.js';
import { image } from '../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import {
  bflEndpoint,
  GATEWAY_PRICE_BOOK,
  OTHER_HOST,
  simEndpoint,
  simLogOf,
  uniqueStorageKey,
} from '../support/sim.js';
import { rejection } from '../support/failure.js';
import { loadedFrame } from '../support/frames.js';
import { consoleDuring } from '../support/console.js';
import { imageWidget, imageWidgetIn, part } from '../support/widget.js';
import { generationJob } from '../support/generation.js';
import { providerFor } from '../../src/providers/registry/adapters.js';

const HOSTILE = '<img src=x onerror="window.pwned=1">';

/** One generation through the real pipeline against a simulator scenario; resolves with its outcome. */
async function generateThrough(provider: ProviderId, scenario: string, key: string) {
  const job = generationJob({
    provider: await providerFor(provider),
    endpoint: simEndpoint(provider, scenario),
    apiKey: key,
    request: { provider },
    priceBook: GATEWAY_PRICE_BOOK,
    poll: { initialMs: 500, maxMs: 500, timeoutMs: 4000 },
  });
  return runGeneration(job).catch((error: unknown) => error as UserPaysError);
}

describe('security: a key goes only to its provider’s origin', () => {
  for (const provider of ['bfl', 'fal', 'openai', 'openrouter', 'huggingface'] as const) {
    it(`${provider}: a redirect at submission is refused before the key can follow it`, async () => {
      const run = uniqueStorageKey();
      const outcome = await generateThrough(provider, `fault=redirect;pending=50;run=${run}`, `secret-${run}`);
      expect(outcome).to.be.instanceOf(UserPaysError);
      expect((outcome as UserPaysError).message).to.match(/another address/);
      const log = await simLogOf(provider, run);
      // BFL's x-key would follow a redirect anywhere (fetch keeps custom headers): the request is never re-sent.
      expect(log.filter((entry) => entry.host === OTHER_HOST)).to.deep.equal([]);
    });
  }

  for (const provider of ['bfl', 'fal'] as const) {
    it(`${provider}: a status URL that redirects is refused too; the key reached this origin only`, async () => {
      const run = uniqueStorageKey();
      // samehost: BFL's polling_url on the endpoint's own origin, where the key is sent with each poll.
      await generateThrough(provider, `fault=redirect;at=poll;samehost=1;pending=50;run=${run}`, `secret-${run}`);
      const log = await simLogOf(provider, run);
      expect(log.length).to.be.greaterThan(1);
      for (const entry of log) if (entry.hasKey) expect(entry.host, entry.path).to.equal(location.host);
    });
  }

  it('bfl: polls and the image on BFL’s other hosts go without the key (get_result needs none)', async () => {
    const run = uniqueStorageKey();
    const outcome = await generateThrough('bfl', `pending=50;run=${run}`, `secret-${run}`);
    expect(outcome).not.to.be.instanceOf(UserPaysError);
    const elsewhere = (await simLogOf('bfl', run)).filter((entry) => entry.host === OTHER_HOST);
    expect(elsewhere.length, 'polls on the polling_url host').to.be.greaterThan(0);
    expect(elsewhere.map((entry) => entry.hasKey)).to.deep.equal(elsewhere.map(() => false));
  });

  it('an image address that is not https, blob or a data image is refused, in words', async () => {
    const run = uniqueStorageKey();
    const outcome = await generateThrough('openai', `fault=insecure-url;pending=50;run=${run}`, `secret-${run}`);
    expect(outcome).to.be.instanceOf(UserPaysError);
    expect((outcome as UserPaysError).message).to.match(/image address this page will not load/);
  });
});

/** Storage keys of the widgets below, forgotten after each test. */
const newStorageKey = storageKeysForgottenAfterEach();

/** A BFL widget on a storage key of its own, against the simulator under `scenario`, holding `apiKey`. */
async function widgetHolding(apiKey: string, scenario: string, prompt = 'a fox') {
  const storageKey = newStorageKey();
  const endpoint = bflEndpoint(`${scenario};run=${storageKey}`);
  return imageWidget({ provider: 'bfl', 'storage-key': storageKey, endpoint }, { prompt, apiKey });
}

describe('security: a key stays out of storage, the DOM, events and the console', () => {
  it('through a whole generation and a refused one, unless the user ticks “Remember my key”', async () => {
    const secret = `sk-secret-${uniqueStorageKey()}`;
    const details: string[] = [];
    const record = (event: Event) => details.push(JSON.stringify((event as CustomEvent).detail));
    const types = ['submit', 'progress', 'result', 'error', 'tally'].map((type) => `userpays-${type}`);
    types.forEach((type) => document.addEventListener(type, record));
    try {
      let el!: UserPaysImage;
      const logged = await consoleDuring(async () => {
        el = await widgetHolding(secret, 'pending=50');
        await el.generate();
        el.endpoint = bflEndpoint(`fault=401;run=${uniqueStorageKey()}`);
        await el.generate().catch(() => {});
        await el.updateComplete;
      });
      const storage = [localStorage, sessionStorage].flatMap((area) =>
        Object.keys(area).map((name) => `${name}=${area.getItem(name)}`),
      );
      expect(
        storage.filter((line) => line.includes(secret)),
        'storage',
      ).to.deep.equal([]);
      expect(el.outerHTML + el.shadowRoot!.innerHTML, 'DOM').not.to.contain(secret);
      expect(details.length).to.be.greaterThan(3);
      expect(
        details.filter((detail) => detail.includes(secret)),
        'events',
      ).to.deep.equal([]);
      expect(
        logged.filter((line) => line.includes(secret)),
        'console',
      ).to.deep.equal([]);

      part(el, 'remember')!.click(); // the opt-in: now, and only now, it is on disk
      expect(Object.values(localStorage).some((value) => value.includes(secret))).to.equal(true);
    } finally {
      types.forEach((type) => document.removeEventListener(type, record));
    }
  });
});

describe('security: text from a provider or from storage renders as text', () => {
  afterEach(() => delete (window as { pwned?: number }).pwned);

  it('a provider’s error text with markup', async () => {
    const el = await widgetHolding('sim-key', `fault=422;message=${encodeURIComponent(HOSTILE)}`);
    await el.generate().catch(() => {});
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain(HOSTILE);
    expect(el.shadowRoot!.querySelector('img[src=x]')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('a prompt with markup, in the gallery', async () => {
    const el = await widgetHolding('sim-key', 'pending=50', HOSTILE);
    await el.generate();
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelectorAll<HTMLImageElement>('[part~=image]');
    expect([...shown].map((img) => img.alt)).to.deep.equal([HOSTILE]);
    expect(el.shadowRoot!.querySelector('img[src=x]')).to.equal(null);
  });

  it('a model name with markup in a tampered ledger, in the tally', async () => {
    const storageKey = newStorageKey();
    const ledger = new LedgerStore({ storageKey });
    ledger.settle(ledger.open({ ...image, model: HOSTILE, quoted: '0.01' }).id, { charged: '0.01' });
    const el = await fixture<UserPaysTally>(html`<userpays-tally storage-key=${storageKey}></userpays-tally>`);
    expect(part(el, 'models')!.textContent).to.contain(HOSTILE);
    expect(el.shadowRoot!.querySelector('img[src=x]')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});

describe('security: the built widget on a page with a strict CSP and Trusted Types', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  /** The fixture page in a frame; its window once loaded (scripts run, elements defined). */
  async function page(name: string) {
    const frame = await loadedFrame(`/test/fixtures/${name}.html`);
    frames.push(frame);
    const view = frame.contentWindow as Window & { violations: string[] };
    await view.customElements.whenDefined('userpays-image');
    return view;
  }

  /** A BFL widget in `view` at the simulator (its image saved, as through a relay), its key entered. */
  async function bflWidgetIn(view: Window, prompt: string, apiKey: string) {
    const storageKey = newStorageKey();
    // deliveryCors: the image saved (as through a relay); a page whose CSP lists no provider image host cannot show
    // one from the provider's link.
    const endpoint = bflEndpoint(`pending=50;deliveryCors=1;run=${storageKey}`);
    const el = await imageWidgetIn(view, { provider: 'bfl', 'storage-key': storageKey, endpoint, prompt });
    el.apiKey = apiKey;
    return el;
  }

  it('generates, shows the image and breaks no rule where the page allows the policy `userpays`', async () => {
    const view = await page('strict');
    const el = await bflWidgetIn(view, 'a fox under a strict policy', 'sim-strict-key');
    const result = await el.generate();
    expect(result.charged).to.equal('0.014');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~=image]').length).to.equal(1);
    expect(view.violations).to.deep.equal([]);
  });

  it('under Trusted Types without its policy: generates with BFL (its chunks are modules), and says in words that Puter’s SDK cannot load (not “network”)', async () => {
    const view = await page('strict-no-policy');
    // The page does enforce Trusted Types: a script address as a plain string is refused.
    expect(() => (view.document.createElement('script').src = '/x.js')).to.throw(/TrustedScriptURL/);
    const bfl = await bflWidgetIn(view, 'a fox', 'sim-key');
    expect((await bfl.generate()).charged).to.equal('0.014');

    const puter = await imageWidgetIn(view, {
      provider: 'puter',
      'storage-key': newStorageKey(),
      endpoint: simEndpoint('puter'),
      prompt: 'a fox',
    });
    const error = await rejection<{ message: string }>(puter.generate());
    expect(error?.message).to.match(/Trusted Types/);
    await puter.updateComplete;
    expect(part(puter, 'error')!.textContent).to.match(/Trusted Types/);
    // What the page refuses is Trusted Types only (the widget's policy, then Puter's script), which it said in words.
    expect(view.violations.filter((violation) => !/^(require-)?trusted-types/.test(violation))).to.deep.equal([]);
  });
});

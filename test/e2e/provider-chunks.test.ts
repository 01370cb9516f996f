// Each provider's adapter is a chunk of its own, loaded when its provider is used (src/providers/registry/registry.ts): a
// whole session with one provider, on the built files as a static site uses them, loads no other adapter's code; and
// an adapter that does not arrive (offline for a moment) is said in words, books nothing and sends nothing; the
// accounts' parts (Puter's account, the sign-in) load only with their providers. Each
// session runs in a page of its own (an iframe), so that what it loaded is its own.
// Holds: src/lazy/index.ts
// Holds: src/lazy/engine.ts
// Holds: src/elements/image/shared/panel-part.ts
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { generation as text } from '../../src/strings/generation.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { builtFiles, builtPagesRemovedAfterEach, filesLoaded, partName, partsLoaded } from '../support/built.js';
import { PUTER_SRC, puterCalls, puterEndpoint, setPuterAccount } from '../support/puter.js';
import { bflEndpoint, simEndpoint, simLog, unique } from '../support/sim.js';
import { bflWidgetIn, imageWidgetIn, part } from '../support/widget.js';
import { until } from '../support/wait.js';

/**
 * What only each adapter's code carries (a request it makes, a key it keeps), to know its code wherever rollup puts
 * it: the first test holds each to being in exactly one built file.
 */
const MARKERS: Record<string, string> = {
  puter: 'userpays:puter-calls', // its count of calls under way, kept beside the ledger
  bfl: '/v1/get_result', // where it polls a task
  fal: '/v1/account/billing', // where it reads the balance
  openai: '/v1/images/generations', // where it asks a gateway for an image (OpenRouter's image API answers b64_json too)
  openrouter: 'image_config', // what it asks the chat completion for (`modalities` is Pollinations' list's word too)
  huggingface: '/oauth/userinfo', // who signed in
  google: 'usageMetadata', // what it books from the reply (its key's header is its list reader's too)
};

/**
 * The chunks of the accounts a session loads only for the providers that have them (panels/accounts/): Puter's
 * account, the sign-in's part and the sign-in itself (OAuth).
 */
const ACCOUNT_PARTS = [
  'elements/image/accounts/panel/puter/index',
  'elements/image/accounts/panel/sign-in/index',
  'providers/engine/oauth',
];

/** The chunks of `ACCOUNT_PARTS` that `view` has loaded, in that order. */
const accountPartsLoaded = (view: Window) => ACCOUNT_PARTS.filter((name) => partsLoaded(view).includes(name));

/** The parts a session of `provider`'s widget loads: the engine, the ledger, the panels and the adapter. */
const sessionParts = (provider: string) => [
  'lazy/engine',
  'ledger/ledger',
  'elements/image/panels/index',
  `providers/${provider}/adapter`,
];

/** The providers whose adapter code is in what `view` has loaded of the build. */
async function adaptersLoaded(view: Window): Promise<string[]> {
  const sources = await Promise.all(filesLoaded(view).map(async (url) => (await fetch(url)).text()));
  return Object.keys(MARKERS).filter((provider) => sources.some((source) => source.includes(MARKERS[provider])));
}

describe('each provider’s adapter is a chunk of its own (the built files)', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();
  const page = builtPagesRemovedAfterEach();
  /** A BFL widget in `view` (FLUX.2 [klein] 4B at the simulator, its key entered), on a storage key of its own. */
  const widgetIn = (view: Window) => bflWidgetIn(view, newStorageKey(), 'sim-chunks-key');

  it('each adapter’s code is in one built file: its adapter’s part, not the entry or the engine', async () => {
    // A bundled translation is words, not code: German's quotes the gateway's path as an example, as English does.
    const files = [...(await builtFiles())].filter(([url]) => partName(url) !== 'translations/de');
    for (const [provider, marker] of Object.entries(MARKERS)) {
      const carriers = files.filter(([, source]) => source.includes(marker)).map(([url]) => url);
      expect(carriers, provider).to.have.length(1);
      expect(partName(carriers[0]), provider).to.equal(`providers/${provider}/adapter`);
    }
  });

  it('a BFL session (key entered, one image) loads BFL’s adapter and no other', async () => {
    const view = await page();
    const el = await widgetIn(view);
    const result = await el.generate();
    expect(result.charged).to.equal('0.014');
    expect(result.images.map((image) => image.saved)).to.deep.equal([true]);
    expect(partsLoaded(view)).to.include.members(sessionParts('bfl'));
    expect(await adaptersLoaded(view)).to.deep.equal(['bfl']);
    // The headless API is a page's own call, not the widget's: its chunk is not loaded. Nor are the accounts' parts
    // of the providers the user signs in to (Puter's account, the sign-in and its OAuth): a key was typed.
    expect(partsLoaded(view)).not.to.include.any.members(['generation/headless', ...ACCOUNT_PARTS]);
  });

  it('a BFL session loads More options’ controls only when the user opens More options', async () => {
    const view = await page();
    const el = await widgetIn(view);
    await until(() => part(el, 'more'), 10_000); // the panels, and all a visit loads without a user's action
    await el.updateComplete;
    const before = filesLoaded(view);
    expect(before.map(partName)).not.to.include('elements/image/options/panel/controls/index');
    (part(el, 'more') as HTMLDetailsElement).open = true;
    // FLUX.2 [klein]'s moderation level and format, drawn in More options once its part has come.
    await until(() => el.shadowRoot!.querySelector('.model-controls [name=safetyTolerance]'), 10_000);
    const after = filesLoaded(view).filter((url) => !before.includes(url));
    expect(after.map(partName)).to.include('elements/image/options/panel/controls/index');
    expect(after.length, JSON.stringify(after)).to.be.greaterThan(0);
  });

  it('a Puter session (signed in, one image) loads Puter’s adapter and no other', async () => {
    const token = unique('token');
    await setPuterAccount(token, { balance: 50_000_000 });
    const marker = unique();
    const endpoint = puterEndpoint(`run=${marker}`);
    const view = await page();
    // The page's own Puter SDK, pointed at the simulator before it loads (as the widget would point it), signed in.
    const origins = { PUTER_API_ORIGIN: endpoint, PUTER_ORIGIN: location.origin };
    Object.assign(view, { ...origins, puter_socket_enabled: false, PUTER_QUIET: true });
    await new Promise((resolve, reject) => {
      const script = Object.assign(view.document.createElement('script'), { src: PUTER_SRC, onload: resolve });
      script.onerror = reject;
      view.document.head.append(script);
    });
    (view as unknown as { puter: { setAuthToken(token: string): void } }).puter.setAuthToken(token);
    const el = await imageWidgetIn(view, {
      provider: 'puter',
      model: 'flux-2-klein-4b',
      endpoint,
      'puter-src': PUTER_SRC,
      prompt: 'a paper boat on a pond',
    });
    const result = await el.generate();
    expect(result.images).to.have.length(1);
    expect(await puterCalls(marker)).to.have.length(1);
    expect(partsLoaded(view)).to.include.members(sessionParts('puter'));
    expect(await adaptersLoaded(view)).to.deep.equal(['puter']);
    expect(accountPartsLoaded(view)).to.deep.equal(['elements/image/accounts/panel/puter/index']);
  });

  it('a session with a provider the user signs in to loads the sign-in’s part when Sign in is pressed, OAuth not until a sign-in, nor Puter’s account', async () => {
    const view = await page();
    const el = await imageWidgetIn(view, {
      provider: 'openrouter',
      'storage-key': newStorageKey(),
      endpoint: `${location.origin}/sim/openrouter`,
      prompt: 'a lighthouse at dusk',
    });
    // Sign in is drawn by the panels; its part (the form before a capped sign-in, the sign-in) is asked for only by
    // its click: most visits only look, or paste a key.
    const signIn = await until(() => part(el, 'sign-in'), 10_000);
    const clickedAt = view.performance.now();
    signIn.click();
    await until(() => part(el, 'grant'), 10_000);
    const requested = (view.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      ({ name }) => partName(name) === 'elements/image/accounts/panel/sign-in/index',
    );
    expect(requested.map(({ startTime }) => startTime > clickedAt)).to.deep.equal([true]);
    expect(part(el, 'sign-in'), 'the form in its place').to.equal(null);
    // OAuth loads when the user signs in (test/elements/image/accounts/sign-in.test.ts), or where the address carries an answer.
    expect(accountPartsLoaded(view)).to.deep.equal(['elements/image/accounts/panel/sign-in/index']);
    // More options was not opened: its controls part is not loaded.
    expect(partsLoaded(view)).not.to.include('elements/image/options/panel/controls/index');
  });

  it('a first visit with Pollinations shows its live price with the reader of its prices, not its adapter', async () => {
    const view = await page();
    const el = await imageWidgetIn(view, {
      provider: 'pollinations',
      'storage-key': newStorageKey(),
      endpoint: simEndpoint('pollinations', `price=klein:0.006;run=${unique()}`),
      prompt: 'a lighthouse at dusk',
    });
    await until(() => el.quote?.source.name === 'Pollinations model list (live)', 10_000);
    expect(el.quote!.total).to.equal('0.006');
    const loaded = partsLoaded(view);
    expect(loaded).to.include('providers/pollinations/live-prices');
    expect(loaded).not.to.include('providers/pollinations/adapter');
  });

  it('a first visit with Puter shows its live price with the reader of its catalogue, not its adapter', async () => {
    const view = await page();
    const el = await imageWidgetIn(view, {
      provider: 'puter',
      'storage-key': newStorageKey(),
      endpoint: puterEndpoint(`scale=2;run=${unique()}`),
      prompt: 'a lighthouse at dusk',
    });
    await until(() => el.quote?.source.name === 'Puter live catalogue', 10_000);
    const loaded = partsLoaded(view);
    expect(loaded).to.include('providers/puter/live-prices');
    expect(loaded).not.to.include('providers/puter/adapter');
  });

  it('an adapter that does not arrive: the widget says so (network), books and sends nothing, and is ready again', async () => {
    const bfl = [...(await builtFiles()).keys()].find((url) => partName(url) === 'providers/bfl/adapter')!;
    // The page's import map sends BFL's chunk to an address that answers 404, as a connection lost just then would.
    const view = await page({ imports: { [bfl]: '/dist/chunks/not-here.js' } });
    const el = await widgetIn(view);
    const key = el.storageKey;
    const reported = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('userpays-error', (event) => resolve(event as CustomEvent), { once: true }),
    );
    const error = await el.generate().then(
      () => expect.fail('the generation should fail'),
      (thrown: Error & { code: string }) => thrown,
    );
    expect(error).to.include({ name: 'UserPaysError', code: 'network', message: text.adapterNotLoaded('bfl') });
    expect((await reported).detail).to.deep.equal({ code: 'network', message: error.message, retryable: true });
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain(text.adapterNotLoaded('bfl'));
    expect(part(el, 'progress')).to.equal(null);
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
    expect(part(el, 'submit')!.getAttribute('aria-busy') ?? 'false').to.equal('false');
    expect(new LedgerStore({ storageKey: key }).entries()).to.deep.equal([]);
    expect((await simLog()).filter((entry) => entry.path.includes(key))).to.deep.equal([]);

    // The headless call on the same page: the same words, nothing booked.
    const headlessKey = newStorageKey();
    const built = (view as unknown as { UserPays: { generate(request: object, options: object): Promise<unknown> } })
      .UserPays;
    const refused = await built
      .generate(
        { provider: 'bfl', prompt: 'a fox in the snow' },
        { apiKey: 'sim-chunks-key', storageKey: headlessKey, endpoint: bflEndpoint(`run=${headlessKey}`) },
      )
      .then(
        () => expect.fail('the generation should fail'),
        (thrown: Error & { code: string }) => thrown,
      );
    expect(refused).to.include({ code: 'network', message: text.adapterNotLoaded('bfl') });
    expect(new LedgerStore({ storageKey: headlessKey }).entries()).to.deep.equal([]);
    expect(partsLoaded(view)).to.include('generation/headless'); // loaded by the call, with the engine
    expect(partsLoaded(view)).not.to.include('providers/bfl/adapter');
  });
});

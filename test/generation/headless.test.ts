// The headless API (`UserPays.generate`, `UserPays.tally`): the widget's pipeline without the widget, end to end over
// real HTTP against the simulators the test server mounts under /sim/. Each test checks the books against what the
// simulator says it charged, and that the widget, the headless call and other tabs of a storage key share one
// ledger and one gallery.
// Holds: src/strings/headless.ts
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate, tally } from '../../src/api.js';
import { ImageStore } from '../../src/images/image-store.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { generation as generationText } from '../../src/strings/generation.js';
import { ledger as ledgerText } from '../../src/strings/ledger.js';
import type { ProgressDetail, ProviderId } from '../../src/base/types.js';
import { cleanLocalStorage, forgetStorage, storageKeysForgottenAfterEach } from '../support/storage.js';
import { until } from '../support/wait.js';
import { controlledClock } from '../support/clock.js';
import { PUTER_SRC, puterCalls, puterEndpoint, sdk, setPuterAccount, signedInToPuter } from '../support/puter.js';
import { relayUrl } from '../support/relay.js';
import { bflEndpoint, falEndpoint, simCharged, simLogOf, unique, uniqueStorageKey } from '../support/sim.js';
import { openTab } from '../support/tabs.js';
import { imageWidget } from '../support/widget.js';
import { failure } from '../support/failure.js';
import { pngBlob } from '../support/images.js';

/** The test server under its other loopback name: BFL's polling and delivery hosts in the simulator. */
const OTHER_HOST = location.host.startsWith('localhost')
  ? location.host.replace('localhost', '127.0.0.1')
  : location.host.replace('127.0.0.1', 'localhost');

describe('UserPays.generate (headless) against the simulators', function () {
  this.timeout(20_000);
  const time = controlledClock();
  /** A storage key of this test's own, cleared after it. */
  const newStorageKey = storageKeysForgottenAfterEach();

  it('bfl: a readable image as a blob: URL, charged exactly the quote and what BFL charged, in the tally and the gallery', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-headless')];
    const progress: ProgressDetail[] = [];
    const result = await generate(
      { provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a lighthouse at dawn', width: 1024, height: 1024, seed: 7 },
      {
        apiKey,
        storageKey,
        // deliveryCors: BFL's delivery host as through a relay, so that the page may read the image.
        endpoint: bflEndpoint(`pending=300;deliveryCors=1;run=${run}`),
        onProgress: (detail) => progress.push(detail),
      },
    );

    expect(result.charged).to.equal('0.014');
    expect(result.charged).to.equal(result.quote.total);
    expect(await simCharged('bfl', apiKey)).to.equal(result.charged);
    expect(result.quote).to.include({ provider: 'bfl', model: 'flux-2-klein-4b', count: 1, credits: '1.4' });
    expect(result.error).to.equal(undefined);
    expect(result.images).to.have.length(1);
    const [image] = result.images;
    expect(image).to.include({ saved: true, width: 1024, height: 1024, seed: 7 });
    expect(image.expiresAt).to.equal(undefined);
    expect(image.url).to.match(/^blob:/);
    const bitmap = await createImageBitmap(await (await fetch(image.url)).blob());
    expect([bitmap.width, bitmap.height]).to.deep.equal([1024, 1024]);

    expect(await tally(storageKey)).to.deep.include({
      spent: '0.014',
      images: 1,
      byModel: { 'flux-2-klein-4b': { spent: '0.014', images: 1 } },
    });
    const [entry] = new LedgerStore({ storageKey }).entries();
    expect(entry).to.include({ status: 'charged', charged: '0.014', credits: '1.4', at: time.now() });
    const stored = await new ImageStore({ storageKey }).list();
    expect(stored.map(({ prompt, charged, seed }) => ({ prompt, charged, seed }))).to.deep.equal([
      { prompt: 'a lighthouse at dawn', charged: '0.014', seed: 7 },
    ]);

    // The userpays-progress event's detail, from queued to downloading.
    expect(progress.length).to.be.greaterThan(1);
    for (const detail of progress) {
      expect(Object.keys(detail).every((key) => ['status', 'elapsedMs', 'progress'].includes(key))).to.equal(true);
      expect(detail.status).to.be.a('string');
      expect(detail.elapsedMs).to.be.a('number');
    }
    expect(progress.at(-1)!.status).to.equal(generationText.downloading());
    URL.revokeObjectURL(image.url);
  });

  it('fal: two images, each its own call, booked at the quote (fal reports no charge) and equal to what fal billed', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-headless-fal')];
    const result = await generate(
      { provider: 'fal', model: 'flux-2-klein-4b', prompt: 'two kites', width: 2048, height: 1024, count: 2 },
      { apiKey, storageKey, endpoint: falEndpoint(`pending=50;run=${run}`) },
    );
    expect(result.quote).to.include({ total: '0.02', perImage: '0.01', count: 2 }); // 2 MP at $0.005/MP, twice
    expect(result.charged).to.equal('0.02');
    expect(await simCharged('fal', apiKey)).to.equal('0.02');
    expect(result.images).to.have.length(2);
    for (const image of result.images) {
      expect(image).to.include({ saved: true, width: 2048, height: 1024 });
      expect((await (await fetch(image.url)).blob()).type).to.match(/^image\//);
    }
    expect(await tally(storageKey)).to.include({ spent: '0.02', images: 2 });
    expect((await simLogOf('fal', run)).filter((entry) => entry.method === 'POST').length).to.equal(2);
  });

  it('sends a reference resized and priced as it is sent: a 6 MP picture goes to FLUX.2 [pro] at 4 MP', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-headless-reference')];
    const result = await generate(
      { provider: 'bfl', model: 'flux-2-pro', prompt: 'the same, at dusk', references: [await pngBlob(3000, 2000)] },
      { apiKey, storageKey, endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${run}`) },
    );
    expect(result.quote.note).to.contain('resized from 3000×2000');
    expect(result.quote.total).to.equal('0.09'); // 3 credits + 4 MP of reference × 1.5
    expect(result.charged).to.equal('0.09');
    expect(await simCharged('bfl', apiKey)).to.equal('0.09');
  });

  it('an image BFL’s delivery host will not let the page read: its provider URL, booked, not saved, with its expiry', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-headless-remote')];
    const result = await generate(
      { provider: 'bfl', prompt: 'a dune at noon' },
      { apiKey, storageKey, endpoint: bflEndpoint(`pending=50;run=${run}`) },
    );
    const [image] = result.images;
    expect(image.saved).to.equal(false);
    expect(new URL(image.url).host).to.equal(OTHER_HOST);
    const expires = Date.parse(image.expiresAt!);
    expect(expires).to.be.within(time.now(), time.now() + 60 * 60_000);
    expect(result.charged).to.equal(await simCharged('bfl', apiKey));
    expect(await tally(storageKey)).to.include({ spent: '0.014', images: 1 });
  });

  it('through the relay: everything via the relay, the image saved, the key only to BFL’s API (its credits, the submission)', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-headless-relay')];
    // BFL's API on another origin that answers no CORS at all: only the relay can reach it.
    const endpoint = bflEndpoint(`cors=none;pending=60;run=${run}`).replace(location.host, OTHER_HOST);
    const result = await generate(
      { provider: 'bfl', prompt: 'a kite over dunes' },
      { apiKey, storageKey, endpoint, relay: await relayUrl('main') },
    );
    expect(result.images[0].saved).to.equal(true);
    expect(result.images[0].url).to.match(/^blob:/);
    expect(result.charged).to.equal(await simCharged('bfl', apiKey));
    const log = await simLogOf('bfl', run);
    // Its credits read before the submission (and after the image, for its receipt), then the submission.
    const [before, submitted, ...rest] = log;
    const polls = rest.filter((entry) => !entry.path.endsWith('/v1/credits'));
    expect([before.method, before.path.endsWith('/v1/credits'), before.host]).to.deep.equal(['GET', true, OTHER_HOST]);
    expect([submitted.method, submitted.host, submitted.hasKey]).to.deep.equal(['POST', OTHER_HOST, true]);
    expect(polls.length).to.be.greaterThan(0);
    expect(polls.every((entry) => !entry.hasKey)).to.equal(true);
    expect(
      log.filter((entry) => entry.hasKey).every((entry) => entry.host === OTHER_HOST),
      'the key only to BFL’s API',
    ).to.equal(true);
    expect(
      log.every((entry) => entry.origin == null),
      'none came from the page itself',
    ).to.equal(true);
  });

  it('sends the key only to the provider’s origin, and never puts it in a result, an error or the books', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('secret')];
    const result = await generate(
      { provider: 'bfl', prompt: 'a lantern' },
      { apiKey, storageKey, endpoint: bflEndpoint(`pending=50;run=${run}`) },
    );
    const log = await simLogOf('bfl', run);
    const elsewhere = log.filter((entry) => entry.host === OTHER_HOST);
    expect(elsewhere.length, 'polls and the image on BFL’s other hosts').to.be.greaterThan(0);
    expect(elsewhere.every((entry) => !entry.hasKey)).to.equal(true);
    // The submission and the reads of its credits (before it, and after the image for its receipt): BFL's API only.
    expect([...new Set(log.filter((entry) => entry.hasKey).map((entry) => entry.host))]).to.deep.equal([location.host]);

    const refused = await failure(
      generate(
        { provider: 'bfl', prompt: 'a lantern' },
        { apiKey, storageKey, endpoint: bflEndpoint(`fault=401;run=${run}`) },
      ),
    );
    expect(refused.code).to.equal('auth-failed');
    for (const said of [JSON.stringify(result), refused.message, JSON.stringify(refused.toDetail())]) {
      expect(said).not.to.contain(apiKey);
    }
    expect(Object.values(localStorage).join('\n')).not.to.contain(apiKey);
  });

  it('refuses what the budget cannot cover before anything is sent: the call’s, the user’s and the page’s', async () => {
    const [storageKey, run] = [newStorageKey(), unique()];
    const request = { provider: 'bfl' as const, prompt: 'a castle', width: 1024, height: 1024 };
    const options = { apiKey: unique('sim-budget'), storageKey, endpoint: bflEndpoint(`pending=50;run=${run}`) };

    const over = await failure(generate(request, { ...options, budget: '0.01' }));
    expect(over.code).to.equal('budget-exceeded');
    expect(over.message).to.equal(ledgerText.budgetExceeded('$0.014', '$0.01', '$0.01', ''));

    const ledger = new LedgerStore({ storageKey });
    ledger.budget = '0.02'; // the user's own, set in a <userpays-tally>
    await generate(request, { ...options, budget: '5' });
    expect((await failure(generate(request, { ...options, budget: '5' }))).code).to.equal('budget-exceeded');
    ledger.budget = null;

    const widget = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, budget: '0.02' });
    expect((await failure(generate(request, options))).code).to.equal('budget-exceeded');
    widget.remove();

    expect(
      (await simLogOf('bfl', run)).filter((entry) => entry.method === 'POST').length,
      'only the one that fit',
    ).to.equal(1);
    expect(ledger.entries().map((entry) => entry.status)).to.deep.equal(['charged']);
    expect(await tally(storageKey)).to.include({ spent: '0.014', images: 1 });
  });

  it('refuses bad input with invalid-input in plain words, never a TypeError, and sends nothing', async () => {
    const run = unique();
    const endpoint = bflEndpoint(`pending=50;run=${run}`);
    const good = { provider: 'bfl' as ProviderId, prompt: 'a lake' };
    const options = { apiKey: 'sim-invalid', endpoint, storageKey: newStorageKey() };
    const cases: [string, unknown, unknown][] = [
      ['no request', undefined, options],
      ['a request that is text', 'a lake', options],
      ['no prompt', { provider: 'bfl' }, options],
      ['an empty prompt', { ...good, prompt: '   ' }, options],
      ['a prompt that is not text', { ...good, prompt: 42 }, options],
      ['an unknown model', { ...good, model: 'flux-9' }, options],
      ['an unknown provider', { ...good, provider: 'acme' }, options],
      ['a size BFL cannot make', { ...good, width: 1000 }, options],
      ['a size that is not pixels', { ...good, width: 'big' }, options],
      ['too many images', { ...good, count: 5 }, options],
      ['a negative seed', { ...good, seed: -1 }, options],
      ['references that are not images', { ...good, references: ['cat.png'] }, options],
      [
        'a reference that is not a picture',
        { ...good, references: [new Blob(['hi'], { type: 'text/plain' })] },
        options,
      ],
      ['options that are text', good, 'sim-invalid'],
      ['an apiKey that is not text', good, { ...options, apiKey: 12345 }],
      ['a budget that is a number', good, { ...options, budget: 2 }],
      ['a budget that is not an amount', good, { ...options, budget: 'ten' }],
      ['a budget with a sign', good, { ...options, budget: '-1' }],
      ['an endpoint that is not https', good, { ...options, endpoint: 'http://example.com/bfl' }],
      ['an endpoint that is not an address', good, { ...options, endpoint: 'bfl' }],
      ['an endpoint that is not text', good, { ...options, endpoint: 8 }],
      ['a relay that is not https', good, { ...options, relay: 'ftp://relay.example' }],
      ['a storageKey that is not text', good, { ...options, storageKey: {} }],
      ['a signal that is not an AbortSignal', good, { ...options, signal: 'stop' }],
      ['an onProgress that is not a function', good, { ...options, onProgress: 'log' }],
      ['a priceBook that is not an object', good, { ...options, priceBook: 'cheap' }],
    ];
    for (const [what, request, given] of cases) {
      const error = await failure(
        (generate as (request: unknown, options: unknown) => Promise<unknown>)(request, given),
      );
      expect(error.code, what).to.equal('invalid-input');
      expect(error.retryable, what).to.equal(false);
      expect(error.message, what).to.match(/^\S.{10,}[.!)]$/);
      expect(error.message, what).not.to.match(/TypeError|undefined|\[object/);
      expect(error.message, what).not.to.contain('12345');
    }
    expect((await failure(generate(good, { ...options, apiKey: '' }))).code).to.equal('auth-required');
    expect(await simLogOf('bfl', run)).to.deep.equal([]);
    expect(await tally(options.storageKey)).to.include({ spent: '0', images: 0 });
  });

  it('cancels through the signal: cancelled, and booked as the widget’s Cancel is (BFL bills at acceptance)', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-cancel')];
    const ledger = new LedgerStore({ storageKey });
    const controller = new AbortController();
    // Once BFL holds the task: any reason the caller gives, the error is `cancelled`.
    const unsubscribe = ledger.subscribe(() => ledger.entries()[0]?.task && controller.abort(new Error('user left')));
    const error = await failure(
      generate(
        { provider: 'bfl', prompt: 'a storm' },
        { apiKey, storageKey, endpoint: bflEndpoint(`pending=3000;run=${run}`), signal: controller.signal },
      ),
    );
    unsubscribe();
    expect(error.code).to.equal('cancelled');
    const charged = await simCharged('bfl', apiKey);
    expect(error.message).to.equal(generationText.cancelledCharged('bfl', '$0.014'));
    expect(charged).to.equal('0.014');
    expect(ledger.entries()[0]).to.include({ status: 'charged', charged });
    expect(await tally(storageKey)).to.include({ spent: charged, images: 0 });
  });

  it('cancels a fal request still queued: nothing billed, nothing booked', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-cancel-fal')];
    const controller = new AbortController();
    const error = await failure(
      generate(
        { provider: 'fal', prompt: 'a queue' },
        {
          apiKey,
          storageKey,
          endpoint: falEndpoint(`queue=3000;pending=4000;run=${run}`),
          signal: controller.signal,
          onProgress: ({ status }) => status.startsWith(generationText.queued()) && controller.abort(),
        },
      ),
    );
    expect(error.code).to.equal('cancelled');
    expect(new LedgerStore({ storageKey }).entries().map((entry) => entry.status)).to.deep.equal(['void']);
    expect(await simCharged('fal', apiKey)).to.equal('0');
    expect(await tally(storageKey)).to.include({ spent: '0', images: 0 });
  });

  it('a signal aborted before the call: cancelled, nothing sent, nothing booked', async () => {
    const [storageKey, run] = [newStorageKey(), unique()];
    const error = await failure(
      generate(
        { provider: 'bfl', prompt: 'never' },
        { apiKey: 'sim-early', storageKey, endpoint: bflEndpoint(`run=${run}`), signal: AbortSignal.abort('no') },
      ),
    );
    expect(error.code).to.equal('cancelled');
    expect(await simLogOf('bfl', run)).to.deep.equal([]);
    expect(new LedgerStore({ storageKey }).entries()).to.deep.equal([]);
  });

  it('a throw in onProgress is the page’s to see; the generation and its books go on', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-throw')];
    const reported: unknown[] = [];
    // As an event listener's throw is: reported on the page (window.onerror; mocha's own, which would fail the test,
    // set aside meanwhile).
    const onerror = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => (reported.push(error), true);
    try {
      const result = await generate(
        { provider: 'bfl', prompt: 'a bug' },
        {
          apiKey,
          storageKey,
          endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${run}`),
          onProgress: () => {
            throw new Error('page bug');
          },
        },
      );
      expect(result.charged).to.equal(await simCharged('bfl', apiKey));
      expect(new LedgerStore({ storageKey }).entries()[0]).to.include({ status: 'charged' });
    } finally {
      window.onerror = onerror;
    }
    expect(reported.length).to.be.greaterThan(0);
    expect((reported[0] as Error).message).to.equal('page bug');
  });

  it('the widget and the headless call share one ledger and one gallery: same tally, live, in this page and other tabs', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-shared')];
    const endpoint = bflEndpoint(`pending=50;deliveryCors=1;run=${run}`);
    const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, endpoint, prompt: 'from the widget' });
    el.apiKey = apiKey;
    const tab = await openTab(storageKey);
    const tabTally = () => (tab.contentWindow as Window & { tab: { tallyElement: { tally?: { spent: string } } } }).tab;
    const heard: string[] = [];
    el.addEventListener('userpays-tally', (e) => heard.push(e.detail.spent));

    await generate({ provider: 'bfl', prompt: 'from script' }, { apiKey, storageKey, endpoint });
    await until(() => el.tally?.spent === '0.014');
    expect(heard).to.include('0.014');
    await until(() => tabTally().tallyElement.tally?.spent === '0.014');

    await el.generate();
    await until(() => el.tally?.spent === '0.028');
    expect(await tally(storageKey)).to.deep.equal(el.tally);
    expect(el.tally).to.include({ spent: '0.028', images: 2 });
    expect(await simCharged('bfl', apiKey)).to.equal('0.028');
    await until(() => tabTally().tallyElement.tally?.spent === '0.028');
    tab.remove();

    // A widget of the key opened later shows both images, the headless one among them.
    el.remove();
    const later = await imageWidget({ provider: 'bfl', 'storage-key': storageKey });
    await until(() => later.shadowRoot!.querySelectorAll('[part~=image]').length === 2);
    const prompts = (await new ImageStore({ storageKey }).list()).map((image) => image.prompt);
    expect(prompts.sort()).to.deep.equal(['from script', 'from the widget']);
  });

  it('finishes what a closed page left at the provider on its first call, as a widget does on load', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-orphan')];
    const ledger = new LedgerStore({ storageKey });
    const tab = await openTab(storageKey);
    const tabWindow = tab.contentWindow as Window & {
      tab: { generate(endpoint: string, prompt: string, count: number, apiKey: string): Promise<unknown> };
    };
    void tabWindow.tab
      .generate(bflEndpoint(`pending=1500;deliveryCors=1;run=${run}`), 'left behind', 1, apiKey)
      .catch(() => {});
    await until(() => ledger.entries()[0]?.task);
    tab.remove(); // the page goes, with its lock: what it left is an orphan
    await until(async () => (await ledger.orphans()).length === 1, 5000);

    await generate(
      { provider: 'bfl', prompt: 'a new one' },
      { apiKey, storageKey, endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${run}`) },
    );
    await until(() => ledger.entries().every((entry) => entry.status === 'charged'), 5000);
    expect(await tally(storageKey)).to.include({ spent: '0.028', images: 2 });
    expect(await simCharged('bfl', apiKey)).to.equal('0.028');
  });
});

describe('UserPays.generate with Puter (real SDK, simulator)', function () {
  this.timeout(20_000);
  const marker = unique();
  const storageKey = uniqueStorageKey();
  let token: string;
  before(async () => {
    // Signed in already (a session the page has): the sign-in popup is the widget's tests' business.
    ({ token } = await signedInToPuter());
  });
  after(async () => {
    sdk()?.auth.signOut();
    await forgetStorage(storageKey);
  });
  // imageCors=1: the image host lets the page save the image (whether Replicate's does is not documented).
  const options = () => ({
    storageKey,
    endpoint: puterEndpoint(`scale=2;imageCors=1;run=${marker}`),
    puterSrc: PUTER_SRC,
  });

  it('priced from Puter’s live catalogue, paid from the user’s account, booked at the balance drop', async () => {
    const result = await generate({ prompt: 'a paper boat on a pond', width: 512, height: 512 }, options());
    expect(result.quote.source.name).to.equal('Puter live catalogue');
    expect(result.quote).to.include({ provider: 'puter', total: '0.002' });
    expect(result.charged).to.equal('0.002');
    expect(result.images[0]).to.include({ saved: true, width: 1024, height: 1024 }); // 1:1 at Replicate's 1 MP
    expect(await tally(storageKey)).to.include({ spent: '0.002', images: 1 });
  });

  it('refuses what the balance cannot cover before anything is sent', async () => {
    await setPuterAccount(token, { balance: 100_000 }); // $0.001; the image costs $0.002
    const before = (await puterCalls(marker)).length;
    const error = await failure(generate({ prompt: 'a paper boat' }, options()));
    expect(error.code).to.equal('insufficient-funds');
    expect((await puterCalls(marker)).length).to.equal(before);
    expect(await tally(storageKey)).to.include({ spent: '0.002', images: 1 });
  });
});

describe('UserPays.tally', () => {
  it('reads the tally of a storage key, the elements’ own (userpays) by default', async () => {
    const storageKey = uniqueStorageKey();
    expect(await tally(storageKey)).to.include({ spent: '0', images: 0 });
    expect(await tally()).to.deep.equal(new LedgerStore({ storageKey: 'userpays' }).tally());
    cleanLocalStorage(storageKey);
  });
});

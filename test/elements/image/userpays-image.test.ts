// Holds: src/elements/image/shared/image-parts.ts
// Holds: src/elements/image/shared/image-properties.ts
// Holds: src/elements/image/submission/panel/submission-run.ts
// Holds: src/elements/image/panels/panel-feature.ts
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { ImageStore } from '../../../src/images/image-store.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import type { GenerationResult, Tally } from '../../../src/base/types.js';
import { bflEndpoint, simLog, submissionsSince, uniqueStorageKey } from '../../support/sim.js';
import {
  blocked,
  chooseCount,
  chooseModel,
  decision,
  generateButton,
  imageWidget,
  modelChoices,
  panelsLoaded,
  part,
  words,
} from '../../support/widget.js';
import { errorEvent } from '../../support/failure.js';

// This file's widgets carry their own `run` marker: other test files use the same simulator at the same time.
const RUN = uniqueStorageKey();
/** This file's submissions since `before` requests. */
const ours = (before: number) => submissionsSince(before, `run=${RUN}`);

async function widget(scenario = '', extra: Partial<UserPaysImage> = {}) {
  const el = await imageWidget({
    provider: 'bfl',
    locale: 'en-US',
    endpoint: bflEndpoint(`${scenario || 'pending=60'};run=${RUN}`),
    prompt: 'a red fox in the snow',
  });
  el.apiKey = 'sim-test-key';
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

describe('<userpays-image>', () => {
  it('renders labelled controls, a live cost preview and a priced Generate button', async () => {
    const el = await widget();
    await panelsLoaded(el); // the count is under More options, which comes with the panels
    for (const name of ['prompt', 'model', 'size', 'count', 'cost', 'submit']) expect(part(el, name), name).to.exist;
    // The price is said by a polite live region of its own, total only (the breakdown is not re-read).
    expect(words(el.shadowRoot!.querySelector('[role=status]'))).to.equal('$0.014 1 image · 1 MP');
    // The price stands beside Generate, in the decision row, with what it buys; Generate can be clicked.
    expect(decision(el)).to.deep.equal({ price: '$0.014', buys: '1 image · 1 MP' });
    expect(part(el, 'decision')!.contains(part(el, 'cost'))).to.equal(true);
    expect(part(el, 'decision')!.contains(generateButton(el))).to.equal(true);
    expect(generateButton(el).disabled).to.equal(false);
    expect(el.shadowRoot!.querySelector('label[for=prompt]')!.textContent).to.contain('Describe');
    await expect(el).to.be.accessible();
  });

  it('re-prices on every input change before the next frame', async () => {
    const el = await widget();
    await chooseCount(el, 3);
    expect(decision(el)).to.deep.equal({ price: '$0.042', buys: '3 images · 1 MP each' });
    await chooseModel(el, 'flux-2-max');
    expect(el.quote?.total).to.equal('0.21');
    expect(decision(el).price).to.equal('$0.21');
  });

  it('generates end to end: persisted blob image, booked cost, tally, events', async () => {
    const el = await widget('pending=60;deliveryCors=1'); // the bytes readable, as through a relay
    const before = (await simLog()).length;
    const progress: string[] = [];
    el.addEventListener('userpays-progress', (e) => progress.push(e.detail.status));
    const resultEvent = oneEvent(el, 'userpays-result');
    const result = await el.generate();
    const detail = (await resultEvent).detail as GenerationResult;
    expect(detail).to.equal(result);
    expect(result.images).to.have.length(1);
    expect(result.images[0].url).to.match(/^blob:/);
    expect([result.images[0].width, result.images[0].height]).to.deep.equal([1024, 1024]);
    expect(result.charged).to.equal('0.014');
    expect(progress.length).to.be.greaterThan(0);
    expect(await ours(before)).to.have.length(1);
    await el.updateComplete;
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.src).to.equal(result.images[0].url);
    await img.decode();
    expect(img.naturalWidth).to.equal(1024);
    expect(el.tally).to.include({ spent: '0.014', images: 1 });
    expect(part(el, 'tally')!.textContent).to.contain('$0.014');
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
  });

  it('keeps the gallery and the tally across a reload', async () => {
    const el = await widget('pending=60;deliveryCors=1');
    await el.generate();
    const key = el.storageKey;
    el.remove();
    const again = await imageWidget({ provider: 'bfl', 'storage-key': key });
    // The gallery is read after the first paint (docs/architecture.md, "Start-up order").
    await waitUntil(() => part(again, 'image'), 'the saved image is shown again', { timeout: 5000 });
    expect(again.tally).to.include({ spent: '0.014', images: 1 });
    const img = part(again, 'image') as HTMLImageElement;
    expect(img.src).to.match(/^blob:/);
    await img.decode();
    expect(img.naturalWidth).to.equal(1024);
  });

  it('makes one submission for a double click', async () => {
    const el = await widget('pending=300');
    const before = (await simLog()).length;
    const button = part(el, 'submit') as HTMLButtonElement;
    button.click();
    button.click();
    const first = el.generate();
    await first;
    expect(await ours(before)).to.have.length(1);
    expect(new LedgerStore({ storageKey: el.storageKey }).entries()).to.have.length(1);
  });

  it('makes count images, one ledger entry each, and books each', async () => {
    const el = await widget('', { count: 2 });
    const result = await el.generate();
    expect(result.images).to.have.length(2);
    expect(result.charged).to.equal('0.028');
    expect(new LedgerStore({ storageKey: el.storageKey }).entries()).to.have.length(2);
    expect(el.tally).to.include({ spent: '0.028', images: 2 });
  });

  it('shows each of count images as it arrives, not when the last one is', async () => {
    // Under a scenario of its own, the first submit is ready after 100 ms and the second after 4 s.
    const el = await widget(`pending=100,4000;run=${uniqueStorageKey()}`, { count: 2 });
    const shown = () => el.shadowRoot!.querySelectorAll('img[part~=image]').length;
    let done = false;
    const generating = el.generate().finally(() => (done = true));
    await waitUntil(() => shown() === 1, 'the first image is shown', { timeout: 3500 });
    await waitUntil(() => el.tally?.images === 1, 'then it is booked');
    expect(done, 'while the second is still being made').to.equal(false);
    expect((await generating).images).to.have.length(2);
    await el.updateComplete;
    expect(shown()).to.equal(2);
  });

  it('shows a new image as it arrives, before it is saved, booked or read back; the tally counts it once saved', async () => {
    const el = await widget();
    const shown = () => el.shadowRoot!.querySelectorAll<HTMLImageElement>('img[part~=image]');
    const { list, put } = ImageStore.prototype;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    ImageStore.prototype.list = async function (this: ImageStore) {
      await held;
      return list.call(this);
    };
    ImageStore.prototype.put = async function (this: ImageStore, image) {
      await held;
      return put.call(this, image);
    };
    try {
      const generating = el.generate();
      await waitUntil(() => shown().length === 1, 'the image is shown while its save and every read are held', {
        timeout: 3000,
      });
      await shown()[0].decode();
      expect(el.tally, 'not booked yet').to.include({ spent: '0', images: 0 });
      expect(new LedgerStore({ storageKey: el.storageKey }).entries()[0].status).to.equal('pending');
      release();
      const result = await generating;
      expect(result.images[0].url).to.equal(shown()[0].src);
      expect(el.tally).to.include({ spent: '0.014', images: 1 });
      expect(shown()).to.have.length(1);
    } finally {
      Object.assign(ImageStore.prototype, { list, put });
      release();
    }
  });

  it('refuses an empty prompt before anything is sent', async () => {
    const el = await widget('', { prompt: '   ' });
    const before = (await simLog()).length;
    const error = await errorEvent(el);
    expect(error.code).to.equal('invalid-input');
    expect(part(el, 'error')!.textContent).to.contain('Describe the image');
    expect(await ours(before)).to.have.length(0);
  });

  it('refuses a bad size before anything is sent', async () => {
    const el = await widget('', { width: 1000 });
    const before = (await simLog()).length;
    const error = await errorEvent(el);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.match(/multiple of 16/);
    expect(await ours(before)).to.have.length(0);
  });

  it('asks for a key when there is none, before anything is sent', async () => {
    const el = await widget('', { apiKey: '' });
    const before = (await simLog()).length;
    const error = await errorEvent(el);
    expect(error.code).to.equal('auth-required');
    expect(await ours(before)).to.have.length(0);
    expect(part(el, 'key')).to.exist;
  });

  it('blocks a submission that would pass the budget, before anything is sent', async () => {
    const el = await widget('', { budget: '0.02' });
    await el.generate();
    const before = (await simLog()).length;
    const error = await errorEvent(el);
    expect(error.code).to.equal('budget-exceeded');
    expect(await ours(before)).to.have.length(0);
    expect(el.tally).to.include({ spent: '0.014', remaining: '0.006' });
  });

  it('lets the page veto a submission through userpays-submit', async () => {
    const el = await widget();
    const before = (await simLog()).length;
    el.addEventListener('userpays-submit', (e) => e.preventDefault(), { once: true });
    const outcome = await el.generate().catch((e) => e);
    expect(outcome.code).to.equal('cancelled');
    expect(await ours(before)).to.have.length(0);
    expect(part(el, 'error')).to.equal(null);
  });

  it('shows insufficient funds in plain words and books nothing', async () => {
    const el = await widget('fault=402');
    const error = await errorEvent(el);
    expect(error).to.include({ code: 'insufficient-funds', retryable: false });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[role=status]')[1].textContent).to.equal(error.message);
    expect(part(el, 'error')!.textContent!.length).to.be.greaterThan(20);
    expect(el.tally).to.include({ spent: '0', images: 0 });
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
  });

  it('after every kind of failure: the message in words, nothing spinning, Generate usable again', async () => {
    const faults = [
      'fault=401',
      'fault=429;retryAfter=0',
      'fault=500',
      'fault=502',
      'fault=network',
      'fault=bad-json',
      'fault=html',
      'fault=redirect',
      'fault=accept-then-drop',
      'fault=request-moderated',
      'fault=content-moderated',
      'fault=error',
      'fault=task-not-found',
      'fault=expired-delivery',
    ];
    const seen = await Promise.all(
      faults.map(async (fault) => {
        const el = await widget(`${fault};pending=60`);
        const error = await errorEvent(el);
        await el.updateComplete;
        return { fault, el, error };
      }),
    );
    for (const { fault, el, error } of seen) {
      expect(error.message, fault).to.match(/^[A-Z].{20,}\.$/);
      // A key the provider refused is said under the key field, which is marked; any other error in the error box.
      const where = error.code.startsWith('auth-') ? '#key-error' : '[part~=error]';
      expect(el.shadowRoot!.querySelector(where)?.textContent, fault).to.contain(error.message);
      if (where === '#key-error') {
        expect(part(el, 'key')!.getAttribute('aria-invalid'), fault).to.equal('true');
        // No balance of the refused key beside its refusal (not "$9,916 left" under it).
        expect(part(el, 'balance'), fault).to.equal(null);
      }
      expect(part(el, 'progress'), fault).to.equal(null);
      expect(part(el, 'submit')!.hasAttribute('disabled'), fault).to.equal(false);
      expect(part(el, 'submit')!.getAttribute('aria-busy') ?? 'false', fault).to.equal('false');
    }
  });

  it('cancels promptly, leaves nothing spinning and books what the provider already charged', async () => {
    const el = await widget('pending=5000');
    const accepted = new Promise<void>((resolve) =>
      el.addEventListener('userpays-progress', () => resolve(), { once: true }),
    );
    const running = el.generate().catch((e) => e);
    await accepted;
    const started = performance.now();
    el.cancel();
    const outcome = await running;
    expect(outcome.code).to.equal('cancelled');
    expect(performance.now() - started).to.be.lessThan(500);
    await el.updateComplete;
    expect(part(el, 'progress')).to.equal(null);
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
    // BFL debited the credits when it accepted the task: the tally says so.
    expect(el.tally?.spent).to.equal('0.014');
    expect(el.tally?.images).to.equal(0);
  });

  it('reports every tally change as an event', async () => {
    const el = await widget();
    const tallies: Tally[] = [];
    el.addEventListener('userpays-tally', (e) => tallies.push(e.detail));
    await el.generate();
    expect(tallies.at(-1)).to.include({ spent: '0.014', images: 1 });
  });

  it('offers only the models the provider prices, and honours `models`', async () => {
    const el = await widget();
    el.models = 'flux-2-pro flux-kontext-pro not-a-model';
    await el.updateComplete;
    const options = (await modelChoices(el)).map((choice) => choice.id);
    expect(options).to.deep.equal(['flux-2-pro', 'flux-kontext-pro']);
    expect(el.model).to.equal('flux-2-pro');
    expect(el.quote?.total).to.equal('0.03');
  });

  it('offers no reference images where the provider takes none, and survives a provider it does not have', async () => {
    const el = await widget();
    await panelsLoaded(el); // the references are under More options, which comes with the panels
    expect(el.shadowRoot!.querySelector('input[type=file]')).to.exist;
    el.provider = 'openai';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input[type=file]')).to.equal(null);
    el.provider = 'nope' as never;
    await el.updateComplete;
    // No payable price, and Generate says why before the click.
    expect(decision(el).price).to.equal(undefined);
    expect(blocked(el).reason).to.match(/no price for provider nope/);
    expect(generateButton(el).disabled).to.equal(true);
    expect(part(el, 'key')).to.equal(null);
  });
});

// A submission's work, and what it shows, come with the widget's panels (src/elements/image/panels/: its
// SubmissionController among them), a chunk loaded after the first paint. A page that calls generate() before they are
// here (at once, in the task that made the widget) gets the submission as it stood at the call, once they are; one whose
// panels do not arrive is told so in words (network), with nothing booked or sent; a Cancel before they are here stops
// it. On the built files, in a page of their own (an iframe), so that what each page loaded is its own.
import { expect } from '@open-wc/testing';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { builtFiles, builtPage, partName } from '../support/built.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { bflEndpoint, simLog } from '../support/sim.js';

describe('a click before the widget’s panels are here (the built files)', function () {
  this.timeout(20_000);
  const frames: HTMLIFrameElement[] = [];
  const newStorageKey = storageKeysForgottenAfterEach();
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  /** A page of the built files (the panels' chunk sent elsewhere, where `panelsAt` says), and a BFL widget made there. */
  async function widgetBeforeItsPanels(panelsAt?: string) {
    const panels = [...(await builtFiles()).keys()].find((url) => partName(url) === 'elements/image/panels/index')!;
    const { frame, view } = await builtPage(panelsAt ? { imports: { [panels]: panelsAt } } : undefined);
    frames.push(frame);
    await view.customElements.whenDefined('userpays-image');
    const storageKey = newStorageKey();
    const el = view.document.createElement('userpays-image') as UserPaysImage;
    el.setAttribute('provider', 'bfl');
    el.setAttribute('model', 'flux-2-klein-4b');
    el.setAttribute('storage-key', storageKey);
    el.setAttribute('endpoint', bflEndpoint(`pending=50;deliveryCors=1;run=${storageKey}`));
    el.setAttribute('prompt', 'a fox in the snow');
    view.document.body.append(el);
    el.apiKey = 'sim-panels-key';
    const errors: CustomEvent[] = [];
    el.addEventListener('userpays-error', (event) => errors.push(event as CustomEvent));
    return { el, storageKey, errors };
  }

  it('is submitted as it stood at the call, once they are here: one image, booked once', async () => {
    const { el, storageKey, errors } = await widgetBeforeItsPanels();
    const submitted: string[] = [];
    el.addEventListener('userpays-submit', (event) => submitted.push((event as CustomEvent).detail.request.prompt));
    const generating = el.generate(); // before the first paint: no panels yet
    el.prompt = 'set after the call';
    const result = await generating;
    expect(submitted).to.deep.equal(['a fox in the snow']);
    expect([result.charged, result.images.length, errors.length]).to.deep.equal(['0.014', 1, 0]);
    const entries = new LedgerStore({ storageKey }).entries();
    expect(entries.map((entry) => [entry.status, entry.charged])).to.deep.equal([['charged', '0.014']]);
  });

  it('their chunk does not arrive: said in words (network) and fired, nothing booked or sent', async () => {
    const { el, storageKey, errors } = await widgetBeforeItsPanels('/dist/chunks/not-here.js');
    const error = await el.generate().then(
      () => expect.fail('the generation should fail'),
      (thrown: Error & { code: string }) => thrown,
    );
    expect(error).to.include({ name: 'UserPaysError', code: 'network' });
    expect(errors.map((event) => event.detail)).to.deep.equal([
      { code: 'network', message: error.message, retryable: true },
    ]);
    expect(new LedgerStore({ storageKey }).entries()).to.deep.equal([]);
    expect((await simLog()).filter((entry) => entry.path.includes(storageKey))).to.deep.equal([]);
  });

  it('Cancel before they are here: cancelled, nothing booked or sent', async () => {
    const { el, storageKey, errors } = await widgetBeforeItsPanels();
    const generating = el.generate();
    el.cancel();
    const error = await generating.then(
      () => expect.fail('the generation should be cancelled'),
      (thrown: Error & { code: string }) => thrown,
    );
    expect(error).to.include({ name: 'UserPaysError', code: 'cancelled' });
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['cancelled']);
    expect(new LedgerStore({ storageKey }).entries()).to.deep.equal([]);
    expect((await simLog()).filter((entry) => entry.path.includes(storageKey))).to.deep.equal([]);
  });
});

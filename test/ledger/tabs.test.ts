// The ledger guarantees across pages, for real: each "tab" is an iframe running test/fixtures/tab.ts (its own
// module instances, Web Lock holder and storage events), generating against the BFL simulator over HTTP.
// Holds: src/ledger/shared-area.ts
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { ImageStore } from '../../src/images/image-store.js';
import { bflEndpoint, simLog, submissionsOf } from '../support/sim.js';
import { ledger as ledgerWords } from '../../src/strings/ledger.js';
import { de } from '../../src/translations/de.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { until } from '../support/wait.js';
import { openTab, tabLoaded } from '../support/tabs.js';

type Tab = Window['tab'];
const FULL = 'Storage is full: spending is tracked for this visit only.';
/** The same server under its other loopback name: another origin, with its own localStorage. */
const OTHER_ORIGIN = location.origin.replace('localhost', '127.0.0.1');

const tab = (frame: HTMLIFrameElement): Tab => frame.contentWindow!.tab;

/** Reloads the frame's page: its document goes, with everything it was doing (and its locks). */
async function reload(frame: HTMLIFrameElement) {
  const ready = tabLoaded(frame);
  frame.contentWindow!.location.reload();
  await ready;
}

/** The simulator endpoint with a marker for this test's requests (other test files use the simulator at the same time). */
const endpointFor = (scenario: string, run: string) => bflEndpoint(`${scenario};run=${run}`);
const submissions = (run: string) => submissionsOf('bfl', `;run=${run}/v1/`);

let rpcId = 0;
/** Calls `tab[cmd](...args)` in a frame of another origin, by postMessage. */
function rpc<T = any>(frame: HTMLIFrameElement, cmd: string, ...args: unknown[]): Promise<T> {
  const id = ++rpcId;
  return new Promise((resolve, reject) => {
    const on = (e: MessageEvent) => {
      if (e.data?.id !== id) return;
      removeEventListener('message', on);
      e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.result);
    };
    addEventListener('message', on);
    frame.contentWindow!.postMessage({ id, cmd, args }, '*');
  });
}

describe('Ledger across pages (iframes, BFL simulator)', () => {
  const frames: HTMLIFrameElement[] = [];
  const open = async (storageKey: string, origin?: string) => (
    frames.push(await openTab(storageKey, { origin })),
    frames.at(-1)!
  );
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));
  const key = storageKeysForgottenAfterEach();
  /**
   * A page (a tab on a storage key of its own) that starts generating `prompt` at `endpoint` (the simulator under
   * `scenario`, its requests marked with the storage key) and is left to it; `here` reads the same ledger.
   */
  async function pageGenerating(scenario: string, prompt: string, endpoint?: string) {
    const storageKey = key();
    const frame = await open(storageKey);
    endpoint ??= endpointFor(scenario, storageKey);
    void tab(frame)
      .generate(endpoint, prompt)
      .catch(() => {});
    return { storageKey, frame, endpoint, here: new LedgerStore({ storageKey }) };
  }

  it('two pages generating at once: every charge counted once, none lost; each tally updates live', async () => {
    const storageKey = key();
    const [a, b] = [await open(storageKey), await open(storageKey)];
    const endpoint = endpointFor('pending=300', storageKey);
    const runs = await Promise.all([
      tab(a).generate(endpoint, 'first from A', 2),
      tab(b).generate(endpoint, 'first from B', 2),
      tab(a).generate(endpoint, 'second from A'),
      tab(b).generate(endpoint, 'second from B', 3),
    ]);
    const ids = runs.flatMap((r) => r.ids);
    expect(ids).to.have.length(8);
    expect(await submissions(storageKey)).to.have.length(8);
    const here = new LedgerStore({ storageKey });
    expect(
      here
        .entries()
        .map((e) => e.id)
        .sort(),
    ).to.deep.equal([...ids].sort());
    expect(here.entries().every((e) => e.status === 'charged' && e.charged === '0.014')).to.equal(true);
    expect(here.tally()).to.deep.include({ spent: '0.112', images: 8 });
    expect((await new ImageStore({ storageKey }).list()).map((i) => i.id).sort()).to.deep.equal([...ids].sort());
    for (const frame of [a, b]) {
      await until(() => tab(frame).tallyElement.tally?.spent === '0.112');
      expect(tab(frame).tallyElement.tally).to.deep.include({ images: 8 });
    }
    // A is idle: only storage events can tell its tally about B's next image.
    const heardByA = tab(a).tallies.length;
    await tab(b).generate(endpoint, 'third from B');
    await until(() => tab(a).tallyElement.tally?.spent === '0.126');
    expect(tab(a).tallies.length).to.be.greaterThan(heardByA);
    // Its figure drawn too (the tally's part is drawn by its panels, which a loaded machine may bring a frame later).
    await until(() => tab(a).tallyElement.shadowRoot!.querySelector('[part~=tally]')?.textContent?.includes('$0.126'));
  });

  it('a reload in the middle of a pending task: the next load resumes it, persists the image, settles once', async () => {
    const { storageKey, frame, endpoint, here } = await pageGenerating('pending=1500', 'a lighthouse at dusk');
    await until(() => here.pending()[0]?.task);
    const [entry] = here.pending();
    expect(entry.prompt).to.equal('a lighthouse at dusk');
    // The page works on it: its lock is held, nobody may resume or void it.
    expect(await here.orphans()).to.deep.equal([]);
    await reload(frame);
    expect(here.pending().map((e) => e.id)).to.deep.equal([entry.id]);
    // The browser releases the gone page's lock soon after it unloads, not always before the new page is ready.
    await until(async () => (await here.orphans()).length);
    expect((await here.orphans()).map((e) => e.id)).to.deep.equal([entry.id]);
    // The reloaded page and a second page both resume on load: one of them does it.
    const other = await open(storageKey);
    const [r1, r2] = await Promise.all([
      tab(frame).resume(endpoint, 'sim-tabs-key'),
      tab(other).resume(endpoint, 'sim-tabs-key'),
    ]);
    expect([...r1.resumed, ...r2.resumed]).to.deep.equal([entry.id]);
    const stored = (await new ImageStore({ storageKey }).get(entry.id))!;
    expect(stored).to.deep.include({ prompt: 'a lighthouse at dusk', model: 'flux-2-klein-4b', charged: '0.014' });
    expect(here.entries()).to.have.length(1);
    expect(here.entries()[0]).to.deep.include({ status: 'charged', charged: '0.014', credits: '1.4' });
    expect(here.tally()).to.deep.include({ spent: '0.014', images: 1 });
    expect(await submissions(storageKey)).to.have.length(1);
    await until(() => tab(frame).tallyElement.tally?.images === 1);
  });

  it('without the key after a reload: "needs key" and still pending; with it: resumed', async () => {
    const { frame, endpoint, here } = await pageGenerating('', 'a quiet harbour', bflEndpoint('pending=1500'));
    await until(() => here.pending()[0]?.task);
    const { id } = here.pending()[0];
    await reload(frame);
    expect(await tab(frame).resume(endpoint)).to.deep.equal({ resumed: [], needsKey: [id] });
    expect(here.pending().map((e) => e.id)).to.deep.equal([id]);
    expect(await tab(frame).resume(endpoint, 'sim-tabs-key')).to.deep.equal({ resumed: [id], needsKey: [] });
    expect(here.tally()).to.deep.include({ spent: '0.014', images: 1 });
  });

  it('a page that went before the provider accepted: not voided while it lives, voided as interrupted after', async () => {
    const storageKey = key();
    const frame = await open(storageKey);
    const entry = tab(frame).ledger.open({
      provider: 'bfl',
      model: 'flux-2-pro',
      width: 1024,
      height: 1024,
      quoted: '0.03',
    });
    const here = new LedgerStore({ storageKey });
    const other = await open(storageKey);
    await tab(other).resume(bflEndpoint());
    expect(here.pending().map((e) => e.id)).to.deep.equal([entry.id]);
    expect(here.tally('1').remaining).to.equal('0.97'); // held against the budget meanwhile
    await reload(frame);
    await tab(other).resume(bflEndpoint());
    expect(here.entries()[0]).to.deep.include({ status: 'void', error: 'interrupted' });
    expect(here.tally('1').remaining).to.equal('1');
  });

  it('a reload while the submission is on its way: the next load books it as may-have-been-charged, never as nothing', async () => {
    // The submit is held open by BFL: it may be accepted and charged at any moment, and the page cannot know.
    const { storageKey, frame, endpoint, here } = await pageGenerating('fault=hang', 'a kite over dunes');
    await until(async () => (await submissions(storageKey)).length);
    expect(here.pending()[0].sentAt, 'marked as sent before the request left').to.be.a('number');
    await reload(frame);
    await until(async () => (await here.orphans()).length);
    await tab(frame).resume(endpoint, 'sim-tabs-key');
    expect(here.entries()[0]).to.deep.include({ status: 'uncertain', charged: '0.014' });
    expect(here.tally('1')).to.deep.include({ spent: '0', uncertain: '0.014', remaining: '0.986' });
    await until(() => /may have been charged/.test(tab(frame).view().shown));
  });

  it('a reload while the finished image downloads: the next load fetches it again, keeps it, charges once', async () => {
    const scenario = 'pending=50;imageDelay=3000;deliveryCors=1';
    const { storageKey, frame, endpoint, here } = await pageGenerating(scenario, 'a slow sunrise');
    await until(() => here.pending()[0]?.task);
    const { id, task } = here.pending()[0];
    const downloads = async () =>
      (await simLog()).filter((e) => e.method === 'GET' && e.path.startsWith(`/sim/delivery/${task!.id}.png`));
    await until(async () => (await downloads()).length);
    await reload(frame);
    await until(async () => (await here.orphans()).length);
    expect(await tab(frame).resume(endpoint, 'sim-tabs-key')).to.deep.equal({ resumed: [id], needsKey: [] });
    expect((await downloads()).length).to.equal(2);
    expect(here.entries()[0]).to.deep.include({ status: 'charged', charged: '0.014' });
    expect((await new ImageStore({ storageKey }).get(id))?.prompt).to.equal('a slow sunrise');
    expect(await submissions(storageKey)).to.have.length(1);
  });

  // An entry that could not be written is a charge a reload, or another tab, would not know of. With
  // the origin's storage really full, nothing is sent (the simulator sees no submit), the widget says what to do, and
  // once there is room again the same request goes through and is on disk before it leaves.
  it('QuotaExceededError for real (a full origin): nothing is sent, the widget says what to do; with room again it goes', async () => {
    const storageKey = key();
    const frame = await open(storageKey, OTHER_ORIGIN); // its own localStorage, so filling it disturbs no other test
    const endpoint = `${OTHER_ORIGIN}/sim/bfl/s/pending=100;deliveryCors=1;run=${storageKey}`;
    const submitted = async () => (await submissionsOf('bfl', `run=${storageKey}/`)).length;
    const filler: string[] = await rpc(frame, 'fill');
    try {
      expect(filler.length).to.be.greaterThan(0);
      const refused = await rpc(frame, 'generate', endpoint, 'while full').then(
        () => 'sent',
        (error: Error) => error.message,
      );
      expect(refused).to.match(/Nothing was sent or charged: this browser's storage for this site is full/);
      for (const lang of ['en', 'de']) {
        const { thrown, errors, shown } = await rpc(frame, 'generateInWidget', endpoint, 'while full', lang);
        const said = lang === 'de' ? de.ledger.notRecordedFull() : ledgerWords.notRecordedFull();
        expect(thrown).to.deep.equal({ code: 'storage-unavailable', message: ledgerWords.notRecordedFull() });
        expect(errors).to.deep.equal([{ code: 'storage-unavailable', message: said, retryable: false }]);
        expect(shown, lang).to.contain(said);
      }
      expect(await submitted(), 'nothing reached the provider').to.equal(0);
      let view = await rpc(frame, 'view');
      expect(view.tally).to.deep.include({ spent: '0', images: 0 });
      expect(view.pending, 'no entry left behind').to.equal(0);
      expect(view.notice?.text).to.equal(FULL);
      expect(JSON.parse(await rpc(frame, 'stored')).entries).to.deep.equal([]); // written before it filled up
      await rpc(frame, 'unfill', filler);
      await rpc(frame, 'generate', endpoint, 'room again');
      view = await rpc(frame, 'view');
      expect(view.notice).to.equal(null);
      const stored = JSON.parse(await rpc(frame, 'stored'));
      expect(stored.entries).to.have.length(1);
      expect(view.tally).to.deep.include({ spent: '0.014', images: 1 });
      expect(await submitted()).to.equal(1);
    } finally {
      await rpc(frame, 'unfill', filler);
      await rpc(frame, 'clear');
    }
  });

  it('storage refusing writes while a submission runs: the charge is still counted in memory, and said', async () => {
    const storageKey = key();
    const frame = await open(storageKey, OTHER_ORIGIN);
    const endpoint = `${OTHER_ORIGIN}/sim/bfl/s/pending=600;run=${storageKey}`;
    try {
      const running = rpc(frame, 'generate', endpoint, 'fills up on the way');
      await until(async () => JSON.parse((await rpc(frame, 'stored')) ?? '{"entries":[]}').entries.length);
      await rpc(frame, 'refuseWrites', true);
      await running;
      const view = await rpc(frame, 'view');
      expect(view.tally).to.deep.include({ spent: '0.014', images: 1 });
      expect(view.notice?.text).to.equal(FULL);
    } finally {
      await rpc(frame, 'refuseWrites', false);
      await rpc(frame, 'clear');
    }
  });
});

// resumeOrphans over real HTTP against the BFL simulator. An "orphan" here is a ledger document written
// by a page that is gone: made by a store under another key, then copied under the key being tested, so
// no page holds the entries' Web Locks (the tabs test makes real ones by reloading an iframe).
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { resumeOrphans, type ResumeOptions } from '../../src/generation/resume.js';
import { LedgerStore, type LedgerEntry } from '../../src/ledger/ledger.js';
import { ImageStore, type StoredImage } from '../../src/images/image-store.js';
import { image, leftBehind } from '../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { bflEndpoint, pageFetch, simEndpoint, simLog, submitToBfl, unique, uniqueStorageKey } from '../support/sim.js';
import { providerFor } from '../../src/providers/registry/adapters.js';

const KEY = 'sim-resume-key';

/** Marks this file's requests in the simulator's log (other test files use the simulator at the same time). */
const RUN = `run=${uniqueStorageKey()}`;
const ours = async (since = 0) => (await simLog()).slice(since).filter((e) => e.path.includes(RUN));

/** Submits a task to the simulator as a page would have before it went: `{ id, polling_url, cost }`. */
async function submit(scenario = 'pending=400', prompt = 'a red fox in the snow') {
  const body = { prompt, width: 1024, height: 1024, output_format: 'png' };
  const { body: task } = await submitToBfl(bflEndpoint(`${scenario};${RUN}`), KEY, 'flux-2-klein-4b', body);
  return task as { id: string; polling_url: string; cost: number };
}

/** A page that accepted a BFL task (with its cost) and went before it was ready. */
async function acceptedThenGone(storageKey: string, scenario?: string, prompt = 'a red fox in the snow') {
  const task = await submit(scenario, prompt);
  const [entry] = leftBehind(storageKey, (ledger) => {
    const { id } = ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.02', prompt }); // the provider reported 0.014: that is booked
    const credits = String(task.cost);
    ledger.attachTask(
      id,
      { provider: 'bfl', id: task.id, pollingUrl: task.polling_url },
      { usd: new Decimal(credits).times('0.01').toFixed(), credits },
    );
  });
  return { entry, task };
}

describe('resumeOrphans', () => {
  const newStorageKey = storageKeysForgottenAfterEach();
  let storageKey: string;
  let ledger: LedgerStore;
  let images: ImageStore;
  beforeEach(() => {
    storageKey = newStorageKey();
    ledger = new LedgerStore({ storageKey });
    images = new ImageStore({ storageKey });
  });

  const options = (extra: Partial<ResumeOptions> = {}): ResumeOptions => ({
    ledger,
    images,
    providerFor,
    endpointFor: () => bflEndpoint(),
    apiKeyFor: () => KEY,
    signal: new AbortController().signal,
    ...extra,
  });

  it('resumes an accepted task: persists the image with its prompt, settles once at the reported cost', async () => {
    const { entry, task } = await acceptedThenGone(storageKey, 'pending=500;deliveryCors=1', 'a lighthouse at dusk');
    expect((await ledger.orphans()).map((e) => e.id)).to.deep.equal([entry.id]);
    const before = (await simLog()).length;
    const resumed: [StoredImage, LedgerEntry][] = [];
    const report = await resumeOrphans(options({ onResumed: (i, e) => resumed.push([i, e]) }));
    expect(report.needsKey).to.deep.equal([]);
    expect(resumed.map(([i, e]) => [i.id, e.id])).to.deep.equal([[entry.id, entry.id]]);
    const stored = (await images.get(entry.id))!;
    expect(stored).to.deep.include({
      entryId: entry.id,
      prompt: 'a lighthouse at dusk',
      model: 'flux-2-klein-4b',
      provider: 'bfl',
      charged: '0.014',
      width: 1024,
      height: 1024,
    });
    expect(stored.blob!.type).to.equal('image/png');
    const [settled] = ledger.entries();
    expect(settled).to.deep.include({ status: 'charged', charged: '0.014', credits: '1.4' });
    expect(settled).not.to.have.any.keys('task', 'prompt', 'error');
    expect(ledger.tally()).to.deep.include({ spent: '0.014', images: 1 });
    // Nothing submitted again: only the task's polls and its download.
    const log = await ours(before);
    expect(log.filter((e) => e.method === 'POST')).to.deep.equal([]);
    expect(log.some((e) => e.path.includes(`get_result?id=${task.id}`))).to.equal(true);
    // Once settled there is nothing left to resume.
    resumed.length = 0;
    await resumeOrphans(options({ onResumed: (i, e) => resumed.push([i, e]) }));
    expect(resumed).to.deep.equal([]);
    expect(ledger.tally()).to.deep.include({ spent: '0.014', images: 1 });
  });

  it('resumes a task whose image the page may not read (no CORS): kept as the provider’s link, charged once', async () => {
    const { entry } = await acceptedThenGone(storageKey, 'pending=500', 'a harbour at night');
    await resumeOrphans(options());
    const stored = (await images.get(entry.id))!;
    expect(stored.blob).to.equal(undefined);
    expect(stored.remote!.url).to.match(/\/sim\/delivery\//);
    expect(stored.remote!.expiresAt).to.be.greaterThan(Date.now());
    expect(ledger.entries()[0]).to.deep.include({ status: 'charged', charged: '0.014' });
  });

  it('without the key: reports "needs key", leaves it pending and sends nothing; with the key: resumes', async () => {
    const { entry } = await acceptedThenGone(storageKey);
    const before = (await simLog()).length;
    const report = await resumeOrphans(options({ apiKeyFor: () => undefined }));
    expect(report.needsKey.map((e) => e.id)).to.deep.equal([entry.id]);
    expect(ledger.pending().map((e) => e.id)).to.deep.equal([entry.id]);
    expect(await ours(before)).to.deep.equal([]);
    expect((await resumeOrphans(options())).needsKey).to.deep.equal([]);
    expect(ledger.tally()).to.deep.include({ spent: '0.014', images: 1 });
  });

  it('an entry whose page went before the provider accepted it is void ("interrupted"): nothing was charged', async () => {
    const [entry] = leftBehind(storageKey, (l) => l.open({ ...image, quoted: '0.03', prompt: 'never sent' }));
    await resumeOrphans(options({ apiKeyFor: () => undefined })); // no key needed to void it
    expect(ledger.entries()).to.have.length(1);
    expect(ledger.entries()[0]).to.deep.include({ id: entry.id, status: 'void', error: 'interrupted' });
    expect(ledger.tally('1')).to.deep.include({ spent: '0', images: 0, remaining: '1' });
  });

  it('leaves alone an entry another page still works on (its lock is held), then resumes it once that page is gone', async () => {
    const [entry] = leftBehind(storageKey, (l) => l.open({ ...image, quoted: '0.03' }));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const granted = new Promise<void>((r) =>
      navigator.locks.request(`${storageKey}:ledger:${entry.id}`, () => (r(), held)),
    );
    await granted;
    expect(await ledger.orphans()).to.deep.equal([]);
    await resumeOrphans(options());
    expect(ledger.pending().map((e) => e.id)).to.deep.equal([entry.id]);
    release();
    await new Promise((r) => setTimeout(r, 20));
    await resumeOrphans(options());
    expect(ledger.entries()[0]).to.deep.include({ status: 'void', error: 'interrupted' });
  });

  it('this page opens an entry: it holds the lock until it settles, so nobody else resumes it', async () => {
    const entry = ledger.open({ ...image, quoted: '0.03' });
    const name = `${storageKey}:ledger:${entry.id}`;
    await new Promise((r) => setTimeout(r, 20));
    expect((await navigator.locks.query()).held!.map((l) => l.name)).to.include(name);
    expect(await ledger.orphans()).to.deep.equal([]);
    await resumeOrphans(options());
    expect(ledger.pending()).to.have.length(1);
    ledger.settle(entry.id, { charged: '0.03' });
    await new Promise((r) => setTimeout(r, 20));
    expect((await navigator.locks.query()).held!.map((l) => l.name)).not.to.include(name);
  });

  it('two resumers at once (two widgets, or two tabs on load): the task is resumed and settled once', async () => {
    const { entry } = await acceptedThenGone(storageKey);
    const resumed: string[] = [];
    const onResumed = (i: StoredImage) => resumed.push(i.id);
    const other = new LedgerStore({ storageKey });
    await Promise.all([resumeOrphans(options({ onResumed })), resumeOrphans(options({ ledger: other, onResumed }))]);
    expect(resumed).to.deep.equal([entry.id]);
    expect(ledger.tally()).to.deep.include({ spent: '0.014', images: 1 });
    expect(await images.list()).to.have.length(1);
  });

  it('the provider refused the image after accepting it: charged as reported, with the error; refused before: void', async () => {
    const { entry: a } = await acceptedThenGone(storageKey, 'pending=200;fault=content-moderated');
    await resumeOrphans(options());
    expect(ledger.entries().find((e) => e.id === a.id)).to.deep.include({
      status: 'charged',
      charged: '0.014',
      error: 'moderated',
    });
    const key2 = newStorageKey();
    const { entry: b } = await acceptedThenGone(key2, 'pending=200;fault=request-moderated');
    const ledger2 = new LedgerStore({ storageKey: key2 });
    await resumeOrphans(options({ ledger: ledger2 }));
    expect(ledger2.entries().find((e) => e.id === b.id)).to.deep.include({
      status: 'uncertain',
      charged: '0.014',
      error: 'moderated',
    });
    expect(ledger.tally()).to.deep.include({ spent: '0.014', images: 0 });
  });

  it('offline (the status cannot be fetched): stays pending to be resumed later; a provider this build lacks: left alone', async () => {
    const { entry } = await acceptedThenGone(storageKey, 'pending=200;fault=network;at=poll;times=99');
    await resumeOrphans(options()); // three failed polls in a row (500 ms, then 1 s, 1.5 s back-off) give up
    expect(ledger.pending().map((e) => e.id)).to.deep.equal([entry.id]);
    await resumeOrphans(
      options({
        providerFor: () => Promise.reject(new Error('not in this build')),
      }),
    );
    expect(ledger.pending().map((e) => e.id)).to.deep.equal([entry.id]);
  });

  it('an OpenRouter charge held uncertain is settled from its generation’s record when a widget loads', async () => {
    const key = unique('sk-or-resume');
    const endpoint = simEndpoint('openrouter', 'recordlag=0');
    const generation = unique('gen');
    const planted = await pageFetch(`${simEndpoint('openrouter')}/_records?key=${encodeURIComponent(key)}`, {
      method: 'POST',
      body: JSON.stringify({ id: generation, total_cost: 0.0321 }),
    });
    expect(planted.status).to.equal(200);
    const entry = ledger.open({ ...image, provider: 'openrouter', model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.attachTask(entry.id, { provider: 'openrouter', id: generation, endpoint });
    ledger.settle(entry.id, { uncertain: '0.05', error: 'provider-error' });
    // Without the key for its endpoint, nothing is asked and it stays uncertain.
    await resumeOrphans(options({ endpointFor: () => endpoint, apiKeyFor: () => undefined }));
    expect(ledger.uncertain().map((each) => each.id)).to.deep.equal([entry.id]);
    await resumeOrphans(options({ endpointFor: () => endpoint, apiKeyFor: () => key }));
    expect(ledger.entries().find((each) => each.id === entry.id)).to.deep.include({
      status: 'charged',
      charged: '0.0321',
      basis: 'record',
    });
  });
});

import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import type { Tally } from '../../src/base/types.js';
import { image, MemoryStorage, oneOrigin, storageEvent } from '../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { until } from '../support/wait.js';

const ids = (ledger: LedgerStore) =>
  ledger
    .entries()
    .map((e) => e.id)
    .sort();

/** Runs `work` with a second window of this origin (a same-origin iframe: its own storage object, the same data), removed after. */
async function withSecondWindow(work: (second: Window) => Promise<void>) {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  try {
    await work(frame.contentWindow!);
  } finally {
    frame.remove();
  }
}

describe('LedgerStore: several stores and tabs', () => {
  const key = storageKeysForgottenAfterEach();

  it('two stores with the same key on this page: interleaved entries, none lost', () => {
    const storageKey = key();
    const a = new LedgerStore({ storageKey });
    const b = new LedgerStore({ storageKey });
    const opened: string[] = [];
    for (let i = 0; i < 5; i++) {
      opened.push(a.open({ ...image, quoted: '0.014' }).id);
      opened.push(b.open({ ...image, quoted: '0.014' }).id);
    }
    opened.forEach((id, i) => (i % 2 ? a : b).settle(id, { charged: '0.014' }));
    expect(ids(a)).to.deep.equal(opened.sort());
    expect(ids(b)).to.deep.equal(opened);
    expect(a.tally()).to.deep.include({ spent: '0.14', images: 10 });
    const after = new LedgerStore({
      storageKey,
      storage: new MemoryStorage(new Map([[`${storageKey}:ledger`, localStorage.getItem(`${storageKey}:ledger`)!]])),
    });
    expect(after.tally()).to.deep.include({ spent: '0.14', images: 10 });
  });

  it('two windows (this page and a same-origin iframe) writing the same localStorage: merged by id', async () => {
    const storageKey = key();
    await withSecondWindow(async (second) => {
      const here = new LedgerStore({ storageKey });
      const there = new LedgerStore({ storageKey, storage: second.localStorage });
      const opened: string[] = [];
      for (let i = 0; i < 4; i++) {
        opened.push(here.open({ ...image, quoted: '0.01' }).id);
        opened.push(there.open({ ...image, quoted: '0.02' }).id);
      }
      opened.forEach((id, i) => (i % 2 ? here : there).settle(id, { charged: i % 2 ? '0.02' : '0.01' }));
      expect(ids(here)).to.deep.equal([...opened].sort());
      expect(ids(there)).to.deep.equal([...opened].sort());
      expect(here.tally().spent).to.equal('0.12');
      expect(there.tally().spent).to.equal('0.12');
    });
  });

  it('a same-origin iframe writing localStorage fires a real storage event here that updates subscribers', async () => {
    const storageKey = key();
    await withSecondWindow(async (second) => {
      const here = new LedgerStore({ storageKey });
      const seen: Tally[] = [];
      here.subscribe((t) => seen.push(t));
      here.setPageBudget(here, '1');
      const there = new LedgerStore({ storageKey, storage: second.localStorage });
      const { id } = there.open({ ...image, quoted: '0.03' });
      await until(() => seen.at(-1)?.remaining === '0.97');
      there.settle(id, { charged: '0.04' });
      await until(() => seen.at(-1)?.spent === '0.04');
      expect(seen.at(-1)).to.deep.include({ images: 1, remaining: '0.96' });
    });
  });

  /**
   * A store on this page with one entry pending and a subscriber (`seen`), then another tab's image of $0.05 written to
   * this origin's storage, with no storage event yet. The other tab: its own copy of the storage, its write landed here.
   */
  function anotherTabWrote() {
    const storageKey = key();
    const ledgerKey = `${storageKey}:ledger`;
    const here = new LedgerStore({ storageKey });
    here.open({ ...image, quoted: '0.01' });
    const seen: Tally[] = [];
    here.subscribe((t) => seen.push(t));
    const tab = new MemoryStorage(new Map([[ledgerKey, localStorage.getItem(ledgerKey)!]]));
    const there = new LedgerStore({ storageKey, storage: tab });
    there.settle(there.open({ ...image, quoted: '0.05' }).id, { charged: '0.05' });
    localStorage.setItem(ledgerKey, tab.getItem(ledgerKey)!);
    return { storageKey, ledgerKey, here, seen };
  }

  it('a StorageEvent from another tab updates subscribers (and nothing fires without it)', () => {
    const { ledgerKey, here, seen } = anotherTabWrote();
    expect(seen).to.have.length(0);
    storageEvent('unrelated');
    expect(seen).to.have.length(0);
    storageEvent(ledgerKey);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ spent: '0.05', images: 1 });
    expect(here.pending()).to.have.length(1);
    storageEvent(null); // localStorage.clear() elsewhere: re-read, nothing new here
    expect(seen).to.have.length(1);
  });

  it('another tab’s write that a read takes in before its storage event arrives still reaches subscribers, once', async () => {
    const { storageKey, ledgerKey, seen } = anotherTabWrote();
    const reader = new LedgerStore({ storageKey }); // another store of this page (the pipeline's, say)
    expect(reader.tally().spent).to.equal('0.05'); // the read takes the write in first
    storageEvent(ledgerKey); // then the event: nothing new for it to find
    await Promise.resolve();
    expect(seen.map((t) => t.spent)).to.deep.equal(['0.05']);
  });

  it('heals a lost update: a stale tab overwrites a fresh entry, the owner writes it back', () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = origin.open();
    const { tab: tabB, ledger: b } = origin.open(); // has seen A's first write
    const a1 = a.open({ ...image, quoted: '0.01' });
    const b1 = b.open({ ...image, quoted: '0.02' }); // B has not seen a1 yet: its write drops it
    expect(origin.stored().entries).to.have.length(1);
    origin.hear(tabA); // B's write reaches A
    expect(ids(a)).to.deep.equal([a1.id, b1.id].sort());
    expect(origin.stored().entries).to.have.length(2);
    origin.hear(tabB); // A's repair reaches B
    expect(ids(b)).to.deep.equal([a1.id, b1.id].sort());
    // Both settle, each from a stale view: the results merge, nothing lost or counted twice.
    a.settle(a1.id, { charged: '0.01' });
    b.settle(b1.id, { charged: '0.02' });
    b.settle(a1.id, { charged: '0.01' });
    origin.hear(tabA, tabB);
    expect(a.tally()).to.deep.include({ spent: '0.03', images: 2 });
    expect(b.tally()).to.deep.include({ spent: '0.03', images: 2 });
    expect(origin.reloaded(tabA).tally()).to.deep.include({ spent: '0.03', images: 2 });
  });

  it("a task attached in one tab survives a stale tab's write of the same pending entry", () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = origin.open();
    const { id } = a.open({ ...image, quoted: '0.03' });
    const { tab: tabB, ledger: b } = origin.open(); // sees the entry without its task
    a.attachTask(
      id,
      { provider: 'bfl', id: 'task-9', pollingUrl: 'https://api.bfl.ai/v1/get_result?id=task-9' },
      { usd: '0.03' },
    );
    b.open({ ...image, quoted: '0.01' }); // rewrites the entry as B saw it
    origin.hear(tabA, tabB, tabA);
    for (const ledger of [a, b, origin.reloaded(tabA)]) {
      const entry = ledger.pending().find((e) => e.id === id)!;
      expect(entry.task?.id).to.equal('task-9');
      expect(entry.charged).to.equal('0.03');
    }
  });

  it('a settlement made in two tabs counts once, the same in both', () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = origin.open();
    const { id } = a.open({ ...image, quoted: '0.03' });
    const { tab: tabB, ledger: b } = origin.open();
    a.settle(id, { charged: '0.03' });
    b.settle(id, { charged: '0.045' }); // e.g. a resume in the other tab, not seeing A's settlement
    origin.hear(tabA, tabB);
    expect(a.tally()).to.deep.equal(b.tally());
    expect(a.tally().images).to.equal(1);
    expect(['0.03', '0.045']).to.include(a.tally().spent);
  });

  it('a reset in one tab and a settlement in a stale tab merge: the later settlement counts', async () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = origin.open();
    a.settle(a.open({ ...image, quoted: '0.5' }).id, { charged: '0.5' });
    const running = a.open({ ...image, quoted: '0.03' });
    const { tab: tabB, ledger: b } = origin.open();
    b.reset();
    await new Promise((r) => setTimeout(r, 3));
    a.settle(running.id, { charged: '0.03' }); // A has not seen the reset
    origin.hear(tabA, tabB); // B merges its reset with A's settlement and writes it back
    origin.hear(tabA);
    for (const ledger of [a, b]) expect(ledger.tally()).to.deep.include({ spent: '0.03', images: 1 });
    expect(a.tally().since).to.equal(b.tally().since);
  });
});

describe('LedgerStore: what a balance booked, taken back in one tab', () => {
  it('the taking back wins over the booking in every tab, and an answer after it over both', () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = origin.open();
    const { id } = a.open({ ...image, quoted: '0.014' });
    a.settle(id, { charged: '0.014', basis: 'balance', heldBefore: '0.098', error: 'network' });
    const { tab: tabB, ledger: b } = origin.open(); // has the booking
    expect(b.reopen(id)).to.equal(true);
    // A stale write of the booking (tab A, not yet hearing B) does not bring it back.
    a.settle(id, { charged: '0.014' });
    origin.hear(tabA, tabB);
    expect(a.tally()).to.deep.include({ spent: '0', uncertain: '0.098' });
    expect(b.tally()).to.deep.equal(a.tally());
    a.resolve(id, { charged: '0.014' });
    origin.hear(tabB, tabA);
    expect(b.tally()).to.deep.include({ spent: '0.014', paidFailures: 1 });
    expect(b.tally()).not.to.have.property('uncertain');
    expect(a.tally()).to.deep.equal(b.tally());
  });
});

// ledger/other-ledgers.ts: the entries of the site's other ledgers (other storage keys) in the same storage, which a
// balance's evidence must rule out before a charge is put down to this ledger's image alone; none where one is
// unreadable.
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { otherLedgersEntries } from '../../src/ledger/other-ledgers.js';
import { image, MemoryStorage } from '../support/ledger.js';

describe('the other ledgers of this site', () => {
  it('reads every other ledger in the same storage, never this one, nor what is kept beside a ledger', () => {
    const storage = new MemoryStorage();
    const ours = new LedgerStore({ storageKey: 'ours', storage });
    const widget = new LedgerStore({ storageKey: 'another-widget', storage });
    ours.open({ ...image, quoted: '0.014' });
    const theirs = widget.open({ ...image, quoted: '0.03' });
    storage.setItem('ours:ledger:budget', '1');
    storage.setItem('site-data', '{"entries": 5}');
    expect(otherLedgersEntries(storage, 'ours:ledger')!.map((entry) => entry.id)).to.deep.equal([theirs.id]);
    expect(ours.otherLedgersEntries()!.map((entry) => entry.id)).to.deep.equal([theirs.id]);
    expect(otherLedgersEntries(undefined, 'ours:ledger')).to.deep.equal([]);
  });

  it('none where one is unreadable: what it holds is unknown', () => {
    const storage = new MemoryStorage();
    storage.setItem('damaged:ledger', '{not json');
    expect(otherLedgersEntries(storage, 'ours:ledger')).to.equal(undefined);
    storage.setItem('damaged:ledger', JSON.stringify({ v: 2, entries: [['not a row']] }));
    expect(otherLedgersEntries(storage, 'ours:ledger')).to.equal(undefined);
    storage.setItem('damaged:ledger', JSON.stringify({ v: 2, since: 0, entries: [] }));
    expect(otherLedgersEntries(storage, 'ours:ledger')).to.deep.equal([]);
  });
});

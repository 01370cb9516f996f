// An uncertain entry may hold a certain part (column 18, `certain`): what its balance, a key this ledger's
// alone, showed certainly charged. It counts as spent, only the rest apart; rows stored before the column read as they
// did; a part larger than the whole, or on another status, is damage; and "It was not" books the certain part alone.
import { expect } from '@open-wc/testing';
import { decodeEntry, encodeEntry } from '../../src/ledger/entry-codec.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { MemoryStorage } from '../support/ledger.js';

const row = (status: number, charged: string, certain?: string) => [
  'id-1',
  1000,
  'openrouter',
  'flux-2-klein-4b',
  1024,
  1024,
  '0.014',
  status,
  2000,
  charged,
  ...(certain === undefined ? [] : [null, null, null, null, null, null, null, null, certain]),
];

describe('an uncertain charge with a certain part', () => {
  it('is stored in column 18, read back, and an old row without it reads as before', () => {
    const entry = decodeEntry(row(3, '0.098', '0.014'))!;
    expect([entry.status, entry.charged, entry.certain]).to.deep.equal(['uncertain', '0.098', '0.014']);
    expect(encodeEntry(entry)[18]).to.equal('0.014');
    const old = decodeEntry(row(3, '0.098'))!;
    expect([old.status, old.certain]).to.deep.equal(['uncertain', undefined]);
  });

  it('is refused where it exceeds what the entry may cost, or sits on an entry that is not uncertain', () => {
    expect(decodeEntry(row(3, '0.014', '0.028'))).to.equal(undefined);
    expect(decodeEntry(row(1, '0.014', '0.014'))).to.equal(undefined);
  });

  it('counts as spent, the rest apart; "It was not" books it alone, "It was charged" the whole', () => {
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    const [a, b] = [ledger.open({ ...fields }), ledger.open({ ...fields })];
    ledger.settle(a.id, { uncertain: '0.098', certain: '0.014', error: 'network' });
    ledger.settle(b.id, { uncertain: '0.098', certain: '0.014', error: 'network' });
    expect([ledger.tally().spent, ledger.tally().uncertain]).to.deep.equal(['0.028', '0.168']);
    ledger.resolve(a.id, { void: true });
    ledger.resolve(b.id, { charged: '0.098' });
    const [first, second] = ledger.entries();
    expect([first.status, first.charged, first.basis, first.certain]).to.deep.equal([
      'charged',
      '0.014',
      'balance',
      undefined,
    ]);
    expect([second.status, second.charged, second.certain]).to.deep.equal(['charged', '0.098', undefined]);
    expect([ledger.tally().spent, ledger.tally().uncertain]).to.deep.equal(['0.112', undefined]);
    // Neither brought an image: each is a paid request without one, as its error says.
    expect([first.error, second.error]).to.deep.equal(['network', 'network']);
    expect([ledger.tally().images, ledger.tally().paidFailures]).to.deep.equal([0, 2]);
  });

  it('counts as an image once resolved with one fetched after all (the charge reported, or the quote)', () => {
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    const entry = ledger.open({ ...fields });
    ledger.settle(entry.id, { uncertain: '0.014', error: 'cancelled' });
    ledger.resolve(entry.id, { charged: '0.014', basis: 'reported' });
    expect(ledger.entries()[0].error).to.equal(undefined);
    expect([ledger.tally().images, ledger.tally().paidFailures]).to.deep.equal([1, undefined]);
  });
});

const fields = { provider: 'openrouter', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' };

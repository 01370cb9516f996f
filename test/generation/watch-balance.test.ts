// On a key this ledger's alone, the balance is read again after a lost reply (`watchBalance`), and the widget says
// "checking again for a minute" until a read settles it. Reads that end with the charge still open (the account stops
// answering, another image moves the balance, or no more of it shows) say so too: `onSettled` hears nothing, and the
// widget says that it stays counted until the user answers.
// Holds: src/generation/balance-check.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { watchBalance, type Watched } from '../../src/generation/book-failure.js';
import type { BalanceSource } from '../../src/generation/balance-check.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import type { Provider } from '../../src/providers/provider.js';
import { MemoryStorage } from '../support/ledger.js';

const image = { provider: 'openrouter', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' };
const before = { spent: new Decimal('1'), at: 0 };

/** A key's account whose reads answer `spent` in turn, then nothing (the account stopped answering). */
function account(...spent: string[]): BalanceSource {
  const reads = [...spent];
  const provider = {
    balance: async () => {
      const next = reads.shift();
      if (next === undefined) throw new Error('no answer');
      return { spent: new Decimal(next) };
    },
  } as unknown as Provider;
  return { provider, endpoint: 'https://openrouter.ai/api/v1', apiKey: 'sk-or-signed', keyMadeBySignIn: true };
}

/**
 * An entry left uncertain at `bound` (by default $0.028: sent twice at most), and what `watchBalance` heard of it;
 * `meanwhile`: what happens to it before the reads.
 */
async function watched(
  source: BalanceSource,
  { bound = '0.028', meanwhile }: { bound?: string; meanwhile?: (ledger: LedgerStore, id: string) => void } = {},
) {
  const ledger = new LedgerStore({ storage: new MemoryStorage() });
  const entry = ledger.open({ ...image });
  ledger.settle(entry.id, { uncertain: bound, error: 'network' });
  meanwhile?.(ledger, entry.id);
  const heard: (Watched | undefined)[] = [];
  await watchBalance({ id: entry.id, ...image }, bound, source, before, ledger, 1, (found) => heard.push(found));
  return { heard, entry: ledger.entries().find(({ id }) => id === entry.id)! };
}

describe('watchBalance: the later reads of a balance after a lost reply', () => {
  it('the account stops answering: the reads end, the charge still open, and that is heard', async () => {
    const { heard, entry } = await watched(account());
    expect(heard).to.deep.equal([undefined]);
    expect(entry.status).to.equal('uncertain');
  });

  it('the balance shows the whole of a charge sent once: heard as what it shows, and booked', async () => {
    const { heard, entry } = await watched(account('1.014', '1.014'), { bound: '0.014' });
    expect(heard).to.deep.equal([{ charged: '0.014' }]);
    expect([entry.status, entry.charged]).to.deep.equal(['charged', '0.014']);
  });

  it('one request of two shows, and no more before the account stops answering: heard as still open', async () => {
    const { heard, entry } = await watched(account('1.014', '1.014', '1.014'));
    expect(heard).to.deep.equal([undefined]);
    expect(entry.status).to.equal('uncertain');
  });

  it('settled meanwhile by the user (or another tab): nothing is heard', async () => {
    const { heard, entry } = await watched(account(), {
      meanwhile: (ledger, id) => ledger.resolve(id, { void: true }),
    });
    expect(heard).to.deep.equal([]);
    expect(entry.status).to.equal('void');
  });
});

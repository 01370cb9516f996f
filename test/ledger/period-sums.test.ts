// The provider's periods as OpenRouter counts them (UTC day, UTC week from Monday, UTC month), and what the ledger
// booked with one provider from a period's start, exactly: what is not known yet apart, never as nothing; what
// another was paid (OpenRouter's BYOK upstream) left out; folded daily rows, which name no provider, apart.
import { expect } from '@open-wc/testing';
import { bookedSince, periodStart } from '../../src/ledger/period-sums.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { controlledClock } from '../support/clock.js';
import { MemoryStorage } from '../support/ledger.js';

const iso = (ms: number) => new Date(ms).toISOString();
const openrouter = { provider: 'openrouter', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' };

describe('periodStart: the provider’s own periods, in UTC', () => {
  it('a day from midnight UTC, a week from Monday, a month from the 1st', () => {
    const sunday = Date.parse('2026-03-08T23:30:00Z');
    expect(iso(periodStart('day', sunday))).to.equal('2026-03-08T00:00:00.000Z');
    expect(iso(periodStart('week', sunday))).to.equal('2026-03-02T00:00:00.000Z');
    expect(iso(periodStart('month', sunday))).to.equal('2026-03-01T00:00:00.000Z');
    const monday = Date.parse('2026-03-09T00:00:00Z');
    expect(iso(periodStart('week', monday))).to.equal('2026-03-09T00:00:00.000Z');
    // A week that began in the month before.
    expect(iso(periodStart('week', Date.parse('2026-04-01T08:00:00Z')))).to.equal('2026-03-30T00:00:00.000Z');
  });
});

describe('bookedSince: what the ledger booked with a provider in a period', () => {
  const time = controlledClock('2026-03-10T12:00:00Z');

  it('counts its charges from the start exactly, the rest apart, and another provider’s not at all', () => {
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    const before = ledger.open({ ...openrouter });
    ledger.settle(before.id, { charged: '0.5' });
    time.advance(36e5);
    const from = time.now();
    ledger.settle(ledger.open({ ...openrouter }).id, { charged: '0.1', basis: 'reported' });
    // BYOK: of 0.3 booked, 0.25 went to the upstream provider on the user's own key.
    ledger.settle(ledger.open({ ...openrouter }).id, { charged: '0.3', upstream: '0.25' });
    ledger.settle(ledger.open({ ...openrouter, provider: 'bfl' }).id, { charged: '7' });
    ledger.settle(ledger.open({ ...openrouter }).id, { void: true });
    const lost = ledger.open({ ...openrouter, quoted: '0.045' });
    ledger.markSent(lost.id);
    ledger.settle(lost.id, { uncertain: '0.045', certain: '0.015' });
    const running = ledger.open({ ...openrouter, quoted: '0.02' });
    ledger.markSent(running.id);
    ledger.open({ ...openrouter, quoted: '9' }); // never sent: nothing can have been charged
    const sums = bookedSince(ledger.entries(), ledger.compacted(), 'openrouter', from);
    expect(sums.booked.toFixed()).to.equal('0.165'); // 0.1 + 0.05 + 0.015
    expect(sums.uncertain.toFixed()).to.equal('0.05'); // 0.03 beyond the certain part, and 0.02 running
    expect(sums.uncertainCount).to.equal(2);
    expect(sums.folded.toFixed()).to.equal('0');
  });

  it('folded daily rows on the period’s days are apart, whoever they were paid to', () => {
    const storage = new MemoryStorage();
    const ledger = new LedgerStore({ storage });
    const start = time.now();
    // Past the ledger's limit of stored entries, older settled ones fold into daily rows (compaction.ts).
    for (let n = 0; n < 260; n++) {
      time.advance(1000);
      ledger.settle(ledger.open({ ...openrouter }).id, { charged: '0.01' });
    }
    time.advance(2 * 36e5);
    ledger.settle(ledger.open({ ...openrouter }).id, { charged: '0.01' });
    const sums = bookedSince(ledger.entries(), ledger.compacted(), 'openrouter', start);
    expect(ledger.compacted().length).to.be.greaterThan(0);
    expect(sums.booked.plus(sums.folded).toFixed()).to.equal('2.61');
    expect(sums.folded.toFixed()).to.equal(ledger.compacted()[0].spent);
  });
});

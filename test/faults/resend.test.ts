// Issue 21, 3: a connection reset after BFL accepted the submit. The browser sends a POST again by itself on a
// keep-alive connection it reused that breaks before any reply (providers/engine/http.ts, mostSends), and each copy
// that reaches BFL is a task charged: what may have been charged covers every one of them. Issue 31, 4: BFL's
// balance, read before and after, then says what they cost together, and that is booked.
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { cleanLocalStorage } from '../support/storage.js';
import { bflWidget } from '../support/bfl-widget.js';
import { otherOrigin, simCharges, uniqueStorageKey } from '../support/sim.js';
import { rejection } from '../support/failure.js';

describe('a reset after acceptance: what may have been charged covers every copy the browser sent', function () {
  this.timeout(20_000);

  it('books what BFL charged for every copy, read from its balance, and says so in one sentence', async () => {
    const storageKey = uniqueStorageKey();
    const key = `sim-reset-${storageKey}`;
    try {
      const el = await bflWidget({ scenario: 'fault=accept-then-reset', apiKey: '', storageKey });
      // BFL on another origin, as api.bfl.ai is: the submit is preceded by its CORS preflight, on a connection the
      // POST then reuses.
      el.endpoint = `${otherOrigin()}/sim/bfl/s/fault=accept-then-reset;run=${storageKey}`;
      el.apiKey = key; // a key belongs to its origin: this one is for that host
      const error = await rejection(el.generate());
      const debited = await simCharges('bfl', key);
      expect(debited.tasks, 'the browser sent the POST again by itself').to.be.greaterThan(1);
      const entry = new LedgerStore({ storageKey }).entries()[0];
      expect([entry.status, entry.charged, entry.basis]).to.deep.equal(['charged', debited.usd, 'balance']);
      expect(error?.message).to.equal(
        `The connection broke after the request left, before any reply. Your BFL balance shows what it cost: BFL charged $${debited.usd} for it, and your tally counts it.`,
      );
    } finally {
      cleanLocalStorage(storageKey);
    }
  });
});

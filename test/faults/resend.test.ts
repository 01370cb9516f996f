// A connection reset after BFL accepted the submit. The browser sends a POST again by itself on a
// keep-alive connection it reused that breaks before any reply (providers/engine/http.ts, mostSends), and each copy
// that reaches BFL is a task charged: what may have been charged covers every one of them. BFL's
// balance, read before and after, then says what they cost together. A pasted BFL key may be spent from
// by other ledgers this one cannot see, so that stays a hint beside the bound, which is booked.
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { cleanLocalStorage } from '../support/storage.js';
import { bflWidget } from '../support/bfl-widget.js';
import { otherOrigin, simCharges, uniqueStorageKey } from '../support/sim.js';
import { rejection } from '../support/failure.js';

describe('a reset after acceptance: what may have been charged covers every copy the browser sent', function () {
  this.timeout(20_000);

  it('holds what every copy may have cost, with what BFL’s balance fell by beside it, and says why', async () => {
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
      expect(entry.status).to.equal('uncertain');
      expect(Number(entry.charged), 'the bound covers every copy').to.be.at.least(Number(debited.usd));
      expect(error?.message).to.contain(
        `if the browser sent it more than once), all counted as possibly spent. Your BFL balance moved by $${debited.usd} meanwhile, perhaps from elsewhere.`,
      );
    } finally {
      cleanLocalStorage(storageKey);
    }
  });
});

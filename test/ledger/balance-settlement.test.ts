// ledger/balance-settlement.ts: when two readings of what an account had spent settle a charge no reply confirmed
// (SPEC §5), and when they do not. Only a key this ledger's alone settles, only a balance that held
// still, only a whole number of the price, and only that much is certain: the rest of the bound stays uncertain.
// A lost reply whose balance fell by exactly its price, nothing else of the provider under way in any ledger of the
// site, is proven charged once (`provesOneCharge`).
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import {
  othersBetween,
  pricesShown,
  provesOneCharge,
  settleFromBalance,
  wholePricesMoved,
} from '../../src/ledger/balance-settlement.js';
import { answerTimes } from '../../src/elements/tally/uncertain-charges.js';
import type { LedgerEntry } from '../../src/ledger/ledger.js';

const ours = { id: 'ours', provider: 'bfl', quoted: '0.014' };
/** A reading of `spent` USD at `at` ms. */
const reading = (spent: string, at: number, still = true) => ({ spent: new Decimal(spent), at, still });
/** An entry of the ledger, opened at `at`, as another submission left it. */
const entry = (fields: Partial<LedgerEntry>): LedgerEntry => ({
  id: 'other',
  at: 1500,
  provider: 'bfl',
  model: 'flux-2-klein-4b',
  width: 1024,
  height: 1024,
  quoted: '0.014',
  status: 'charged',
  charged: '0.014',
  settledAt: 1600,
  ...fields,
});

describe('settling a charge from two readings of the balance', () => {
  const [before, after] = [reading('-10', 1000), reading('-9.986', 2000)];
  const mine = entry({ id: 'ours', status: 'pending', at: 900, charged: undefined, settledAt: undefined });

  it('books the difference as certain when it is a whole number of the quote, and the rest of the bound uncertain', () => {
    expect(settleFromBalance(ours, '0.098', before, after, [mine], true)).to.deep.equal({
      uncertain: '0.098',
      certain: '0.014',
      measured: '0.014',
    });
    const twice = reading('-9.972', 2000); // the browser sent it twice: both copies charged
    expect(settleFromBalance(ours, '0.028', before, twice, [mine], true)).to.deep.equal({ charged: '0.028' });
  });

  it('settles nothing from a key other ledgers may spend from, a balance still moving, or an odd amount', () => {
    const hint = { uncertain: '0.098', measured: '0.014' };
    expect(settleFromBalance(ours, '0.098', before, after, [mine], false), 'a pasted key').to.deep.equal(hint);
    const moving = reading('-9.986', 2000, false);
    expect(settleFromBalance(ours, '0.098', before, moving, [mine], true), 'not still').to.deep.equal(hint);
    const odd = reading('-9.979', 2000); // 0.021: one and a half quotes
    expect(settleFromBalance(ours, '0.098', before, odd, [mine], true)).to.deep.equal({
      uncertain: '0.098',
      measured: '0.021',
    });
  });

  it('keeps it uncertain at the bound, with the difference, outside those amounts', () => {
    const none = reading('-10', 2000);
    expect(settleFromBalance(ours, '0.098', before, none, [], true)).to.deep.equal({
      uncertain: '0.098',
      measured: '0',
    });
    const more = reading('-9.8', 2000); // more than every copy can have cost
    expect(settleFromBalance(ours, '0.028', before, more, [], true)).to.deep.equal({
      uncertain: '0.028',
      measured: '0.2',
    });
    const topUp = reading('-20', 2000); // the user added funds meanwhile
    expect(settleFromBalance(ours, '0.028', before, topUp, [], true)).to.deep.equal({
      uncertain: '0.028',
      measured: '-10',
    });
  });

  it('keeps it uncertain when another entry of the provider came between the two reads, in any state but void', () => {
    for (const other of [
      entry({}), // charged in the window
      entry({ status: 'pending', at: 500, settledAt: undefined }), // opened before, still under way
      entry({ status: 'uncertain', at: 500, settledAt: 1200 }),
      entry({ at: 1900, settledAt: 2500 }), // opened in the window, settled after
    ]) {
      expect(settleFromBalance(ours, '0.098', before, after, [mine, other], true), JSON.stringify(other)).to.deep.equal(
        {
          uncertain: '0.098',
          measured: '0.014',
        },
      );
    }
  });

  it('another provider’s entries, void ones, and those settled before or opened after the window do not count', () => {
    const outside = [
      entry({ provider: 'fal' }),
      entry({ status: 'void' }),
      entry({ at: 100, settledAt: 900 }),
      entry({ at: 2100, settledAt: 2200 }),
      entry({ at: 2100, status: 'pending', settledAt: undefined }),
    ];
    expect(othersBetween([mine, ...outside], 'ours', 'bfl', 1000, 2000)).to.deep.equal([]);
    expect(settleFromBalance(ours, '0.014', before, after, [mine, ...outside], true)).to.deep.equal({
      charged: '0.014',
    });
  });
});

describe('what a balance that moved points to, on a key others may use too', () => {
  it('a whole number of the price, one up to the bound: how many prices; nothing else', () => {
    // BFL's accept-then-reset: sent twice over a reset connection, debited twice ($0.028 of a $0.098 bound).
    expect(wholePricesMoved('0.028', '0.014', '0.098')).to.equal(2);
    expect(wholePricesMoved('0.014', '0.014', '0.014')).to.equal(1);
    expect(wholePricesMoved('0.098', '0.014', '0.098')).to.equal(7);
    for (const [measured, bound] of [
      [undefined, '0.098'],
      ['0', '0.098'],
      ['0.007', '0.098'], // part of a price: another use of the key
      ['0.021', '0.098'], // a price and a half
      ['0.112', '0.098'], // past what the browser can have sent
      ['0.028', '0.014'], // more than the one send a request sent once can be
      ['-0.014', '0.098'],
    ] as const)
      expect(wholePricesMoved(measured, '0.014', bound), String(measured)).to.equal(undefined);
    expect(wholePricesMoved('0.014', '0', '0'), 'a free request').to.equal(undefined);
  });

  it("an answer's value books that many of the price: once, times-N, void; the whole bound otherwise", () => {
    expect(['once', 'times-2', 'times-3', 'void', 'charged', 'more'].map(answerTimes)).to.deep.equal([
      1,
      2,
      3,
      0,
      undefined,
      undefined,
    ]);
  });
});

describe('the answer a balance is evidence for, offered first', () => {
  // A lost reply booked uncertain at 7 × $0.014 over plain http, sent at 900 and booked at 2100.
  const held = entry({ id: 'ours', status: 'uncertain', at: 900, charged: '0.098', settledAt: 2100 });

  it('on a key others may use: the prices the balance moved by, one up to the bound, where nothing else ran', () => {
    expect(pricesShown(held, [held], 1)).to.equal(1);
    expect(pricesShown(held, [held], 7)).to.equal(7);
    expect(pricesShown(held, [held], 8), 'past the bound').to.equal(undefined);
    expect(pricesShown(held, [held]), 'no reading said').to.equal(undefined);
  });

  it("on a key this ledger's alone: its certain part, a whole number of prices short of the bound", () => {
    expect(pricesShown({ ...held, certain: '0.014' }, [held])).to.equal(1);
    expect(pricesShown({ ...held, certain: '0.028' }, [held])).to.equal(2);
    expect(pricesShown({ ...held, certain: '0.007' }, [held]), 'part of a price').to.equal(undefined);
    expect(pricesShown({ ...held, certain: '0.098' }, [held]), 'at the bound it is charged').to.equal(undefined);
  });

  it('nothing where another entry of the provider came between, or the entry is no longer uncertain', () => {
    const between = entry({ at: 1000, settledAt: 1500 });
    expect(pricesShown(held, [held, between], 1)).to.equal(undefined);
    expect(pricesShown(held, [held, entry({ at: 1000, status: 'pending', settledAt: undefined })], 1)).to.equal(
      undefined,
    );
    // Another provider's, a void one, one settled before it was sent, one opened after it was booked: they do not count.
    const apart = [
      entry({ provider: 'fal' }),
      entry({ status: 'void' }),
      entry({ at: 100, settledAt: 800 }),
      entry({ at: 3000, status: 'pending', settledAt: undefined }),
    ];
    expect(pricesShown(held, [held, ...apart], 1)).to.equal(1);
    expect(pricesShown({ ...held, status: 'charged', charged: '0.014' }, [held], 1)).to.equal(undefined);
    expect(pricesShown({ ...held, quoted: '0' }, [held], 1), 'a free request').to.equal(undefined);
  });
});

describe('a lost reply proven charged once by the balance, booked without a click', () => {
  const [before, after] = [reading('-10', 1000), reading('-9.986', 2000)];
  const mine = entry({ id: 'ours', status: 'pending', at: 900, charged: undefined, settledAt: undefined });

  it('proven where the balance, held still, fell by exactly its price and nothing else of the provider was under way', () => {
    expect(provesOneCharge(ours, before, after, [mine], [])).to.equal(true);
    // Another provider's image, in this ledger or another of the site, moves another balance.
    expect(provesOneCharge(ours, before, after, [mine, entry({ provider: 'fal' })], [entry({ provider: 'fal' })])).to.be
      .true;
  });

  it('not where it fell by anything else, had not held still, or the price is nothing', () => {
    expect(provesOneCharge(ours, before, reading('-9.972', 2000), [mine], []), 'two prices').to.equal(false);
    expect(provesOneCharge(ours, before, reading('-10', 2000), [mine], []), 'nothing yet').to.equal(false);
    expect(provesOneCharge(ours, before, reading('-9.979', 2000), [mine], []), 'part of one').to.equal(false);
    expect(provesOneCharge(ours, before, reading('-9.986', 2000, false), [mine], []), 'still moving').to.equal(false);
    expect(provesOneCharge(ours, before, reading('-10.014', 2000), [mine], []), 'a top-up').to.equal(false);
    expect(provesOneCharge({ ...ours, quoted: '0' }, before, reading('-10', 2000), [mine], []), 'free').to.equal(false);
  });

  it('not where another image of the provider was under way, in this ledger or another of this site, or one unreadable', () => {
    const between = entry({ at: 1500, settledAt: 1800 });
    expect(provesOneCharge(ours, before, after, [mine, between], []), 'this ledger').to.equal(false);
    expect(provesOneCharge(ours, before, after, [mine], [between]), "another widget's ledger").to.equal(false);
    const pending = entry({ at: 1200, status: 'pending', charged: undefined, settledAt: undefined });
    expect(provesOneCharge(ours, before, after, [mine], [pending]), 'one still under way').to.equal(false);
    expect(provesOneCharge(ours, before, after, [mine], undefined), 'another ledger unreadable').to.equal(false);
  });
});

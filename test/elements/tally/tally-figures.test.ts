// The tally's logic, without an element: the budget figures, the chart and the view.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { render } from 'lit';
import { budgetFigures, renderTallySummary } from '../../../src/elements/tally/tally-summary.js';
import { chartOf } from '../../../src/elements/tally/panels/chart.js';
import { tallyView } from '../../../src/elements/tally/panels/tally-view.js';
import { dayOf } from '../../../src/base/days.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import type { Tally } from '../../../src/base/types.js';
import { MemoryStorage, image } from '../../support/ledger.js';
import { uniqueStorageKey } from '../../support/sim.js';
import { controlledClock } from '../../support/clock.js';

const tally = (fields: Partial<Tally>): Tally => ({ spent: '0', images: 0, since: '', byModel: {}, ...fields });
const sum = (...amounts: (string | undefined)[]) =>
  amounts.reduce((total, amount) => total.plus(amount ?? 0), new Decimal(0)).toFixed();

describe('budgetFigures', () => {
  it('without a budget: spent, held and uncertain only', () => {
    expect(budgetFigures(tally({ spent: '0.3' }), '0.03')).to.deep.equal({ held: '0.03' });
    expect(budgetFigures(tally({ spent: '0.3' })).held).to.equal('0');
  });

  it('spent + held + uncertain + left = budget, exactly', () => {
    const t = tally({ spent: '0.25', uncertain: '0.03', budget: '1', remaining: '0.69' });
    const figures = budgetFigures(t, '0.03');
    expect(figures).to.deep.equal({ held: '0.03', left: '0.69' });
    expect(sum(t.spent, figures.held, t.uncertain, figures.left)).to.equal('1');
  });

  it('past the budget: how much over, never "$0 left"', () => {
    expect(budgetFigures(tally({ spent: '0.62', budget: '0.5', remaining: '0' }), '0')).to.deep.equal({
      held: '0',
      over: '0.12',
    });
    const t = tally({ spent: '0.45', uncertain: '0.03', budget: '0.5', remaining: '0' });
    const pending = budgetFigures(t, '0.07');
    expect(pending.over).to.equal('0.05');
    expect(new Decimal(sum(t.spent, pending.held, t.uncertain)).minus(pending.over!).toFixed()).to.equal('0.5');
    // Exactly on the budget: nothing left, nothing over.
    expect(budgetFigures(tally({ spent: '0.5', budget: '0.5', remaining: '0' }), '0')).to.deep.include({
      left: '0',
    });
    expect(budgetFigures(tally({ budget: '0', remaining: '0' }), '0')).to.deep.include({ left: '0' });
  });

  it("with no `held` given (the widget), held is what `remaining` leaves: the left figure is the tally's own", () => {
    const figures = budgetFigures(tally({ spent: '0.25', uncertain: '0.03', budget: '1', remaining: '0.69' }));
    expect(figures).to.deep.include({ held: '0.03', left: '0.69' });
    expect(budgetFigures(tally({ spent: '0.62', budget: '0.5', remaining: '0' }))).to.deep.include({
      held: '0',
      over: '0.12',
    });
    expect(budgetFigures(tally({ spent: '0.45', budget: '0.5', remaining: '0' }))).to.deep.include({
      held: '0.05',
      left: '0',
    });
  });

  it('what is held may yet be charged: said rounded up, as the preview said the bound it holds', () => {
    // A Google image under way holds its price's bound, $0.0732105: its preview said "at most $0.0733".
    const line = document.createElement('p');
    render(renderTallySummary(tally({ budget: '1', remaining: '0.9267895' }), {}), line);
    expect(line.textContent!.replace(/\s+/g, ' ')).to.contain('$0.0733 held · $0.927 of $1.00 budget left');
  });
});

describe('chartOf', () => {
  const time = controlledClock();
  const today = () => dayOf(time.now());

  it('nothing spent in the 30 days: no chart', () => {
    expect(chartOf(new Map(), today(), { locale: 'en-US' })).to.equal(undefined);
    const old = new Map([[today() - 30, new Decimal('5')]]);
    expect(chartOf(old, today(), { locale: 'en-US' })).to.equal(undefined);
    expect(chartOf(new Map([[today(), new Decimal(0)]]), today(), { locale: 'en-US' })).to.equal(undefined);
  });

  it('bars in proportion, an axis from the first day to today, the biggest day exact', () => {
    const byDay = new Map([
      [today() - 29, new Decimal('0.0421053')],
      [today() - 40, new Decimal('9')], // outside the 30 days
      [today(), new Decimal('0.1')],
    ]);
    const chart = chartOf(byDay, today(), { locale: 'en-US' })!;
    expect(chart.bars).to.equal(`M0 40v${-(0.0421053 / 0.1) * 40}h8V40zM290 40v-40h8V40z`);
    expect(chart.max).to.equal('0.1');
    expect(chart.from).to.equal('Feb 9'); // the clock says 2026-03-10
    const iso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
    expect(chart.label).to.equal(`Spent per day: ${iso(today() - 29)} $0.0421, ${iso(today())} $0.10`);
  });
});

describe('tallyView', () => {
  const time = controlledClock();

  it("held is the sum of what is pending; the budget in force is said to be the site's or the user's", () => {
    const ledger = new LedgerStore({ storageKey: uniqueStorageKey(), storage: new MemoryStorage() });
    ledger.settle(ledger.open({ ...image, quoted: '0.25' }).id, { charged: '0.25' });
    const first = ledger.open({ ...image, quoted: '0.03' });
    time.advance(60_000);
    ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.budget = '2';
    const owner = {};
    ledger.setPageBudget(owner, '1.00');
    let view = tallyView(ledger, ledger.tally(), time.now(), { locale: 'en-US' });
    expect(view.figures).to.deep.equal({ held: '0.044', left: '0.706' });
    expect(view.meter).to.deep.equal({ percent: 29, state: 'fine' });
    expect(view.budget).to.deep.equal({ value: '2', typed: '2', site: '1', held: 'browser' });
    // The clock says noon: the entries started at 12:00 and 12:01, today.
    expect(view.generating).to.deep.equal({
      items: [
        { model: 'flux-2-pro', started: 'today, 12:00 PM', usd: '0.03' },
        { model: 'flux-2-klein-4b', started: 'today, 12:01 PM', usd: '0.014' },
      ],
      held: '0.044',
    });
    expect(view.orphaned).to.deep.equal({ items: [], held: '0' });
    expect(chartOf(view.byDay, view.today, { locale: 'en-US' })!.max).to.equal('0.25'); // what was settled today
    ledger.budget = '0.50';
    view = tallyView(ledger, ledger.tally(), time.now(), { locale: 'en-US' });
    expect(view.budget).to.deep.equal({ value: '0.5', typed: '0.5', site: undefined, held: 'browser' });
    // In German amounts, the field holds it as German types it; what was typed and refused is said with its example.
    expect(
      tallyView(ledger, ledger.tally(), time.now(), { locale: 'de' }, '', { orphaned: new Set(), refused: '2.50' })
        .budget,
    ).to.deep.equal({
      value: '0.5',
      typed: '0,5',
      site: undefined,
      held: 'browser',
      refused: '“2.50” is not an amount: write it in digits, like 2,50, with no currency sign or thousands separator.',
    });
    expect(view.figures).to.deep.equal({ held: '0.044', left: '0.206' });
    expect(view.meter).to.deep.equal({ percent: 58, state: 'fine' });
    // The page that runs the first one is gone: it is held still, apart from what is generating.
    view = tallyView(ledger, ledger.tally(), time.now(), { locale: 'en-US' }, '', {
      orphaned: new Set([first.id]),
      refused: '',
    });
    expect(view.generating).to.deep.equal({
      items: [{ model: 'flux-2-klein-4b', started: 'today, 12:01 PM', usd: '0.014' }],
      held: '0.014',
    });
    expect(view.orphaned).to.deep.equal({
      items: [
        { model: 'flux-2-pro', started: 'today, 12:00 PM', usd: '0.03', provider: 'bfl', next: 'void', keyed: true },
      ],
      held: '0.03',
    });
    expect(view.figures).to.deep.equal({ held: '0.044', left: '0.206' });
    // No budget at all: held still, nothing else.
    ledger.budget = null;
    ledger.setPageBudget(owner, null);
    view = tallyView(ledger, ledger.tally(), time.now(), { locale: 'en-US' }, 'The budget set on this page is wrong');
    expect(view.figures).to.deep.equal({ held: '0.044' });
    expect(view.meter).to.equal(undefined);
    expect(view.budget).to.deep.equal({ value: '', typed: '', site: undefined, held: 'browser' });
    expect(view.notice).to.equal('The budget set on this page is wrong');
    expect(view.since).to.equal('Since today, 12:00 PM');
  });
});

describe('tallyView: the meter', () => {
  const time = controlledClock();
  const meterAt = (spent: string, budget: string, held = '0') => {
    const ledger = new LedgerStore({ storageKey: uniqueStorageKey(), storage: new MemoryStorage() });
    if (+spent) ledger.settle(ledger.open({ ...image, quoted: spent }).id, { charged: spent });
    if (+held) ledger.open({ ...image, quoted: held });
    ledger.budget = budget;
    return tallyView(ledger, ledger.tally(), time.now(), { locale: 'en-US' }).meter;
  };

  it('the share used rounds down, worked out in Decimal; from 90 % close to the limit', () => {
    // 0.29 × 100 is 28.999… in floating point.
    expect(meterAt('0.29', '1')).to.deep.equal({ percent: 29, state: 'fine' });
    expect(meterAt('1', '3')).to.deep.equal({ percent: 33, state: 'fine' });
    expect(meterAt('0.8999', '1')).to.deep.equal({ percent: 89, state: 'fine' });
    expect(meterAt('0.85', '1', '0.05')).to.deep.equal({ percent: 90, state: 'near' });
  });

  it('at the budget exactly, reached; past it, over, with the real share', () => {
    expect(meterAt('0.97', '1', '0.03')).to.deep.equal({ percent: 100, state: 'reached' });
    expect(meterAt('1.001', '1')).to.deep.equal({ percent: 100, state: 'over' });
    expect(meterAt('0.62', '0.5')).to.deep.equal({ percent: 124, state: 'over' });
    // A budget of 0: all used with nothing spent, over with anything.
    expect(meterAt('0', '0')).to.deep.equal({ percent: 100, state: 'reached' });
    expect(meterAt('0.03', '0')).to.deep.equal({ percent: 100, state: 'over' });
  });
});

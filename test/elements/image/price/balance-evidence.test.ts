// A hold that clears by evidence. A lost reply is held at every send the browser may have made of it (7 ×
// the price over the simulators' plain http), which a small budget cannot carry; where the account's balance fell by
// exactly one price across it, and nothing else of this ledger ran meanwhile, that answer is offered first, one click,
// beside Generate and in the budget's refusal, and booked as the tally's own answers are.
// Holds: src/elements/image/price/panel/balance-evidence.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { until } from '../../../support/wait.js';
import { blocked, generateButton, part, words, type Attributes } from '../../../support/widget.js';

const root = (el: UserPaysImage) => el.shadowRoot!;
const uncertainPart = (el: UserPaysImage) => part(el, 'uncertain');
/** The offer over the price in the pinned row, beside Generate. */
const besideGenerate = (el: UserPaysImage) =>
  root(el).querySelector<HTMLButtonElement>('[part~=decision] > .evidence button');
const OFFER = 'Your BFL balance fell by $0.014: count it as charged once';

/**
 * A widget for FLUX.2 [klein] 4B ($0.014) whose submission BFL accepted and debited, its reply lost
 * (`fault=accept-then-drop`): /v1/credits shows one price gone, and the charge is held at its bound, 7 × $0.014 over
 * the simulator's plain http. `attributes`: the element's others (a `budget`, a `count`).
 */
async function afterOnePriceFell(attributes: Attributes = {}) {
  const storageKey = uniqueStorageKey();
  const el = await bflWidget({
    scenario: 'fault=accept-then-drop',
    apiKey: `sim-evidence-${storageKey}`,
    storageKey,
    attributes,
  });
  await el.generate().catch(() => {});
  await until(() => uncertainPart(el), 15_000, 'the uncertain charge listed in the widget');
  await el.updateComplete;
  return el;
}

/** Once settled: the list of uncertain charges gone, nothing held, and what was booked said beside Generate. */
async function expectSettledOnce(el: UserPaysImage) {
  await until(() => !uncertainPart(el), 5_000, 'the list of uncertain charges gone');
  expect(el.tally).to.include({ spent: '0.014', paidFailures: 1 });
  expect(el.tally!.uncertain).to.equal(undefined);
  await el.updateComplete;
  expect(words(root(el).querySelector('[part~=decision] .undo'))).to.equal('Counted as charged once: $0.014.');
  expect(besideGenerate(el), 'nothing more offered').to.equal(null);
}

describe('<userpays-image>: a lost reply whose balance fell by its price is settled in one click', function () {
  this.timeout(40_000);

  it('under a $0.10 budget, the refusal offers it, and one click books it once and frees Generate', async () => {
    const el = await afterOnePriceFell({ budget: '0.10' });
    // Held at 7 × $0.014: one image more would pass the site's $0.10.
    expect(el.tally).to.include({ uncertain: '0.098' });
    expect(generateButton(el).disabled).to.equal(true);
    const { reason, fix } = blocked(el);
    expect(reason).to.equal("Over this site's $0.10 limit, counting $0.098 that may have been charged");
    // A real button, named by what the balance shows and what the click books.
    expect(fix!.localName).to.equal('button');
    expect((fix as HTMLButtonElement).type).to.equal('button');
    expect(words(fix)).to.equal(OFFER);
    // Not also over the price: the row says it once.
    expect(besideGenerate(el)).to.equal(null);
    fix!.click();
    await expectSettledOnce(el);
    expect(generateButton(el).disabled, 'Generate free again').to.equal(false);
    expect(blocked(el).reason).to.equal('');
    expect(root(el).activeElement, 'the next step').to.equal(generateButton(el));
  });

  it('without a budget in the way, it is beside Generate, over the price, and stays there once the error is dismissed', async () => {
    const el = await afterOnePriceFell();
    expect(generateButton(el).disabled).to.equal(false);
    expect(words(besideGenerate(el))).to.equal(OFFER);
    await expect(el).to.be.accessible();
    // The error's × takes its box away; the evidence is still the balance's, and the answer stays offered.
    const box = part(el, 'error')!;
    [...box.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.ariaLabel === 'Dismiss')!.click();
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    besideGenerate(el)!.click();
    await expectSettledOnce(el);
    expect(el.tally!.spent).to.equal('0.014');
  });

  it('said in German where the widget speaks it', async () => {
    const el = await afterOnePriceFell({ lang: 'de' });
    expect(words(besideGenerate(el))).to.equal(
      'Ihr Guthaben bei BFL ist um $0.014 gesunken: als einmal berechnet zählen',
    );
  });

  it("a key of this site's sign-in whose balance showed one price of it: the same answer, in the refusal", async () => {
    // As a lost reply on such a key is booked (ledger/balance-settlement.ts): one price certain, the rest of its 7 ×
    // bound uncertain while the balance is read again; a $0.10 budget cannot hold the next image beside it.
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey });
    const lost = ledger.open({ provider: 'bfl', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' });
    ledger.markSent(lost.id);
    ledger.settle(lost.id, { uncertain: '0.098', certain: '0.014' });
    const el = await bflWidget({ storageKey, apiKey: 'sim-key', attributes: { budget: '0.10' } });
    const fix = await until(() => blocked(el).fix, 5_000, 'the refusal and its fix');
    expect(words(fix)).to.equal(OFFER);
    expect(generateButton(el).disabled).to.equal(true);
    fix.click();
    await until(() => !uncertainPart(el), 5_000, 'the list of uncertain charges gone');
    expect(el.tally).to.include({ spent: '0.014' });
    expect(el.tally!.uncertain).to.equal(undefined);
    await el.updateComplete;
    expect(generateButton(el).disabled).to.equal(false);
  });

  it('two images of one submission, both lost: the balance cannot say whose, and nothing is offered for it', async () => {
    const el = await afterOnePriceFell({ count: 2 });
    expect(Number(el.tally!.uncertain)).to.be.above(0);
    await el.updateComplete;
    expect(besideGenerate(el)).to.equal(null);
  });
});

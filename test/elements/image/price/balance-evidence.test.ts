// A hold that clears by evidence. A lost reply is held at every send the browser may have made of it (7 × the price
// over the simulators' plain http), which a small budget cannot carry. Where BFL's balance, which falls as BFL accepts,
// fell by exactly one price across it and nothing else of BFL ran meanwhile, it is booked as charged at once, said in
// words, with an Undo beside Generate: another site spending the same from the same key would look the same. Undo holds
// it uncertain again, and the answer the balance points to is then one click away, beside Generate and in the budget's
// refusal, booked as the tally's own answers are.
// Holds: src/elements/image/price/panel/balance-evidence.ts
// Holds: src/elements/image/submission/panel/submission-feature.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { controlledClock } from '../../../support/clock.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { until } from '../../../support/wait.js';
import { announced, blocked, generateButton, part, words, type Attributes } from '../../../support/widget.js';

const root = (el: UserPaysImage) => el.shadowRoot!;
const uncertainPart = (el: UserPaysImage) => part(el, 'uncertain');
/** The offer over the price in the pinned row, beside Generate. */
const besideGenerate = (el: UserPaysImage) =>
  root(el).querySelector<HTMLButtonElement>('[part~=decision] > .evidence button');
/** What was booked, said beside Generate, with its Undo where it has one. */
const note = (el: UserPaysImage) => root(el).querySelector<HTMLElement>('[part~=decision] .undo');
/** The error of the last submission, where its image would have been. */
const failure = (el: UserPaysImage) => root(el).querySelector<HTMLElement>('.error-box');
const undoButton = (el: UserPaysImage) => note(el)?.querySelector<HTMLButtonElement>('button') ?? null;
const OFFER = 'Your BFL balance fell by $0.014: count it as charged once';
const COUNTED = 'Counted as charged once: $0.014.';

/**
 * A widget for FLUX.2 [klein] 4B ($0.014) whose submission BFL accepted and debited, its reply lost
 * (`fault=accept-then-drop`): /v1/credits shows one price gone, and nothing else of BFL ran. `attributes`: the
 * element's others (a `budget`, a `count`).
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
  await until(() => failure(el), 15_000, 'the error of the lost reply');
  await el.updateComplete;
  return el;
}

/** Booked once from the balance: spent, nothing held, the error saying why, and beside Generate what with Undo. */
async function expectCountedAtOnce(el: UserPaysImage) {
  expect(el.tally).to.include({ spent: '0.014', paidFailures: 1 });
  expect(el.tally!.uncertain).to.equal(undefined);
  expect(uncertainPart(el), 'nothing left to answer').to.equal(null);
  expect(words(failure(el))).to.contain(
    'The connection broke after the request left, before any reply. Your BFL balance fell by $0.014: counted as charged.',
  );
  expect(words(note(el))).to.equal(`${COUNTED} Undo`);
}

/** Once settled by a click: the list of uncertain charges gone, and what was booked said beside Generate, no Undo. */
async function expectSettledOnce(el: UserPaysImage) {
  await until(() => !uncertainPart(el), 5_000, 'the list of uncertain charges gone');
  expect(el.tally).to.include({ spent: '0.014', paidFailures: 1 });
  expect(el.tally!.uncertain).to.equal(undefined);
  await el.updateComplete;
  expect(words(note(el))).to.equal(COUNTED);
  expect(besideGenerate(el), 'nothing more offered').to.equal(null);
}

/** Undo of what the balance booked: held again at its bound, the error that said it was counted gone. */
async function undo(el: UserPaysImage) {
  undoButton(el)!.click();
  await until(() => el.tally?.uncertain === '0.098', 5_000, 'held again');
  await until(() => uncertainPart(el), 5_000, 'listed under the tally line, to be answered');
  await el.updateComplete;
  expect(el.tally!.spent).to.equal('0');
  expect(failure(el), 'its words no longer hold').to.equal(null);
  expect(announced(el)).to.include('Undone.');
}

describe('<userpays-image>: a lost reply whose balance fell by exactly its price is booked at once, with Undo', function () {
  this.timeout(40_000);
  // The ledger's times and the balance's reads come from this clock: it stands still unless a test moves it. Each test
  // starts an hour after the one before, as tests on one page would run: what an earlier one booked in this origin's
  // storage is then over before the next one's first read of the balance, not an image of BFL under way beside it.
  const time = controlledClock('2026-06-15T09:00:00');
  let tests = 0;
  beforeEach(() => time.advance(++tests * 3_600_000));

  it('under a $0.10 budget: booked once without a click, and Generate is free at once', async () => {
    const el = await afterOnePriceFell({ budget: '0.10' });
    await expectCountedAtOnce(el);
    expect(generateButton(el).disabled, 'the $0.098 bound no longer held').to.equal(false);
    expect(blocked(el).reason).to.equal('');
    expect(besideGenerate(el), 'nothing to answer').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('Undo holds it again: the refusal then offers the answer the balance points to, and one click books it once', async () => {
    const el = await afterOnePriceFell({ budget: '0.10' });
    await undo(el);
    // Held at 7 × $0.014: one image more would pass the site's $0.10.
    expect(generateButton(el).disabled).to.equal(true);
    const { reason, fix } = blocked(el);
    expect(reason).to.equal("Over this site's $0.10 limit, counting $0.098 that may have been charged");
    // A real button, named by what the balance shows and what the click books, with the keyboard on it.
    expect(fix!.localName).to.equal('button');
    expect((fix as HTMLButtonElement).type).to.equal('button');
    expect(words(fix)).to.equal(OFFER);
    expect(root(el).activeElement).to.equal(fix);
    // Not also over the price: the row says it once.
    expect(besideGenerate(el)).to.equal(null);
    fix!.click();
    await expectSettledOnce(el);
    expect(generateButton(el).disabled, 'Generate free again').to.equal(false);
    expect(root(el).activeElement, 'the next step').to.equal(generateButton(el));
  });

  it('without a budget: Undo stays through an edit of the prompt, and then the answer is beside Generate, over the price', async () => {
    const el = await afterOnePriceFell();
    const prompt = root(el).querySelector<HTMLTextAreaElement>('[part~=prompt]')!;
    prompt.value = 'a fox at dusk';
    prompt.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(words(note(el)), 'an edit changes nothing of what was booked').to.equal(`${COUNTED} Undo`);
    await undo(el);
    expect(generateButton(el).disabled).to.equal(false);
    expect(words(besideGenerate(el))).to.equal(OFFER);
    expect(root(el).activeElement).to.equal(besideGenerate(el));
    besideGenerate(el)!.click();
    await expectSettledOnce(el);
  });

  it('Undo goes as the next submission starts: then the tally holds what was booked', async () => {
    const el = await afterOnePriceFell();
    // A second later: the first, booked then, is settled before the next one's first read of the balance.
    time.advance(1000);
    const next = el.generate().catch(() => {});
    await el.updateComplete;
    expect(note(el)).to.equal(null);
    await next;
    expect(el.tally!.spent, 'the first booked once, the second too').to.equal('0.028');
  });

  it('said in German where the widget speaks it, the answer after Undo too', async () => {
    const el = await afterOnePriceFell({ lang: 'de' });
    expect(words(failure(el))).to.contain('Ihr Guthaben bei BFL ist um $0.014 gesunken: als berechnet gezählt.');
    expect(words(note(el))).to.equal('Als einmal berechnet gezählt: $0.014. Rückgängig');
    undoButton(el)!.click();
    await until(() => besideGenerate(el), 5_000, 'the answer beside Generate');
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

  it('two images of one submission, both lost: the balance cannot say whose, and nothing is booked or offered for it', async () => {
    const el = await afterOnePriceFell({ count: 2 });
    await until(() => uncertainPart(el), 15_000, 'the uncertain charges listed');
    await el.updateComplete;
    expect(Number(el.tally!.uncertain)).to.be.above(0);
    expect(el.tally!.spent).to.equal('0');
    expect(besideGenerate(el)).to.equal(null);
    expect(undoButton(el)).to.equal(null);
  });
});

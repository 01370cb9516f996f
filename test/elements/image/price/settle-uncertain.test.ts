// A charge no reply confirmed or denied is settled in the widget itself: on a key whose balance
// settles nothing, only the user's word does, and until then it counts against the budget and can stop Generate.
// Holds: src/elements/image/price/panel/spending.ts
// Holds: src/elements/image/price/panel/price-feature.ts
// Holds: src/elements/image/price/panel/price-handlers.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import type { UserPaysError } from '../../../../src/base/errors.js';
import { generationText } from '../../../../src/strings/generation.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { simCharges, submissionsOf, uniqueStorageKey } from '../../../support/sim.js';
import { until } from '../../../support/wait.js';
import { words } from '../../../support/widget.js';

const root = (el: UserPaysImage) => el.shadowRoot!;
const uncertainPart = (el: UserPaysImage) => root(el).querySelector<HTMLElement>('[part~=uncertain]');
const answer = (el: UserPaysImage, value: 'charged' | 'void') =>
  uncertainPart(el)!.querySelector<HTMLButtonElement>(`button[value=${value}]`)!;
const reason = (el: UserPaysImage) => root(el).querySelector('#reason')?.textContent?.replace(/\s+/g, ' ').trim();
const submit = (el: UserPaysImage) => root(el).querySelector<HTMLButtonElement>('[part~=submit]')!;

/**
 * A widget whose submission was cancelled after it left, with no reply: BFL may have charged its price ($0.014 for
 * FLUX.2 [klein] 4B at 1024²), and a pasted key's balance cannot say whether it did. `budget`: the site's.
 */
async function afterALostReply(budget?: string) {
  const storageKey = uniqueStorageKey();
  const el = await bflWidget({
    scenario: 'fault=hang',
    apiKey: 'sim-key',
    storageKey,
    attributes: budget ? { budget } : {},
  });
  const running = el.generate().catch(() => {});
  await until(async () => (await submissionsOf('bfl', storageKey)).length, 15_000, 'the submit at BFL');
  el.cancel();
  await running;
  await until(() => uncertainPart(el), 15_000, 'the uncertain charge listed in the widget');
  return el;
}

/**
 * A widget whose submission BFL took and debited, with no word of what became of the charge: /v1/credits then shows
 * the request's price gone, which a pasted key's balance cannot settle by itself where it proves no single charge of a
 * lost reply (balance-evidence.test.ts): by default BFL's "Request Moderated" (whether it gives the credits back is
 * not said); `fault=accept-then-reset`, a reply lost and the request sent again and debited twice. Its error box, with
 * the answers it offers. BFL is cross-origin here, as for any page: the browser resends on the connection its preflight
 * opened, which a same-origin submit on a fresh connection would not (and "twice" would be "once").
 */
async function afterPricesMoved(scenario = 'fault=request-moderated') {
  const storageKey = uniqueStorageKey();
  const apiKey = `sim-once-${storageKey}`;
  const el = await bflWidget({ scenario, apiKey, storageKey, crossOrigin: true });
  await el.generate().catch(() => {});
  await until(() => uncertainPart(el), 15_000, 'the uncertain charge listed in the widget');
  await el.updateComplete;
  // How many copies BFL debited is the browser's doing (one more per connection it reused): read, never assumed.
  const { tasks } = await simCharges('bfl', apiKey);
  return { el, box: root(el).querySelector<HTMLElement>('[part~=error]')!, copies: tasks as number };
}

/** The answer that books `copies` of the $0.014 request, as the error and the list say it (more than one). */
const chargedTimes = (copies: number) =>
  `Charged ${copies === 2 ? 'twice' : `${copies} times`}, $${(0.014 * copies).toFixed(3)}`;

/**
 * A widget whose submission BFL never answered (the connection broke), and its error: what a later read of the balance
 * found is set on it as `watchBalance` would (test/faults/settle-from-balance.test.ts covers the reads themselves).
 */
async function afterANetworkFailure() {
  const storageKey = uniqueStorageKey();
  const el = await bflWidget({ scenario: 'fault=network', apiKey: `sim-later-${storageKey}`, storageKey });
  const error = (await el.generate().catch((thrown: unknown) => thrown)) as UserPaysError;
  return { el, error };
}

/**
 * The error box gone, `said` beside Generate (in the pinned row, with no Undo) and read out; the focus on Generate
 * where it was in the box (`focused`, the element it stays on otherwise).
 */
async function expectSaidBesideGenerate(el: UserPaysImage, said: string, focused: Element = submit(el)) {
  await el.updateComplete;
  expect(root(el).querySelector('[part~=error]')).to.equal(null);
  expect(root(el).activeElement).to.equal(focused);
  const note = root(el).querySelector<HTMLElement>('[part~=decision] .undo')!;
  expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(said);
  expect(note.querySelector('button')).to.equal(null);
  expect([...root(el).querySelectorAll('.announce')].map((region) => region.textContent)).to.include(said);
}

describe('<userpays-image>: what may have been charged, settled in the widget', function () {
  this.timeout(40_000);

  it('after Cancel, the widget says it is finding out what the request came to, with no Cancel left to press', async () => {
    const storageKey = uniqueStorageKey();
    const el = await bflWidget({ scenario: 'fault=hang', apiKey: 'sim-key', storageKey });
    const running = el.generate().catch(() => {});
    await until(async () => (await submissionsOf('bfl', storageKey)).length, 15_000, 'the submit at BFL');
    const cancel = await until(() => root(el).querySelector<HTMLButtonElement>('[part~=progress] button'));
    cancel.focus();
    cancel.click();
    await el.updateComplete;
    const progress = root(el).querySelector<HTMLElement>('[part~=progress]')!;
    expect(words(progress)).to.match(/^Stopping: finding out whether it was charged · \d+ s$/);
    expect(progress.querySelector('button')).to.equal(null);
    expect(root(el).activeElement, 'the focus on what says so').to.equal(progress);
    await running;
    expect(root(el).querySelector('[part~=progress]')).to.equal(null);
  });

  it('a cancel the user chose is said calmly, in the colours of the text', async () => {
    const el = await afterALostReply();
    const box = await until(
      () => root(el).querySelector<HTMLElement>('[part~=error]'),
      5_000,
      'what the cancel came to',
    );
    expect(words(box)).to.contain('Cancelled after the request left');
    expect(getComputedStyle(box).color, 'not the danger colour').to.equal(getComputedStyle(box.parentElement!).color);
    // A refusal is still an error, in its colour.
    const { el: refused } = await afterANetworkFailure();
    await refused.updateComplete;
    const alarm = root(refused).querySelector<HTMLElement>('[part~=error]')!;
    expect(getComputedStyle(alarm).color).not.to.equal(getComputedStyle(alarm.parentElement!).color);
  });

  it('lists it under the tally line with its two answers; "It was not" releases it and the focus goes to Generate', async () => {
    const el = await afterALostReply();
    expect(el.tally).to.include({ uncertain: '0.014' });
    const listed = uncertainPart(el)!.textContent!.replace(/\s+/g, ' ');
    expect(listed).to.contain('What these cost is not known yet');
    expect(listed).to.contain('FLUX.2 [klein] 4B, sent today');
    expect(listed).to.contain('$0.014 may have been charged. If your BFL account shows it, say so');
    const error = () => root(el).querySelector('[part~=error]')?.textContent;
    expect(error()).to.contain('counted as possibly spent');
    answer(el, 'void').focus();
    answer(el, 'void').click();
    await until(() => !uncertainPart(el), 5_000, 'the list gone');
    // The error of that attempt goes with it: it said the charge is counted, beside a tally that no longer counts it.
    expect(error()).to.equal(undefined);
    expect(el.tally!.uncertain).to.equal(undefined);
    expect(el.tally!.spent).to.equal('0');
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(submit(el));
  });

  it('under Generate, the spend is a range up to what may have been charged, never nothing', async () => {
    const el = await afterALostReply();
    await el.updateComplete;
    expect(words(root(el).querySelector('[part~=decision] .spent'))).to.equal('Spent $0.00–$0.014');
  });

  it('over the site\'s limit only because of it: says so, and the fix is the user\'s word, not "raise it"', async () => {
    // The site's limit fits one image at $0.014, not one more beside $0.014 that may have been charged.
    const el = await afterALostReply('0.019');
    expect(submit(el).disabled).to.equal(true);
    expect(reason(el)).to.equal(
      "Over this site's $0.019 limit, counting $0.014 that may have been charged Say whether it was charged",
    );
    root(el).querySelector<HTMLButtonElement>('#reason button')!.click();
    // The charge's words, read out first: no answer (each books money) is one reflexive Enter away.
    expect(root(el).activeElement).to.equal(uncertainPart(el)!.querySelector('li > span'));
    expect(root(el).activeElement!.textContent).to.match(/^\s*FLUX\.2 \[klein\] 4B, sent today/);
    // It was charged: spent now, and the next image is over the site's limit, which the user cannot raise.
    answer(el, 'charged').click();
    await until(() => !uncertainPart(el), 5_000, 'the list gone');
    expect(el.tally).to.include({ spent: '0.014' });
    expect(el.tally!.uncertain).to.equal(undefined);
    await el.updateComplete;
    expect(submit(el).disabled).to.equal(true);
    expect(reason(el)).to.match(/^Over this site's \$0\.019 limit: choose a cheaper request/);
    expect(reason(el)).not.to.contain('raise');
  });

  it('under the budget, "It was charged" books it as spent, once, however often it is clicked', async () => {
    const el = await afterALostReply();
    const button = answer(el, 'charged');
    button.click();
    button.click(); // a second click on the same (now settled) charge books nothing more
    await until(() => !uncertainPart(el), 5_000, 'the list gone');
    // Paid, and no image came: said as such, never as an image.
    expect(el.tally).to.include({ spent: '0.014', images: 0, paidFailures: 1 });
    expect(submit(el).disabled).to.equal(false);
  });

  it('a refusal whose refund is unknown, whose balance fell by its price: the error offers "It was charged", which settles it there', async () => {
    // A pasted key may be used elsewhere, and BFL may yet give the credits back: one price gone settles nothing by
    // itself, but it is the likeliest answer, offered where the user is reading, and said as the list says it.
    const { el, box } = await afterPricesMoved();
    expect(words(box)).to.contain('Your BFL balance moved by $0.014 meanwhile, perhaps from elsewhere.');
    expect([...uncertainPart(el)!.querySelectorAll('button')].map(words)).to.deep.equal([
      'It was charged, $0.014',
      'It was not',
    ]);
    const once = box.querySelector<HTMLButtonElement>('button[value=once]')!;
    expect(words(once)).to.equal('It was charged, $0.014');
    once.click();
    await until(() => !uncertainPart(el), 5_000, 'the list gone');
    // One request's price, spent; nothing more held; the error that said it was held goes; Generate is next.
    expect(el.tally).to.include({ spent: '0.014', paidFailures: 1 });
    expect(el.tally!.uncertain).to.equal(undefined);
    // With the box gone, what it booked is said beside Generate (and read out), with no Undo: a settled charge stays.
    await expectSaidBesideGenerate(el, 'Counted as charged: $0.014.');
    // Said until the next submission: then the tally holds it.
    const next = el.generate().catch(() => {});
    await el.updateComplete;
    expect(root(el).querySelector('[part~=decision] .undo')).to.equal(null);
    await next;
  });

  it('beside the answer the balance points to, the error offers "It was not", which releases it there and says so beside Generate', async () => {
    const { el, box, copies } = await afterPricesMoved('fault=accept-then-reset');
    expect(copies, 'the browser sent it again').to.be.above(1);
    const answers = [...box.querySelectorAll('button')].map((button) => button.ariaLabel ?? words(button));
    // Try again says what it costs: another request, charged again.
    expect(answers).to.deep.equal([chargedTimes(copies), 'It was not', 'Try again, $0.014', 'Dismiss']);
    box.querySelector<HTMLButtonElement>('button[value=void]')!.click();
    await until(() => !uncertainPart(el), 5_000, 'the list gone');
    expect(el.tally).to.include({ spent: '0' });
    expect(el.tally!.uncertain).to.equal(undefined);
    await expectSaidBesideGenerate(el, 'Counted as not charged.');
  });

  it("each of the error's answers reads on one line: side by side where both fit, else stacked (a phone)", async () => {
    // The widget as wide as on a 390 px phone (German's answers would break within their buttons). The answer the
    // balance points to is filled and bold, so English stacks there too; side by side at 480 px.
    const { el, box } = await afterPricesMoved('fault=accept-then-reset');
    el.style.width = '480px';
    const answers = () => [...box.querySelectorAll<HTMLButtonElement>('button[value]')];
    const lines = (button: HTMLElement) => {
      const style = getComputedStyle(button);
      const inner =
        button.getBoundingClientRect().height -
        ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
          .map((side) => parseFloat(style[side as 'paddingTop']))
          .reduce((sum, length) => sum + length);
      return Math.round(inner / parseFloat(style.lineHeight));
    };
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const [once, not] = answers();
    expect([lines(once), lines(not)], 'English').to.deep.equal([1, 1]);
    expect(once.getBoundingClientRect().top, 'side by side').to.equal(not.getBoundingClientRect().top);
    el.style.width = '366px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect([lines(once), lines(not)], 'English at 366 px').to.deep.equal([1, 1]);
    el.lang = 'de';
    await until(() => /mal berechnet/.test(answers()[0]?.textContent ?? ''), 5_000, 'German');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const [einmal, nicht] = answers();
    expect([lines(einmal), lines(nicht)], 'German').to.deep.equal([1, 1]);
    expect(nicht.getBoundingClientRect().top, 'stacked').to.be.above(einmal.getBoundingClientRect().bottom);
    expect(nicht.getBoundingClientRect().width, 'as wide as each other').to.equal(einmal.getBoundingClientRect().width);
  });

  it('settled later by a read of the balance: the error goes, and what the read found is said beside Generate', async () => {
    // What watchBalance's later reads find on a key this site's sign-in made (test/faults/settle-from-balance.test.ts),
    // set as it sets it on the error the widget shows: the box that said "checking again" is not left behind, red.
    const { el, error } = await afterANetworkFailure();
    await el.updateComplete;
    root(el).querySelector<HTMLElement>('[part~=error]')!.focus();
    error.settledLater = generationText.settledFromBalance('bfl');
    el.requestUpdate();
    await expectSaidBesideGenerate(el, 'Your BFL balance shows no charge for the last request: nothing is counted.');
  });

  it('settled later, after an edit took the error away: what the read found is still said, the focus left', async () => {
    const { el, error } = await afterANetworkFailure();
    await el.updateComplete;
    const prompt = root(el).querySelector<HTMLTextAreaElement>('[part~=prompt]')!;
    prompt.focus();
    prompt.value = 'a fox at dusk';
    prompt.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).querySelector('[part~=error]'), 'the edit dismissed the error').to.equal(null);
    error.settledLater = generationText.settledFromBalance('bfl', '$0.014');
    el.requestUpdate();
    await expectSaidBesideGenerate(
      el,
      'Your BFL balance shows the last request cost $0.014: counted as spent.',
      prompt,
    );
  });

  it('settled later, once a newer submission started: nothing said of "the last request", which is another', async () => {
    const { el, error } = await afterANetworkFailure();
    await el.generate().catch(() => {});
    error.settledLater = generationText.settledFromBalance('bfl');
    el.requestUpdate();
    await el.updateComplete;
    expect(root(el).querySelector('[part~=decision] .undo')).to.equal(null);
    expect(root(el).querySelector('[part~=error]'), "the newer submission's own error").not.to.equal(null);
  });

  it("a lost reply whose balance shows nothing: the error's link goes to the list under the tally, which asks", async () => {
    const el = await afterALostReply();
    const box = root(el).querySelector<HTMLElement>('[part~=error]')!;
    expect(box.querySelector('button[value]'), 'no answer the balance points to').to.equal(null);
    const ask = [...box.querySelectorAll<HTMLButtonElement>('button')].find(
      (button) => words(button) === 'Say whether it was charged',
    )!;
    ask.click();
    await el.updateComplete;
    const first = root(el).querySelector('#uncertain-first')!;
    expect(root(el).activeElement).to.equal(first);
    expect(uncertainPart(el)!.contains(first)).to.equal(true);
  });

  it('a lost reply sent twice and debited twice: the error offers "Charged twice", which books both', async () => {
    // BFL's accept-then-reset: the connection reset before any byte of the reply, so the browser sent it again, and
    // BFL debited each ($0.028). A pasted key's balance settles nothing, but it points to that, one click away.
    const { el, box, copies } = await afterPricesMoved('fault=accept-then-reset');
    expect(copies, 'the browser sent it again').to.be.above(1);
    const moved = `$${(0.014 * copies).toFixed(3)}`;
    expect(words(box)).to.contain(`Your BFL balance moved by ${moved} meanwhile, perhaps from elsewhere.`);
    const answers = [...box.querySelectorAll<HTMLButtonElement>('button[value]')];
    expect(answers.map(words)).to.deep.equal([chargedTimes(copies), 'It was not']);
    // The answer the balance points to leads; "It was not" is at hand, outlined.
    expect(answers.map((answer) => answer.className)).to.deep.equal(['primary', 'secondary']);
    answers[0].click();
    await until(() => !uncertainPart(el), 5_000, 'the list gone');
    expect(el.tally).to.include({ spent: (0.014 * copies).toFixed(3), paidFailures: 1 });
    const times = copies === 2 ? 'twice' : `${copies} times`;
    await expectSaidBesideGenerate(el, `Counted as charged ${times}: ${moved}.`);
  });

  it('over the budget because of a lost reply, the error offers no Try again: the row says why, and how on', async () => {
    // A broken connection before any reply: BFL may have charged, and the budget cannot hold that and one image more.
    const storageKey = uniqueStorageKey();
    const el = await bflWidget({
      scenario: 'fault=network',
      apiKey: `sim-over-${storageKey}`,
      storageKey,
      attributes: { budget: '0.02' },
    });
    await el.generate().catch(() => {});
    await until(() => uncertainPart(el), 15_000, 'the uncertain charge listed in the widget');
    await el.updateComplete;
    expect(submit(el).disabled).to.equal(true);
    expect(reason(el)).to.match(/counting \$0\.\d+ that may have been charged Say whether it was charged$/);
    const box = root(el).querySelector<HTMLElement>('.error-box')!;
    expect(box.textContent).to.contain('The connection broke:');
    // No Try again; the way to the list that asks whether it was charged.
    expect([...box.querySelectorAll('button')].map((button) => button.ariaLabel ?? words(button))).to.deep.equal([
      'Say whether it was charged',
      'Dismiss',
    ]);
  });
});

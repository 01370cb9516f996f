// The decision row: when a click on Generate cannot succeed, Generate is
// disabled before the click and says why beside it, with the fix — no prompt, no key, over the budget, over the
// account's balance, a size the model cannot make — and what it says of money is money ("$0.03"), never "0.03 USD".
// Holds: src/elements/image/image-view.ts
// Holds: src/elements/image/shared/reason-fix.ts
// Holds: src/elements/image/options/panel/required-image.ts
// Holds: src/pricing/offers.ts
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { expectWcag22 } from '../../../support/axe.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { panelsLoaded } from '../../../support/widget.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import { image } from '../../../support/ledger.js';

const RUN = uniqueStorageKey();
const root = (el: UserPaysImage) => el.shadowRoot!;
const submit = (el: UserPaysImage) => root(el).querySelector<HTMLButtonElement>('[part~=submit]')!;
const reason = (el: UserPaysImage) => root(el).querySelector<HTMLElement>('#reason');
const fix = (el: UserPaysImage) => reason(el)?.querySelector<HTMLElement>('button, a');
const price = (el: UserPaysImage) => root(el).querySelector('[part~=cost] strong')!.textContent!.trim();

const widget = (options: { prompt?: string; apiKey?: string }) =>
  bflWidget({ scenario: 'pending=60', run: RUN, prompt: 'a red fox', apiKey: 'sim-test-key', ...options });

/** Generate is disabled, described by the reason, which says `words`. */
function expectBlocked(el: UserPaysImage, words: RegExp) {
  expect(submit(el).disabled, 'Generate disabled').to.equal(true);
  expect(submit(el).getAttribute('aria-describedby')).to.equal('reason');
  expect(reason(el)!.textContent).to.match(words);
}

describe('<userpays-image>: Generate says why it cannot, before the click', function () {
  this.timeout(20_000);

  it('without a prompt: "Describe the image first", and the fix takes the focus to the prompt', async () => {
    const el = await widget({ prompt: '' });
    expectBlocked(el, /Describe the image first/);
    expect(price(el)).to.equal('$0.014'); // the price still shows: what it would cost
    fix(el)!.click();
    expect(root(el).activeElement?.id).to.equal('prompt');
    el.prompt = '   ';
    await el.updateComplete;
    expectBlocked(el, /Describe the image first/);
    el.prompt = 'a red fox';
    await el.updateComplete;
    expect(submit(el).disabled).to.equal(false);
    expect(reason(el)).to.equal(null);
  });

  it('without a key: "Add your BFL API key", the key field described by it (not marked wrong), and the fix focuses it', async () => {
    const el = await widget({ apiKey: '' });
    expectBlocked(el, /Add your BFL API key/);
    const key = root(el).querySelector<HTMLInputElement>('[part~=key]')!;
    expect([key.getAttribute('aria-describedby'), key.hasAttribute('aria-invalid')]).to.deep.equal([
      'reason key-note',
      false,
    ]);
    fix(el)!.click();
    expect(root(el).activeElement).to.equal(key);
    el.apiKey = 'sim-test-key';
    await el.updateComplete;
    expect(submit(el).disabled).to.equal(false);
    expect(key.hasAttribute('aria-invalid')).to.equal(false);
    await expectWcag22(el);
  });

  it('over the site’s budget: says the limit as money, offers the cheaper model that fits, and the click is refused in money', async () => {
    const el = await widget({});
    el.model = 'flux-2-pro';
    el.budget = '0.02';
    await waitUntil(() => reason(el), 'the ledger is read and the budget applies');
    // The page's budget is the site's limit: the user cannot raise it, and is not told to.
    expectBlocked(el, /Over this site's \$0\.02 limit: choose a cheaper request/);
    expect(reason(el)!.textContent).not.to.contain('raise');
    expect(fix(el)!.textContent).to.match(/FLUX\.2 \[klein\] 4B · \$0\.014/);
    // A page calling generate() anyway hears why, in money.
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('budget-exceeded');
    expect((refused as Error).message)
      .to.contain('$0.03')
      .and.contain('$0.02')
      .and.not.match(/USD/);
    // Ctrl+Enter from the prompt: nothing more is sent, and the keyboard goes to the fix.
    root(el).querySelector<HTMLTextAreaElement>('#prompt')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    expect(root(el).activeElement).to.equal(fix(el));
    fix(el)!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-2-klein-4b');
    expect(submit(el).disabled).to.equal(false);
  });

  it('over the account’s balance (BFL’s credits, read once the key rests): says the balance, and where to add funds', async () => {
    const el = await widget({ apiKey: 'sim-empty' }); // the simulator's key with no credits
    await waitUntil(() => reason(el), 'the balance is read', { timeout: 5000 });
    expectBlocked(el, /Your BFL balance is \$0\.00/);
    const add = fix(el) as HTMLAnchorElement;
    expect(add.localName).to.equal('a');
    expect(add.href).to.match(/^https:\/\/dashboard\.bfl\.ai/);
    expect(add.target).to.equal('_blank');
  });

  it('a size the model cannot make: no payable price, and why', async () => {
    const el = await widget({});
    Object.assign(el, { width: 100, height: 5000 });
    await el.updateComplete;
    expect(price(el)).to.equal('—');
    expect(submit(el).disabled).to.equal(true);
    expect(reason(el)!.textContent!.trim().length).to.be.greaterThan(10);
  });

  it('a model that edits an image, chosen with none: says so, and More options opens where images are added', async () => {
    const el = await widget({});
    await panelsLoaded(el);
    const more = root(el).querySelector<HTMLDetailsElement>('[part~=more]')!;
    expect(more.open).to.equal(false);
    el.model = 'flux-pro-1.0-fill';
    await el.updateComplete;
    expectBlocked(el, /edits an image you provide/);
    // The form's next step, not an error: the price stands (BFL's per image, whatever the image),
    // and the reason is a hint, not in the error colour.
    expect(price(el)).to.equal('$0.05');
    expect(reason(el)!.hasAttribute('part'), 'not part error').to.equal(false);
    await waitUntil(() => more.open, 'More options opened', { timeout: 4000 });
    await waitUntil(() => root(el).querySelector('[part~=more] .drop'), 'the drop zone drawn', { timeout: 4000 });
    // Closed by the user, it stays closed while the model is the same.
    more.open = false;
    el.prompt = 'a red fox at dawn';
    await el.updateComplete;
    expect(more.open).to.equal(false);
    // The fix beside the reason opens it again, on the file field, and opens the file chooser.
    const fix = reason(el)!.querySelector<HTMLButtonElement>('button')!;
    expect(fix.textContent!.trim()).to.equal('Choose the image');
    const input = root(el).querySelector<HTMLInputElement>('#references-input')!;
    let chooser = 0;
    input.addEventListener('click', (event) => {
      chooser++;
      event.preventDefault(); // no dialog in the test's browser
    });
    fix.click();
    expect(more.open).to.equal(true);
    expect(root(el).activeElement).to.equal(input);
    expect(chooser).to.equal(1);
  });

  // A refusal's figures are the click's ("($0.014 is held for images under way)" is false once that image, another
  // tab's, is paid for): it stays while they hold, and goes once the tally moves.
  it('a refusal of the budget stays while its figures hold, and goes once the tally moves', async () => {
    const storageKey = uniqueStorageKey();
    const el = await bflWidget({
      storageKey,
      prompt: 'a red fox',
      apiKey: 'sim-test-key',
      attributes: { budget: '0.02' },
    });
    await panelsLoaded(el);
    const errorBox = () => root(el).querySelector('.error-box');
    // Another tab's image under way holds $0.014 of the $0.02 (the same storage key, in another store).
    const otherTab = new LedgerStore({ storageKey });
    const [held] = await otherTab.reserve([{ ...image, quoted: '0.014' }], '0.014', '0.02', 'en-US');
    await waitUntil(() => reason(el), 'the hold is counted');
    const refused = await el.generate().catch((error: Error & { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('budget-exceeded');
    await waitUntil(() => errorBox(), 'the refusal is shown');
    expect(errorBox()!.textContent).to.contain('($0.014 is held for images under way)');
    errorBox()!.querySelector<HTMLElement>('button')!.focus();
    for (let update = 0; update < 3; update++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(errorBox()?.textContent, 'nothing moved: the refusal stays').to.contain('is held');
    // The other tab's image is paid for: nothing is held any more, and $0.006 is left.
    otherTab.settle(held.id, { charged: '0.014' });
    await waitUntil(() => !errorBox(), 'the refusal goes');
    expectBlocked(el, /Over this site's \$0\.02 limit/);
    expect(root(el).activeElement === fix(el), 'the keyboard is on the fix').to.equal(true);
    const shown = [...root(el).querySelectorAll('p, span:not(.announce)')].map((text) => text.textContent).join(' ');
    expect(shown).not.to.contain('is held');
  });
});

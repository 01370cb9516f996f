// Every error the elements show carries the shadow part `error` (docs/theming.md), so that a page that
// styles `::part(error)` styles them all: the last submission's, the key's beside the key field, why the request
// cannot be priced, made or paid beside Generate, `<userpays-cost>`'s and `<userpays-tally>`'s. What asks the user for
// the next step of an empty form (a prompt, a key) is not an error, and does not carry it.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import type { UserPaysCost } from '../../src/elements/cost/userpays-cost.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { bflWidget } from '../support/bfl-widget.js';
import { imageWidget, panelsLoaded, words } from '../support/widget.js';
import { rejection } from '../support/failure.js';

const newStorageKey = storageKeysForgottenAfterEach();

/** The elements of `el`'s shadow tree whose own words are `sentence` (the innermost that hold it all). */
function saying(el: HTMLElement, sentence: string): Element[] {
  const all = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => words(node).includes(sentence));
  return all.filter((node) => !all.some((other) => other !== node && node.contains(other)));
}

/**
 * Seen: laid out, not hidden (by a closed disclosure or `hidden`), and larger than the 1 px of a region only screen
 * readers hear (the widget's polite announcement says the error too).
 */
const visible = (node: Element) => {
  const { width, height } = node.getBoundingClientRect();
  return node.checkVisibility() && width > 1 && height > 1;
};

/** `sentence` is shown in `el`, and every element that shows it is (or is inside) a `part~=error`. */
function shownAsError(el: HTMLElement, sentence: string) {
  const nodes = saying(el, sentence).filter(visible);
  expect(nodes.length, `"${sentence}" is shown`).to.be.greaterThan(0);
  for (const node of nodes) expect(node.closest('[part~=error]'), `"${sentence}" in part error`).to.not.equal(null);
}

/** Every `[part~=error]` of `el` is visible and says something. */
function errorPartsVisible(el: HTMLElement) {
  for (const node of el.shadowRoot!.querySelectorAll('[part~=error]')) {
    expect(visible(node), 'visible').to.equal(true);
    expect(words(node)).to.not.equal('');
  }
}

describe('every error an element shows carries part error', function () {
  this.timeout(20_000);

  for (const [what, scenario, beside] of [
    ['a failed submission, with Try again', 'fault=500', undefined],
    ['a key the provider refused, beside the key field', 'fault=403', '#key-error'],
  ])
    it(`<userpays-image>: ${what}`, async () => {
      const el = await bflWidget({ scenario, apiKey: 'sim-k', storageKey: newStorageKey() });
      const error = await rejection(el.generate());
      await el.updateComplete;
      if (beside) expect(el.shadowRoot!.querySelector(beside), 'said beside the key').to.not.equal(null);
      shownAsError(el, error!.message);
      errorPartsVisible(el);
    });

  it('<userpays-image>, narrow, no image yet: a failed submission is shown, above the controls', async () => {
    const el = await bflWidget({ scenario: 'fault=402', apiKey: 'sim-k', storageKey: newStorageKey() });
    el.style.width = '390px'; // a phone: no canvas before there is something to show
    const error = await rejection(el.generate());
    await el.updateComplete;
    shownAsError(el, error!.message);
    const [canvas, form] = ['section.canvas', 'form'].map((at) => el.shadowRoot!.querySelector(at)!);
    expect(canvas.getBoundingClientRect().bottom, 'above the controls').to.be.at.most(form.getBoundingClientRect().top);
  });

  it('<userpays-image>: a failed submission is shown where its image would have been, the last one still in view under it', async () => {
    const storageKey = newStorageKey();
    const el = await bflWidget({ apiKey: 'sim-k', storageKey });
    await el.generate();
    el.endpoint = el.endpoint.replace('/s/', '/s/fault=500;'); // the same origin: the same key
    expect((await rejection(el.generate()))!.code).to.equal('provider-error');
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector('section.canvas')!;
    const error = canvas.querySelector('[part~=error]')!;
    expect(error, 'the error in the canvas').to.not.equal(null);
    // The last image stays, under the error, which is where a new one goes.
    const result = canvas.querySelector('[part~=result]')!;
    expect(result, 'the last image still shown').to.not.equal(null);
    expect(visible(result.querySelector('img')!)).to.equal(true);
    expect(error.getBoundingClientRect().bottom).to.be.at.most(result.getBoundingClientRect().top);
    expect(el.shadowRoot!.querySelector('form [part~=error]'), 'not beside the controls too').to.equal(null);
    canvas.querySelector<HTMLButtonElement>('button[aria-label=Dismiss]')!.click();
    await el.updateComplete;
    expect(canvas.querySelector('[part~=error]')).to.equal(null);
    expect(canvas.querySelector('[part~=result]')).to.equal(result);
  });

  it('<userpays-image>: a size the model cannot make, beside Generate', async () => {
    const el = await imageWidget({
      provider: 'bfl',
      'storage-key': newStorageKey(),
      width: 100000,
      height: 64,
      prompt: 'a fox',
    });
    await panelsLoaded(el);
    const reason = words(el.shadowRoot!.querySelector('#reason span'));
    expect(reason).to.match(/at most 4 megapixels/);
    shownAsError(el, reason);
    errorPartsVisible(el);
  });

  it('<userpays-image>: a budget that is not an amount, and a price over the budget', async () => {
    for (const budget of ['two dollars', '0.001']) {
      const el = await bflWidget({ apiKey: 'sim-k', storageKey: newStorageKey() });
      el.budget = budget;
      await panelsLoaded(el);
      await waitUntil(() => el.shadowRoot!.querySelector('#reason'), `the reason for ${budget}`);
      const reason = words(el.shadowRoot!.querySelector('#reason span'));
      shownAsError(el, reason);
      errorPartsVisible(el);
    }
  });

  it('<userpays-image>: the next step of an empty form (a prompt, a key) is not an error', async () => {
    const el = await imageWidget({ provider: 'bfl', 'storage-key': newStorageKey() });
    await panelsLoaded(el);
    expect(words(el.shadowRoot!.querySelector('#reason span'))).to.match(/Describe/);
    expect(el.shadowRoot!.querySelector('[part~=error]')).to.equal(null);
    el.prompt = 'a fox';
    await el.updateComplete;
    expect(words(el.shadowRoot!.querySelector('#reason span'))).to.match(/key/);
    expect(el.shadowRoot!.querySelector('[part~=error]')).to.equal(null);
  });

  it('<userpays-cost>: why no price can be shown', async () => {
    const el = await fixture<UserPaysCost>(html`<userpays-cost provider="bfl" width="1000"></userpays-cost>`);
    shownAsError(el, el.quote!.problem!);
    errorPartsVisible(el);
  });

  it('<userpays-tally>: a budget that is not an amount', async () => {
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${newStorageKey()} budget="two dollars"></userpays-tally>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=notice]'), 'the notice');
    shownAsError(el, words(el.shadowRoot!.querySelector('[part~=notice]')));
    errorPartsVisible(el);
  });
});

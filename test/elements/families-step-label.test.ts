// The picker's step to the other families (issue 43, N5 of its walk-through): opening the price details loads their
// prices, and the step above the Shape row kept its words and its height. It read "17 more models" once they came, one
// line instead of two at 390 px, and the form above the control just used moved up. On a page of its own: nothing
// else loads the families before the details open.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import { familiesInFor } from '../../src/pricing/index.js';
import { uniqueStorageKey } from '../support/sim.js';
import { imageWidget, openPriceDetails, panelsLoaded, part, words } from '../support/widget.js';

describe('the step to the other families, before and after their prices load', () => {
  it('says the same words, at the same height, as the price details load the families (Puter, 390 px)', async () => {
    const el = await imageWidget({
      provider: 'puter',
      locale: 'en-US',
      style: 'width: 358px', // a 390 px phone's widget, inside the page's margins
      'storage-key': uniqueStorageKey(),
    });
    await panelsLoaded(el);
    const step = () => part(el, 'model')!.querySelector<HTMLButtonElement>('button.link')!;
    const seen = () => ({ label: words(step()), height: Math.round(step().getBoundingClientRect().height) });
    expect(familiesInFor('puter')).to.equal(false);
    const before = seen();
    expect(before.label).to.equal('More models: GPT Image, Nano Banana, Imagen…');
    await openPriceDetails(el);
    await waitUntil(() => familiesInFor('puter'), 'the families, loaded with the details', { timeout: 10_000 });
    await el.updateComplete;
    expect(seen()).to.deep.equal(before);
  });

  // Issue 43, Z5: the step at fal named GPT Image and Imagen, which fal does not sell.
  it('names only the families the provider sells (fal)', async () => {
    const el = await imageWidget({ provider: 'fal', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    await panelsLoaded(el);
    expect(words(part(el, 'model')!.querySelector('button.link')!)).to.equal('More models: Nano Banana, Seedream');
  });

  // Google's list opens on Nano Banana, whose prices come with the widget's: the step names only Imagen.
  it('names only the families not shown already (Google)', async () => {
    const el = await imageWidget({ provider: 'google', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    await panelsLoaded(el);
    await waitUntil(() => familiesInFor('google'), 'Google’s families, which it sells alone');
    await el.updateComplete;
    expect(words(part(el, 'model')!.querySelector('button.link')!)).to.equal('More models: Imagen');
  });

  // Issue 43, P7: Pollinations showed its two FLUX models, then five once the families' prices came (217 px more
  // above the details just opened). The cards before the step are the first family's, whatever has loaded.
  it('shows the same cards above the step as the price details load the families (Pollinations)', async () => {
    const el = await imageWidget({ provider: 'pollinations', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    await panelsLoaded(el);
    const cards = () =>
      [...part(el, 'model')!.querySelectorAll('input[name=model]')].map((input) => (input as HTMLInputElement).value);
    const before = cards();
    expect(before.every((model) => model.startsWith('flux'))).to.equal(true);
    await openPriceDetails(el);
    await waitUntil(() => familiesInFor('pollinations'), 'the families, loaded with the details', { timeout: 10_000 });
    await el.updateComplete;
    expect(cards()).to.deep.equal(before);
  });
});

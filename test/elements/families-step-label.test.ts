// The picker's step to the other families names them from the first paint (the families each provider's prices
// cover, never one it does not sell), and keeps its words, its height and the cards above it as the price details
// open.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { uniqueStorageKey } from '../support/sim.js';
import { imageWidget, openPriceDetails, panelsLoaded, part, words } from '../support/widget.js';

const stepOf = (el: HTMLElement) => part(el, 'model')!.querySelector<HTMLButtonElement>('button.link')!;

describe('the step to the other families', () => {
  it('says the same words, at the same height, as the price details open (Puter, 390 px)', async () => {
    const el = await imageWidget({
      provider: 'puter',
      locale: 'en-US',
      style: 'width: 358px', // a 390 px phone's widget, inside the page's margins
      'storage-key': uniqueStorageKey(),
    });
    const seen = () => ({ label: words(stepOf(el)), height: Math.round(stepOf(el).getBoundingClientRect().height) });
    const before = seen();
    expect(before.label).to.equal('More models: GPT Image, Nano Banana, Imagen…');
    await panelsLoaded(el);
    await openPriceDetails(el);
    await el.updateComplete;
    expect(seen()).to.deep.equal(before);
  });

  // At fal the step does not name GPT Image and Imagen, which fal does not sell.
  it('names only the families the provider sells (fal)', async () => {
    const el = await imageWidget({ provider: 'fal', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    expect(words(stepOf(el))).to.equal('More models: Nano Banana, Seedream');
  });

  // Google's list opens on Nano Banana: the step names only Imagen.
  it('names only the families not shown already (Google)', async () => {
    const el = await imageWidget({ provider: 'google', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    expect(words(stepOf(el))).to.equal('More models: Imagen');
  });

  it('names them in the page’s language (German)', async () => {
    const el = await imageWidget({ provider: 'openrouter', lang: 'de', 'storage-key': uniqueStorageKey() });
    await panelsLoaded(el);
    expect(words(stepOf(el))).to.equal('Weitere Modelle: GPT Image, Nano Banana, Seedream…');
  });

  // Pollinations' cards stay its two FLUX models above the step as the price details open.
  it('shows the same cards above the step as the price details open (Pollinations)', async () => {
    const el = await imageWidget({ provider: 'pollinations', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    const cards = () =>
      [...part(el, 'model')!.querySelectorAll('input[name=model]')].map((input) => (input as HTMLInputElement).value);
    const before = cards();
    expect(before.every((model) => model.startsWith('flux'))).to.equal(true);
    await panelsLoaded(el);
    await openPriceDetails(el);
    await el.updateComplete;
    expect(cards()).to.deep.equal(before);
  });
});

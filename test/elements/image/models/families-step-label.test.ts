// The picker's step to the other families names them from the first paint (the families each provider's prices
// cover, never one it does not sell), and keeps its words, its height and the cards above it as the price details
// open.
// Holds: src/elements/image/models/models-view.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { controlledClock } from '../../../support/clock.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget, openPriceDetails, panelsLoaded, part, words } from '../../../support/widget.js';

const stepOf = (el: HTMLElement) => part(el, 'model')!.querySelector<HTMLButtonElement>('button.link')!;

describe('the step to the other families', () => {
  // The families each provider sells change as their models shut down: today's, by a clock the test sets.
  controlledClock('2026-11-28T12:00:00Z');

  it('says the same words, at the same height, as the price details open (Puter, 390 px)', async () => {
    const el = await imageWidget({
      provider: 'puter',
      locale: 'en-US',
      style: 'width: 358px', // a 390 px phone's widget, inside the page's margins
      'storage-key': uniqueStorageKey(),
    });
    const seen = () => ({ label: words(stepOf(el)), height: Math.round(stepOf(el).getBoundingClientRect().height) });
    const before = seen();
    expect(before.label).to.equal('More models: GPT Image, Nano Banana, Seedream…');
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

  // Google's list opens on Nano Banana: the step names only Imagen, on a day Google still served it.
  describe('Google, on a day it served Imagen', () => {
    controlledClock('2026-07-01T12:00:00Z');

    it('names only the families not shown already (Google)', async () => {
      const el = await imageWidget({ provider: 'google', locale: 'en-US', 'storage-key': uniqueStorageKey() });
      expect(words(stepOf(el))).to.equal('More models: Imagen');
    });
  });

  // Imagen shut down on 2026-08-17: Google sells one family, all shown, and no step to another.
  it('has no step where the provider sells one family (Google)', async () => {
    const el = await imageWidget({ provider: 'google', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    expect(part(el, 'model')!.querySelector('button.link')).to.equal(null);
  });

  it('names them in the page’s language (German)', async () => {
    const el = await imageWidget({ provider: 'openrouter', lang: 'de', 'storage-key': uniqueStorageKey() });
    await panelsLoaded(el);
    expect(words(stepOf(el))).to.equal('Weitere Modelle: GPT Image, Nano Banana, Seedream');
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

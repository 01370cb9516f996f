// A quality tier picked for one model follows to the next where it can: taken as it was, Google's "512" picked for
// Nano Banana 2, then Nano Banana Pro clicked (whose smallest tier is 1K), would leave "—" beside a disabled Generate,
// "Nano Banana Pro takes the quality 1K, 2K, 4K, not "512"", the pickers gone and other cards without a price. And
// where the provider changes, or the next model has no tiers.
// Holds: src/elements/image/models/panel/quality-carried.ts
// Holds: src/elements/image/models/panel/models-feature.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import {
  announced,
  checkedRadio,
  decision,
  imageWidget,
  modelChoices,
  modelOffered,
  panelsLoaded,
  part,
  radios,
  switchToSimulator,
  words,
} from '../../../support/widget.js';
import { until } from '../../../support/wait.js';
import { controlledClock } from '../../../support/clock.js';

/**
 * A day Nano Banana 2 (Gemini 3.1 Flash Image, the one model with a 512 tier) was sold, before Google shut it down on
 * 2026-10-29: the page's clock and the simulators' (`now=`) both at it.
 */
const SOLD = '2026-10-01T12:00:00Z';

async function widget(provider: 'google' | 'fal') {
  const el = await imageWidget(
    {
      provider,
      endpoint: simEndpoint(provider, `now=${SOLD}`),
      'storage-key': uniqueStorageKey(),
      locale: 'en-US',
      prompt: 'a fox',
    },
    { apiKey: 'sim-test-key' },
  );
  await panelsLoaded(el);
  (part(el, 'more') as HTMLDetailsElement).open = true;
  await el.updateComplete;
  return el;
}

/** Clicks the radio of group `name` whose value is `value`, as a user does. */
async function pick(el: UserPaysImage, name: string, value: string) {
  await until(() => radios(el, name).find((radio) => radio.value === value), 5_000, `${name} ${value}`);
  radios(el, name)
    .find((radio) => radio.value === value)!
    .click();
  await el.updateComplete;
}

describe('a quality tier follows the model where it can', function () {
  this.timeout(20_000);
  controlledClock(SOLD);

  // The tier is not taken as it was ("not "0.5K"", the pickers gone).
  it('fal "0.5K", then the provider changed to Google: the same tier, under Google\'s name', async () => {
    const el = await widget('fal');
    await modelOffered(el, 'gemini-3.1-flash-image');
    await pick(el, 'model', 'gemini-3.1-flash-image');
    await pick(el, 'quality', '0.5K');
    switchToSimulator(el, 'google', `now=${SOLD}`);
    await until(() => el.quality === '512', 5_000, 'the tier carried');
    expect(checkedRadio(el, 'quality')).to.equal('512');
    expect(decision(el).price).to.match(/\$/);
  });

  it('Google, 512, then Nano Banana Pro (1K and up): its own default, priced, the tiers and the pickers kept', async () => {
    const el = await widget('google');
    await pick(el, 'model', 'gemini-3.1-flash-image');
    await pick(el, 'quality', '512');
    expect(el.quality).to.equal('512');
    // Nano Banana Pro's card is priced as a click on it makes it: at its own default tier, not "512".
    const pro = (await modelChoices(el)).find((choice) => choice.id === 'gemini-3-pro-image')!;
    expect(pro.price).to.match(/\$/);
    await pick(el, 'model', 'gemini-3-pro-image');
    await el.updateComplete;
    expect(el.quality).to.equal('');
    // Read out, as the price beside Generate is: the tier does not change without a word.
    expect(announced(el)).to.include('Nano Banana Pro does not make 512: the quality is 1K now.');
    expect(decision(el).price).to.match(/\$/);
    expect((part(el, 'submit') as HTMLButtonElement).disabled).to.equal(false);
    expect(checkedRadio(el, 'quality')).to.equal('1K');
    expect(part(el, 'shape'), 'the shapes are still there').to.not.equal(null);
    expect((await modelChoices(el)).filter((choice) => !choice.price).map((choice) => choice.id)).to.deep.equal([]);
    // Back to Nano Banana 2: its own default too (the tier picked went with the model that took it).
    await pick(el, 'model', 'gemini-3.1-flash-image');
    expect(checkedRadio(el, 'quality')).to.equal('1K');
  });

  it('a fallback is said over the price with an Undo, and read out again the second time', async () => {
    const el = await widget('google');
    const sentence = 'Nano Banana Pro does not make 512: the quality is 1K now.';
    const note = () => part(el, 'decision')!.querySelector<HTMLElement>('.undo');
    const fallBack = async () => {
      await pick(el, 'model', 'gemini-3.1-flash-image');
      await pick(el, 'quality', '512');
      await pick(el, 'model', 'gemini-3-pro-image');
    };
    await fallBack();
    expect(announced(el)).to.include(sentence);
    expect(words(note()!.querySelector('span'))).to.equal(sentence);
    // The same fallback again: the live region empties, then says it again (unchanged, it would not be read).
    await fallBack();
    expect(announced(el)).not.to.include(sentence);
    await until(() => announced(el).includes(sentence), 2_000, 'said again');
    // Undo: the model and the tier before the click, and the note gone.
    note()!.querySelector('button')!.click();
    await el.updateComplete;
    expect([el.model, el.quality]).to.deep.equal(['gemini-3.1-flash-image', '512']);
    expect(checkedRadio(el, 'quality')).to.equal('512');
    expect(note()).to.equal(null);
    // Another edit of the form takes the note back: its Undo would throw the edit away.
    await pick(el, 'model', 'gemini-3-pro-image');
    expect(note()).to.not.equal(null);
    await pick(el, 'quality', '2K');
    expect(note()).to.equal(null);
  });

  it('a fallback the page made by changing the provider is read out, with no Undo to take it back', async () => {
    const el = await widget('google');
    await pick(el, 'model', 'gemini-3.1-flash-image');
    await pick(el, 'quality', '512');
    switchToSimulator(el, 'pollinations');
    await until(() => el.provider === 'pollinations' && el.quality === '' && decision(el).price, 5_000, 'the fallback');
    await el.updateComplete;
    expect(announced(el)).to.include('Nano Banana 2 does not make 512: the quality is 1K now.');
    expect(part(el, 'decision')!.querySelector('.undo')).to.equal(null);
  });

  it('a model without tiers drops the tier: Nano Banana 2 at 4K, FLUX, then Nano Banana 2 at its own default', async () => {
    const el = await widget('fal');
    await modelOffered(el, 'gemini-3.1-flash-image');
    await pick(el, 'model', 'gemini-3.1-flash-image');
    await pick(el, 'quality', '4K');
    await pick(el, 'model', 'flux-2-klein-4b');
    expect(el.quality, 'nothing kept out of sight').to.equal('');
    // Its card priced as a click on it makes it, at its default tier (not twice that, at the 4K).
    const card = (await modelChoices(el)).find((choice) => choice.id === 'gemini-3.1-flash-image')!;
    expect(card.price).to.equal('$0.08');
    await pick(el, 'model', 'gemini-3.1-flash-image');
    expect(checkedRadio(el, 'quality')).to.equal('1K');
  });

  it('a quality the page sets that its model does not take is still said, not replaced', async () => {
    const el = await widget('google');
    el.quality = 'high';
    await el.updateComplete;
    expect(el.quality).to.equal('high');
    await until(() => /takes the quality/.test(part(el, 'decision')!.textContent!), 5_000, 'the refusal');
  });

  // Once read as members every object has, these names threw on every update, and the widget drew nothing.
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
    it(`quality="${name}" draws: the decision row says the model does not take it, and a model change says it`, async () => {
      const el = await widget('google');
      await pick(el, 'model', 'gemini-3.1-flash-image');
      el.quality = name;
      await el.updateComplete;
      await until(() => part(el, 'decision')!.textContent!.includes('takes the quality'), 5_000, 'the refusal');
      expect(words(part(el, 'decision'))).to.include(`Nano Banana 2 takes the quality 512, 1K, 2K, 4K, not "${name}".`);
      await pick(el, 'model', 'gemini-3-pro-image');
      expect(announced(el)).to.include(`Nano Banana Pro does not make ${name}: the quality is 1K now.`);
      expect(decision(el).price).to.match(/\$/);
    });
});

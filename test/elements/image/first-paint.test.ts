// The widget's first paint is whole (SPEC §8): at its first render, before its panels load, it has the prompt, the model picker (every family the provider sells, one step away, priced), the shape radio group,
// the price and Generate, each usable; a page naming a model of the families besides FLUX is priced at once.
// Holds: src/elements/shared/panels-controller.ts
import { expect, oneEvent } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../src/base/types.js';
import { imageElement, decision, part, radios, words, type Attributes } from '../../support/widget.js';
import { controlledClock } from '../../support/clock.js';

/** The widget's own panels have not arrived (their More options' count group is theirs). */
const beforePanels = (el: UserPaysImage) => !el.shadowRoot!.querySelector('input[name=count]');

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A widget with `attributes`, at its first render (its custom state `rendered`, checked at each frame). */
async function imageWidget(attributes: Attributes): Promise<UserPaysImage> {
  const el = imageElement(document, attributes);
  document.body.append(el);
  while (!el.matches(':state(rendered)')) await nextFrame();
  return el;
}

describe('the first paint, before the panels', () => {
  for (const provider of Object.keys(PROVIDER_NAMES) as ProviderId[]) {
    it(`${provider}: the models and the shapes are radio groups at the first update, focusable and operable`, async () => {
      const el = await imageWidget({ provider, prompt: 'a fox' });
      expect(beforePanels(el), 'measured before the panels').to.equal(true);
      const models = radios(el, 'model');
      const shapes = radios(el, 'shape');
      if (provider === 'openai') {
        // OpenAI's own API sells GPT Image only, as its own shapes (GPT Image 1's three sizes, or 2's nine).
        expect(models.map((radio) => radio.value)).to.include('gpt-image-2');
      }
      expect(models.length, 'a model choice').to.be.greaterThan(0);
      expect(shapes.length, 'a shape choice').to.be.greaterThan(1);
      // Every card says its price (a bound as "at most").
      const prices = [...part(el, 'model')!.querySelectorAll('.model-choice .price')].map((price) => words(price));
      expect(
        prices.every((price) => /\$\d/.test(price)),
        prices.join(' | '),
      ).to.equal(true);
      // One Tab stop each: the checked radio; focus lands on it.
      const checked = shapes.find((radio) => radio.checked)!;
      checked.focus();
      expect(el.shadowRoot!.activeElement).to.equal(checked);
      // Operable: another shape changes the size asked, and the price follows in the same update.
      const other = shapes.find((radio) => !radio.checked)!;
      other.click();
      await nextFrame();
      expect(`${el.width}x${el.height}`).to.equal(other.value);
      expect(other.checked).to.equal(true);
      expect(decision(el).price).to.match(/\$\d/);
    });
  }

  describe('at Puter, once Imagen has ended there (2026-08-17)', () => {
    controlledClock('2026-11-28T12:00:00Z');

    it('names the provider’s other families in the step under the models, and a model of theirs is priced at once', async () => {
      const el = await imageWidget({ provider: 'puter', prompt: 'a fox' });
      expect(beforePanels(el)).to.equal(true);
      const step = part(el, 'model')!.querySelector('button.link');
      expect(words(step)).to.equal('More models: GPT Image, Nano Banana, Seedream…');
      const quoted = oneEvent(el, 'userpays-quote');
      el.model = 'seedream-4.5';
      await quoted;
      expect(el.quote).to.include({ model: 'seedream-4.5', total: '0.04' });
      expect(radios(el, 'model').find((radio) => radio.checked)?.value).to.equal('seedream-4.5');
    });
  });

  it('a custom width is a field at the first update', async () => {
    const el = await imageWidget({ provider: 'bfl', width: '1000', height: '1000' });
    expect(beforePanels(el)).to.equal(true);
    const width = el.shadowRoot!.querySelector<HTMLInputElement>('[part~=width]');
    expect(width?.value).to.equal('1000');
  });

  afterEach(() => document.querySelectorAll('userpays-image').forEach((el) => el.remove()));
});

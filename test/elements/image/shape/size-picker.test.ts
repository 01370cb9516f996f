// The size picker: one group of shapes from 21:9 to 9:21 (those the provider can make of the model), drawn at
// their ratio, and for rules in pixels one group of sizes of the shape in force, each exactly that shape (a
// "16:9" that is 7:4 would lie). Native radios: one Tab stop per group, arrows move within it.
// Holds: src/elements/image/shape/shape-picker.ts
// Holds: src/elements/image/shape/shape-view.ts
// Holds: src/elements/shared/choices/choices.ts
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { BUILTIN_PRICE_BOOK } from '../../../../src/providers/registry/prices.js';
import { sizeView } from '../../../../src/elements/image/shape/size-choices.js';
import { capabilityOf } from '../../../../src/pricing/capabilities.js';
import { imageWidget } from '../../../support/widget.js';

const shapes = (el: UserPaysImage) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=shape] input[type=radio]'),
];
const sizes = (el: UserPaysImage) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=size] input[type=radio]'),
];
const labelOf = (input: HTMLInputElement) => input.closest('label')!.textContent!.trim();
const widget = (provider: string, model: string) => imageWidget({ provider, model });

describe('<userpays-image>: the size picker', () => {
  it('offers, for every provider, model and shape, only sizes of exactly that shape', () => {
    let checked = 0;
    for (const [model, providers] of Object.entries(BUILTIN_PRICE_BOOK)) {
      for (const [provider, entry] of Object.entries(providers)) {
        const rule = capabilityOf(entry!, provider as never).sizes;
        for (const shape of sizeView(rule, 1024, 1024, false).shapes) {
          const [a, b] = shape.label.split(':').map(Number);
          const [width, height] = shape.value.split('x').map(Number);
          const view = sizeView(rule, width, height, false);
          expect(view.shapes.find((s) => s.selected)?.label, `${provider} ${model} ${shape.label}`).to.equal(
            shape.label,
          );
          // Exactly the shape; where the provider takes only a ratio and makes about 1 MP in sides of 16 (its own
          // choice, said beside the shapes), within 2 % of it.
          const allowed = view.providerPicks ? 0.02 : 1e-9;
          for (const size of [shape, ...view.sizes]) {
            const [w, h] = size.value.split('x').map(Number);
            expect(Math.abs(w / h / (a / b) - 1), `${provider} ${model} ${shape.label} ${size.value}`).to.be.at.most(
              allowed,
            );
            checked++;
          }
        }
      }
    }
    expect(checked).to.be.greaterThan(100);
  });

  // 4512×928 (4.9:1, a size the widget itself suggests) does not show "21:9" chosen.
  it('chooses no shape for a size typed that is none of them, and the nearest for one a little off it', () => {
    const rule = capabilityOf(BUILTIN_PRICE_BOOK['flux-2-klein-4b'].bfl!, 'bfl').sizes;
    const chosen = (width: number, height: number) =>
      sizeView(rule, width, height, true)
        .shapes.filter((shape) => shape.selected)
        .map((shape) => shape.label);
    expect(chosen(4512, 928)).to.deep.equal([]);
    expect(chosen(1008, 1024)).to.deep.equal(['1:1']);
    expect(chosen(1920, 816)).to.deep.equal(['21:9']);
  });

  it('offers the shapes from 21:9 to 9:21; one keeps the resolution in the new shape', async () => {
    const el = await widget('bfl', 'flux-2-pro');
    expect(shapes(el).map(labelOf)).to.deep.equal('21:9 16:9 3:2 4:3 1:1 3:4 2:3 9:16 9:21'.split(' '));
    expect(labelOf(shapes(el).find((s) => s.checked)!)).to.equal('1:1');
    shapes(el)[1].click();
    await el.updateComplete;
    expect([el.width, el.height]).to.deep.equal([1280, 720]);
    expect(shapes(el)[1].checked).to.equal(true);
    expect(sizes(el).map((s) => s.value)).to.deep.equal(['768x432', '1280x720', '2048x1152', '2560x1440']);
    expect(sizes(el).find((s) => s.checked)!.value).to.equal('1280x720');
    sizes(el)[2].click();
    await el.updateComplete;
    expect([el.width, el.height]).to.deep.equal([2048, 1152]);
    await expect(el).to.be.accessible();
  });

  it('draws each shape inside its card, however narrow the widget (a phone’s nine to a row, a folded one’s five)', async () => {
    for (const width of [362, 248]) {
      const el = await widget('bfl', 'flux-2-pro');
      el.style.width = `${width}px`;
      await el.updateComplete;
      for (const input of shapes(el)) {
        const card = input.closest('label')!.getBoundingClientRect();
        const drawn = input.closest('label')!.querySelector('.swatch')!.getBoundingClientRect();
        const where = `${labelOf(input)} at ${width} px`;
        expect(drawn.left, where).to.be.at.least(card.left);
        expect(drawn.right, where).to.be.at.most(card.right);
      }
    }
  });

  it('is one Tab stop per group; the arrows move the choice, and each target is at least 24 px', async () => {
    const el = await widget('bfl', 'flux-2-pro');
    const checked = shapes(el).find((s) => s.checked)!;
    checked.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(shapes(el)[3]);
    expect([el.width, el.height]).to.deep.equal([1152, 864]);
    await sendKeys({ press: 'Tab' });
    // Tab leaves the shapes for the next group, not the next shape
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).not.to.equal('shape');
    for (const label of el.shadowRoot!.querySelectorAll('[part~=shape]')) {
      const box = label.getBoundingClientRect();
      expect(Math.min(box.width, box.height), label.textContent!).to.be.at.least(24);
      expect(parseFloat(getComputedStyle(label).fontSize), label.textContent!).to.be.at.least(12);
    }
  });

  it('offers only what the model can make: FLUX1.1 [pro] stops at 1440 a side; Puter’s Replicate models take ratios', async () => {
    const pro11 = await widget('bfl', 'flux-pro-1.1');
    const largest = Math.max(...sizes(pro11).map((o) => Math.max(...o.value.split('x').map(Number))));
    expect(largest).to.be.at.most(1440);
    const puter = await widget('puter', 'flux-2-klein-4b');
    expect(sizes(puter)).to.deep.equal([]);
    expect(puter.shadowRoot!.querySelector('.pixels')!.textContent).to.contain("provider's pick");
    expect(puter.shadowRoot!.textContent).not.to.contain('Custom size');
  });

  it('has no shape to choose where the model edits an image at its own size', async () => {
    const fill = await widget('bfl', 'flux-pro-1.0-fill');
    expect(shapes(fill)).to.deep.equal([]);
    expect(fill.shadowRoot!.querySelector('[part~=size]')).to.equal(null);
  });
});

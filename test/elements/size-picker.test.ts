// The size picker: shape swatches from 21:9 to 9:21 (those the provider can make of the model) and the sizes of
// each shape grouped under it, every one exactly the shape it is filed under (a "16:9" that is 7:4 would lie).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { BUILTIN_PRICE_BOOK } from '../../src/pricing/index.js';
import { sizeView } from '../../src/elements/image/size-presets.js';
import { capabilityOf } from '../../src/pricing/quote.js';
import { uniqueStorageKey } from '../support/sim.js';

const swatches = (el: UserPaysImage) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=shape]')];
const select = (el: UserPaysImage) => el.shadowRoot!.querySelector<HTMLSelectElement>('[part~=size]')!;
const widget = (provider: string, model: string) =>
  fixture<UserPaysImage>(
    html`<userpays-image provider=${provider} model=${model} storage-key=${uniqueStorageKey()}></userpays-image>`,
  );

describe('<userpays-image>: the size picker', () => {
  it('files every size of every provider and model under its exact shape', () => {
    let checked = 0;
    for (const [model, providers] of Object.entries(BUILTIN_PRICE_BOOK)) {
      for (const [provider, entry] of Object.entries(providers)) {
        const view = sizeView(capabilityOf(entry!, provider as never).sizes, 1024, 1024, false);
        for (const group of view.groups) {
          const [a, b] = group.label.split(' ').at(-1)!.split(':').map(Number);
          for (const option of group.options) {
            const [width, height] = option.value.split('x').map(Number);
            // Exactly the shape; where the provider takes only a ratio and makes about 1 MP in sides of 16
            // (its own choice, said in the label), within 2 % of it.
            const off = Math.abs(width / height / (a / b) - 1);
            const allowed = option.label.includes('about 1 MP') ? 0.02 : 1e-9;
            expect(off, `${provider} ${model} ${option.label}`).to.be.at.most(allowed);
            checked++;
          }
        }
      }
    }
    expect(checked).to.be.greaterThan(100);
  });

  it('offers the shapes from 21:9 to 9:21 as swatches; one picks the same resolution in the new shape', async () => {
    const el = await widget('bfl', 'flux-2-pro');
    expect(swatches(el).map((s) => s.textContent!.trim())).to.deep.equal(
      '21:9 16:9 3:2 4:3 1:1 3:4 2:3 9:16 9:21'.split(' '),
    );
    expect(
      swatches(el)
        .find((s) => s.getAttribute('aria-checked') === 'true')!
        .textContent!.trim(),
    ).to.equal('1:1');
    swatches(el)[1].click();
    await el.updateComplete;
    expect([el.width, el.height]).to.deep.equal([1280, 720]);
    expect(select(el).value).to.equal('1280x720');
    expect(swatches(el)[1].getAttribute('aria-checked')).to.equal('true');
    const groups = [...select(el).querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).to.include('Landscape 16:9');
    expect(
      [...select(el).querySelectorAll('optgroup[label="Landscape 16:9"] option')].map((o) => o.textContent!.trim()),
    ).to.deep.equal(['768×432 · 0.3 MP', '1280×720 · 0.9 MP', '2048×1152 · 2.3 MP', '2560×1440 · 3.5 MP']);
    await expect(el).to.be.accessible();
  });

  it('offers only what the model can make: FLUX1.1 [pro] stops at 1440 a side; Puter’s Replicate models take ratios', async () => {
    const pro11 = await widget('bfl', 'flux-pro-1.1');
    const largest = Math.max(
      ...[...select(pro11).options]
        .filter((o) => o.value !== 'custom')
        .map((o) => Math.max(...o.value.split('x').map(Number))),
    );
    expect(largest).to.be.at.most(1440);
    const puter = await widget('puter', 'flux-2-klein-4b');
    expect([...select(puter).options].map((o) => o.value)).not.to.include('custom');
    expect(select(puter).options[0].textContent).to.contain('about 1 MP');
  });

  it('has no shape to choose where the model edits an image at its own size', async () => {
    const fill = await widget('bfl', 'flux-pro-1.0-fill');
    expect(swatches(fill)).to.deep.equal([]);
    expect(fill.shadowRoot!.querySelector('[part~=size]')).to.equal(null);
  });
});

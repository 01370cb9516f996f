// What the widget says about money, in words a person can check: why a preview is an estimate, and whether
// reference images add to the price.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { uniqueStorageKey } from '../support/sim.js';

const widget = (provider: string, model: string) =>
  fixture<UserPaysImage>(
    html`<userpays-image provider=${provider} model=${model} storage-key=${uniqueStorageKey()}></userpays-image>`,
  );
const costText = (el: UserPaysImage) => el.shadowRoot!.querySelector('[part~=cost]')!.textContent!;
const referencesNote = (el: UserPaysImage) => el.shadowRoot!.querySelector('.refs .muted')!.textContent!;

describe('<userpays-image>: money in words', () => {
  it('says in one line why a preview is an estimate, per provider, and nothing where it is exact', async () => {
    expect(costText(await widget('fal', 'flux-2-pro'))).to.contain('fal does not say what it charged');
    expect(costText(await widget('puter', 'flux-2-pro'))).to.contain("An estimate from Puter's price list");
    expect(costText(await widget('bfl', 'flux-2-pro'))).not.to.contain('estimate');
  });

  it('says reference images are billed where they are, and included where the price is flat', async () => {
    expect(referencesNote(await widget('bfl', 'flux-2-pro'))).to.contain('billed too');
    const flat = await widget('bfl', 'flux-kontext-pro');
    expect(referencesNote(flat)).to.contain('included in the price');
    expect(referencesNote(flat)).not.to.contain('billed');
  });
});

// The comparison for an edit (SPEC §13): while an image is edited, the price details compare every model and provider
// the page allows that makes this kind of edit, priced with the image sent, those priced before the click apart from
// those priced "at most"; a click on one switches to it, the image still the one edited.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { pngBlob } from '../../../support/images.js';
import { storageKeysForgottenAfterEach } from '../../../support/storage.js';
import { until, waitUntil } from '../../../support/wait.js';
import { imageWidget, openPriceDetails, part, words } from '../../../support/widget.js';

/** The comparison's groups, each its heading (where it has one) and its offers as "model | provider". */
function groups(el: UserPaysImage) {
  return [...part(el, 'compare')!.querySelectorAll('tbody')].map((body) => ({
    heading: words(body.querySelector('tr.group')),
    offers: [...body.querySelectorAll('tr[data-model]')].map(
      (row) => `${row.getAttribute('data-model')} | ${row.getAttribute('data-provider')}`,
    ),
  }));
}

describe('<userpays-image>: the comparison for an edit', function () {
  this.timeout(30_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  async function editing(kind = 'instruction') {
    const el = await imageWidget({
      provider: 'bfl',
      providers: 'bfl openai',
      locale: 'en-US',
      prompt: 'make the sky purple',
      'storage-key': newStorageKey(),
    });
    await el.editImage(await pngBlob(512, 512));
    const radio = () => part(el, 'editor')?.querySelector<HTMLInputElement>(`input[name=edit-kind][value=${kind}]`);
    await until(() => radio(), 10_000, 'the editor opens');
    if (!radio()!.checked) radio()!.click();
    await el.updateComplete;
    const details = await openPriceDetails(el);
    await waitUntil(() => part(el, 'compare'), 'the comparison');
    part(el, 'compare')!.querySelector('summary')!.click();
    await el.updateComplete;
    return { el, details };
  }

  it('lists only what makes an instruction edit, those priced before the click apart from the bounded', async () => {
    const { el } = await editing();
    const [before, atMost, ...rest] = groups(el);
    expect(before.heading).to.equal('Priced before the click');
    expect(before.offers).to.include.members(['flux-2-pro | bfl', 'flux-kontext-pro | bfl', 'flux-3-image | bfl']);
    expect(before.offers.every((offer) => offer.endsWith('| bfl'))).to.equal(true);
    expect(atMost.heading).to.equal('At most: the image is billed by what it takes, the charge said after');
    expect(atMost.offers).to.include('gpt-image-2 | openai');
    expect(atMost.offers.every((offer) => offer.startsWith('gpt-image'))).to.equal(true);
    // Neither what makes only a painted area's change or erase, nor FLUX1.1 [pro], which edits nothing.
    const listed = [before, atMost, ...rest].flatMap((group) => group.offers).join(' ');
    expect(listed).to.not.match(/flux-pro-1\.0-fill|flux-erase|flux-pro-1\.1 /);
    await expectWcag22(part(el, 'compare')!);
  });

  it('for a change of the painted area, Fill at BFL and GPT Image at OpenAI', async () => {
    const { el } = await editing('mask');
    const listed = groups(el).flatMap((group) => group.offers);
    expect(listed).to.include.members(['flux-pro-1.0-fill | bfl', 'gpt-image-2 | openai']);
    expect(listed.filter((offer) => offer.endsWith('| bfl'))).to.deep.equal(['flux-pro-1.0-fill | bfl']);
  });

  it('a click on an offer at another provider switches to it, the image still the one edited', async () => {
    const { el } = await editing();
    const shown = () => part(el, 'editor')?.querySelector<HTMLImageElement>('.edit-image');
    const line = part(el, 'compare')!.querySelector<HTMLElement>('tr[data-model="gpt-image-2"][data-provider=openai]')!;
    line.click();
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['openai', 'gpt-image-2']);
    await until(() => shown()?.naturalWidth === 512, 5_000, 'the image edited is still the one shown');
    expect(el.quote?.lines.map((each) => each.label)).to.include(
      'The image to edit: about 1,536 tokens (may vary, at most 4,096)',
    );
  });
});

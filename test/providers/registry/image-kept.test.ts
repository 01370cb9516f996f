// What a provider says it keeps of an image it is sent is said beside the upload of an image of the user's own (SPEC
// §13): in More options, and under the image in the editor; nothing is claimed for a provider that says nothing, nor
// for an image the provider made itself.
// Holds: src/providers/registry/image-kept.ts
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { imageKeptAt } from '../../../src/providers/registry/image-kept.js';
import { pngBlob } from '../../support/images.js';
import { simEndpoint, uniqueStorageKey } from '../../support/sim.js';
import { until } from '../../support/wait.js';
import { imageWidget, part, words } from '../../support/widget.js';

const FAL = 'fal keeps this image at an address anyone who has it can open, for at least 7 days.';

/** More options opened, and what it says under "Edit an image of your own" ('' where nothing). */
async function besideTheUpload(el: UserPaysImage) {
  const more = await until(() => part(el, 'more') as HTMLDetailsElement | null, 10_000, 'More options');
  more.open = true;
  await until(() => el.shadowRoot!.querySelector('.edit-own'), 10_000, 'the way to edit one of one’s own');
  return words(el.shadowRoot!.querySelector('.edit-own .kept'));
}

describe('what a provider keeps of an image it is sent', function () {
  this.timeout(30_000);

  it('is each provider’s own word, and OpenAI’s only at OpenAI’s own API', () => {
    expect(imageKeptAt('openai', '')).to.equal('abuse-logs-30-days');
    expect(imageKeptAt('openai', 'https://gateway.example/v1'), 'a gateway is not OpenAI').to.equal(undefined);
    expect(imageKeptAt('google', '')).to.equal('abuse-logs-55-days');
    expect(imageKeptAt('fal', simEndpoint('fal'))).to.equal('public-address-7-days');
    expect(imageKeptAt('bfl', ''), 'BFL says nothing of it: nothing is claimed').to.equal(undefined);
  });

  it('is said beside the upload and under one’s own image in the editor', async () => {
    const attributes = { locale: 'en-US', 'storage-key': uniqueStorageKey() };
    const el = await imageWidget({ ...attributes, provider: 'fal', endpoint: simEndpoint('fal') });
    expect(await besideTheUpload(el)).to.equal(FAL);
    await el.editImage(await pngBlob(256, 256));
    await until(() => part(el, 'editor')?.querySelector('.kept'), 10_000, 'the editor says it');
    expect(words(part(el, 'editor')!.querySelector('.kept'))).to.equal(FAL);
    const bfl = await imageWidget({ ...attributes, provider: 'bfl', endpoint: simEndpoint('bfl') });
    expect(await besideTheUpload(bfl), 'BFL says nothing of it').to.equal('');
  });

  it('in the page’s language', async () => {
    const el = await imageWidget({ lang: 'de', provider: 'fal', endpoint: simEndpoint('fal') });
    await until(() => el.shadowRoot!.querySelector('[part~=more]')?.textContent?.includes('Weitere'), 10_000, 'German');
    expect(await besideTheUpload(el)).to.equal(
      'fal bewahrt dieses Bild unter einer Adresse auf, die jeder öffnen kann, der sie kennt, mindestens 7 Tage lang.',
    );
  });
});

// UserPays.generate() edits an image as the widget's editor does (SPEC §13): the image as a Blob or as the id of an
// image of the gallery (the result then names it, `editOf`), a mask as a Blob of its size; made at the image's size
// unless the page names one; an erase needs no prompt; what it cannot take is refused in words before anything is sent.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { UserPaysError } from '../../src/base/errors.js';
import { ImageStore } from '../../src/images/image-store.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { bflEndpoint, simCharged, simLogOf, unique } from '../support/sim.js';
import { maskPng, pngBlob } from '../support/images.js';

describe('UserPays.generate, editing an image', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();
  const options = (run: string, storageKey = newStorageKey()) => ({
    apiKey: unique('sim-headless-edit'),
    storageKey,
    endpoint: bflEndpoint(`pending=40;deliveryCors=1;run=${run}`),
  });

  it('repaints what the mask paints, at $0.05, the mask sent beside the image', async () => {
    const run = unique();
    const settings = options(run);
    const result = await generate(
      {
        provider: 'bfl',
        model: 'flux-pro-1.0-fill',
        prompt: 'a red door',
        edit: { image: await pngBlob(256, 192), kind: 'mask', mask: await maskPng(256, 192) },
      },
      settings,
    );
    expect(result.charged).to.equal('0.05');
    expect(await simCharged('bfl', settings.apiKey)).to.equal('0.05');
    expect(result.images[0]).to.include({ width: 256, height: 192 });
    const [sent] = (await simLogOf('bfl', run)).filter((entry) => entry.method === 'POST');
    expect((sent as any).mask).to.deep.equal([256, 192]);
    expect(result.editOf).to.equal(undefined); // a Blob of the page's: no image of the gallery
  });

  it('edits an image of the gallery by its id, and names it in the result', async () => {
    const storageKey = newStorageKey();
    const first = await generate(
      { provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a lighthouse', width: 512, height: 512 },
      options(unique(), storageKey),
    );
    expect(first.images).to.have.length(1);
    const [{ id }] = await new ImageStore({ storageKey }).list();
    const edited = await generate(
      { provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'at night', edit: { image: id, kind: 'instruction' } },
      options(unique(), storageKey),
    );
    expect(edited.editOf).to.equal(id);
    // No size named: the edit is made at the image's own (512², as FLUX.2 makes it).
    expect(edited.images[0]).to.include({ width: 512, height: 512 });
    // FLUX.2 [klein] 4B: 1.4 credits for the image made (one started MP), 0.1 for the image edited (512², one too).
    expect(edited.charged).to.equal('0.015');
  });

  it('erases what is painted with no prompt, at FLUX Erase', async () => {
    const run = unique();
    const result = await generate(
      {
        provider: 'bfl',
        model: 'flux-erase',
        prompt: '',
        edit: { image: await pngBlob(256, 256), kind: 'erase', mask: await maskPng(256, 256) },
      },
      options(run),
    );
    expect(result.images).to.have.length(1);
    const [sent] = (await simLogOf('bfl', run)).filter((entry) => entry.method === 'POST');
    expect(sent.path).to.contain('/v1/flux-tools/erase-v1');
    expect((sent as any).fields).to.not.include('prompt');
  });

  it('refuses what it cannot take, in words, before anything is sent', async () => {
    const refusal = async (edit: unknown, prompt = 'x') => {
      try {
        await generate({ provider: 'bfl', model: 'flux-pro-1.0-fill', prompt, edit } as never, options(unique()));
      } catch (error) {
        return error as UserPaysError;
      }
      throw new Error('expected a refusal');
    };
    for (const edit of [{ kind: 'mask' }, { image: 42, kind: 'mask' }, { image: await pngBlob(8, 8), kind: 'paint' }]) {
      const error = await refusal(edit);
      expect(error).to.be.instanceOf(UserPaysError);
      expect(error.code).to.equal('invalid-input');
    }
    const noMask = await refusal({ image: await pngBlob(64, 64), kind: 'mask' });
    expect(noMask.message).to.equal('Paint the area to change on the image first.');
    const notKept = await refusal({ image: 'no-such-image', kind: 'instruction' });
    expect(notKept.message).to.contain('No image "no-such-image" is kept in this browser');
  });
});

// What fal refuses in an edit, and what it bills for it, as the fal simulator plays it (demo/sim/fal-edits.mjs): a mask
// of another size, a prompt to Erase, more images than an endpoint takes, an input it cannot read; and the widget
// editing at fal, each refusal said in words, in English and in German, with the money as it stands.
// Holds: src/providers/fal/words.ts
// Holds: src/translations/de/providers/fal.ts
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { de } from '../../src/translations/de.js';
import { uploadedToFal } from '../support/fal-uploads.js';
import { maskPng, pngBlob, referenceImage } from '../support/images.js';
import { jsonPostedDuring } from '../support/record-fetches.js';
import { simCharged, simEndpoint, simLogOf, submitToFal, unique, uniqueStorageKey } from '../support/sim.js';
import { until } from '../support/wait.js';
import { imageWidget, part, words } from '../support/widget.js';

const FILL = 'fal-ai/flux-pro/v1/fill';
const ERASE = 'fal-ai/flux-pro/v1/erase';
const SEEDREAM_EDIT = 'fal-ai/bytedance/seedream/v4.5/edit';

/** `body` submitted to `app` at the fal simulator with `key` (a run of its own), and its result once finished. */
async function ran(key: string, app: string, body: object) {
  const run = unique('fal-edit');
  const sim = simEndpoint('fal', `pending=30;run=${run}`);
  const submitted = await submitToFal(sim, key, app, body);
  if (submitted.status !== 200) return { run, submitted, result: undefined };
  const result = await until(
    async () => {
      const reply = await fetch(submitted.body.response_url, { headers: { Authorization: `Key ${key}` } });
      return reply.status === 400 ? undefined : { status: reply.status, body: await reply.json() };
    },
    10_000,
    'the request finished',
  );
  return { run, submitted, result };
}

describe('the fal simulator refuses in an edit what fal refuses, and bills it as fal bills it', function () {
  this.timeout(20_000);

  it('a mask of another size: taken, then refused once the request ran (422 in fal’s shape), and billed', async () => {
    const key = unique('sim-edit');
    const image = await uploadedToFal(referenceImage(64, 48).dataUrl, key);
    const mask = await uploadedToFal(await maskPng(32, 32), key);
    const { submitted, result } = await ran(key, FILL, { prompt: 'a kite', image_url: image, mask_url: mask });
    expect(submitted.status).to.equal(200);
    expect(result!.status).to.equal(422);
    expect(result!.body.detail).to.have.length(1);
    expect(result!.body.detail[0]).to.deep.include({ loc: ['body', 'mask_url'], type: 'value_error' });
    expect(result!.body.detail[0].msg).to.match(/must match the dimensions of the input image/);
    expect(result!.body.detail[0].url).to.equal('https://docs.fal.ai/errors#value_error');
    // "Client-side errors like invalid inputs (HTTP 422) may still be charged if a runner spent GPU time": billed.
    expect(await simCharged('fal', key)).to.equal('0.05');
  });

  it('a prompt, or a seed, to Erase, which takes neither: refused at submit, nothing billed', async () => {
    const key = unique('sim-edit');
    const image = await uploadedToFal(referenceImage(64, 64).dataUrl, key);
    const mask = await uploadedToFal(await maskPng(64, 64), key);
    const { submitted } = await ran(key, ERASE, { image_url: image, mask_url: mask, prompt: 'remove it', seed: 3 });
    expect([submitted.status, submitted.body.detail]).to.deep.equal([
      422,
      [
        { loc: ['body', 'prompt'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
        { loc: ['body', 'seed'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
      ],
    ]);
    const taken = await ran(key, ERASE, { image_url: image, mask_url: mask });
    expect(taken.result!.status).to.equal(200);
    expect(await simCharged('fal', key), 'only the one it took').to.equal('0.042');
  });

  it('more images than an endpoint takes: Fill one (a list refused), Seedream the last 10 of 11, as fal says', async () => {
    const key = unique('sim-edit');
    const image = await uploadedToFal(referenceImage(64, 64).dataUrl, key);
    const mask = await uploadedToFal(await maskPng(64, 64), key);
    const { submitted } = await ran(key, FILL, { prompt: 'p', image_url: [image, image], mask_url: mask });
    expect(submitted.status).to.equal(422);
    expect(submitted.body.detail[0]).to.deep.include({ loc: ['body', 'image_url'], type: 'string_type' });
    expect(await simCharged('fal', key)).to.equal('0');
    const images = await Promise.all(
      Array.from({ length: 11 }, (_, n) => uploadedToFal(referenceImage(64 + n, 64).dataUrl, key)),
    );
    const eleven = await ran(key, SEEDREAM_EDIT, {
      prompt: 'p',
      image_urls: images,
      image_size: { width: 2048, height: 2048 },
    });
    expect(eleven.result!.status).to.equal(200);
    const [submit] = (await simLogOf('fal', eleven.run)).filter((entry) => entry.path.endsWith(SEEDREAM_EDIT));
    // "If over 10 images are sent, only the last 10 will be used": the first, the image to edit, left out.
    expect([(submit as any).dropped, submit.inputs![0]]).to.deep.equal([1, [65, 64]]);
    expect(await simCharged('fal', key)).to.equal('0.04');
  });

  it('an input it cannot read: a data URI refused at submit; one it cannot download or load refused once it ran, billed', async () => {
    const key = unique('sim-edit');
    const mask = await uploadedToFal(await maskPng(64, 64), key);
    const inline = referenceImage(64, 64).dataUrl;
    const { submitted } = await ran(key, FILL, { prompt: 'p', image_url: inline, mask_url: mask });
    expect([submitted.status, submitted.body.detail[0].type]).to.deep.equal([422, 'url_scheme']);
    expect(await simCharged('fal', key)).to.equal('0');
    const elsewhere = await ran(key, FILL, { prompt: 'p', image_url: 'https://example.com/cat.png', mask_url: mask });
    expect([elsewhere.result!.status, elsewhere.result!.body.detail[0].type]).to.deep.equal([
      422,
      'file_download_error',
    ]);
    const broken = await uploadedToFal(referenceImage(64, 64).dataUrl, key, 'upload=corrupt');
    const unreadable = await ran(key, FILL, { prompt: 'p', image_url: broken, mask_url: mask });
    expect(unreadable.result!.body.detail[0]).to.deep.include({ loc: ['body', 'image_url'], type: 'image_load_error' });
    // Each ran (it downloaded or tried): billed as a 1 MP image, the stricter of what fal allows itself.
    expect(await simCharged('fal', key)).to.equal('0.1');
  });

  it('its storage takes an image only with the key and an image type, and keeps it as sent', async () => {
    const initiate = (headers: Record<string, string>, body: object) =>
      fetch(`${simEndpoint('fal')}/storage/upload/initiate?storage_type=fal-cdn-v3`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const keyless = await initiate({}, { content_type: 'image/png', file_name: 'a.png' });
    expect([keyless.status, await keyless.json()]).to.deep.equal([401, { detail: 'Authorization header is required' }]);
    expect(
      (await initiate({ Authorization: 'Key k' }, { content_type: 'text/html', file_name: 'a.html' })).status,
    ).to.equal(422);
    const blob = await pngBlob(40, 30);
    const kept = await (await fetch(await uploadedToFal(blob, 'k'))).arrayBuffer();
    expect(new Uint8Array(kept)).to.deep.equal(new Uint8Array(await blob.arrayBuffer()));
  });
});

describe('<userpays-image provider="fal">: editing', function () {
  this.timeout(30_000);

  /** A widget at the fal simulator (across origins, as fal is) under `scenario`, a key of its own, in `lang`. */
  const falWidget = (scenario: string, lang = 'en') =>
    imageWidget(
      {
        provider: 'fal',
        model: 'flux-2-klein-4b',
        locale: 'en-US',
        lang,
        prompt: 'a red door',
        'storage-key': uniqueStorageKey(),
        endpoint: simEndpoint('fal', `pending=40;${scenario}`, { crossOrigin: true }),
      },
      { apiKey: unique('sim-widget-edit') },
    );
  const fill = async () => ({ image: await pngBlob(256, 256), kind: 'mask' as const, mask: await maskPng(256, 256) });

  it('repaints what is painted with Fill: the mask sent, $0.05 quoted and booked, a version made', async () => {
    const el = await falWidget('run=' + unique());
    const edit = await fill();
    const { outcome, bodies } = await jsonPostedDuring(() => el.generate({ edit }));
    expect(outcome.quote.model, 'the model that makes this kind of edit').to.equal('flux-pro-1.0-fill');
    expect(el.model, "the form's own model, back once the edit is made").to.equal('flux-2-klein-4b');
    const sent = bodies.find((body) => 'mask_url' in body)!;
    expect(sent).to.include({ prompt: 'a red door', num_images: 1 });
    expect([outcome.charged, outcome.images[0].width, outcome.images[0].height]).to.deep.equal(['0.05', 256, 256]);
    expect(el.tally).to.include({ spent: '0.05', images: 1 });
  });

  it('an image fal cannot read: fal’s refusal said, and that it may have charged for it, counted as possibly spent', async () => {
    const el = await falWidget('upload=corrupt');
    const error = await el.generate({ edit: await fill() }).catch((thrown) => thrown);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.match(/^fal refused the request \(image_url: Failed to load the image/);
    expect(error.message).to.contain('fal may have charged $0.05 all the same, counted as possibly spent.');
    await el.updateComplete;
    expect(words(part(el, 'error'))).to.contain('fal may have charged $0.05');
    expect(el.tally).to.include({ spent: '0', uncertain: '0.05' });
  });

  it('an image fal’s storage refuses: said in words, the request never sent, nothing charged', async () => {
    const el = await falWidget('upload=refused');
    const error = await el.generate({ edit: await fill() }).catch((thrown) => thrown);
    expect([error.code, error.message]).to.deep.equal([
      'provider-error',
      "fal's file storage did not take the image to send (HTTP 403), so the request was not sent. Try again. " +
        'Nothing was charged.',
    ]);
    expect(el.tally?.uncertain).to.equal(undefined);
    expect(el.tally?.spent).to.equal('0');
  });

  it('in German: the storage’s refusal, and that nothing was charged', async () => {
    const el = await falWidget('upload=refused', 'de');
    await el.generate({ edit: await fill() }).catch(() => undefined);
    await until(() => part(el, 'error'), 10_000, 'the error shown');
    const said = words(part(el, 'error'));
    expect(said).to.contain(de.fal.uploadRefused(403));
    expect(said).to.contain(de.generation.nothingCharged());
  });
});

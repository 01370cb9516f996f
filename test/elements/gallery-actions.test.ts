// The gallery as a workbench: each image says what it is (model, provider, size, seed, charge, date) and offers
// open, download under a meaningful name, copy, reuse, vary, use as reference, finalize a draft, delete; paid
// generations that brought no image are listed with their reason and cost. The seed is always known.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { downloadName } from '../../src/elements/panels/result.js';
import type { SubmitDetail } from '../../src/base/types.js';
import { bflWidget } from '../support/bfl-widget.js';
import { simLog, submissionsSince, uniqueStorageKey } from '../support/sim.js';

const RUN = uniqueStorageKey();
const ours = async (before: number) =>
  (await submissionsSince(before)).filter((entry) => entry.path.includes(`run=${RUN}`));
const gallery = (el: UserPaysImage) => el.shadowRoot!.querySelector<HTMLElement>('[part~=gallery]')!;
const action = (el: UserPaysImage, name: string) =>
  gallery(el).querySelector<HTMLButtonElement>(`li:first-child [data-action=${name}]`)!;
const said = (el: UserPaysImage) => [...el.shadowRoot!.querySelectorAll('[role=status]')].map((n) => n.textContent);

async function widget(scenario = 'pending=60', seed?: number) {
  const el = await bflWidget({ scenario, run: RUN, prompt: 'A red fox, in the snow!', apiKey: 'sim-test-key' });
  if (seed !== undefined) el.seed = seed;
  await el.updateComplete;
  return el;
}

async function generated(scenario?: string, seed?: number) {
  const el = await widget(scenario, seed);
  await el.generate();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=gallery] li'), 'the gallery shows it');
  return el;
}

describe('<userpays-image>: the gallery', () => {
  it('names a download by its prompt and seed', () => {
    expect(downloadName('A red fox, in the snow!', 42)).to.equal('a-red-fox-in-the-snow-seed-42.png');
    expect(downloadName('Ünïcödé — café', undefined, 'image/jpeg')).to.equal('unicode-cafe.jpg');
    expect(downloadName('!!!', 1, 'image/webp')).to.equal('image-seed-1.webp');
  });

  it('says what each image is and offers its actions, named for the image', async () => {
    const el = await generated(undefined, 42);
    const item = gallery(el).querySelector('li')!;
    expect(item.textContent).to.contain('FLUX.2 [klein] 4B · BFL · 1024×1024 · seed 42');
    expect(item.textContent).to.contain('$0.014');
    const download = item.querySelector<HTMLAnchorElement>('a[download]')!;
    expect(download.download).to.equal('a-red-fox-in-the-snow-seed-42.png');
    expect(download.href).to.match(/^blob:/);
    expect(item.querySelector('.actions a[target=_blank]')!.getAttribute('aria-label')).to.contain('Open full size');
    for (const name of ['copy', 'reuse', 'vary', 'reference', 'finalize', 'delete']) {
      expect(action(el, name), name).to.exist;
      expect(action(el, name).getAttribute('aria-label'), name).to.contain('A red fox');
    }
    await expect(el).to.be.accessible();
  });

  it('sends a random seed when none is set, and shows it with the image', async () => {
    const el = await widget();
    const submitted = oneEvent(el, 'userpays-submit');
    const result = el.generate();
    const { request } = (await submitted).detail as SubmitDetail;
    expect(request.seed).to.be.a('number');
    const { images } = await result;
    expect(images[0].seed).to.equal(request.seed);
    await waitUntil(() => gallery(el)?.textContent?.includes(`seed ${request.seed}`), 'the seed is shown');
  });

  it('reuses the prompt, settings and seed; varies with a new seed', async () => {
    const el = await generated(undefined, 42);
    Object.assign(el, { prompt: 'something else', model: 'flux-2-max', width: 512, height: 512, seed: 7 });
    action(el, 'reuse').click();
    await el.updateComplete;
    expect([el.prompt, el.model, el.width, el.height, el.seed]).to.deep.equal([
      'A red fox, in the snow!',
      'flux-2-klein-4b',
      1024,
      1024,
      42,
    ]);
    action(el, 'vary').click();
    await el.updateComplete;
    expect(el.seed).to.equal(undefined);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[part~=seed]')!.value).to.equal('');
  });

  it('finalizes a draft on FLUX.2 [pro] with the same seed, showing the price before anything is sent', async () => {
    const el = await generated(undefined, 42);
    expect(action(el, 'finalize').textContent!.trim()).to.equal('Finalize on FLUX.2 [pro] · $0.03');
    const before = (await simLog()).length;
    action(el, 'finalize').click();
    await el.updateComplete;
    expect([el.model, el.seed, el.prompt]).to.deep.equal(['flux-2-pro', 42, 'A red fox, in the snow!']);
    expect(el.quote!.total).to.equal('0.03');
    expect(el.shadowRoot!.querySelector('[part~=submit]')!.textContent).to.contain('$0.03');
    expect(await ours(before)).to.deep.equal([]);
  });

  it('uses an image as a reference, and deletes one (its charge stays booked)', async () => {
    const el = await generated();
    action(el, 'reference').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.chips li').length === 1, 'the reference is added');
    expect(el.quote!.inputMegapixels).to.equal(1);
    action(el, 'delete').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~=gallery] li'), 'the image is gone');
    expect(el.tally!.spent).to.equal('0.014');
  });

  it('says whether the copy worked', async () => {
    const el = await generated();
    action(el, 'copy').click();
    await waitUntil(() => said(el).some((sentence) => /copied|did not let/.test(sentence ?? '')), 'it says so');
  });

  it('lists a paid generation that brought no image, with what it cost and why', async () => {
    const el = await widget('fault=content-moderated;pending=60');
    await el.generate().catch(() => {});
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=failures]'), 'the paid failure is listed');
    const failure = el.shadowRoot!.querySelector('[part~=failures] li')!.textContent!;
    expect(failure).to.contain('FLUX.2 [klein] 4B at BFL');
    expect(failure).to.contain('$0.014 charged');
    expect(failure).to.contain('safety');
  });
});

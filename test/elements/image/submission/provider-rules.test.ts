// The widget against simulators as strict as the real services (demo/sim/): what it sends is what each
// provider takes — Puter's Replicate ratios and Together's single reference through the real Puter SDK, BFL's
// 4 MP references priced exactly as sent — and what a provider would refuse is refused before anything leaves.
// Holds: src/elements/image/options/panel/reference-handlers.ts
// Holds: src/elements/image/options/panel/reference-images.ts
// Holds: src/images/reference-images.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { until } from '../../../support/wait.js';
import { PUTER_SRC, puterCalls, puterEndpoint, setPuterAccount, signedInToPuter } from '../../../support/puter.js';
import { bflEndpoint, submissionsOf, unique, uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget, panelsLoaded, part, priceDetailsText, radios, words } from '../../../support/widget.js';
import { pngFile } from '../../../support/images.js';

/** The reference images chosen, as their thumbnails show them. */
const thumbs = (el: UserPaysImage) => [...el.shadowRoot!.querySelectorAll('.thumbs li')];

/** The reference picker's file field: named, as More options has another (Edit an image of your own, where a model edits). */
const referencesInput = (el: UserPaysImage) => el.shadowRoot!.querySelector<HTMLInputElement>('#references-input');

/** Chooses files in the widget's reference picker, as the user would, and waits until they are read. */
async function choose(el: UserPaysImage, files: File[]) {
  await panelsLoaded(el); // the references are under More options, which comes with the panels
  const input = referencesInput(el)!;
  const chosen = new DataTransfer();
  for (const file of files) chosen.items.add(file);
  input.files = chosen.files;
  input.dispatchEvent(new Event('change'));
  await until(() => thumbs(el).length > 0);
  await el.updateComplete;
}

describe('Puter through its real SDK, against the strict simulator', function () {
  this.timeout(20_000);
  let token: string;

  before(async () => {
    ({ token } = await signedInToPuter()); // loaded as the widget loads it, then signed in without a popup
  });

  async function puterWidget(model: string, marker: string) {
    const el = await imageWidget({
      provider: 'puter',
      model,
      locale: 'en-US',
      endpoint: puterEndpoint(`run=${marker}`),
      'puter-src': PUTER_SRC,
      prompt: 'a harbour at dawn',
    });
    return el;
  }

  it('[klein] 4B at the 16:9 preset: the ratio sent is 16:9 (one Replicate accepts), made at about 1 MP', async () => {
    const marker = unique();
    const el = await puterWidget('flux-2-klein-4b', marker);
    const wide = radios(el, 'shape').find((shape) => words(shape.closest('label')) === '16:9')!;
    wide.click();
    await el.updateComplete;
    // The provider picks the pixels of the ratio (about 1 MP), and says so; there is no size to type.
    expect(words(el.shadowRoot!.querySelector('.pixels'))).to.match(/^≈ \d+ × \d+, provider's pick$/);
    const [width, height] = words(el.shadowRoot!.querySelector('.pixels')).match(/\d+/g)!.map(Number);
    expect(width * height).to.be.within(0.9 * 1024 * 1024, 1.1 * 1024 * 1024);
    expect(radios(el, 'size')).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).not.to.contain('Custom size');
    const result = await el.generate();
    const [call] = await puterCalls(marker);
    expect((call as unknown as { ratio: string }).ratio).to.equal('16:9');
    const made = result.images[0];
    expect(Math.abs(made.width / made.height - 16 / 9)).to.be.below(0.02);
    expect(made.width * made.height).to.be.within(0.9 * 1024 * 1024, 1.1 * 1024 * 1024);
  });

  it('a balance short of the price: both amounts, where to add funds and a cheaper model it covers; nothing sent', async () => {
    const marker = unique();
    await setPuterAccount(token, { balance: 500_000 }); // $0.005: [klein] 4B ($0.001) fits, [pro] does not
    try {
      const el = await puterWidget('flux-2-pro', marker);
      const error = await el.generate().catch((e) => e);
      expect(error.code).to.equal('insufficient-funds');
      expect(error.message).to.match(
        /^This costs \$0\.\d+ and your Puter account has \$0\.005 left\. Add funds at puter\.com/,
      );
      expect(error.message).to.contain('or choose FLUX.2 [klein] 4B ($0.001)');
      await el.updateComplete;
      // A link to where Puter's own SDK sends a low balance, opened beside the page, in the submission's error (the
      // reason beside Generate, an error too, offers the cheaper model).
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~=error].error-box a')!;
      expect([link.href, link.target, link.textContent!.trim()]).to.deep.equal([
        'https://puter.com/dashboard/#home',
        '_blank',
        'Open your Puter dashboard ↗',
      ]);
      expect(await puterCalls(marker)).to.deep.equal([]);
    } finally {
      await setPuterAccount(token, { balance: 50_000_000 });
    }
  });

  it('Kontext without the image to edit is refused before anything is sent', async () => {
    const marker = unique();
    const el = await puterWidget('flux-kontext-pro', marker);
    expect(part(el, 'decision')!.textContent).to.contain('add the image to edit');
    const error = await el.generate().catch((e) => e);
    expect(error.code).to.equal('invalid-input');
    expect(await puterCalls(marker)).to.deep.equal([]);
  });

  it('[flex] never sends two images: the picker keeps one, and one reaches Puter', async () => {
    const marker = unique();
    const el = await puterWidget('flux-2-flex', marker);
    await choose(el, [await pngFile(640, 480, 'a.png'), await pngFile(480, 640, 'b.png')]);
    expect(thumbs(el)).to.have.length(1);
    // Full: no way to choose another, and it says how many of how many.
    expect(referencesInput(el) === null, 'a file field for more references').to.equal(true);
    expect(words(el.shadowRoot!.querySelector('.drop'))).to.contain('1 of 1');
    await el.generate();
    const [call] = await puterCalls(marker);
    expect((call as unknown as { inputs: number }).inputs).to.equal(1);
  });
});

describe('BFL, against the strict simulator', () => {
  it('a 6 MP reference reaches BFL at 4 MP or less, and the charge is exactly what the preview said', async () => {
    const marker = uniqueStorageKey();
    const endpoint = bflEndpoint(`pending=50;run=${marker}`);
    const attributes = { provider: 'bfl', model: 'flux-2-pro', locale: 'en-US', endpoint };
    const el = await imageWidget({ ...attributes, prompt: 'the same harbour, in autumn' }, { apiKey: 'sim-rules-key' });
    await choose(el, [await pngFile(3000, 2000)]);
    expect(el.quote?.total).to.equal('0.09'); // 3 + 4 MP × 1.5 credits, not 3 + 6 × 1.5
    expect(await priceDetailsText(el)).to.contain('resized from 3000×2000');
    expect(el.shadowRoot!.querySelector('.thumbs')!.textContent).to.contain('3000×2000 → 2449×1632');
    // Its own cost beside it: 2449×1632 is 4 started MP (of 1,048,576 px) at 1.5 credits.
    expect(el.shadowRoot!.querySelector('.thumbs')!.textContent).to.contain('adds 4 MP = $0.06');
    const result = await el.generate();
    expect(result.charged).to.equal(el.quote!.total);
    const [submit] = await submissionsOf('bfl', `run=${marker}`);
    const [[width, height]] = submit.inputs as [number, number][];
    expect([width, height]).to.deep.equal([2449, 1632]);
    expect(width * height).to.be.at.most(4 * 1024 * 1024);
  });
});

describe('reference images given by drop or paste', () => {
  it('takes images dropped on the reference area or pasted into the form, and leaves pasted text alone', async () => {
    const el = await imageWidget({ provider: 'bfl', model: 'flux-2-pro' });
    await panelsLoaded(el); // the drop zone is under More options, which comes with the panels
    const files = new DataTransfer();
    files.items.add(await pngFile(640, 480, 'dropped.png'));
    const drop = new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true });
    el.shadowRoot!.querySelector('.refs .drop')!.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    await until(() => thumbs(el).length === 1);
    const pasted = new DataTransfer();
    pasted.items.add(await pngFile(480, 640, 'pasted.png'));
    const paste = new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true });
    el.shadowRoot!.querySelector('textarea')!.dispatchEvent(paste);
    await until(() => thumbs(el).length === 2);
    expect(el.quote!.inputMegapixels).to.equal(2);
    const chips = thumbs(el).map((chip) => chip.textContent!.replace(/\s+/g, ' '));
    expect(chips.map((chip) => chip.includes('adds 1 MP = $0.015'))).to.deep.equal([true, true]);
    // A flat price includes its references: nothing is said to be added.
    el.model = 'flux-kontext-pro';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.thumbs')!.textContent).not.to.contain('adds');
    expect(el.shadowRoot!.querySelector('.refs')!.textContent).to.contain('included in the price');
    const text = new DataTransfer();
    text.items.add('just words', 'text/plain');
    const words = new ClipboardEvent('paste', { clipboardData: text, bubbles: true, cancelable: true });
    el.shadowRoot!.querySelector('textarea')!.dispatchEvent(words);
    expect(words.defaultPrevented, 'text pastes as text').to.equal(false);
  });

  it('a file that is not an image, dropped or chosen with good ones, is said under the drop zone, and the good ones are kept', async () => {
    const el = await imageWidget({ provider: 'bfl', model: 'flux-2-pro', prompt: 'a fox' });
    await panelsLoaded(el);
    const files = new DataTransfer();
    files.items.add(await pngFile(640, 480, 'first.png'));
    files.items.add(new File(['just words'], 'notes.txt', { type: 'text/plain' }));
    files.items.add(await pngFile(480, 640, 'second.png'));
    el.shadowRoot!.querySelector('.refs .drop')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }),
    );
    await until(() => thumbs(el).length === 2);
    await el.updateComplete;
    const said = el.shadowRoot!.querySelector('.refs .drop + .refused');
    expect(words(said)).to.equal('"notes.txt" is not a PNG, JPEG or WebP image. Choose one of those.');
    expect(words(el.shadowRoot!.querySelector('.canvas')), 'nothing said in the canvas').not.to.contain('notes.txt');
    expect(part(el, 'error'), 'no error of a submission').to.equal(null);
    // The file input is described by it; a next choice that is all images clears it.
    expect(referencesInput(el)!.getAttribute('aria-describedby')).to.equal(said!.id);
    await choose(el, [await pngFile(320, 320, 'third.png')]);
    await until(() => thumbs(el).length === 3);
    expect(el.shadowRoot!.querySelector('.refs .refused')).to.equal(null);
  });

  it('on a phone, why a file was refused is brought into view clear of the pinned row', async () => {
    const el = await imageWidget({ provider: 'bfl', model: 'flux-2-pro', prompt: 'a fox', style: 'width: 366px' });
    await panelsLoaded(el);
    scrollTo(0, 0);
    const files = new DataTransfer();
    files.items.add(new File(['just words'], 'notes.txt', { type: 'text/plain' }));
    el.shadowRoot!.querySelector('.refs .drop')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }),
    );
    await until(() => el.shadowRoot!.querySelector('#references-refused'));
    await until(() => {
      const said = el.shadowRoot!.querySelector('#references-refused')!.getBoundingClientRect();
      const row = part(el, 'decision')!.getBoundingClientRect();
      return said.top >= 0 && said.bottom <= row.top;
    }, 3000);
  });
});

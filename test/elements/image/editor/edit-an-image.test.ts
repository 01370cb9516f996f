// Editing an image the widget made, as a user does, by keyboard: Edit on the image opens the editor where the result
// was; "Change the painted area" takes a model that repaints a mask (BFL's Fill), a rectangle is placed and painted with
// the keys, the price is the edit's ($0.05, exact), and Generate sends the image with the mask, black and white at the
// image's size, white exactly where painted; the result is a new version of the image, booked once.
// Holds: src/elements/image/editor/panel/editor-feature.ts
// Holds: src/elements/image/editor/panel/view/index.ts
// Holds: src/elements/image/editor/panel/view/editor-template.ts
// Holds: src/elements/image/editor/panel/view/editor.styles.ts
// Holds: src/images/masks.ts
import { expect, oneEvent } from '@open-wc/testing';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { typeInstruction } from '../../../support/editor.js';
import { pngBlob } from '../../../support/images.js';
import { jsonPostedDuring } from '../../../support/record-fetches.js';
import { base64Png } from '../../../support/png-pixels.js';
import { simEndpoint, unique, uniqueStorageKey } from '../../../support/sim.js';
import { mergePriceBook } from '../../../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../../../src/providers/registry/prices.js';
import { until, waitUntil } from '../../../support/wait.js';
import {
  blocked,
  decision,
  generateButton,
  imageAction,
  imageWidget,
  part,
  tiles,
  words,
} from '../../../support/widget.js';

const RUN = uniqueStorageKey();

/** A key pressed on the painting area. */
function press(area: HTMLElement, key: string) {
  area.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** A BFL widget with one image made, its Edit clicked: the editor open on it. */
async function editing(): Promise<{ el: UserPaysImage; source: string }> {
  const el = await bflWidget({ scenario: 'pending=40', run: RUN, prompt: 'a lighthouse at dusk', apiKey: 'sim-edit' });
  await el.generate();
  await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
  const source = tiles(el)[0].dataset.id!;
  (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
  await until(() => part(el, 'editor'), 10_000, 'the editor opens');
  await el.updateComplete;
  return { el, source };
}

describe('<userpays-image>: editing an image', function () {
  this.timeout(30_000);

  it('Edit opens the editor where the result was, on that image, asking what to do', async () => {
    const { el } = await editing();
    const editor = part(el, 'editor')!;
    expect(editor.getAttribute('aria-label')).to.equal('Edit this image');
    expect(editor.querySelector<HTMLImageElement>('.edit-image')!.src).to.match(/^data:image\/png/);
    const kinds = [...editor.querySelectorAll<HTMLInputElement>('input[name=edit-kind]')];
    expect(kinds.map((kind) => [kind.value, kind.checked, kind.disabled])).to.deep.equal([
      ['instruction', true, false],
      ['mask', false, false],
      ['erase', false, false],
      ['extend', false, false],
    ]);
    expect(words(editor)).to.contain('What to change');
    await expectWcag22(el);
  });

  it('paints a rectangle by keyboard, prices the repaint exactly, sends the mask, makes a new version', async () => {
    const { el, source } = await editing();
    const editor = part(el, 'editor')!;
    editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-pro-1.0-fill');
    // Nothing painted yet: Generate waits, and says what to do, with the way there.
    expect(generateButton(el).disabled).to.equal(true);
    expect(blocked(el).reason).to.contain('Paint the area to change on the image first.');
    const area = part(el, 'mask')!;
    area.focus();
    press(area, 'Enter'); // a rectangle, a quarter of the image each way, in its middle
    press(area, 'Enter'); // painted
    await el.updateComplete;
    const instruction = editor.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
    instruction.value = 'a red door';
    instruction.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(generateButton(el).disabled).to.equal(false);
    expect(decision(el).price).to.equal('$0.05');
    const result = oneEvent(el, 'userpays-result');
    const { bodies } = await jsonPostedDuring(async () => {
      generateButton(el).click();
      return result;
    });
    const { detail } = await result;
    expect(detail.editOf).to.equal(source);
    expect(detail.charged).to.equal('0.05');
    const fill = bodies.find((body) => 'mask' in body)!;
    expect(fill.prompt).to.equal('a red door');
    expect(fill.mask === fill.image, 'the mask is not the image').to.equal(false);
    const mask = await base64Png(fill.mask);
    expect([mask.width, mask.height, mask.levels]).to.deep.equal([1024, 1024, [0, 255]]);
    expect(mask.white).to.equal(256 * 256);
    expect([
      mask.at(512, 512),
      mask.at(384, 384),
      mask.at(383, 383),
      mask.at(639, 639),
      mask.at(640, 640),
    ]).to.deep.equal([255, 255, 0, 255, 0]);
    // The new version is shown where the editor stood, with its own Edit to go on from it.
    await until(() => !part(el, 'editor'), 10_000, 'the editor gives way to the result');
    await waitUntil(() => tiles(el)[0]?.dataset.id !== source, 'the new version is the latest');
    expect(imageAction(tiles(el)[0], 'edit')).to.not.equal(null);
    expect(el.tally?.images).to.equal(2);
  });

  it('Stop editing gives the form back its model', async () => {
    const { el } = await editing();
    part(el, 'editor')!.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-pro-1.0-fill');
    [...part(el, 'editor')!.querySelectorAll('button')].find((button) => words(button) === 'Stop editing')!.click();
    await el.updateComplete;
    expect(part(el, 'editor')).to.equal(null);
    expect(el.model).to.equal('flux-2-klein-4b');
  });
});

/** The RGB of an image's pixels, decoded by the browser, at the size it has. */
async function rgbOf(url: string) {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return {
    width: bitmap.width,
    at: (x: number, y: number) => [...data.slice((y * bitmap.width + x) * 4, (y * bitmap.width + x) * 4 + 3)],
  };
}

describe('<userpays-image>: a GPT Image edit keeps what is not painted', function () {
  this.timeout(40_000);
  const OPENAI_BOOK = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);

  it('lays the result over the original through the mask, says so, and shows what the provider made', async () => {
    const run = unique('edit-gpt');
    const el = await imageWidget(
      {
        provider: 'openai',
        // Sold on every day the suite runs at (1.5 and 1-mini shut down on 2026-12-01).
        model: 'gpt-image-2',
        prompt: 'a teapot on a table',
        locale: 'en-US',
        'storage-key': uniqueStorageKey(),
        endpoint: simEndpoint('openai', `pending=20;run=${run}`, { crossOrigin: true }),
      },
      { priceBook: OPENAI_BOOK, apiKey: unique('sk-edit') },
    );
    const first = await el.generate();
    const original = await rgbOf(first.images[0].url);
    await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
    (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
    await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    await el.updateComplete;
    part(el, 'editor')!.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('gpt-image-2');
    const area = part(el, 'mask')!;
    area.focus();
    press(area, 'Enter');
    press(area, 'Enter');
    await el.updateComplete;
    // The image and the mask are each a line of the price, "at most": GPT Image bills them in tokens.
    expect(el.quote!.lines.map((line) => line.label)).to.include.members([
      'The image to edit: about 1,536 tokens (may vary, at most 4,096)',
      'The painted area sent: none expected (may vary, at most 4,096 tokens)',
    ]);
    await typeInstruction(el, 'a blue teapot');
    const edited = await el.generate();
    const result = await rgbOf(edited.images[0].url);
    expect(result.width).to.equal(original.width);
    // Outside the painted square (a quarter of the image each way, in its middle) and its feathered edge: the original.
    const size = original.width;
    for (const [x, y] of [
      [0, 0],
      [size - 1, 0],
      [10, size - 1],
      [size / 4 - 10, size / 2],
      [size / 2, (3 * size) / 4 + 10],
    ])
      expect(result.at(x, y), `${x},${y}`).to.deep.equal(original.at(x, y));
    // Where painted, what GPT Image made (the simulator repaints the whole image: it differs from the original there).
    expect(result.at(size / 2, size / 2)).to.not.deep.equal(original.at(size / 2, size / 2));
    await until(() => part(el, 'kept-outside'), 10_000, 'the result says what lies outside the painted area');
    expect(words(part(el, 'kept-outside'))).to.contain('Outside the painted area: your original, pixel for pixel.');
    part(el, 'kept-outside')!.querySelector('button')!.click();
    await until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.lightbox')?.open, 5_000, 'the lightbox');
    const shown = el.shadowRoot!.querySelector<HTMLImageElement>('dialog.lightbox img')!;
    const asMade = await rgbOf(shown.src);
    expect(asMade.at(0, 0), 'the provider’s own result, all of it').to.not.deep.equal(original.at(0, 0));
  });
});

describe('<userpays-image>: editing an image of one’s own', function () {
  this.timeout(20_000);

  it('More options offers it where a model here edits; the chosen image opens in the editor', async () => {
    const el = await bflWidget({ run: RUN, apiKey: 'sim-edit-own' });
    const more = part(el, 'more') as HTMLDetailsElement;
    more.open = true;
    await until(() => el.shadowRoot!.querySelector('.edit-own input[type=file]'), 10_000, 'the way to one’s own image');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('.edit-own input[type=file]')!;
    expect(words(input.closest('label'))).to.equal('Edit an image of your own');
    const files = new DataTransfer();
    files.items.add(new File([await pngBlob(300, 200)], 'mine.png', { type: 'image/png' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => part(el, 'editor'), 10_000, 'the editor opens on it');
    await el.updateComplete;
    expect(el.quote?.inputMegapixels).to.equal(1); // the image sent, 300×200, one started megapixel
    // Not a version of any image of the gallery: its result will name none.
    expect(el.shadowRoot!.querySelector('.edit-own')).to.equal(null);
  });
});

describe('<userpays-image edit="off">', function () {
  this.timeout(20_000);

  it('offers no editing while the page turns it off, and closes an editor open', async () => {
    const { el } = await editing();
    el.setAttribute('edit', 'off');
    await until(() => !part(el, 'editor'), 5_000, 'the editor closes');
    await el.updateComplete;
    expect(imageAction(tiles(el)[0], 'edit')).to.equal(null);
    (part(el, 'more') as HTMLDetailsElement).open = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.edit-own')).to.equal(null);
    el.setAttribute('edit', 'on');
    await until(() => imageAction(tiles(el)[0], 'edit'), 5_000, 'Edit is offered again');
  });
});

describe('<userpays-image>: Edit where a model edits', function () {
  this.timeout(20_000);

  it('is not offered where no model of the provider in force edits images (Hugging Face’s router today)', async () => {
    const { el } = await editing();
    (part(el, 'editor')!.querySelector('button.secondary') as HTMLButtonElement).click(); // Stop editing
    el.provider = 'huggingface';
    el.endpoint = simEndpoint('huggingface');
    await until(() => tiles(el)[0] && !imageAction(tiles(el)[0], 'edit'), 5_000, 'Edit goes');
    (part(el, 'more') as HTMLDetailsElement).open = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.edit-own')).to.equal(null);
  });
});

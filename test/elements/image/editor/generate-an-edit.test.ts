// A page asks for an edit itself (`el.generate({ edit })`, SPEC §13): the editor opens on the image it names (a Blob or
// an image of the gallery), with its kind and its mask as given, and sends it as a user's edit is sent; what the widget
// cannot make is refused in words before anything is sent. An edit asks for the image's shape and size, as the model
// makes it. And the image sent whole, where each input megapixel is billed: offered with what it adds, and sent so. A
// page may also hand an image in for the user to edit (`el.editImage(image)`): the editor opens on it, nothing sent.
// Holds: src/images/edit-input.ts
// Holds: src/strings/edit-input.ts
// Holds: src/elements/image/editor/panel/image-drop.ts
// Holds: src/elements/image/editor/panel/page-edits.ts
import { expect, oneEvent } from '@open-wc/testing';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { typeInstruction } from '../../../support/editor.js';
import { maskPng, pngBlob } from '../../../support/images.js';
import { base64Png } from '../../../support/png-pixels.js';
import { jsonPostedDuring } from '../../../support/record-fetches.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { decision, imageWidget, part, tiles, words } from '../../../support/widget.js';

const RUN = uniqueStorageKey();

/** What `el.generate(options)` is refused with, and whether the widget said it (`userpays-error`). */
async function refusal(el: UserPaysImage, options: unknown) {
  const said = oneEvent(el, 'userpays-error');
  const { outcome, bodies } = await jsonPostedDuring(() =>
    el.generate(options as Parameters<UserPaysImage['generate']>[0]).then(
      () => undefined,
      (error: { code: string; message: string }) => error,
    ),
  );
  return { error: outcome, said: (await said).detail, sent: bodies.length };
}

describe('<userpays-image>: generate({ edit })', function () {
  this.timeout(30_000);

  it('edits the Blob it is given through the mask given, sends both, and names it as kept for its edits', async () => {
    const el = await bflWidget({ run: RUN, prompt: 'a red door', apiKey: 'sim-generate-edit' });
    const [image, mask] = [await pngBlob(256, 256), await maskPng(256, 256)];
    const { outcome, bodies } = await jsonPostedDuring(() => el.generate({ edit: { image, kind: 'mask', mask } }));
    // The page's image, kept beside its edits (docs/editing.md, "Versions"): no image of the gallery's own.
    expect(outcome.editOf).to.match(/^own-/);
    expect(outcome.charged).to.equal('0.05');
    const fill = bodies.find((body) => 'mask' in body)!;
    expect(fill.prompt).to.equal('a red door');
    const sent = await base64Png(fill.mask);
    expect([sent.width, sent.height, sent.levels, sent.white]).to.deep.equal([256, 256, [0, 255], 128 * 128]);
    expect([sent.at(128, 128), sent.at(64, 64), sent.at(63, 63), sent.at(192, 192)]).to.deep.equal([255, 255, 0, 0]);
  });

  it('edits an image of the gallery by its id, the result a version of it', async () => {
    const el = await bflWidget({ run: RUN, prompt: 'a lighthouse', apiKey: 'sim-generate-edit' });
    await el.generate();
    await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
    const source = tiles(el)[0].dataset.id!;
    el.prompt = 'the lighthouse at night';
    const { outcome, bodies } = await jsonPostedDuring(() =>
      el.generate({ edit: { image: source, kind: 'instruction' } }),
    );
    expect(outcome.editOf).to.equal(source);
    const sent = bodies.find((body) => body.prompt === 'the lighthouse at night')!;
    expect(sent.input_image, 'the image to edit is sent as the first input').to.be.a('string');
    expect(el.tally?.images).to.equal(2);
  });

  it('refuses in words what it cannot make, and sends nothing', async () => {
    const el = await bflWidget({ run: RUN, prompt: 'a red door', apiKey: 'sim-generate-edit' });
    const image = await pngBlob(256, 256);
    const unknownKind = await refusal(el, { edit: { image, kind: 'recolour' } });
    expect(unknownKind.error?.code).to.equal('invalid-input');
    expect(unknownKind.said.message).to.equal(unknownKind.error?.message);
    const otherSize = await refusal(el, { edit: { image, kind: 'mask', mask: await maskPng(128, 128) } });
    expect(otherSize.error?.code).to.equal('invalid-input');
    expect(otherSize.error?.message).to.contain('128');
    expect(part(el, 'editor'), 'an edit it could not make leaves no editor open').to.equal(null);
    const noImage = await refusal(el, { edit: { kind: 'instruction' } });
    expect(noImage.error?.message).to.contain('edit must be { image, kind, mask?, extend?, whole? }');
    el.setAttribute('edit', 'off');
    const off = await refusal(el, { edit: { image, kind: 'instruction' } });
    expect(off.error?.message).to.equal(
      'Editing is turned off on this widget (edit="off"): turn it on to send an edit.',
    );
    expect([unknownKind, otherSize, noImage, off].map(({ sent }) => sent)).to.deep.equal([0, 0, 0, 0]);
  });
});

describe('<userpays-image>: editImage(image)', function () {
  this.timeout(30_000);

  it('opens the editor on the image a page hands in, sending nothing until the user does', async () => {
    const el = await bflWidget({ run: RUN, prompt: 'a red door', apiKey: 'sim-edit-image' });
    const image = await pngBlob(300, 200);
    const { bodies } = await jsonPostedDuring(() => el.editImage(image));
    expect(bodies, 'nothing is sent on opening').to.deep.equal([]);
    const shown = () => part(el, 'editor')?.querySelector<HTMLImageElement>('.edit-image');
    await until(() => shown()?.naturalWidth === 300, 5_000, 'the image handed in is the one edited');
    expect(el.quote?.lines.map((line) => line.label)).to.include('The image to edit (1 MP)');
    await typeInstruction(el, 'a green door');
    const sent = await jsonPostedDuring(() => el.generate());
    expect(sent.outcome.editOf, 'an image of the page’s own, kept for its edits').to.match(/^own-/);
    expect(sent.bodies[0].input_image, 'sent as the image to edit').to.be.a('string');
  });

  it('an image of the gallery, by its id, is edited as a version of it', async () => {
    const el = await bflWidget({ run: RUN, prompt: 'a lighthouse', apiKey: 'sim-edit-image' });
    await el.generate();
    await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
    const source = tiles(el)[0].dataset.id!;
    await el.editImage(source);
    await typeInstruction(el, 'the lighthouse at night');
    expect((await el.generate()).editOf).to.equal(source);
  });

  it('refuses in words where it cannot edit, and opens nothing', async () => {
    const el = await bflWidget({ run: RUN, apiKey: 'sim-edit-image' });
    const refused = async (image: unknown) => {
      const said = oneEvent(el, 'userpays-error');
      const error = await el.editImage(image as Blob).then(
        () => undefined,
        (thrown: { code: string; message: string }) => thrown,
      );
      return { error, said: (await said).detail };
    };
    const notAnImage = await refused(42);
    expect(notAnImage.error?.code).to.equal('invalid-input');
    expect(notAnImage.said.message).to.equal(notAnImage.error?.message);
    const unreadable = await refused(new Blob(['not a picture'], { type: 'text/plain' }));
    expect(unreadable.error?.code).to.equal('invalid-input');
    el.setAttribute('edit', 'off');
    expect((await refused(await pngBlob(64, 64))).error?.message).to.equal(
      'Editing is turned off on this widget (edit="off"): turn it on to send an edit.',
    );
    expect(part(el, 'editor')).to.equal(null);
  });

  it('where no model of the provider edits, says so naming the provider', async () => {
    const el = await imageWidget({ provider: 'huggingface', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    const error = await el.editImage(await pngBlob(64, 64)).then(
      () => undefined,
      (thrown: { code: string; message: string }) => thrown,
    );
    expect(error?.code).to.equal('invalid-input');
    expect(error?.message).to.equal(
      'No model at Hugging Face edits images: choose a provider whose models do, then edit the image.',
    );
  });
});

/** `file` dropped where results are shown, once the widget takes it there (the panels are here). */
async function dropOnCanvas(el: UserPaysImage, file: File) {
  const canvas = el.shadowRoot!.querySelector<HTMLElement>('.canvas')!;
  const files = new DataTransfer();
  files.items.add(file);
  const drag = (type: string) =>
    canvas.dispatchEvent(new DragEvent(type, { dataTransfer: files, bubbles: true, composed: true, cancelable: true }));
  await until(() => !drag('dragover'), 10_000, 'the place of results takes a dropped image');
  expect(canvas.hasAttribute('data-drop'), 'it says it takes it').to.equal(true);
  expect(getComputedStyle(canvas).outlineStyle, 'a dashed frame, seen').to.equal('dashed');
  drag('drop');
  expect(canvas.hasAttribute('data-drop')).to.equal(false);
}

describe('<userpays-image>: an image of one’s own dropped or pasted', function () {
  this.timeout(30_000);

  it('dropped where results are shown, opens in the editor; pasted there, takes its place', async () => {
    const el = await bflWidget({ run: RUN, apiKey: 'sim-edit-drop' });
    await dropOnCanvas(el, new File([await pngBlob(300, 200)], 'mine.png', { type: 'image/png' }));
    await until(() => part(el, 'editor'), 10_000, 'the editor opens on it');
    await el.updateComplete;
    const shown = () => part(el, 'editor')?.querySelector<HTMLImageElement>('.edit-image');
    await until(() => shown()?.naturalWidth === 300, 5_000, 'the dropped image is the one edited');
    const pasted = new DataTransfer();
    pasted.items.add(new File([await pngBlob(200, 300)], 'pasted.png', { type: 'image/png' }));
    part(el, 'editor')!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, composed: true, cancelable: true }),
    );
    await until(() => shown()?.naturalWidth === 200, 10_000, 'the pasted image is the one edited');
    expect(el.shadowRoot!.querySelectorAll('.thumbs li').length, 'not a reference image').to.equal(0);
  });

  it('a file that is no image is refused in words, and nothing opens', async () => {
    const el = await bflWidget({ run: RUN, apiKey: 'sim-edit-drop' });
    const said = oneEvent(el, 'userpays-error');
    await dropOnCanvas(el, new File(['not a picture'], 'notes.txt', { type: 'text/plain' }));
    const { detail } = await said;
    expect(detail.code).to.equal('invalid-input');
    expect(detail.message).to.contain('notes.txt');
    expect(part(el, 'editor')).to.equal(null);
  });
});

describe('<userpays-image>: an image to edit sent whole', function () {
  this.timeout(30_000);

  it('is offered where each input megapixel is billed, with what it adds, and sent whole once chosen', async () => {
    const el = await bflWidget({ run: RUN, prompt: 'a fox', apiKey: 'sim-edit-whole' });
    expect(el.model).to.equal('flux-2-klein-4b');
    // 1,600 × 1,000: 1.6 MP, sent at 1 MP unless kept whole.
    await dropOnCanvas(el, new File([await pngBlob(1600, 1000)], 'large.png', { type: 'image/png' }));
    await until(() => part(el, 'editor')?.querySelector('.edit-whole'), 10_000, 'the choice to send it whole');
    // The edit asks for the image's shape and size, as the model makes it (sides in steps of 16).
    expect([el.width, el.height]).to.deep.equal([1600, 992]);
    const resized = decision(el).price;
    const choice = part(el, 'editor')!.querySelector<HTMLLabelElement>('.edit-whole')!;
    expect(words(choice)).to.match(/^Send it whole, 1\.5 MP: \$0\.\d+ more \(otherwise at 1 MP\)$/);
    choice.querySelector('input')!.click();
    await el.updateComplete;
    expect(decision(el).price).to.not.equal(resized);
    await typeInstruction(el, 'the sky purple');
    const { outcome, bodies } = await jsonPostedDuring(() => el.generate());
    expect(outcome.images.length).to.equal(1);
    const sent = await base64Png(bodies.find((body) => body.prompt === 'the sky purple')!.input_image);
    expect([sent.width, sent.height]).to.deep.equal([1600, 1000]);
  });

  it('Stop editing gives the form back the size it had', async () => {
    const el = await bflWidget({ run: RUN, apiKey: 'sim-edit-whole' });
    await dropOnCanvas(el, new File([await pngBlob(1600, 1000)], 'large.png', { type: 'image/png' }));
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens on it');
    expect([el.width, el.height]).to.deep.equal([1600, 992]);
    [...editor.querySelectorAll('button')].find((button) => words(button) === 'Stop editing')!.click();
    await el.updateComplete;
    expect([el.width, el.height]).to.deep.equal([1024, 1024]);
  });
});

// Extending an image in the widget (SPEC §13), as a user does: "Extend the image" loads the extension and takes a model
// that extends (BFL's FLUX Outpainting); until a side is extended Generate says so, its fix on the first side; a side
// typed, the price follows the new canvas; Generate sends the image whole with its offsets, and the result is a new
// version of the canvas's size. By keyboard alone as well, axe finding nothing in any state. At fal, whose outpaint
// takes no instruction, the instruction box says so and that the instruction typed is not sent, and none is. In German on a
// lang="de" page. On the demo's strict Content-Security-Policy, nothing is refused and the picture has its height.
// Holds: src/elements/image/editor/panel/extension.ts
// Holds: src/elements/image/editor/panel/editor-blocked.ts
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { typeInstruction } from '../../../support/editor.js';
import { demoWidget, forgetDemo, openDemo } from '../../../support/demo.js';
import { pngBlob } from '../../../support/images.js';
import { jsonPostedDuring } from '../../../support/record-fetches.js';
import { bflEndpoint, falEndpoint, unique, uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { blocked, decision, generateButton, imageWidget, part, tiles, words } from '../../../support/widget.js';

/** What has the focus inside the widget. */
const focused = (el: UserPaysImage) => el.shadowRoot!.activeElement;

/**
 * The editor open on a 1024 × 768 image of the page's (`editImage`), its instruction typed where one is given, then
 * "Extend the image" chosen, its part loaded.
 */
async function extending(el: UserPaysImage, instruction?: string) {
  await el.editImage(await pngBlob(1024, 768));
  const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
  if (instruction) await typeInstruction(el, instruction);
  editor.querySelector<HTMLInputElement>('input[value=extend]')!.click();
  await until(() => part(el, 'extend'), 10_000, 'the extension loads');
  await el.updateComplete;
  return editor;
}

/** A side typed in its field, as a user types it. */
async function type(el: UserPaysImage, side: string, value: string) {
  const field = part(el, 'extend')!.querySelector<HTMLInputElement>(`input[name=${side}]`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<userpays-image>: extending an image', function () {
  this.timeout(40_000);

  it('at BFL: prices the new canvas, sends the image with its offsets, and makes a new version of that size', async () => {
    const el = await bflWidget({ scenario: 'pending=40', prompt: 'a lighthouse at dusk', apiKey: 'sim-extend' });
    const editor = await extending(el);
    expect(el.model).to.equal('flux-outpainting');
    // BFL's takes an instruction for the new area, which it may not follow.
    expect(words(editor.querySelector('label[for=edit-instruction]'))).to.equal(
      'What to put in the new area (optional)',
    );
    expect(words(editor.querySelector('#edit-instruction-hint'))).to.equal(
      'FLUX Outpainting may not follow it: what is in the image leads.',
    );
    // Its own field, empty as the editor opens: the form's prompt is not sent as what to put there.
    expect(editor.querySelector<HTMLTextAreaElement>('#edit-instruction')!.value).to.equal('');
    await typeInstruction(el, 'more sea');
    // Nothing extended: Generate waits, and its fix goes to the first side.
    expect(generateButton(el).disabled).to.equal(true);
    expect(blocked(el).reason).to.equal('Extend at least one side: every side is 0 pixels now.');
    blocked(el).fix!.click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('extend-top');
    await type(el, 'right', '512');
    await type(el, 'top', '8');
    // 1536 × 776: 2 started megapixels at 10 credits (Runware's figure; BFL's own UNVERIFIED).
    await waitUntil(() => decision(el).price === '$0.20', 'the price of the new canvas');
    expect(words(part(el, 'extend')!.querySelector('[role=status]'))).to.equal('Extended to 1536×776 pixels, 1.1 MP.');
    // The form says the size it makes.
    expect([el.width, el.height]).to.deep.equal([1536, 776]);
    const result = oneEvent(el, 'userpays-result');
    const { bodies } = await jsonPostedDuring(async () => {
      generateButton(el).click();
      return result;
    });
    const sent = bodies.find((body) => 'input_image' in body)!;
    expect([sent.width, sent.height, sent.reference_offset_x, sent.reference_offset_y]).to.deep.equal([
      1536, 776, 0, 8,
    ]);
    expect(sent.prompt).to.equal('more sea');
    const { detail } = await result;
    expect([detail.images[0].width, detail.images[0].height, detail.charged]).to.deep.equal([1536, 776, '0.2']);
    await until(() => !part(el, 'editor'), 10_000, 'the editor gives way to the result');
    await waitUntil(() => tiles(el)[0], 'the new version is shown');
  });

  it('generate({ edit }) with an extend sends its sides, with no prompt where none is given', async () => {
    const el = await bflWidget({ scenario: 'pending=40', prompt: '', apiKey: 'sim-extend-page' });
    el.model = 'flux-outpainting';
    const extend = { top: 0, right: 0, bottom: 96, left: 32 };
    const image = await pngBlob(320, 240);
    const { bodies, outcome } = await jsonPostedDuring(() => el.generate({ edit: { image, kind: 'extend', extend } }));
    const sent = bodies.find((body) => 'input_image' in body)!;
    expect([sent.width, sent.height, sent.reference_offset_x, sent.reference_offset_y]).to.deep.equal([
      352, 336, 32, 0,
    ]);
    expect(sent).to.not.have.property('prompt');
    expect(outcome.images[0]).to.include({ width: 352, height: 336 });
  });

  it('by keyboard alone: the kind, each side typed and stepped, Generate; axe finds nothing in any state', async () => {
    const el = await bflWidget({ scenario: 'pending=40', prompt: 'a lighthouse', apiKey: 'sim-extend-keys' });
    await el.editImage(await pngBlob(1024, 768));
    await until(() => focused(el)?.matches('input[name=edit-kind]:checked'), 10_000, 'the kind takes the focus');
    await expectWcag22(el);
    await sendKeys({ press: 'ArrowUp' }); // round to the last: "Extend the image"
    await until(() => part(el, 'extend'), 10_000, 'the extension loads');
    await el.updateComplete;
    await expectWcag22(el);
    for (let press = 0; press < 10 && focused(el)?.id !== 'extend-top'; press++) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id, 'Tab reaches the top side').to.equal('extend-top');
    await sendKeys({ press: 'Tab' }); // the right side
    await sendKeys({ type: '256' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Tab' }); // the bottom side
    await sendKeys({ type: '64' });
    await el.updateComplete;
    expect(words(part(el, 'extend')!.querySelector('[role=status]'))).to.equal('Extended to 1281×832 pixels, 1 MP.');
    await waitUntil(() => decision(el).price === '$0.20', 'priced');
    await expectWcag22(el);
    for (let press = 0; press < 30 && !focused(el)?.matches('[part~=submit]'); press++)
      await sendKeys({ press: 'Tab' });
    const result = oneEvent(el, 'userpays-result');
    const { bodies } = await jsonPostedDuring(async () => {
      await sendKeys({ press: 'Enter' });
      return result;
    });
    const sent = bodies.find((body) => 'input_image' in body)!;
    expect([sent.width, sent.height, sent.reference_offset_x, sent.reference_offset_y]).to.deep.equal([
      1281, 832, 0, 0,
    ]);
  });

  it('at fal: says its outpaint takes no instruction and the instruction typed is not sent, and sends none', async () => {
    const el = await imageWidget(
      {
        provider: 'fal',
        endpoint: falEndpoint(`pending=40;run=${unique()}`),
        model: 'flux-2-klein-4b',
        prompt: 'a sandy beach',
        locale: 'en-US',
        'storage-key': uniqueStorageKey(),
      },
      { apiKey: 'fal-extend-widget' },
    );
    const editor = await extending(el, 'a sandy beach');
    expect(el.model).to.equal('flux-outpainting');
    expect(editor.querySelector('#edit-instruction')).to.equal(null);
    const said =
      'FLUX Outpainting takes no instruction: it continues the image by itself, and “a sandy beach” is not sent.';
    expect(words(editor.querySelector('.edit-no-instruction'))).to.equal(said);
    // None typed: it says only that it continues the image.
    editor.querySelector<HTMLInputElement>('input[value=instruction]')!.click();
    await el.updateComplete;
    await typeInstruction(el, '');
    editor.querySelector<HTMLInputElement>('input[value=extend]')!.click();
    await el.updateComplete;
    expect(words(editor.querySelector('.edit-no-instruction'))).to.equal(
      'FLUX Outpainting takes no instruction: it continues the image by itself.',
    );
    await type(el, 'left', '256');
    // 1280 × 768 made (1 MP started… 0.94 MP: one) and the 1024 × 768 image's one: $0.03 + $0.015.
    await waitUntil(() => decision(el).price === '$0.045', 'priced at fal');
    await expectWcag22(el);
    const result = oneEvent(el, 'userpays-result');
    const { bodies } = await jsonPostedDuring(async () => {
      generateButton(el).click();
      return result;
    });
    const sent = bodies.find((body) => 'image_url' in body)!;
    expect(sent).to.not.have.property('prompt');
    expect([sent.expand_left, sent.expand_right]).to.deep.equal([256, 0]);
    expect((await result).detail.images[0]).to.include({ width: 1280, height: 768 });
  });

  it('in German on a lang="de" page', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <userpays-image
          provider="bfl"
          model="flux-2-klein-4b"
          prompt="ein Leuchtturm"
          storage-key=${uniqueStorageKey()}
          endpoint=${bflEndpoint(`run=${unique()}`)}
        ></userpays-image>
      </div>`,
    );
    const el = box.querySelector<UserPaysImage>('userpays-image')!;
    el.apiKey = 'sim-extend-de';
    await el.updateComplete;
    const editor = await extending(el);
    expect(words(editor.querySelector('input[value=extend]')!.closest('label'))).to.equal('Bild erweitern');
    const extension = part(el, 'extend')!;
    expect(words(extension.querySelector('legend'))).to.equal('Wie weit erweitern, in Pixeln');
    expect(words(extension.querySelector('.extend-instructions'))).to.match(/^Ziehen Sie einen Rand des Bildes/);
    expect(blocked(el).reason).to.equal('Erweitern Sie mindestens eine Seite: Jede Seite hat jetzt 0 Pixel.');
    await type(el, 'right', '100');
    expect(words(extension.querySelector('[role=status]'))).to.equal('Erweitert auf 1124×768 Pixel, 0,8 MP.');
    expect(words(editor.querySelector('label[for=edit-instruction]'))).to.equal(
      'Was in den neuen Bereich soll (freiwillig)',
    );
    await expectWcag22(el);
  });
});

describe('<userpays-image>: extending on a page with a strict Content-Security-Policy', function () {
  this.timeout(40_000);
  afterEach(forgetDemo);

  it('the demo refuses nothing of the extension, and its picture has its height', async () => {
    const view = await openDemo(1280);
    const refused: string[] = [];
    view.document.addEventListener('securitypolicyviolation', (event) =>
      refused.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    const widget = await demoWidget(view, 'bfl');
    // A Blob of the demo's own window, as its page would hand it.
    await widget.editImage(new (view as typeof window).Blob([await pngBlob(640, 480)], { type: 'image/png' }));
    const root = widget.shadowRoot!;
    await until(() => root.querySelector('[part~=editor] input[value=extend]'), 10_000);
    root.querySelector<HTMLInputElement>('[part~=editor] input[value=extend]')!.click();
    const picture = await until(() => root.querySelector<SVGSVGElement>('[part~=extend] svg'), 10_000);
    await widget.updateComplete;
    const { width, height } = picture.getBoundingClientRect();
    expect(width).to.be.greaterThan(100);
    expect(height).to.be.closeTo((width * 480) / 640, 40);
    expect(root.querySelector('[part~=extend]')!.querySelectorAll('[style]')).to.have.length(0);
    expect(refused).to.deep.equal([]);
  });
});

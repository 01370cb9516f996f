// The decision where the hands are (issue 80): while an image is edited, the editor carries its own line (what will be
// done, its price, Generate), in view while painting at every width from 280 px: at 1280×800, 390×844 and 280×653 its
// price and Generate are measured inside the screen wherever the painting area is (its top at the screen's top, in the
// middle, its foot at the screen's foot), a stroke being painted with the pointer meanwhile. One Generate: the form's
// row says where it is, and its way there reaches it. Ctrl+↵ sends the edit from the instruction and from the painting
// area, as the button says; where Generate is refused it says why and goes to the fix, sending nothing. On a touch
// screen alone, the keyboard's way to paint comes after the mask tools, never pushing them down. In German.
// Holds: src/elements/image/editor/panel/in-form.ts
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { editorDecision, typeInstruction } from '../../../support/editor.js';
import { pngBlob } from '../../../support/images.js';
import { jsonPostedDuring } from '../../../support/record-fetches.js';
import { bflEndpoint, unique, uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { announced, blocked, imageAction, part, tiles, words } from '../../../support/widget.js';

const RUN = uniqueStorageKey();

/** A frame drawn: what was scrolled or changed is laid out. */
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** A BFL widget with an image made, Edit clicked on it, and "Change the painted area" chosen: painting is next. */
async function painting(apiKey: string) {
  const el = await bflWidget({ scenario: 'pending=40', run: RUN, prompt: 'a lighthouse at dusk', apiKey });
  await el.generate();
  await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
  (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
  const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
  editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
  await until(() => part(el, 'mask'), 5_000, 'the painting area');
  await el.updateComplete;
  return el;
}

/** Ctrl+Enter, as a user presses it. */
async function controlEnter() {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

/** Whether `box` lies wholly inside the screen. */
const onScreen = (box: DOMRect) =>
  box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth && box.height > 0;

describe('<userpays-image>: the editor’s price and Generate, in view while painting', function () {
  this.timeout(90_000);
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => resetMouse());

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
    [280, 653],
  ])
    it(`at ${width}×${height}, wherever the painting area is, with a stroke under way`, async () => {
      await setViewport({ width, height });
      const el = await painting(`sim-in-view-${width}`);
      const area = part(el, 'mask')!;
      const line = part(el, 'edit-decision')!;
      for (const block of ['start', 'center', 'end'] as const) {
        area.scrollIntoView({ block });
        await frame();
        // The pointer down on what is seen of the painting area, above the line, and drawn a little: painting.
        const seen = area.getBoundingClientRect();
        const top = Math.max(seen.top, 0);
        const bottom = Math.min(seen.bottom, line.getBoundingClientRect().top);
        expect(bottom - top, `some of the painting area is seen (${block})`).to.be.above(40);
        const [x, y] = [Math.round(seen.left + seen.width / 2), Math.round((top + bottom) / 2)];
        await sendMouse({ type: 'move', position: [x, y] });
        await sendMouse({ type: 'down' });
        await sendMouse({ type: 'move', position: [x + 12, y + 12] });
        await frame();
        const { line: shown, generate } = editorDecision(el);
        const price = shown!.querySelector('.total strong')!;
        expect(words(price)).to.equal('$0.05');
        expect(onScreen(price.getBoundingClientRect()), `the price in view (${block})`).to.equal(true);
        expect(onScreen(generate!.getBoundingClientRect()), `Generate in view (${block})`).to.equal(true);
        await sendMouse({ type: 'up' });
      }
      await el.updateComplete;
      expect(words(part(el, 'editor')!.querySelector('.mask-said'))).to.match(/of the image is painted$/);
      await typeInstruction(el, 'a red door');
      await expectWcag22(el);
    });
});

describe('<userpays-image>: one Generate while editing, and Ctrl+↵', function () {
  this.timeout(60_000);

  it('the form’s row says where Generate is, and its way there reaches it', async () => {
    const el = await painting('sim-one-generate');
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~=submit]'), 'one Generate').to.have.length(1);
    const row = part(el, 'decision')!;
    expect(words(row.querySelector('.editing-away span'))).to.equal(
      'The price and Generate are with the image being edited.',
    );
    expect(row.querySelector('[part~=cost]'), 'no second price').to.equal(null);
    // Nothing painted yet: its way there goes to why Generate waits, and its fix.
    row.querySelector<HTMLButtonElement>('.editing-away button')!.click();
    await el.updateComplete;
    expect(root.activeElement).to.equal(blocked(el).fix);
    expect(blocked(el).fix!.closest('[part~=edit-decision]')).to.not.equal(null);
  });

  it('sends the edit from the instruction and from the painting area, as the button says', async () => {
    const el = await painting('sim-ctrl-enter');
    const { generate } = editorDecision(el);
    expect(generate!.getAttribute('aria-keyshortcuts')).to.equal('Control+Enter');
    expect(words(generate!.querySelector('kbd'))).to.equal('Ctrl+↵');
    const area = part(el, 'mask')!;
    area.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' }); // the keyboard's rectangle, painted
    await typeInstruction(el, 'a red door');
    const box = part(el, 'editor')!.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
    box.focus();
    const fromInstruction = oneEvent(el, 'userpays-result');
    const first = await jsonPostedDuring(async () => {
      await controlEnter();
      return fromInstruction;
    });
    expect(first.bodies.find((body) => body.prompt === 'a red door')).to.include.keys('image', 'mask');
    await until(() => !part(el, 'editor'), 10_000, 'the edit is shown');
    // Again, from the painting area of the new version.
    await waitUntil(() => tiles(el)[0], 'the new version');
    (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens again');
    editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await until(() => part(el, 'mask'), 5_000, 'the painting area');
    await typeInstruction(el, 'a green door');
    part(el, 'mask')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    const fromArea = oneEvent(el, 'userpays-result');
    const second = await jsonPostedDuring(async () => {
      await controlEnter();
      return fromArea;
    });
    expect(second.bodies.find((body) => body.prompt === 'a green door')).to.include.keys('image', 'mask');
  });

  it('where Generate is refused, says why and goes to the fix, sending nothing', async () => {
    const el = await painting('sim-ctrl-enter-refused');
    const box = part(el, 'editor')!.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
    box.focus();
    const { bodies } = await jsonPostedDuring(async () => {
      await controlEnter();
      await el.updateComplete;
    });
    expect(bodies).to.deep.equal([]);
    // Nothing painted: said, and the keyboard goes to its fix, the way to the painting area.
    expect(blocked(el).reason).to.equal('Paint the area to change on the image first.');
    expect(el.shadowRoot!.activeElement).to.equal(blocked(el).fix);
    await waitUntil(() => announced(el).includes(blocked(el).reason), 'said');
  });
});

describe('<userpays-image>: the mask tools on a touch screen', function () {
  this.timeout(40_000);
  afterEach(() => executeServerCommand('emulate-touch', { enabled: false }));

  it('the keyboard’s way to paint comes after the tools there, and before them where there is a keyboard', async () => {
    const el = await bflWidget({ run: RUN, apiKey: 'sim-touch' });
    await el.editImage(await pngBlob(512, 512));
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await until(() => part(el, 'mask-tools'), 5_000, 'the tools');
    const order = () => {
      const tools = part(el, 'mask-tools')!.getBoundingClientRect();
      const words = el.shadowRoot!.querySelector('.mask-instructions')!.getBoundingClientRect();
      return words.top >= tools.bottom ? 'after the tools' : 'before the tools';
    };
    expect(order()).to.equal('before the tools');
    await executeServerCommand('emulate-touch', { enabled: true });
    await until(() => matchMedia('(pointer: coarse)').matches, 5_000, 'a touch screen');
    expect(order()).to.equal('after the tools');
  });
});

describe('<userpays-image>: the editor’s own words in German', function () {
  this.timeout(40_000);

  it('says what will be done, why a kind cannot be chosen and where Generate is, on a lang="de" page', async () => {
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
    el.apiKey = 'sim-editor-de';
    await el.updateComplete;
    await el.editImage(await pngBlob(512, 512));
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    await el.updateComplete;
    expect(editorDecision(el).doing).to.equal('Der Anweisung folgen mit FLUX.2 [klein] 4B');
    expect(blocked(el).reason).to.equal('Sagen Sie zuerst, was sich ändern soll');
    expect(words(blocked(el).fix)).to.equal('Anweisung schreiben');
    expect(words(el.shadowRoot!.querySelector('.editing-in-form p'))).to.match(/^Sie bearbeiten ein Bild:/);
    expect(words(part(el, 'decision')!.querySelector('.editing-away'))).to.equal(
      'Preis und „Erzeugen“ stehen beim Bild, das Sie bearbeiten. Dorthin',
    );
    editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await el.updateComplete;
    expect(editorDecision(el).doing).to.equal('Bemalten Bereich füllen mit FLUX.1 Fill [pro]');
    await expectWcag22(el);
  });
});

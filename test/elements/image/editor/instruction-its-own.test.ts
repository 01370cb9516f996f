// The edit's instruction is its own field (issue 80): the editor opens with "What to change" empty, the form's prompt
// kept apart and not shown twice (nor its models: one model choice while editing, the editor's "Edit with"); after an
// edit, and after Stop editing, the form's prompt, model, size and price are as before the editor opened, and it
// generates at once. Vary on an edit makes the same edit again on its source (its kind, its mask, its model and its
// instruction), priced as it is sent, and is not offered where it cannot be; never the instruction as a new image.
// Holds: src/elements/image/editor/panel/again.ts
// Holds: src/elements/image/editor/panel/editor-views.ts
import { expect, oneEvent } from '@open-wc/testing';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { editorDecision, typeInstruction } from '../../../support/editor.js';
import { pngBlob } from '../../../support/images.js';
import { jsonPostedDuring } from '../../../support/record-fetches.js';
import { uniqueStorageKey } from '../../../support/sim.js';
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
const PROMPT = 'a lighthouse at dusk';

/** A key pressed on the painting area. */
function press(area: HTMLElement, key: string) {
  area.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** The form as the user left it: its prompt, model, size, price, and whether Generate can send it. */
function form(el: UserPaysImage) {
  return {
    prompt: el.prompt,
    model: el.model,
    size: `${el.width}x${el.height}`,
    price: decision(el).price,
    shown: el.shadowRoot!.querySelector<HTMLTextAreaElement>('#prompt')?.value,
    generates: !generateButton(el).disabled,
  };
}

/** Edit on the newest image, as a user clicks it: the editor open on it. */
async function editNewest(el: UserPaysImage) {
  (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
  const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
  await el.updateComplete;
  return editor;
}

/** "Change the painted area" chosen, and the keyboard's rectangle painted in the middle of the image. */
async function paintRectangle(el: UserPaysImage) {
  part(el, 'editor')!.querySelector<HTMLInputElement>('input[value=mask]')!.click();
  await el.updateComplete;
  const area = part(el, 'mask')!;
  area.focus();
  press(area, 'Enter');
  press(area, 'Enter');
  await el.updateComplete;
}

/** Stop editing, as a user clicks it in the editor. */
async function stopEditing(el: UserPaysImage) {
  [...part(el, 'editor')!.querySelectorAll('button')].find((button) => words(button) === 'Stop editing')!.click();
  await el.updateComplete;
}

/** A BFL widget with one image made from `PROMPT`, and the form as it stands then. */
async function withAnImage(apiKey: string, storageKey = uniqueStorageKey()) {
  const el = await bflWidget({ scenario: 'pending=40', run: RUN, prompt: PROMPT, apiKey, storageKey });
  await el.generate();
  await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
  await el.updateComplete;
  return { el, before: form(el), source: tiles(el)[0].dataset.id! };
}

describe('<userpays-image>: the instruction is the edit’s own', function () {
  this.timeout(60_000);

  it('the editor opens with "What to change" empty; the form’s prompt stays, and is not shown twice', async () => {
    const { el, before } = await withAnImage('sim-own-field');
    expect(before.generates).to.equal(true);
    const editor = await editNewest(el);
    const box = editor.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
    expect(box.value).to.equal('');
    expect(box.placeholder).to.equal('Make the sky purple; remove the cup; only the face smiles…');
    // The form's prompt and models give way to a word of what is going on: one instruction, one model choice.
    const root = el.shadowRoot!;
    expect(root.querySelector('#prompt'), 'no second prompt').to.equal(null);
    expect(root.querySelector('[part~=model]'), 'no second choice of model').to.equal(null);
    expect(words(root.querySelector('.editing-in-form p'))).to.equal(
      'You are editing an image: what to change, the model and Generate are with the image. Your prompt and model here are kept for when you stop editing.',
    );
    // One Generate, the editor's, which waits for the instruction and says so.
    expect(root.querySelectorAll('[part~=submit]')).to.have.length(1);
    expect(editorDecision(el).generate!.disabled).to.equal(true);
    expect(blocked(el).reason).to.equal('Say what to change first');
    blocked(el).fix!.click();
    await el.updateComplete;
    expect(root.activeElement).to.equal(box);
    await typeInstruction(el, 'a red door');
    expect(el.prompt, 'the form’s prompt is not the instruction').to.equal(PROMPT);
    expect(editorDecision(el).generate!.disabled).to.equal(false);
    await expectWcag22(el);
    await stopEditing(el);
    expect(form(el)).to.deep.equal(before);
  });

  it('edits, then Varies, then Stops editing: the prompt, model and price are as before; nothing sent as text', async () => {
    const { el, before, source } = await withAnImage('sim-vary-edit');
    await editNewest(el);
    await paintRectangle(el);
    await typeInstruction(el, 'a red door');
    expect(editorDecision(el).doing).to.equal('Fill the painted area with FLUX.1 Fill [pro]');
    expect(editorDecision(el).price).to.equal('$0.05');
    const made = oneEvent(el, 'userpays-result');
    const edit = await jsonPostedDuring(async () => {
      editorDecision(el).generate!.click();
      return made;
    });
    await until(() => !part(el, 'editor'), 10_000, 'the editor gives way to the result');
    const first = (await made).detail;
    expect(first.editOf).to.equal(source);
    // The form as it was before the editor: its prompt, its model, its size and price, and Generate ready.
    expect(form(el)).to.deep.equal(before);
    await waitUntil(() => tiles(el)[0]?.dataset.id !== source, 'the edit is the latest');
    const vary = imageAction(tiles(el)[0], 'vary') as HTMLButtonElement;
    expect(words(vary), 'priced as the same edit').to.equal('Vary $0.05');
    const again = oneEvent(el, 'userpays-result');
    const varied = await jsonPostedDuring(async () => {
      vary.click();
      return again;
    });
    const second = (await again).detail;
    expect(second.editOf, 'the same source').to.equal(source);
    expect(second.charged).to.equal('0.05');
    // What the Vary sent: the Fill again, with the image and its mask; the instruction never alone, as text.
    for (const { bodies } of [edit, varied]) {
      const sent = bodies.filter((body) => body.prompt === 'a red door');
      expect(sent).to.have.length(1);
      expect(sent[0].image, 'the image edited').to.be.a('string');
      expect(sent[0].mask, 'its mask').to.be.a('string');
    }
    expect(varied.bodies.find((body) => 'mask' in body)!.mask).to.equal(edit.bodies.find((b) => 'mask' in b)!.mask);
    await until(() => !part(el, 'editor'), 10_000, 'the form is back');
    expect(form(el)).to.deep.equal(before);
    await editNewest(el);
    await typeInstruction(el, 'a blue door');
    await stopEditing(el);
    expect(form(el)).to.deep.equal(before);
    expect(el.tally?.images).to.equal(3);
  });

  it('after an Erase, the form is as before and generates at once; its Vary erases again, priced as the Erase', async () => {
    const { el, before, source } = await withAnImage('sim-erase-form');
    await editNewest(el);
    part(el, 'editor')!.querySelector<HTMLInputElement>('input[value=erase]')!.click();
    await el.updateComplete;
    const area = part(el, 'mask')!;
    area.focus();
    press(area, 'Enter');
    press(area, 'Enter');
    await el.updateComplete;
    expect(editorDecision(el).doing).to.equal('Erase the painted area with FLUX Erase');
    const price = editorDecision(el).price;
    const made = oneEvent(el, 'userpays-result');
    editorDecision(el).generate!.click();
    expect((await made).detail.editOf).to.equal(source);
    await until(() => !part(el, 'editor'), 10_000, 'the editor gives way to the result');
    await el.updateComplete;
    expect(form(el)).to.deep.equal(before);
    await waitUntil(() => tiles(el)[0]?.dataset.id !== source, 'the Erase is the latest');
    const vary = imageAction(tiles(el)[0], 'vary') as HTMLButtonElement;
    expect(words(vary)).to.equal(`Vary ${price}`);
    const again = oneEvent(el, 'userpays-result');
    const { bodies } = await jsonPostedDuring(async () => {
      vary.click();
      return again;
    });
    expect((await again).detail.editOf).to.equal(source);
    expect(bodies.filter((body) => 'mask' in body && 'image' in body)).to.have.length(1);
    await until(() => !part(el, 'editor'), 10_000, 'the form is back');
    expect(form(el)).to.deep.equal(before);
  });

  it('Vary on an edit is offered only where it can be made again, never priced as a new image', async () => {
    const storageKey = uniqueStorageKey();
    const { el } = await withAnImage('sim-vary-where', storageKey);
    // An image of the user's own, edited: its source is kept nowhere, so there is nothing to edit again.
    await el.editImage(await pngBlob(320, 240));
    await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    await typeInstruction(el, 'make it night');
    await el.generate();
    await until(() => !part(el, 'editor'), 10_000, 'the result');
    await el.updateComplete;
    expect(imageAction(tiles(el)[0], 'edit'), 'it can be edited on').to.not.equal(null);
    expect(imageAction(tiles(el)[0], 'vary'), 'not varied as a new image from its instruction').to.equal(null);
    // A Fill of an image of the gallery, on a page opened again: its mask is no longer held, so no Vary either; an
    // instruction's edit, which needs none, still offers it, priced with the image it sends.
    await editNewest(el);
    await paintRectangle(el);
    await typeInstruction(el, 'a moon');
    await el.generate();
    await until(() => !part(el, 'editor'), 10_000, 'the Fill');
    const filled = tiles(el)[0].dataset.id!;
    await el.updateComplete;
    expect(words(imageAction(tiles(el)[0], 'vary')), 'here, with its mask held').to.equal('Vary $0.05');
    const again = await imageWidget(
      { ...Object.fromEntries([...el.attributes].map(({ name, value }) => [name, value])) },
      { apiKey: 'sim-vary-where' },
    );
    await waitUntil(() => tiles(again).some((tile) => tile.dataset.id === filled), 'the gallery, read again');
    await again.updateComplete;
    const tile = tiles(again).find((shown) => shown.dataset.id === filled)!;
    expect(imageAction(tile, 'vary'), 'no mask held for it here').to.equal(null);
    expect(imageAction(tile, 'edit')).to.not.equal(null);
  });
});

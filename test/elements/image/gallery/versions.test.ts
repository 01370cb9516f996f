// An edit is a new version of its source (SPEC §13 "Versions"): under it, "Edit of: <its source's prompt>", a button
// that brings the source into view in the gallery, where it keeps its own receipt and Edit; and "Before and after",
// the edit over its source divided by a native range, named, its value said in words, moved by the keys. Comparing
// and going back a version send nothing: no submission, the tally's count unchanged. The chain goes on: an edit of the
// edit says it edits the first edit (original → edit → edit), each version with its receipt, each booked once.
// Holds: src/elements/image/gallery/panel/versions.ts
// Holds: src/elements/image/gallery/panel/versions.styles.ts
import { fetchesDuring } from '../../../support/record-fetches.js';
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { generateButton, imageAction, part, tiles, words } from '../../../support/widget.js';

const RUN = uniqueStorageKey();

/** A key pressed on the painting area. */
function press(area: HTMLElement, key: string) {
  area.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** The POSTs the page makes while `run` runs: a submission is one. */
const postsDuring = async (run: () => Promise<unknown>) =>
  (await fetchesDuring(run)).sent.filter(({ method }) => method === 'POST').length;

/**
 * Edits the latest image as a user does by keyboard (Edit, "Change the painted area", a rectangle painted with the
 * keys, the instruction, Generate); resolves once the new version is the latest, to the edited image's id.
 */
async function editLatest(el: UserPaysImage, instruction: string) {
  const source = tiles(el)[0].dataset.id!;
  (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
  const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
  await el.updateComplete;
  editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
  await el.updateComplete;
  const area = part(el, 'mask')!;
  area.focus();
  press(area, 'Enter'); // a rectangle in the middle
  press(area, 'Enter'); // painted
  await el.updateComplete;
  const field = editor.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
  field.value = instruction;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  const result = oneEvent(el, 'userpays-result');
  generateButton(el).click();
  await result;
  await until(() => !part(el, 'editor'), 10_000, 'the editor gives way to the result');
  await waitUntil(() => tiles(el)[0]?.dataset.id !== source, 'the new version is the latest');
  return source;
}

const versionsOf = (tile: Element) => tile.querySelector<HTMLElement>('[part~=versions]');
const tileOf = (el: UserPaysImage, id: string) => tiles(el).find((tile) => tile.dataset.id === id)!;
const promptOf = (tile: Element) => tile.querySelector<HTMLImageElement>('img[part~=image]')!.alt;

describe('<userpays-image>: versions, before and after', function () {
  this.timeout(60_000);
  let el: UserPaysImage;
  let original: string;

  // Each test its own widget: the fixture is removed after every test.
  beforeEach(async () => {
    el = await bflWidget({ scenario: 'pending=40', run: RUN, prompt: 'a lighthouse at dusk', apiKey: 'sim-versions' });
    await el.generate();
    await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
    original = await editLatest(el, 'a red door');
  });

  it('says which image the new version edits, by its prompt; the original says nothing of the kind', async () => {
    const versions = await until(() => versionsOf(tiles(el)[0]), 5_000, 'the edit shows its versions');
    expect(words(versions.querySelector('.edit-of'))).to.equal('Edit of: a lighthouse at dusk');
    const source = versions.querySelector<HTMLButtonElement>('button[data-action=source]')!;
    expect(source.dataset.id).to.equal(original);
    expect(source.getAttribute('aria-label')).to.equal('Edit of: a lighthouse at dusk');
    expect(versionsOf(tileOf(el, original)), 'an original edits nothing').to.equal(null);
  });

  it('before and after: a named range over both images, moved by the keys, its value said, nothing sent', async () => {
    const versions = versionsOf(tiles(el)[0])!;
    const compare = versions.querySelector<HTMLDetailsElement>('details.compare')!;
    expect(words(compare.querySelector('summary'))).to.equal('Before and after');
    compare.querySelector('summary')!.click();
    await until(() => compare.open, 2_000, 'before and after opens');
    const frame = compare.querySelector<HTMLElement>('.versions-frame')!;
    const [after, before] = [...frame.querySelectorAll('img')];
    expect(after.src).to.equal(tiles(el)[0].querySelector<HTMLImageElement>('img[part~=image]')!.src);
    expect(before.src).to.equal(tileOf(el, original).querySelector<HTMLImageElement>('img[part~=image]')!.src);
    const range = frame.querySelector<HTMLInputElement>('input[type=range]')!;
    expect([range.min, range.max, range.step, range.value]).to.deep.equal(['0', '100', '1', '50']);
    // One box: both images and the range laid over the same place, at the edit's shape.
    const box = frame.getBoundingClientRect();
    expect(box.height).to.be.closeTo(box.width, 1);
    for (const layer of [after, before, range])
      expect(layer.getBoundingClientRect().toJSON(), layer.className || 'the range').to.deep.equal(box.toJSON());
    expect(range.getAttribute('aria-label')).to.equal('Slide between before (left) and after (right): a red door');
    expect(range.getAttribute('aria-valuetext')).to.equal('Before 50 %, after 50 %');
    expect(getComputedStyle(before).clipPath).to.equal('inset(0px 50% 0px 0px)');
    const images = el.tally?.images;
    const posts = await postsDuring(async () => {
      range.focus();
      for (let i = 0; i < 10; i++) await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
    });
    expect(range.value).to.equal('41');
    expect(frame.style.getPropertyValue('--_before')).to.equal('41%');
    expect(range.getAttribute('aria-valuetext')).to.equal('Before 41 %, after 59 %');
    expect(getComputedStyle(before).clipPath).to.equal('inset(0px 59% 0px 0px)');
    expect(posts, 'comparing sends nothing').to.equal(0);
    expect(el.tally?.images).to.equal(images);
    await expectWcag22(el);
  });

  it('going back a version: the source, still in the gallery with its receipt and Edit, takes the focus; free', async () => {
    const source = tileOf(el, original);
    expect(source.querySelector('[part~=receipt]'), 'the source keeps its receipt').to.not.equal(null);
    expect(tiles(el)[0].querySelector('[part~=receipt]'), 'the edit has its own').to.not.equal(null);
    expect(imageAction(source, 'edit'), 'the source has its own Edit').to.not.equal(null);
    const images = el.tally?.images;
    expect(images).to.equal(2);
    const posts = await postsDuring(async () => {
      versionsOf(tiles(el)[0])!.querySelector<HTMLButtonElement>('button[data-action=source]')!.click();
      await el.updateComplete;
      await until(() => el.shadowRoot!.activeElement === source.querySelector('.open'), 5_000, 'the source focused');
    });
    expect(posts, 'going back sends nothing').to.equal(0);
    expect(el.tally?.images).to.equal(images);
  });

  it('the chain goes on: an edit of the edit says it edits the first edit', async () => {
    const firstEdit = await editLatest(el, 'a blue roof');
    const latest = tiles(el)[0];
    const button = await until(
      () => versionsOf(latest)?.querySelector<HTMLButtonElement>('button[data-action=source]'),
      5_000,
      'the second edit shows its versions',
    );
    expect(button.dataset.id).to.equal(firstEdit);
    expect(words(versionsOf(latest)!.querySelector('.edit-of'))).to.equal(
      `Edit of: ${promptOf(tileOf(el, firstEdit))}`,
    );
    // original → edit → edit: the first edit still says it edits the original.
    expect(versionsOf(tileOf(el, firstEdit))!.querySelector<HTMLElement>('[data-action=source]')!.dataset.id).to.equal(
      original,
    );
    // Each version keeps its own receipt; the latest compares with the one it edits; each edit booked once.
    for (const id of [original, firstEdit, latest.dataset.id!])
      expect(tileOf(el, id).querySelector('[part~=receipt]'), id).to.not.equal(null);
    expect(versionsOf(latest)!.querySelector('details.compare summary')).to.not.equal(null);
    expect(el.tally?.images).to.equal(3);
    expect(el.tally?.spent).to.equal('0.114'); // FLUX.2 [klein] 4B's $0.014, then Fill's $0.05 twice
  });
});

// Editing with the keyboard alone (SPEC §13, WCAG 2.2 AA): from the image's Edit, through the kind of edit, the
// painting area's rectangle and the instruction, to Generate and the two versions compared, each reached with Tab and
// worked with the keys a user would press; axe finds nothing in any of the editor's states.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { expectWcag22 } from '../../../support/axe.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { base64Png } from '../../../support/png-pixels.js';
import { jsonPostedDuring } from '../../../support/record-fetches.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { decision, imageAction, part, settled, tiles, words } from '../../../support/widget.js';

/** What has the focus inside the widget. */
const focused = (el: UserPaysImage) => el.shadowRoot!.activeElement;

/** Tab (with Shift, back) until `wanted` has the focus: a user's way there, at most `most` presses. */
async function tabTo(el: UserPaysImage, wanted: (node: Element) => boolean, what: string, back = false, most = 60) {
  for (let press = 0; press < most; press++) {
    const now = focused(el);
    if (now && wanted(now)) return now as HTMLElement;
    await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
  }
  throw new Error(`${what} is not reached with ${back ? 'Shift+' : ''}Tab`);
}

describe('<userpays-image>: editing by keyboard alone', function () {
  this.timeout(60_000);

  it('opens the editor, marks a rectangle, edits, and compares the versions, with keys only', async () => {
    const el = await bflWidget({
      scenario: 'pending=40',
      run: uniqueStorageKey(),
      prompt: 'a lighthouse',
      apiKey: 'sim-keys',
    });
    await el.generate();
    await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
    const source = tiles(el)[0].dataset.id!;
    const edit = imageAction(tiles(el)[0], 'edit') as HTMLButtonElement;
    edit.focus();
    await sendKeys({ press: 'Enter' });
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    await until(() => focused(el)?.matches('input[name=edit-kind]:checked'), 5_000, 'the kind of edit takes the focus');
    await expectWcag22(el);
    await sendKeys({ press: 'ArrowUp' }); // round to the last: "Extend the image"
    await el.updateComplete;
    expect(editor.querySelector<HTMLInputElement>('input[value=extend]')!.checked).to.equal(true);
    await sendKeys({ press: 'ArrowUp' }); // "Erase the painted area", no instruction
    await el.updateComplete;
    expect(editor.querySelector<HTMLInputElement>('input[value=erase]')!.checked).to.equal(true);
    expect(editor.querySelector('#edit-instruction')).to.equal(null);
    await expectWcag22(el);
    await sendKeys({ press: 'ArrowUp' }); // "Change the painted area"
    await el.updateComplete;
    expect(editor.querySelector<HTMLInputElement>('input[value=mask]')!.checked).to.equal(true);
    await tabTo(el, (node) => node.matches('[part~=mask]'), 'the painting area');
    await sendKeys({ press: 'Enter' }); // a rectangle in the middle
    await sendKeys({ down: 'Alt' }); // with Alt, an arrow sizes it: a step wider
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Alt' });
    await sendKeys({ press: 'ArrowLeft' }); // a step left
    await sendKeys({ press: 'Enter' }); // painted
    await el.updateComplete;
    expect(words(part(el, 'editor'))).to.contain('6% of the image is painted'); // 266 × 256 of 1024²
    await expectWcag22(el);
    await tabTo(el, (node) => node.id === 'edit-instruction', 'the instruction');
    await sendKeys({ type: 'a red door' });
    await el.updateComplete;
    expect(decision(el).price).to.equal('$0.05');
    await tabTo(el, (node) => node.matches('[part~=submit]'), 'Generate');
    const result = oneEvent(el, 'userpays-result');
    const { bodies } = await jsonPostedDuring(async () => {
      await sendKeys({ press: 'Enter' });
      return result;
    });
    expect((await result).detail.editOf).to.equal(source);
    // The rectangle as the keys made it: a step (10 px) wider, then a step left, from 384 × 384 in the middle.
    const mask = await base64Png(bodies.find((body) => 'mask' in body)!.mask);
    expect(mask.white).to.equal(266 * 256);
    expect([mask.at(374, 384), mask.at(373, 384), mask.at(639, 639), mask.at(640, 639)]).to.deep.equal([
      255, 0, 255, 0,
    ]);
    await until(() => !part(el, 'editor'), 10_000, 'the editor gives way to the result');
    await waitUntil(() => tiles(el)[0]?.dataset.id !== source, 'the new version is the latest');
    // Before and after, from the new version, by keys: opened with Enter, the range moved with the arrows.
    const summary = await until(
      () => tiles(el)[0].querySelector<HTMLElement>('[part~=versions] details.compare summary'),
      5_000,
      'the new version offers before and after',
    );
    summary.focus();
    await sendKeys({ press: 'Enter' });
    const range = await tabTo(el, (node) => node.matches('[part~=versions] input[type=range]'), 'the slider');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect((range as HTMLInputElement).value).to.equal('48');
    expect(el.tally?.images).to.equal(2);
    await settled(el); // the new version fades in
    await expectWcag22(el);
  });
});

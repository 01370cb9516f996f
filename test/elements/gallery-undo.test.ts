// What the gallery's actions do to the form and the focus (issue 23, defect 6): Vary, Reuse and Finalize bring the
// form into view, say what changed and offer Undo, which puts back what was being typed; Delete offers Undo and moves
// the focus to the next image; the focus never falls to <body> (after Delete, Undo or Dismiss).
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { bflWidget } from '../support/bfl-widget.js';
import { uniqueStorageKey } from '../support/sim.js';

const RUN = uniqueStorageKey();
const root = (el: UserPaysImage) => el.shadowRoot!;
const tiles = (el: UserPaysImage) => [...root(el).querySelectorAll<HTMLElement>('.tile[data-id]')];
const undoBar = (el: UserPaysImage) => root(el).querySelector<HTMLElement>('.undo');
const focused = (el: UserPaysImage) =>
  document.activeElement === el ? root(el).activeElement : document.activeElement;
/** The focus is on `node` (said in words: chai's diff of two elements of a large tree takes minutes). */
const expectFocusOn = (el: UserPaysImage, node: Element | null, what: string) =>
  expect(focused(el) === node, `the focus on ${what}, not on ${focused(el)?.outerHTML.slice(0, 80)}`).to.equal(true);

/** A widget with two submissions made: the newest is the result, the other in the history. */
async function twoImages() {
  const el = await bflWidget({ scenario: 'pending=60', run: RUN, prompt: 'first picture', apiKey: 'sim-test-key' });
  await el.generate();
  el.prompt = 'second picture';
  await el.generate();
  await waitUntil(() => tiles(el).length === 2, 'two images shown');
  return el;
}

/** Clicks an image's action, from its toolbar or its menu. */
function act(el: UserPaysImage, name: string, tile = tiles(el)[0]) {
  const menu = tile.querySelector<HTMLDetailsElement>('details.menu');
  if (menu) menu.open = true;
  tile.querySelector<HTMLElement>(`[data-action=${name}]`)!.click();
}

describe('<userpays-image>: the gallery’s actions, the form and the focus', function () {
  this.timeout(20_000);

  for (const action of ['reuse', 'finalize']) {
    it(`${action}: the form comes into view, says what changed, and Undo puts back what was being typed`, async () => {
      const el = await twoImages();
      el.prompt = 'a prompt being typed';
      el.model = 'flux-2-max';
      await el.updateComplete;
      root(el).querySelector('[part~=result]')!.scrollIntoView(); // far from the form, as on a phone
      act(el, action);
      await el.updateComplete;
      expect(el.prompt).to.equal('second picture');
      expect(undoBar(el)!.textContent).to.match(/in the form/);
      const prompt = root(el).querySelector('#prompt')!;
      expectFocusOn(el, prompt, 'the prompt');
      await waitUntil(() => {
        const box = prompt.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, 'the prompt in view');
      undoBar(el)!.querySelector('button')!.click();
      await el.updateComplete;
      expect([el.prompt, el.model]).to.deep.equal(['a prompt being typed', 'flux-2-max']);
      expect(undoBar(el)).to.equal(null);
      expectFocusOn(el, prompt, 'the prompt');
    });
  }

  for (const action of ['delete', 'reuse']) {
    it(`${action}: its Undo stands beside the toolbar that was clicked, not far below in the form`, async () => {
      const el = await twoImages();
      const tile = tiles(el)[0];
      const toolbar = tile.querySelector('.toolbar')!.getBoundingClientRect();
      act(el, action, tile);
      await waitUntil(() => undoBar(el), 'Undo offered');
      await el.updateComplete;
      const undo = undoBar(el)!.getBoundingClientRect();
      expect(undoBar(el)!.closest('.tile'), 'in the gallery, on an image').to.not.equal(null);
      expect(Math.abs(undo.top - toolbar.bottom), `${undo.top} beside ${toolbar.bottom}`).to.be.below(40);
      expect(undo.right > toolbar.left && undo.left < toolbar.right, 'under the toolbar').to.equal(true);
    });
  }

  it('Delete: the focus moves to the next image; Undo brings it back, with the focus on it', async () => {
    const el = await twoImages();
    const [newest, older] = tiles(el).map((tile) => tile.dataset.id);
    act(el, 'delete');
    await waitUntil(() => !tiles(el).some((tile) => tile.dataset.id === newest), 'deleted');
    await el.updateComplete;
    expect(undoBar(el)!.textContent).to.contain('Image deleted from this browser.');
    await waitUntil(() => (focused(el) as HTMLElement | null)?.dataset?.id === older, 'the focus on the next image');
    undoBar(el)!.querySelector('button')!.click();
    await waitUntil(() => tiles(el).some((tile) => tile.dataset.id === newest), 'back');
    await waitUntil(() => (focused(el) as HTMLElement | null)?.dataset?.id === newest, 'the focus on it');
    expect(document.activeElement === document.body, 'the focus on the page').to.equal(false);
  });

  it('Delete of the last image: the focus on Undo, never on the page', async () => {
    const el = await bflWidget({ scenario: 'pending=60', run: RUN, prompt: 'only one', apiKey: 'sim-test-key' });
    await el.generate();
    await waitUntil(() => tiles(el).length === 1, 'shown');
    act(el, 'delete');
    await waitUntil(() => tiles(el).length === 0, 'deleted');
    await el.updateComplete;
    expectFocusOn(el, undoBar(el)!.querySelector('button'), 'Undo');
    undoBar(el)!.querySelector('button')!.click();
    await waitUntil(() => tiles(el).length === 1, 'back');
    await waitUntil(() => focused(el) === tiles(el)[0].querySelector('.open'), 'the focus on it');
  });

  it('Dismiss of an error: the focus on Generate, never on the page', async () => {
    const el = await bflWidget({ scenario: 'fault=error', run: RUN, prompt: 'a fox', apiKey: 'sim-test-key' });
    await el.generate().catch(() => {});
    await el.updateComplete;
    const dismiss = [...root(el).querySelectorAll<HTMLButtonElement>('[part~=error] button')].find((button) =>
      /Dismiss/.test(button.textContent!),
    )!;
    dismiss.focus();
    dismiss.click();
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(root(el).querySelector('[part~=error]')).to.equal(null);
    expectFocusOn(el, root(el).querySelector('[part~=submit]'), 'Generate');
  });
});

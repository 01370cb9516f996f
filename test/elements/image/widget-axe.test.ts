// <userpays-image> through axe's WCAG 2.2 AA rules (target-size among them) and its default ones, in every state a
// user meets — idle, busy, asking to stop, error, result (with the history and the lightbox open), resumed — in the
// light and the dark scheme; and no text under 12 px.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { imageWidget, part } from '../../support/widget.js';
import { expectWcag22 } from '../../support/axe.js';
import { bflWidget } from '../../support/bfl-widget.js';
import { widgetResuming } from '../../support/earlier-visit.js';
import { bflEndpoint, uniqueStorageKey } from '../../support/sim.js';

const RUN = uniqueStorageKey();
const KEY = 'sim-axe-key';
const widget = (scenario: string) => bflWidget({ scenario, run: RUN, prompt: 'a lighthouse in a storm', apiKey: KEY });

/** A widget with two submissions made: the latest is the result, the other in the history. */
async function twoImages() {
  const el = await widget('pending=60');
  await el.generate();
  el.prompt = 'a quiet harbour';
  await el.generate();
  await waitUntil(() => part(el, 'result') && part(el, 'gallery'), 'result and history');
  return el;
}

/** No text the widget shows is smaller than 12 px. */
function expectNoSmallText(el: UserPaysImage) {
  const small = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent!.trim()))
    .filter((node) => node.checkVisibility() && parseFloat(getComputedStyle(node).fontSize) < 12)
    .map((node) => `${node.localName}.${node.className}: "${node.textContent!.trim().slice(0, 30)}"`);
  expect(small, small.join('\n')).to.deep.equal([]);
}

/** axe in the light scheme and the dark one, on a page of the same scheme. */
async function expectAccessible(el: UserPaysImage) {
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: scheme });
      document.body.style.background = scheme === 'dark' ? '#000' : '';
      await el.updateComplete;
      // Measured as it stands, not halfway through a reveal or a menu's fade.
      // (The placeholder's shimmer runs for as long as the work does: not waited for.)
      await Promise.all(
        el
          .shadowRoot!.getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
          .map((animation) => animation.finished.catch(() => {})),
      );
      await expectWcag22(el);
      expectNoSmallText(el);
    }
  } finally {
    await emulateMedia({ colorScheme: 'light' });
    document.body.style.background = '';
  }
}

describe('<userpays-image>: axe, WCAG 2.2 AA, in every state, light and dark', function () {
  this.timeout(40_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  it('idle: the first screen, with its examples and More options', async () => {
    const el = await widget('pending=60');
    await waitUntil(() => part(el, 'more'), 'the panels are here');
    el.prompt = '';
    await expectAccessible(el); // Generate disabled, with why
    el.prompt = 'a lighthouse in a storm';
    part(el, 'more')!.setAttribute('open', '');
    el.shadowRoot!.querySelector('details.details')?.setAttribute('open', '');
    await expectAccessible(el);
  });

  it('busy: the placeholder and the progress; then Cancel asking first, where BFL has billed', async () => {
    // Long enough to be looked at twice and asked to stop, however slow the machine running the suite.
    const el = await widget('pending=8000;progress=moving');
    const running = el.generate().catch(() => {});
    // BFL debits at acceptance, where Cancel asks first: accepted before axe (on a busy machine, sending takes a while).
    await waitUntil(() => /Queued|Under way at BFL/.test(part(el, 'progress')?.textContent ?? ''), 'accepted', {
      timeout: 8000,
    });
    expect(part(el, 'placeholder'), 'its placeholder').to.not.equal(null);
    await expectAccessible(el);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=progress] button, .progress button')]
      .find((button) => /Cancel/.test(button.textContent!))!
      .click();
    await waitUntil(() => el.shadowRoot!.querySelector('.confirm'), 'asks');
    await expectAccessible(el);
    await running;
  });

  it('error: the message, Try again and Dismiss', async () => {
    const el = await widget('fault=error');
    await el.generate().catch(() => {});
    await waitUntil(() => part(el, 'error'), 'the error');
    await expectAccessible(el);
  });

  it('result: the latest large with its toolbar and menu, the history, then the lightbox', async () => {
    const el = await twoImages();
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~=result] details.menu')!.open = true;
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLElement>('[part~=result] [data-action=open]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('[part~=lightbox]')!.open, 'lightbox');
    await expectAccessible(el);
  });

  it('undo: a deleted image said in its place, with Undo; then a Reuse, its Undo above Generate', async () => {
    const el = await twoImages();
    const act = (tile: Element, action: string) => {
      tile.querySelector<HTMLDetailsElement>('details.menu')!.open = true;
      tile.querySelector<HTMLElement>(`[data-action=${action}]`)!.click();
    };
    act(el.shadowRoot!.querySelector('[part~=gallery] .tile')!, 'delete');
    await waitUntil(() => el.shadowRoot!.querySelector('.gone .undo button'), 'deleted');
    await expectAccessible(el);
    act(el.shadowRoot!.querySelector('[part~=result] .tile')!, 'reuse');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=decision] .undo'), 'reused');
    await expectAccessible(el);
  });

  it('an image not saved: its warning, with its Download; then an error above it', async () => {
    const el = await imageWidget(
      {
        provider: 'bfl',
        model: 'flux-2-klein-4b',
        locale: 'en-US',
        'storage-key': newStorageKey(),
        endpoint: bflEndpoint(`pending=60;run=${RUN}`), // its delivery host refuses the page, as BFL's
        prompt: 'a lighthouse in a storm',
      },
      { apiKey: KEY },
    );
    await el.generate();
    await waitUntil(() => part(el, 'not-saved'), 'the warning');
    await expectAccessible(el);
    el.endpoint = el.endpoint.replace('/s/', '/s/fault=402;');
    await el.generate().catch(() => {});
    await waitUntil(() => part(el, 'error') && part(el, 'not-saved'), 'the error, the image still there');
    await expectAccessible(el);
  });

  it('resumed: a paid image an earlier visit left, being fetched', async () => {
    // Under way until it has been looked at, however slow the machine running the suite.
    const { el, release } = await widgetResuming(newStorageKey(), { run: RUN, key: KEY });
    await expectAccessible(el);
    expect(part(el, 'progress'), 'still being fetched when looked at').to.exist;
    await release();
  });
});

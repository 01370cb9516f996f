// The gallery as a workbench: each image says what it is (model, provider, size, seed, charge, date) and offers
// open, download under a meaningful name, copy, reuse, vary, use as reference, finalize a draft, delete; paid
// generations that brought no image are listed with their reason and cost. The seed is always known.
// Holds: src/elements/image/gallery/panel/gallery-actions.ts
// Holds: src/elements/image/gallery/panel/toolbar.ts
// Holds: src/elements/image/gallery/panel/gallery-item.ts
// Holds: src/elements/image/gallery/panel/index.ts
// Holds: src/elements/image/gallery/panel/gallery-feature.ts
// Holds: src/pricing/offer-choices.ts
// Holds: src/elements/image/panels/image-actions.ts
import { expectWcag22 } from '../../../support/axe.js';
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { downloadName } from '../../../../src/elements/image/gallery/panel/toolbar.js';
import type { SubmitDetail } from '../../../../src/base/types.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { simLog, submissionsSince, uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { announced, decision, imageAction, part, settled, tiles, words } from '../../../support/widget.js';

const RUN = uniqueStorageKey();
/** This file's submissions since `before` requests. */
const ours = (before: number) => submissionsSince(before, `run=${RUN}`);
/** The newest image: the latest submission's, large (`result`). */
const newest = (el: UserPaysImage) => tiles(el)[0];
const action = (el: UserPaysImage, name: string) => imageAction(newest(el), name) as HTMLButtonElement;

async function widget(scenario = 'pending=60', seed?: number) {
  const el = await bflWidget({ scenario, run: RUN, prompt: 'A red fox, in the snow!', apiKey: 'sim-test-key' });
  if (seed !== undefined) el.seed = seed;
  await el.updateComplete;
  return el;
}

async function generated(scenario?: string, seed?: number) {
  const el = await widget(scenario, seed);
  await el.generate();
  await waitUntil(() => newest(el), 'the gallery shows it');
  return el;
}

describe('<userpays-image>: the gallery', () => {
  it('names a download by its prompt and seed', () => {
    expect(downloadName('A red fox, in the snow!', 42)).to.equal('a-red-fox-in-the-snow-seed-42.png');
    expect(downloadName('Ünïcödé — café', undefined, 'image/jpeg')).to.equal('unicode-cafe.jpg');
    expect(downloadName('!!!', 1, 'image/webp')).to.equal('image-seed-1.webp');
  });

  it('says what each image is and offers its actions, named for the image', async () => {
    const el = await generated(undefined, 42);
    const item = newest(el);
    expect(part(el, 'result')!.contains(item), 'the newest image is the result, large').to.equal(true);
    expect(words(item)).to.contain('FLUX.2 [klein] 4B · BFL · 1024×1024 · seed 42');
    expect(item.textContent).to.contain('$0.014');
    const download = item.querySelector<HTMLAnchorElement>('a[download]')!;
    expect(download.download).to.equal('a-red-fox-in-the-snow-seed-42.png');
    expect(download.href).to.match(/^blob:/);
    expect(download.getAttribute('aria-label')).to.equal('Download a-red-fox-in-the-snow-seed-42.png');
    // Open shows it full size in the widget's lightbox, named for the image.
    expect(action(el, 'open').getAttribute('aria-label')).to.equal('Open full size: A red fox, in the snow!');
    // The toolbar's icon buttons are named for the image; Reuse, Finalize and Delete are in its menu, itself named
    // for the image, and say what they do in words.
    for (const name of ['copy', 'vary', 'reference']) {
      expect(action(el, name), name).to.exist;
      expect(action(el, name).getAttribute('aria-label'), name).to.contain('A red fox');
    }
    for (const name of ['reuse', 'finalize', 'delete']) {
      expect(action(el, name), name).to.exist;
      const menu = action(el, name).closest('details')!;
      expect(menu.querySelector('summary')!.getAttribute('aria-label'), name).to.equal(
        'More actions: A red fox, in the snow!',
      );
      expect(words(action(el, name)), name).to.match(/^(Reuse|Finalize on .+|Delete)$/);
    }
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('the ⋯ menu works as a menu button: opening puts the focus on its first item, the arrows, Home and End move it, Escape closes it and gives the focus back', async () => {
    // The WAI-ARIA Authoring Practices' menu button pattern (w3.org/WAI/ARIA/apg/patterns/menu-button/) and its menu's
    // keyboard interaction (w3.org/WAI/ARIA/apg/patterns/menubar/): Enter opens on the first item; Down and Up move,
    // wrapping; Home and End go to the first and the last; Escape closes and returns the focus to the button.
    const el = await generated();
    const menu = action(el, 'delete').closest('details')!;
    const summary = menu.querySelector('summary')!;
    const items = [...menu.querySelectorAll<HTMLButtonElement>('.menu-items button')];
    const focused = () => el.shadowRoot!.activeElement;
    expect(menu.querySelector('.menu-items')!.getAttribute('role')).to.equal('menu');
    expect(items.map((item) => item.getAttribute('role'))).to.deep.equal(items.map(() => 'menuitem'));
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => menu.open && focused() === items[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(items[1]);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(items.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(), 'Down wraps to the first').to.equal(items[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(), 'Up wraps to the last').to.equal(items.at(-1));
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(items[0]);
    await sendKeys({ press: 'Escape' });
    expect(menu.open, 'Escape closes it').to.equal(false);
    expect(focused(), 'the focus back on its button').to.equal(summary);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => menu.open && focused() === items[0]);
    await sendKeys({ press: 'Escape' });
    expect([menu.open, focused()]).to.deep.equal([false, summary]);
  });

  it('sends a random seed when none is set, and shows it with the image', async () => {
    const el = await widget();
    const submitted = oneEvent(el, 'userpays-submit');
    const result = el.generate();
    const { request } = (await submitted).detail as SubmitDetail;
    expect(request.seed).to.be.a('number');
    const { images } = await result;
    expect(images[0].seed).to.equal(request.seed);
    await waitUntil(() => newest(el)?.textContent?.includes(`seed ${request.seed}`), 'the seed is shown');
  });

  it('reuses the prompt, settings and seed', async () => {
    const el = await generated(undefined, 42);
    Object.assign(el, { prompt: 'something else', model: 'flux-2-max', width: 512, height: 512, seed: 7 });
    action(el, 'reuse').click();
    await el.updateComplete;
    expect([el.prompt, el.model, el.width, el.height, el.seed]).to.deep.equal([
      'A red fox, in the snow!',
      'flux-2-klein-4b',
      1024,
      1024,
      42,
    ]);
    // What changed is said beside the form, with Undo; Undo puts back what was there.
    expect(words(el.shadowRoot!.querySelector('.undo'))).to.contain('seed of the image are in the form');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.undo button')!.click();
    await el.updateComplete;
    expect(el.seed).to.equal(7);
  });

  it('an image whose prompt BFL rewrote says what it was made from; Reuse offers that prompt too, its rewriting off', async () => {
    const el = await widget();
    el.model = 'flux-2-pro'; // rewrites the prompt unless told not to
    const { images } = await el.generate();
    const revised = images[0].revisedPrompt!;
    expect(revised).to.be.a('string').and.not.equal('A red fox, in the snow!');
    await waitUntil(() => newest(el)?.textContent?.includes('BFL made this from:'), 'said with the image');
    action(el, 'reuse-revised').click();
    await el.updateComplete;
    expect([el.prompt, el.enhancePrompt, el.model]).to.deep.equal([revised, 'off', 'flux-2-pro']);
  });

  it('where the latest image is large, each action shows its word, which begins or is in its name (WCAG 2.5.3)', async () => {
    for (const lang of ['en', 'de']) {
      const el = await generated();
      el.lang = lang;
      el.style.width = '1200px';
      await el.updateComplete;
      const toolbar = el.shadowRoot!.querySelector('[part~=result] [part~=image-actions]')!;
      await waitUntil(() => lang === 'en' || toolbar.textContent!.includes('Herunterladen'), 'the German words');
      const shown = [...toolbar.querySelectorAll<HTMLElement>('.tool .word')].filter((word) => word.checkVisibility());
      // Download, Copy, Vary, Use as reference, and Edit (BFL edits images).
      expect(
        shown.map((word) => word.textContent),
        lang,
      ).to.have.length(5);
      expect(shown.at(-1)!.textContent, lang).to.equal(lang === 'en' ? 'Edit' : 'Bearbeiten');
      // All it shows, Vary's price too, is in its name (axe's label-content-name-mismatch).
      for (const word of shown) {
        const tool = word.closest('.tool')!;
        const name = tool.getAttribute('aria-label')!.toLowerCase();
        // As axe reads it: the button's whole text, the spaces between its parts as the markup has them.
        const visible = words(tool);
        expect(name, lang).to.contain(visible.toLowerCase());
      }
      await settled(el); // a new tile fades in: its colours as they are once shown
      await expectWcag22(el, [toolbar as HTMLElement]);
      // Under the image, never over it.
      const image = el.shadowRoot!.querySelector('[part~=result] img')!.getBoundingClientRect();
      expect(toolbar.getBoundingClientRect().top).to.be.at.least(image.bottom);
    }
  });

  it('Vary makes one new image of it in one click, at the price its button shows, with a new seed', async () => {
    const el = await generated(undefined, 42);
    Object.assign(el, { prompt: 'something else', model: 'flux-2-max', count: 3 });
    await el.updateComplete;
    const vary = action(el, 'vary');
    // Its settings, one image: FLUX.2 [klein] 4B at 1024×1024 is $0.014 (the form's [max] × 3 would be $0.21).
    // Its price always shows; its word beside the icon where the image is large.
    expect(words(vary)).to.equal('Vary $0.014');
    expect(words(vary.querySelector('span:last-child'))).to.equal('$0.014');
    expect(vary.getAttribute('aria-label')).to.equal(
      'Vary $0.014 (a new image: same prompt and settings, a new seed): A red fox, in the snow!',
    );
    const submitted = oneEvent(el, 'userpays-submit');
    const result = oneEvent(el, 'userpays-result');
    vary.click();
    const { request, quote } = (await submitted).detail as SubmitDetail;
    expect([request.prompt, request.model, request.count, quote.total]).to.deep.equal([
      'A red fox, in the snow!',
      'flux-2-klein-4b',
      1,
      '0.014',
    ]);
    expect(request.seed).to.not.equal(42);
    await result;
    await waitUntil(() => tiles(el).length === 2, 'the new image beside the first');
    expect(el.tally!.spent).to.equal('0.028');
    // The form took the image's prompt and model to make it; the ones being edited are one Undo away, said above
    // Generate, not gone without a word.
    const undo = el.shadowRoot!.querySelector<HTMLElement>('.undo')!;
    expect(words(undo)).to.equal('The prompt and settings of the image being varied are in the form. Undo');
    undo.querySelector('button')!.click();
    await el.updateComplete;
    expect([el.prompt, el.model, el.count]).to.deep.equal(['something else', 'flux-2-max', 3]);
  });

  /** An image varied from a form that held another prompt and model: the form's Undo is offered. */
  async function variedFromADraft() {
    const el = await generated(undefined, 42);
    Object.assign(el, { prompt: 'a draft', model: 'flux-2-max' });
    await el.updateComplete;
    const result = oneEvent(el, 'userpays-result');
    action(el, 'vary').click();
    await result;
    const undo = () => el.shadowRoot!.querySelector('.undo');
    await waitUntil(() => undo(), 'the Undo of the form Vary changed');
    return { el, undo };
  }

  // Once the user has typed a new prompt, the note and its Undo go: Undo would throw that prompt away.
  it('the Undo of a change made to the form goes once the user edits the form, or sends it', async () => {
    const { el, undo } = await variedFromADraft();
    const prompt = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#prompt')!;
    prompt.value = 'my new careful prompt';
    prompt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(!!undo(), 'an Undo after typing').to.equal(false);
    expect(el.prompt).to.equal('my new careful prompt');
    // Reuse's, once the form it set is sent.
    action(el, 'reuse').click();
    await waitUntil(() => undo(), 'the Undo of the form Reuse changed');
    const sent = oneEvent(el, 'userpays-result');
    void el.generate();
    await sent;
    await el.updateComplete;
    expect(!!undo(), 'an Undo after Generate').to.equal(false);
  });

  // Once the page's provider select changes the provider, Vary's note does not stay over the other form.
  it('the Undo of a change made to the form goes once the page changes the provider', async () => {
    const { el, undo } = await variedFromADraft();
    for (let update = 0; update < 2; update++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(!!undo(), 'nothing moved: the Undo stays').to.equal(true);
    el.provider = 'fal';
    await el.updateComplete;
    expect(!!undo(), 'an Undo after the provider changed').to.equal(false);
  });

  it('Vary with the form as the image was made offers no Undo: nothing of the form changed', async () => {
    const el = await generated(undefined, 42);
    el.seed = undefined;
    await el.updateComplete;
    const result = oneEvent(el, 'userpays-result');
    action(el, 'vary').click();
    await result;
    await el.updateComplete;
    expect(!!el.shadowRoot!.querySelector('.undo'), 'an Undo').to.equal(false);
  });

  it('finalizes a draft on FLUX.2 [pro] with the same seed, showing the price before anything is sent', async () => {
    const el = await generated(undefined, 42);
    expect(words(action(el, 'finalize'))).to.equal('Finalize on FLUX.2 [pro] · $0.03');
    const before = (await simLog()).length;
    action(el, 'finalize').click();
    await el.updateComplete;
    expect([el.model, el.seed, el.prompt]).to.deep.equal(['flux-2-pro', 42, 'A red fox, in the snow!']);
    expect(el.quote!.total).to.equal('0.03');
    expect(decision(el).price).to.equal('$0.03');
    expect(await ours(before)).to.deep.equal([]);
  });

  it('prices Finalize as the form it loads: one image, with the reference images attached now', async () => {
    const el = await generated(undefined, 42);
    el.count = 3; // the form asks for three images now
    action(el, 'reference').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.thumbs li').length === 1, 'the reference is added');
    await el.updateComplete;
    // FLUX.2 [pro] at BFL: $0.03 for the first megapixel, $0.015 for the 1 MP reference.
    expect(words(action(el, 'finalize'))).to.equal('Finalize on FLUX.2 [pro] · $0.045');
    action(el, 'finalize').click();
    await el.updateComplete;
    expect([el.model, el.count]).to.deep.equal(['flux-2-pro', 1]);
    expect(decision(el).price, 'the price the button showed').to.equal('$0.045');
  });

  it('uses an image as a reference, and deletes one (its charge stays booked)', async () => {
    const el = await generated();
    action(el, 'reference').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.thumbs li').length === 1, 'the reference is added');
    expect(el.quote!.inputMegapixels).to.equal(1);
    action(el, 'delete').click();
    await waitUntil(() => tiles(el).length === 0, 'the image is gone');
    expect(el.tally!.spent).to.equal('0.014');
  });

  it('Use as reference: the new chip comes into view (More options far below the image on a phone), opened for it', async () => {
    const el = await generated();
    el.style.width = '390px'; // a phone: the result above the controls, More options far below it
    await el.updateComplete;
    scrollTo(0, 0);
    action(el, 'reference').click();
    const chip = await until(() => el.shadowRoot!.querySelector('.thumbs li:last-child'));
    expect(part(el, 'more')!.hasAttribute('open')).to.equal(true);
    await until(
      () => {
        const { top, bottom } = chip.getBoundingClientRect();
        return top >= 0 && bottom <= innerHeight;
      },
      3000,
      'the chip in view',
    );
    el.style.width = '';
  });

  it('says whether the copy worked', async () => {
    const el = await generated();
    action(el, 'copy').click();
    await waitUntil(() => announced(el).some((sentence) => /copied|did not let/.test(sentence ?? '')), 'it says so');
  });

  it('lists a paid generation that brought no image, with what it cost and why', async () => {
    const el = await widget('fault=content-moderated;pending=60');
    await el.generate().catch(() => {});
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=failures]'), 'the paid failure is listed');
    const failure = el.shadowRoot!.querySelector('[part~=failures] li')!.textContent!;
    expect(failure).to.contain('FLUX.2 [klein] 4B at BFL');
    expect(failure).to.contain('$0.014 charged');
    expect(failure).to.contain('safety');
  });

  it('lists a paid failure to a later visit that has no image: the gallery’s view loads for it alone', async () => {
    const storageKey = uniqueStorageKey();
    const first = await bflWidget({ scenario: 'fault=content-moderated;pending=60', run: RUN, storageKey });
    first.apiKey = 'sim-test-key';
    await first.generate().catch(() => {});
    first.remove();
    // A later visit (a widget of its own on the same storage key): nothing submitted, no image kept, one paid failure.
    const later = await bflWidget({ run: RUN, storageKey });
    await waitUntil(() => later.shadowRoot!.querySelector('[part~=failures] li'), 'the paid failure is listed');
    expect(later.shadowRoot!.querySelector('[part~=failures] li')!.textContent).to.contain('$0.014 charged');
    expect(tiles(later)).to.have.length(0);
  });

  describe('several images, newest first', () => {
    const long = `A lighthouse on a cliff at dawn, ${'with gulls over the rocks and the sea below, '.repeat(8)}watercolour`;
    /** The images shown (the latest submission's, then the earlier ones), newest first, after each prompt in turn. */
    async function gallery(...prompts: string[]) {
      const el = await bflWidget({ scenario: 'pending=60', run: RUN, prompt: prompts[0], apiKey: 'sim-test-key' });
      for (const prompt of prompts) {
        el.prompt = prompt;
        await el.generate();
      }
      await waitUntil(() => tiles(el).length === prompts.length, 'all shown');
      return { el, items: tiles(el) };
    }

    it('names each image’s Download for the file it saves (never one unlabeled "Download" per image)', async () => {
      const { el, items } = await gallery('a lighthouse in a storm', 'a red fox in the snow');
      const downloads = items.map((item) => item.querySelector<HTMLAnchorElement>('a[download]')!);
      expect(downloads.map((a) => a.getAttribute('aria-label'))).to.deep.equal(
        downloads.map((a) => `Download ${a.download}`),
      );
      expect(downloads[0].download).not.to.equal(downloads[1].download);
      await settled(el); // the new image fades in: its colours as they are once shown
      await expect(el).to.be.accessible();
    });

    it('cuts an earlier image’s long prompt to a few lines on screen, whole in its text and title; the latest’s whole', async () => {
      // The latest submission's prompt is shown whole above it; once an earlier one, its group's prompt is cut.
      const { el } = await gallery(long, 'a red fox in the snow');
      const group = part(el, 'gallery')!.querySelector<HTMLElement>('.group-prompt')!;
      expect(group.scrollWidth, 'cut on screen').to.be.greaterThan(group.clientWidth);
      // Cut within the history's own width (a group as wide as its prompt would push its images out of view).
      expect(group.getBoundingClientRect().right).to.be.at.most(part(el, 'gallery')!.getBoundingClientRect().right);
      expect(group.title).to.equal(long);
      expect(group.textContent).to.equal(long);
      el.prompt = long;
      await el.generate();
      await el.updateComplete;
      const latest = part(el, 'result')!.querySelector<HTMLElement>('.result-prompt')!;
      expect(latest.textContent).to.equal(long);
      expect(latest.scrollHeight, 'whole on screen').to.be.at.most(latest.clientHeight);
      expect(latest.scrollWidth, 'whole on screen').to.be.at.most(latest.clientWidth);
    });

    it('says when each image was made', async () => {
      const { items } = await gallery('a lighthouse in a storm');
      expect(words(items[0])).to.match(
        /· (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{1,2}:\d{2} (AM|PM)/,
      );
    });
  });
});

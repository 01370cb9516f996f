// The widget's flow for the keyboard and the screen reader (docs/contract.md, "Keyboard and focus"): Enter never
// spends, Ctrl/Cmd+Enter generates, focus goes where the result or the error is, one polite sentence says so (and
// no live region speaks every second or reads the whole price breakdown on each keystroke), and a provider that
// reports no progress still shows time passing. Keys are real key presses (sendKeys), so
// the browser's own implicit form submission is what is tested.
// Holds: src/elements/image/image-handlers.ts
// Holds: src/elements/image/prompt/prompt-template.ts
// Holds: src/elements/image/shared/flow-controller.ts
// Holds: src/elements/image/panels/flow.ts
import { expect, oneEvent } from '@open-wc/testing';
import { until, waitUntil } from '../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { GESTURE_MS } from '../../../src/elements/shared/gesture.js';
import { formatUsd } from '../../../src/pricing/index.js';
import { controlledClock } from '../../support/clock.js';
import { bflWidget } from '../../support/bfl-widget.js';
import { submissionsSince, simLog, unique, uniqueStorageKey } from '../../support/sim.js';
import { announced, customSize, decision, imageWidget, part, settled, words } from '../../support/widget.js';
import { PUTER_SRC, puterEndpoint, signedInToPuter } from '../../support/puter.js';

const RUN = uniqueStorageKey();
/** This file's submissions since `before` requests. */
const ours = (before: number) => submissionsSince(before, `run=${RUN}`);
const inside = (el: UserPaysImage, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

/** Every live region of the widget: what a screen reader reads out by itself whenever it changes. */
const liveRegions = (el: HTMLElement) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(
    '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log], [role=marquee], [role=timer], output',
  ),
];

const widget = (scenario = 'pending=60') =>
  bflWidget({ scenario, run: RUN, prompt: 'a red fox in the snow', apiKey: 'sim-test-key' });

/** Counts `userpays-submit` events: each is a submission about to spend. */
function submissions(el: UserPaysImage) {
  const seen = { count: 0 };
  el.addEventListener('userpays-submit', (event) => {
    seen.count++;
    event.preventDefault(); // nothing is sent: the count is what is tested
  });
  return seen;
}

describe('<userpays-image>: keyboard, focus and announcements', () => {
  const time = controlledClock();
  it('Enter in Width, Height or the key field never submits (nothing is sent)', async () => {
    const el = await widget();
    const seen = submissions(el);
    const before = (await simLog()).length;
    await customSize(el);
    for (const name of ['width', 'height', 'key']) {
      inside(el, `[part~=${name}]`).focus();
      await sendKeys({ press: 'Enter' });
    }
    await el.updateComplete;
    expect(seen.count).to.equal(0);
    expect(await ours(before)).to.deep.equal([]);
  });

  it('Enter in the prompt writes a new line; Ctrl+Enter and Cmd+Enter generate', async () => {
    const el = await widget();
    const seen = submissions(el);
    const prompt = inside(el, '[part~=prompt]') as HTMLTextAreaElement;
    prompt.focus();
    prompt.setSelectionRange(prompt.value.length, prompt.value.length);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'at dusk' });
    expect(el.prompt).to.equal('a red fox in the snow\nat dusk');
    expect(seen.count).to.equal(0);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    // The pipeline loads at the first submission (userpays-submit comes once it is here).
    await waitUntil(() => seen.count === 1, 'the first submission');
    // Vetoed by the page, it ends once what draws a submission is here (the gallery's view, loading as it starts):
    // a shortcut while one runs starts nothing.
    await waitUntil(() => !inside(el, '[part~=submit]').hasAttribute('disabled'), 'the first submission ended');
    time.advance(GESTURE_MS); // a new gesture (within one, a second Ctrl+Enter would start nothing)
    await sendKeys({ down: 'Meta' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Meta' });
    await waitUntil(() => seen.count === 2, 'the second submission');
  });

  it('started with Ctrl+Enter from the prompt, Escape there takes the focus to the progress, Cancel the next stop', async () => {
    const el = await widget('pending=3000');
    const prompt = inside(el, '[part~=prompt]');
    prompt.focus();
    const result = oneEvent(el, 'userpays-result');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=progress]'), 'under way');
    // Typing goes on where it was (Cancel is then ten Tab stops away).
    expect(el.shadowRoot!.activeElement === prompt, 'the focus still in the prompt').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=progress]'), 'the focus on the progress');
    expect(el.prompt, 'nothing typed away').to.equal('a red fox in the snow');
    await sendKeys({ press: 'Tab' });
    expect(words(el.shadowRoot!.activeElement)).to.equal('Cancel');
    await result; // not cancelled: Escape moved the focus only
  });

  it('after a result, focus is on the new image and one polite sentence says it is ready', async () => {
    const el = await widget();
    inside(el, '[part~=submit]').focus();
    const result = oneEvent(el, 'userpays-result');
    await sendKeys({ press: 'Enter' });
    // Generate is disabled while busy: the focus it had goes to the progress region, not to the page, nor to
    // Cancel, where the next Enter of the same hand would cancel.
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=progress]'), 'focus on the progress');
    await result;
    await el.updateComplete;
    await el.updateComplete;
    // The new image itself, named by its prompt (not the figure, whose name would begin with its toolbar).
    expect(el.shadowRoot!.activeElement).to.equal(inside(el, '[data-focus=result]'));
    expect(inside(el, '[data-focus=result]').getAttribute('aria-label')).to.equal(
      'Open full size: a red fox in the snow',
    );
    expect(inside(el, '[data-focus=result]').querySelector('img')).to.exist;
    expect(announced(el)).to.include('Image ready: a red fox in the snow');
    await settled(el); // the new image fades in: its colours as they are once shown
    await expect(el).to.be.accessible();
  });

  it('after an error, focus is on the error and the same polite region says it; editing clears it', async () => {
    const el = await widget('fault=402');
    inside(el, '[part~=submit]').focus();
    const failed = oneEvent(el, 'userpays-error');
    await sendKeys({ press: 'Enter' });
    const { message } = (await failed).detail;
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(inside(el, '[part~=error]'));
    expect(announced(el)).to.include(message);
    await expect(el).to.be.accessible();
    // The error described the last attempt: once the user changes what would be sent, it goes.
    (inside(el, '[part~=prompt]') as HTMLTextAreaElement).focus();
    await sendKeys({ type: '!' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=error]')).to.equal(null);
  });

  it('does not take the focus from elsewhere on the page when a submission ends', async () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    try {
      const el = await widget();
      const result = oneEvent(el, 'userpays-result');
      void el.generate();
      outside.focus();
      await result;
      await el.updateComplete;
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
      expect(announced(el)).to.include('Image ready: a red fox in the snow');
    } finally {
      outside.remove();
    }
  });

  it('the progress live region does not speak every second: no live region changes while the time passes', async () => {
    const el = await widget('pending=60000');
    const reported = oneEvent(el, 'userpays-progress');
    void el.generate().catch(() => {});
    await reported;
    await el.updateComplete;
    const progress = part(el, 'progress')!;
    const spoken = () => liveRegions(el).map((region) => region.textContent);
    expect(liveRegions(el).filter((region) => region.contains(progress) || progress.contains(region))).to.deep.equal(
      [],
    );
    const before = spoken();
    const shown = progress.textContent;
    time.advance(5000);
    el.requestUpdate();
    await el.updateComplete;
    expect(part(el, 'progress')!.textContent, 'the time shown moved on').not.to.equal(shown);
    expect(spoken()).to.deep.equal(before);
    el.cancel();
  });

  it('the price live region does not read the whole breakdown on each keystroke: the total only', async () => {
    const el = await widget();
    await customSize(el);
    part(el, 'width')!.focus();
    (part(el, 'width') as HTMLInputElement).select();
    for (const key of '2048') {
      await sendKeys({ type: key });
      await el.updateComplete;
      const spoken = liveRegions(el).map(words).join(' | ');
      for (const line of el.quote!.lines) expect(spoken, `after "${key}"`).not.to.contain(line.label);
      expect(spoken).not.to.contain('Prices');
    }
    expect(el.width).to.equal(2048);
    expect(el.quote!.lines.length).to.be.greaterThan(1); // a breakdown there was to leave out
    // The total and what it buys, as the decision row shows them.
    expect(formatUsd(el.quote!.total, 'en-US')).to.equal('$0.015');
    expect(decision(el)).to.deep.equal({ price: '$0.015', buys: '1 image · 2 MP' });
    expect(liveRegions(el).map(words)).to.include('$0.015 1 image · 2 MP');
  });

  describe('time passing where the provider reports no progress', () => {
    it('shows an indeterminate bar and the elapsed time, from the clock', async () => {
      const el = await widget('pending=60000');
      void el.generate().catch(() => {});
      // Drawn by the gallery's view, which the submission loads as it starts.
      const bar = await until(() => el.shadowRoot!.querySelector('[part~=progress] progress'), 5000, 'the bar');
      expect(bar.hasAttribute('value'), 'indeterminate').to.equal(false);
      time.advance(65_000);
      el.requestUpdate();
      await el.updateComplete;
      expect(inside(el, '[part~=progress]').textContent).to.contain('1\u00a0min 05\u00a0s');
      el.cancel();
    });

    describe('on Puter, which reports one status when the call starts and nothing after it', function () {
      this.timeout(20_000);
      before(() => signedInToPuter());

      it('an indeterminate bar and seconds that tick by themselves, never "Generating · 0 s" for the whole wait', async () => {
        const el = await imageWidget({
          provider: 'puter',
          locale: 'en-US',
          endpoint: puterEndpoint(`pending=8000;run=${unique()}`),
          'puter-src': PUTER_SRC,
          prompt: 'a harbour at dawn',
        });
        void el.generate().catch(() => {});
        await waitUntil(() => part(el, 'progress')?.textContent?.includes('Generating · 0\u00a0s'), 'under way', {
          timeout: 5000,
        });
        expect(part(el, 'progress')!.querySelector('progress')!.hasAttribute('value'), 'indeterminate').to.equal(false);
        time.advance(65_000);
        // Nothing but the widget's own ticker redraws it now (no requestUpdate here).
        await waitUntil(
          () => part(el, 'progress')?.textContent?.includes('Generating · 1\u00a0min 05\u00a0s'),
          'it ticks',
          {
            timeout: 3000,
          },
        );
        el.cancel();
      });
    });
  });
});

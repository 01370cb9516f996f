// One intent, one submission. A double click, a stray click at the same point and an Enter are one
// gesture (elements/shared/gesture.ts): they start one submission, however soon Generate is enabled again; Cancel
// never takes the place under the pointer that pressed Generate, and the Enter of the same hand does not cancel.
// Real pointer and key presses (the browser's own click counting and implicit submission); the widget's clock is
// the test's, so that "the same gesture" does not depend on how fast this machine is.
import { expect } from '@open-wc/testing';
import { until, waitUntil } from '../support/wait.js';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { GESTURE_MS } from '../../src/elements/shared/gesture.js';
import { bflWidget } from '../support/bfl-widget.js';
import { controlledClock } from '../support/clock.js';
import { releaseHold, submissionsSince, simLog, uniqueStorageKey } from '../support/sim.js';
import { panelsLoaded, part } from '../support/widget.js';

/**
 * The middle of Generate, in view, as the pointer presses it: once what arrives after the first paint above it has
 * arrived (the panels: More options; the key's balance, read once the key has rested a second, under the key field),
 * so that Generate stays where it is for the clicks that follow.
 */
async function generateButton(el: UserPaysImage): Promise<[number, number]> {
  await panelsLoaded(el);
  await waitUntil(() => part(el, 'balance'), "the key's balance", { timeout: 3000 });
  await el.updateComplete;
  const submit = el.shadowRoot!.querySelector<HTMLElement>('[part~=submit]')!;
  submit.scrollIntoView({ block: 'center' });
  const box = submit.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

/** Double click, one more click at the same point, then Enter: the gesture of a hurried user. */
async function doubleClickClickEnter(position: [number, number]) {
  await sendMouse({ type: 'click', position });
  await sendMouse({ type: 'click', position });
  await sendMouse({ type: 'click', position });
  await sendKeys({ press: 'Enter' });
}

describe('one intent, one submission (real pointer and keys)', function () {
  this.timeout(20_000);
  const time = controlledClock();
  afterEach(() => resetMouse());

  /** The task held under `hold` let go, once the simulator has it (the presses may come before BFL accepts it). */
  const released = (hold: string) =>
    until(
      () =>
        releaseHold('bfl', hold).then(
          () => true,
          () => false,
        ),
      10_000,
      'the held task',
    );

  for (const width of [1280, 390]) {
    it(`at ${width} px: double click + click + Enter on Generate make one BFL task, which is not cancelled`, async () => {
      await setViewport({ width, height: 800 });
      const run = uniqueStorageKey();
      // Held Pending until every press is made, however slow the machine: the presses fall while it runs.
      const el = await bflWidget({ scenario: `pending=0;hold=${run}`, run, prompt: 'a fox', apiKey: `sim-${run}` });
      const before = (await simLog()).length;
      const position = await generateButton(el);
      const result = new Promise((resolve) => el.addEventListener('userpays-result', resolve, { once: true }));
      const cancelled: unknown[] = [];
      el.addEventListener('userpays-error', (event) => cancelled.push(event.detail));
      await sendMouse({ type: 'click', position });
      // While it runs, Cancel is not where the pointer is (drawn by the gallery's view, which the click loads).
      const cancel = await until(() =>
        [...el.shadowRoot!.querySelectorAll('[part~=progress] button')].find(
          (button) => button.textContent!.trim() === 'Cancel',
        ),
      );
      const box = cancel.getBoundingClientRect();
      const [x, y] = position;
      expect(x >= box.left && x <= box.right && y >= box.top && y <= box.bottom, 'Cancel under the pointer').to.equal(
        false,
      );
      await sendMouse({ type: 'click', position });
      await sendMouse({ type: 'click', position });
      await sendKeys({ press: 'Enter' });
      await released(run);
      await result;
      expect(cancelled).to.deep.equal([]);
      const ours = (await submissionsSince(before)).filter((entry) => entry.path.includes(run));
      expect(ours).to.have.length(1);
    });
  }

  it('Enter on Generate, then Enter again from the same hand: the focus is on the progress, and nothing is cancelled', async () => {
    await setViewport({ width: 1280, height: 800 });
    const run = uniqueStorageKey();
    const el = await bflWidget({ scenario: `pending=0;hold=${run}`, run, prompt: 'a fox', apiKey: `sim-${run}` });
    const before = (await simLog()).length;
    const errors: unknown[] = [];
    el.addEventListener('userpays-error', (event) => errors.push(event.detail));
    const result = new Promise((resolve) => el.addEventListener('userpays-result', resolve, { once: true }));
    el.shadowRoot!.querySelector<HTMLElement>('[part~=submit]')!.focus();
    await sendKeys({ press: 'Enter' });
    // The progress is drawn by the gallery's view, loaded as the submission starts (or ahead, at Generate's focus):
    // the focus goes to it once it is there.
    await until(() => el.shadowRoot!.activeElement?.matches('[part~=progress]'), 5000, 'the focus on the progress');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await released(run);
    await result;
    expect(errors).to.deep.equal([]);
    expect((await submissionsSince(before)).filter((entry) => entry.path.includes(run))).to.have.length(1);
  });

  it('a submission that ends at once (the page’s veto) leaves Generate enabled: the rest of the gesture starts nothing', async () => {
    await setViewport({ width: 1280, height: 800 });
    const run = uniqueStorageKey();
    const el = await bflWidget({ scenario: 'pending=800', run, prompt: 'a fox', apiKey: `sim-${run}` });
    let submits = 0;
    el.addEventListener('userpays-submit', (event) => {
      submits++;
      event.preventDefault(); // ends the submission at once: Generate is enabled for the next click
    });
    const position = await generateButton(el);
    await doubleClickClickEnter(position);
    await el.updateComplete;
    expect(submits).to.equal(1);
    // After a pause, a new gesture: a click is a new intent.
    time.advance(GESTURE_MS);
    await sendMouse({ type: 'click', position });
    await el.updateComplete;
    expect(submits).to.equal(2);
  });
});

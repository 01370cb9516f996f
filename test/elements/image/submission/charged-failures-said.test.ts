// Money the widget must never leave unsaid: a failure the provider charged for says what it charged; Cancel on a
// provider that has billed and keeps working asks first, and "Stop waiting" still fetches the paid image; a
// generation an earlier visit left at the provider shows as under way, and Generate waits for it.
// Holds: src/elements/image/gallery/panel/failure.ts
// Holds: src/elements/image/submission/panel/submission-handlers.ts
// Holds: src/elements/image/shared/per-tally.ts
// Holds: src/elements/image/submission/panel/submission-feature.ts
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { LedgerStore, type LedgerEntry } from '../../../../src/ledger/ledger.js';
import type { GenerationResult } from '../../../../src/base/types.js';
import { storageKeysForgottenAfterEach } from '../../../support/storage.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { releaseHold, unique, uniqueStorageKey } from '../../../support/sim.js';
import { widgetResuming } from '../../../support/earlier-visit.js';
import { part, words } from '../../../support/widget.js';

const RUN = uniqueStorageKey();
const KEY = 'sim-honest-key';
const button = (el: UserPaysImage, words: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === words);

const widget = (scenario: string) => bflWidget({ scenario, run: RUN, prompt: 'a lighthouse in a storm', apiKey: KEY });

describe('<userpays-image>: honest money', () => {
  const newStorageKey = storageKeysForgottenAfterEach();

  for (const [what, scenario, code] of [
    ['content moderated after acceptance', 'fault=content-moderated;pending=60', 'moderated'],
    ['"Provider error" on BFL', 'fault=error;pending=60', 'provider-error'],
  ])
    it(`a failure the provider charged for (${what}) says what it charged, beside why it failed; the tally counts it`, async () => {
      const el = await widget(scenario);
      const error = await el.generate().catch((e) => e);
      expect(error.code).to.equal(code);
      expect(error.message).to.contain('BFL charged $0.014 for it all the same, and your tally counts it.');
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('BFL charged $0.014');
      expect(el.tally).to.include({ spent: '0.014', images: 0 });
    });

  it('a provider short of credit is named, with what to do', async () => {
    const error = await (await widget('fault=402')).generate().catch((e) => e);
    expect(error.code).to.equal('insufficient-funds');
    expect(error.message).to.equal(
      'Your BFL account does not have enough credit for this. Add credit at BFL, then try again. Nothing was charged.',
    );
  });

  it('Cancel after BFL billed asks first; "Keep waiting" goes on; "Stop waiting" frees the widget and still saves the image', async function () {
    this.timeout(30_000); // waits of up to 10 s, on a machine that may be slow
    // Under way until the test has stopped waiting for it, however slow the machine running the suite.
    const hold = unique('hold');
    const el = await widget(`pending=1500;hold=${hold}`);
    const result = oneEvent(el, 'userpays-result');
    void el.generate().catch(() => {});
    // BFL reports its cost when it accepts the task: from then on, Cancel asks.
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~=progress]')?.textContent?.match(/Queued|Under way at BFL/),
      'accepted',
      { timeout: 10_000 },
    );
    button(el, 'Cancel')!.click();
    await el.updateComplete;
    // The question takes the place of the progress, in the canvas, and the focus is on "Keep waiting".
    expect(part(el, 'progress')).to.equal(null);
    expect(words(el.shadowRoot!.querySelector('.canvas'))).to.contain(
      'BFL has already charged $0.014 for this and finishes it whatever this page does. Stop waiting? It still appears here when it is done.',
    );
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Keep waiting'));
    button(el, 'Keep waiting')!.click();
    await el.updateComplete;
    expect(button(el, 'Cancel')).to.exist;
    button(el, 'Cancel')!.click();
    await el.updateComplete;
    button(el, 'Stop waiting')!.click();
    await el.updateComplete;
    // Free at once: no progress, Generate live again.
    expect(part(el, 'progress')).to.equal(null);
    expect((part(el, 'submit') as HTMLButtonElement).disabled).to.equal(false);
    // The canvas says the paid image is still coming, until it lands (the empty canvas alone would read as though
    // nothing had happened, and a visitor could pay for it twice).
    const finishing = 'BFL is still making the image you paid $0.014 for: it appears here when it is done.';
    // No image yet: said in a placeholder at its shape, in the canvas a narrow widget then shows too.
    const note = () => el.shadowRoot!.querySelector('.canvas [role=status]');
    expect(words(note())).to.equal(finishing);
    expect(note()!.closest('.frames')!.querySelector('[part~=placeholder]'), 'at its shape').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.widget')!.classList.contains('has-result'), 'shown when narrow').to.equal(
      true,
    );
    // The paid image still arrives, once, and is kept.
    await releaseHold('bfl', hold);
    const { detail } = (await result) as CustomEvent<GenerationResult>;
    expect(detail.charged).to.equal('0.014');
    await waitUntil(() => part(el, 'result')?.querySelector('img[part~=image]'), 'the image is saved and shown', {
      timeout: 10_000,
    });
    expect(el.tally).to.include({ spent: '0.014', images: 1 });
    await el.updateComplete;
    expect(words(el.shadowRoot!.querySelector('.canvas')), 'the note goes as it lands').not.to.contain('still making');
  });

  it('Cancel before any provider billed stops at once, without asking', async () => {
    const el = await widget('fault=hang');
    const failed = el.generate().catch((e) => e);
    await waitUntil(() => button(el, 'Cancel'), 'busy', { timeout: 10_000 });
    button(el, 'Cancel')!.click();
    expect((await failed).code).to.equal('cancelled');
    expect(button(el, 'Stop waiting')).to.equal(undefined);
  });

  it('cancel() after BFL billed: the message says BFL charged it, never "Nothing more will be charged"; the tally counts it', async () => {
    const el = await widget('pending=5000');
    const accepted = oneEvent(el, 'userpays-progress'); // BFL bills when it accepts, before the first poll
    const running = el.generate().catch((e) => e);
    await accepted;
    el.cancel();
    const error = await running;
    expect(error.code).to.equal('cancelled');
    expect(error.message).to.equal(
      'Generation cancelled, but BFL had already charged $0.014 for it; your tally counts it.',
    );
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('$0.014');
    expect(el.tally).to.include({ spent: '0.014', images: 0 });
  });

  it('a generation an earlier visit left at BFL shows as under way, and Generate waits for it; axe-clean meanwhile', async function () {
    this.timeout(40_000); // two axe runs and waits of up to 10 s, on a machine that may be slow
    const storageKey = newStorageKey();
    // An earlier visit's page submitted a task and went before it was ready (no page holds its lock); BFL holds it
    // under way until the test has looked at the widget meanwhile.
    const { el, release } = await widgetResuming(storageKey, { run: RUN, key: KEY });
    expect(part(el, 'progress')!.textContent).to.contain('Finishing a paid image from your earlier visit');
    expect((part(el, 'submit') as HTMLButtonElement).disabled, 'no second payment meanwhile').to.equal(true);
    try {
      for (const [scheme, page] of [
        ['light', ''],
        ['dark', '#000'],
      ] as const) {
        await emulateMedia({ colorScheme: scheme });
        document.body.style.background = page;
        await expect(el, `resumed, ${scheme} on ${page || 'white'}`).to.be.accessible();
      }
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      document.body.style.background = '';
    }
    expect(part(el, 'progress'), 'still under way when checked').to.exist;
    expect((part(el, 'submit') as HTMLButtonElement).disabled, 'still no second payment').to.equal(true);
    await release();
    await waitUntil(() => !part(el, 'progress'), 'finished', { timeout: 10_000 });
    expect((part(el, 'submit') as HTMLButtonElement).disabled).to.equal(false);
    await waitUntil(() => part(el, 'result')?.querySelector('img[part~=image][alt="an earlier harbour"]'), 'kept', {
      timeout: 10_000,
    });
    expect((el.tally as { spent: string }).spent).to.equal('0.014');
    expect((new LedgerStore({ storageKey }).entries() as LedgerEntry[])[0].status).to.equal('charged');
  });
});

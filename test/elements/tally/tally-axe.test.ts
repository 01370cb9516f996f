// <userpays-tally> through axe's WCAG 2.2 AA rules (target-size included, which axe runs only when asked) in each of
// its states, light and dark (prefers-color-scheme, emulated); and no text under 12 px.
import { fixture, html, expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { UserPaysTally } from '../../../src/elements/tally/userpays-tally.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { image, leftBehind } from '../../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { until } from '../../support/wait.js';
import { expectWcag22 } from '../../support/axe.js';
import { controlledClock } from '../../support/clock.js';
import { part } from '../../support/widget.js';

const spend = (ledger: LedgerStore, usd: string, model = 'flux-2-pro') =>
  ledger.settle(ledger.open({ ...image, model, quoted: usd }).id, { charged: usd });

/** The states the tally shows: each makes its ledger (budget 1) so. */
const STATES: Record<string, (ledger: LedgerStore, storageKey: string) => void> = {
  empty: () => {},
  spending: (ledger) => {
    spend(ledger, '0.25');
    spend(ledger, '0.0421053', 'flux-2-klein-4b');
  },
  'close to the limit': (ledger) => spend(ledger, '0.93'),
  'over budget': (ledger) => spend(ledger, '1.12'),
  'pending, left by a closed page, and uncertain': (ledger, storageKey) => {
    leftBehind(storageKey, (gone) => void gone.open({ ...image, quoted: '0.07' })); // by a page that is gone
    spend(ledger, '0.25');
    ledger.open({ ...image, quoted: '0.03' });
    const lost = ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' });
    ledger.markSent(lost.id);
    ledger.settle(lost.id, { uncertain: '0.07' });
  },
};

describe('<userpays-tally> in WCAG 2.2 AA, every state, light and dark', () => {
  controlledClock();
  const newStorageKey = storageKeysForgottenAfterEach();
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const scheme of ['light', 'dark'] as const)
    for (const [state, make] of Object.entries(STATES))
      it(`${state}, ${scheme}: nothing serious or critical; no text under 12 px`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const storageKey = newStorageKey();
        const ledger = new LedgerStore({ storageKey });
        make(ledger, storageKey);
        ledger.budget = '1';
        const el = await fixture<UserPaysTally>(
          html`<userpays-tally storage-key=${storageKey} locale="en-US"></userpays-tally>`,
        );
        await until(() => part(el, 'export'), 5000);
        if (state.startsWith('pending')) await until(() => el.shadowRoot!.getElementById('orphaned'), 5000);
        (part(el, 'reset') as HTMLDetailsElement).open = true; // its confirmation too
        await el.updateComplete;
        // The surface of the scheme emulated (theme.ts): axe's contrast checks are against it.
        expect(getComputedStyle(el).backgroundColor).to.equal(
          scheme === 'dark' ? 'rgb(21, 27, 40)' : 'rgb(255, 255, 255)',
        );
        await expectWcag22(el);
        const small = [...el.shadowRoot!.querySelectorAll('*')]
          .filter(
            (e) => e.checkVisibility() && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
          )
          .map((e) => [e.textContent!.trim().slice(0, 20), parseFloat(getComputedStyle(e).fontSize)] as const)
          .filter(([, px]) => px < 12);
        expect(small).to.deep.equal([]);
      });
});

// Holds: src/elements/tally/panels/reconcile-actions.ts
// Holds: src/elements/tally/panels/reconcile.ts
// `<userpays-tally>`'s "Reconcile with my account" and its settling of uncertain charges from OpenRouter's records,
// over real HTTP against the OpenRouter simulator, with the key the image widget remembered on this device: a charge
// held uncertain settled when the tally shows it, and by the action; a planted difference, and an agreement, said in
// plain words; a refused key and a missing one said, settling nothing; the key sent to its own origin alone.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysTally } from '../../../src/elements/tally/userpays-tally.js';
import { keySlot } from '../../../src/elements/image/shared/key-slots.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { expectWcag22 } from '../../support/axe.js';
import { controlledClock } from '../../support/clock.js';
import { recordFetches } from '../../support/record-fetches.js';
import { pageFetch, simEndpoint, unique } from '../../support/sim.js';
import { plantedRecord } from '../../support/openrouter-records.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { part, words } from '../../support/widget.js';
import { until } from '../../support/wait.js';
import { puterEndpoint, puterSessionsEnded, sdk, setPuterAccount, signedInToPuter } from '../../support/puter.js';

const image = { provider: 'openrouter', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' };

async function spentElsewhere(key: string, usd: string) {
  const query = new URLSearchParams({ key, usd, in: 'day' });
  expect((await pageFetch(`${simEndpoint('openrouter')}/_spend?${query}`, { method: 'POST' })).status).to.equal(200);
}

describe('<userpays-tally>: Reconcile with my account', () => {
  const time = controlledClock('2026-02-26T12:00:00Z');
  const newStorageKey = storageKeysForgottenAfterEach();
  const sent = recordFetches(); // `METHOD url`, each test's own

  /** A ledger begun last month, the clock on 2026-03-10, OpenRouter's key remembered for `endpoint` (where given). */
  function setUp(endpoint: string, key?: string) {
    const storageKey = newStorageKey();
    const ledger = new LedgerStore({ storageKey });
    ledger.tally();
    time.set('2026-03-10T12:00:00Z');
    if (key) localStorage.setItem(keySlot(storageKey, 'openrouter', endpoint, ''), key);
    return { storageKey, ledger };
  }

  const tally = (storageKey: string, endpoint: string) =>
    fixture<UserPaysTally>(
      html`<userpays-tally
        storage-key=${storageKey}
        locale="en-US"
        .endpoints=${{ openrouter: endpoint }}
      ></userpays-tally>`,
    );

  const reconcile = async (el: UserPaysTally) => {
    const button = await until(() => part(el, 'reconcile')?.querySelector('button'));
    expect(words(button)).to.equal('Reconcile with my account');
    button.click();
    return until(() => part(el, 'reconcile')!.querySelector('li'));
  };

  it('states a difference planted beyond the ledger’s, and an agreement once the ledger holds it', async () => {
    const endpoint = simEndpoint('openrouter');
    const key = unique('sk-or-tally');
    const { storageKey, ledger } = setUp(endpoint, key);
    ledger.settle(ledger.open({ ...image }).id, { charged: '1.1', basis: 'reported' });
    await spentElsewhere(key, '1.23');
    const el = await tally(storageKey, endpoint);
    expect(words(await reconcile(el))).to.equal(
      'OpenRouter says $1.23 this month (UTC) on this key; this browser booked $1.10: $0.13 was spent elsewhere with this key (another site, app or browser), or was not booked here.',
    );
    await expectWcag22(el, [part(el, 'reconcile')!]);
    // The key went to OpenRouter's endpoint alone.
    expect(sent.filter((call) => !call.split(' ')[1].startsWith(endpoint + '/'))).to.deep.equal([]);
    ledger.settle(ledger.open({ ...image }).id, { charged: '0.13' });
    await until(() => el.tally?.spent === '1.23');
    part(el, 'reconcile')!.querySelector('button')!.click();
    await until(() => words(part(el, 'reconcile')).includes('they agree'));
    expect(words(part(el, 'reconcile')!.querySelector('li'))).to.equal(
      'OpenRouter says $1.23 this month (UTC) on this key, and this browser booked $1.23 with it: they agree.',
    );
  });

  it('an uncertain OpenRouter charge is settled from its record as soon as the tally shows it', async () => {
    const endpoint = simEndpoint('openrouter', 'recordlag=0');
    const key = unique('sk-or-tally');
    const { storageKey, ledger } = setUp(endpoint, key);
    const entry = ledger.open({ ...image });
    ledger.attachTask(entry.id, { provider: 'openrouter', id: await plantedRecord(key, 0.0321), endpoint });
    ledger.settle(entry.id, { uncertain: '0.05', error: 'provider-error' });
    const el = await tally(storageKey, endpoint);
    await until(() => el.tally?.spent === '0.0321');
    expect(ledger.entries()[0]).to.include({ status: 'charged', charged: '0.0321', basis: 'record' });
    await until(() =>
      words(part(el, 'reconcile')).includes("OpenRouter's record of the generation says it charged $0.0321"),
    );
    expect(el.tally?.uncertain).to.equal(undefined);
  });

  it('a record not there yet on load stays uncertain, said; the action asks again and settles it', async () => {
    const endpoint = simEndpoint('openrouter', 'recordlag=1');
    const key = unique('sk-or-tally');
    const { storageKey, ledger } = setUp(endpoint, key);
    const entry = ledger.open({ ...image });
    ledger.attachTask(entry.id, { provider: 'openrouter', id: await plantedRecord(key, 0.021), endpoint });
    ledger.settle(entry.id, { uncertain: '0.05', error: 'provider-error' });
    await spentElsewhere(key, '0.021');
    const el = await tally(storageKey, endpoint);
    await until(() => sent.some((url) => url.includes('/api/v1/generation?id=')));
    expect(el.tally?.uncertain).to.equal('0.05');
    await reconcile(el);
    await until(() => el.tally?.spent === '0.021');
    expect(words(part(el, 'reconcile'))).to.contain(
      'OpenRouter says $0.021 this month (UTC) on this key, and this browser booked $0.021 with it: they agree.',
    );
  });

  it('a refused key and no key remembered: said, nothing settled, and without a key nothing is sent', async () => {
    const endpoint = simEndpoint('openrouter', 'recordlag=0');
    const refused = setUp(endpoint, 'sim-bad');
    const entry = refused.ledger.open({ ...image });
    refused.ledger.attachTask(entry.id, { provider: 'openrouter', id: unique('gen'), endpoint });
    refused.ledger.settle(entry.id, { uncertain: '0.05', error: 'provider-error' });
    const el = await tally(refused.storageKey, endpoint);
    expect(words(await reconcile(el))).to.equal(
      'OpenRouter refused your key: nothing was compared. Enter your key again, or sign in again.',
    );
    expect(words(part(el, 'reconcile'))).to.contain('OpenRouter refused your key when asked for its record');
    expect(el.tally?.uncertain).to.equal('0.05');

    sent.length = 0;
    const none = setUp(endpoint);
    none.ledger.settle(none.ledger.open({ ...image }).id, { charged: '0.014' });
    const other = await tally(none.storageKey, endpoint);
    expect(words(await reconcile(other))).to.match(/^Enter your key to reconcile: no OpenRouter key is remembered/);
    expect(sent.filter((url) => url.includes('/sim/openrouter'))).to.deep.equal([]);
  });

  describe('with Puter, signed in on the page', function () {
    this.timeout(30_000);
    puterSessionsEnded();

    it('sets Puter’s figure for this site beside the tally’s, and asks to sign in where no one is', async () => {
      const endpoint = puterEndpoint();
      const { token } = await signedInToPuter(endpoint);
      const { storageKey, ledger } = setUp(endpoint);
      ledger.settle(ledger.open({ ...image, provider: 'puter' }).id, { charged: '0.02', basis: 'reported' });
      await setPuterAccount(token, { spent: 2_600_000 }); // $0.026 on this site, $0.006 of it from another device
      const el = await fixture<UserPaysTally>(
        html`<userpays-tally
          storage-key=${storageKey}
          locale="en-US"
          .endpoints=${{ puter: endpoint }}
        ></userpays-tally>`,
      );
      expect(words(await reconcile(el))).to.equal(
        'Puter says $0.026 this month (UTC) on this site, on every device signed in to your account; this tally booked $0.02: $0.006 was spent on this site on another device or browser whose charges are not in this tally, went to what the site keeps or sends in your account (files, history, data sent), or was not booked here.',
      );
      await expectWcag22(el, [part(el, 'reconcile')!]);
      sdk().auth.signOut();
      part(el, 'reconcile')!.querySelector('button')!.click();
      await until(() => words(part(el, 'reconcile')).includes('Sign in to Puter'));
      expect(words(part(el, 'reconcile')!.querySelector('li'))).to.equal(
        'Sign in to Puter to reconcile: no one is signed in to it on this page. Sign in in the image widget, then reconcile again.',
      );
    });
  });
});

// "Reconcile with my account" (`reconcileWithAccounts`), over real HTTP against the OpenRouter simulator: the ledger's
// own sum for OpenRouter's period beside OpenRouter's own figure for the key, a planted difference said in plain words
// either way, an agreement where there is none; each uncertain charge settled from its generation's record first; and
// each failure (a refused key, the service down, no key remembered, a record not there yet) said, settling nothing.
import { expect } from '@open-wc/testing';
import { reconcileWithAccounts, settleFromRecords, type ReconcileSource } from '../../src/generation/reconcile.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { OpenRouterProvider } from '../../src/providers/openrouter/adapter.js';
import type { ProviderId } from '../../src/base/types.js';
import { controlledClock } from '../support/clock.js';
import { MemoryStorage } from '../support/ledger.js';
import { pageFetch, simCharged, simEndpoint, unique } from '../support/sim.js';
import { plantedRecord } from '../support/openrouter-records.js';
import { PuterProvider } from '../../src/providers/puter/adapter.js';
import { puterEndpoint, puterSessionsEnded, sdk, setPuterAccount, signedInToPuter } from '../support/puter.js';

const provider = new OpenRouterProvider();
const ENDPOINT = simEndpoint('openrouter', 'recordlag=0');
const image = { provider: 'openrouter', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' };

/** Spend a test plants as made with `key` elsewhere, `inPeriod` (day, week, month, earlier). */
async function spentElsewhere(key: string, usd: string, inPeriod = 'day') {
  const query = new URLSearchParams({ key, usd, in: inPeriod });
  const reply = await pageFetch(`${simEndpoint('openrouter')}/_spend?${query}`, { method: 'POST' });
  expect(reply.status).to.equal(200);
}

/** The key for OpenRouter at `endpoint` (the sim's), none for any other provider or where `key` is ''. */
const source = (key: string, endpoint = ENDPOINT): ReconcileSource => ({
  providerFor: async () => provider,
  accessFor: (id: ProviderId) => (id === 'openrouter' && key ? { endpoint, apiKey: key } : undefined),
});

describe('reconcileWithAccounts: the ledger beside the provider’s own figures', () => {
  // A Tuesday; the ledger began the month before, so that it holds OpenRouter's month whole.
  const time = controlledClock('2026-02-26T12:00:00Z');
  const said = (done: Awaited<ReturnType<typeof reconcileWithAccounts>>, id = 'openrouter') =>
    done.providers.find((each) => each.provider === id)?.said.map((sentence) => sentence.text);

  /** A ledger begun now, then the clock moved to 2026-03-10, and `usd` charged with OpenRouter there. */
  function ledgerWith(...charges: string[]) {
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    ledger.tally(); // begun now
    time.set('2026-03-10T12:00:00Z');
    for (const usd of charges) ledger.settle(ledger.open({ ...image }).id, { charged: usd, basis: 'reported' });
    return ledger;
  }
  const at = () => ({ now: time.now(), since: Date.parse('2026-02-26T12:00:00Z'), sinceSaid: 'Feb 26' });

  it('OpenRouter says more than this browser booked: the difference, in plain words', async () => {
    const key = unique('sk-or-reconcile');
    const ledger = ledgerWith('0.5', '0.6');
    await spentElsewhere(key, '1.23', 'month');
    const done = await reconcileWithAccounts(ledger, source(key), at());
    expect(said(done)).to.deep.equal([
      'OpenRouter says $1.23 this month (UTC) on this key; this browser booked $1.10: $0.13 was spent elsewhere with this key (another site, app or browser), or was not booked here.',
    ]);
  });

  it('they agree: said so, with the one figure', async () => {
    const key = unique('sk-or-reconcile');
    const ledger = ledgerWith('0.014');
    await spentElsewhere(key, '0.014', 'day');
    const done = await reconcileWithAccounts(ledger, source(key), at());
    expect(said(done)).to.deep.equal([
      'OpenRouter says $0.014 this month (UTC) on this key, and this browser booked $0.014 with it: they agree.',
    ]);
  });

  it('OpenRouter says less: the difference the other way, said as such', async () => {
    const key = unique('sk-or-reconcile');
    const ledger = ledgerWith('0.3');
    await spentElsewhere(key, '0.1', 'week');
    const done = await reconcileWithAccounts(ledger, source(key), at());
    expect(said(done)?.[0]).to.equal(
      'OpenRouter says $0.10 this month (UTC) on this key; this browser booked $0.30, $0.20 more: some of it was paid with another key, or OpenRouter does not show it yet.',
    );
  });

  it('an uncertain charge is settled from its record first, and the figures then agree with what the sim charged', async () => {
    const key = unique('sk-or-reconcile');
    const made = await provider.generate(
      { model: 'flux-2-klein-4b', prompt: 'a lighthouse at dawn', width: 1024, height: 1024, seed: 7 },
      {
        endpoint: simEndpoint('openrouter', `images=none;cost=-1;run=${unique()}`),
        apiKey: key,
        signal: new AbortController().signal,
      },
    );
    const ledger = ledgerWith();
    const entry = ledger.open({ ...image });
    ledger.attachTask(entry.id, { provider: 'openrouter', id: made.task!.id, endpoint: ENDPOINT });
    ledger.settle(entry.id, { uncertain: '0.05', error: 'provider-error' });
    const done = await reconcileWithAccounts(ledger, source(key), at());
    const charged = await simCharged('openrouter', key);
    expect(done.settled.map(({ outcome }) => outcome)).to.deep.equal(['charged']);
    expect(ledger.entries()[0]).to.include({ status: 'charged', charged, basis: 'record' });
    expect(said(done)?.[0]).to.match(/ on this key, and this browser booked .* with it: they agree\.$/);
  });

  it('a charge not known yet is said beside the figures, never as nothing; the period it falls in is the provider’s', async () => {
    const key = unique('sk-or-reconcile');
    const ledger = ledgerWith('0.2');
    const lost = ledger.open({ ...image, quoted: '0.045' });
    ledger.markSent(lost.id);
    ledger.settle(lost.id, { uncertain: '0.045', error: 'network' });
    await spentElsewhere(key, '0.2', 'day');
    const done = await reconcileWithAccounts(ledger, source(key), at());
    expect(said(done)).to.deep.equal([
      'OpenRouter says $0.20 this month (UTC) on this key, and this browser booked $0.20 with it: they agree.',
      "Not in this browser's figure: 1 charge not known yet (no reply said, or still running), which may have cost up to $0.045; the account's figure may hold them.",
    ]);
    expect(done.settled).to.deep.equal([]); // no generation named: nothing to ask for
  });

  it('a tally begun this month is set beside the week, and one begun today beside the day, saying so', async () => {
    const key = unique('sk-or-reconcile');
    await spentElsewhere(key, '0.5', 'month');
    await spentElsewhere(key, '0.25', 'day');
    const ledger = ledgerWith('0.25');
    const begun = (since: string) => ({ now: time.now(), since: Date.parse(since), sinceSaid: 'today, 9:00 AM' });
    const week = await reconcileWithAccounts(ledger, source(key), begun('2026-03-03T00:00:00Z'));
    expect(said(week)?.[0]).to.match(/^OpenRouter says \$0\.25 this week \(UTC, from Monday\) on this key, and/);
    const day = await reconcileWithAccounts(ledger, source(key), begun('2026-03-10T09:00:00Z'));
    expect(said(day)).to.deep.equal([
      'OpenRouter says $0.25 today (UTC day) on this key, and this browser booked $0.25 with it: they agree.',
      'This tally began today, 9:00 AM: what OpenRouter charged before that is in its figure only.',
    ]);
  });

  it('a refused key, the service down, or no key remembered: said, and nothing compared or settled', async () => {
    const ledger = ledgerWith('0.1');
    const refused = await reconcileWithAccounts(ledger, source('sim-bad'), at());
    expect(said(refused)).to.deep.equal([
      'OpenRouter refused your key: nothing was compared. Enter your key again, or sign in again.',
    ]);
    const down = await reconcileWithAccounts(
      ledger,
      source('sk-or-down', simEndpoint('openrouter', 'usage=down')),
      at(),
    );
    expect(said(down)?.[0]).to.match(/^OpenRouter's figures could not be read \(offline/);
    const offline = await reconcileWithAccounts(ledger, source('sk-or-x', 'http://127.0.0.1:9'), at());
    expect(said(offline)?.[0]).to.match(/^OpenRouter's figures could not be read/);
    const none = await reconcileWithAccounts(ledger, source(''), at());
    expect(said(none)?.[0]).to.match(/^Enter your key to reconcile: no OpenRouter key is remembered on this device\./);
    expect(ledger.tally().spent).to.equal('0.1');
  });

  it('providers that publish nothing to the key are said so, not guessed', async () => {
    const ledger = ledgerWith();
    for (const provider of ['bfl', 'fal', 'google', 'openai'])
      ledger.settle(ledger.open({ ...image, provider }).id, { charged: '0.03' });
    ledger.settle(ledger.open({ ...image, provider: 'openai', payee: 'OpenAI' }).id, { charged: '0.04' });
    const done = await reconcileWithAccounts(ledger, source(''), at());
    expect(said(done, 'bfl')?.[0]).to.match(/^BFL tells your key only how many credits are left/);
    expect(said(done, 'fal')?.[0]).to.match(/^fal: not published to your key\. Its usage figures need an admin key/);
    expect(said(done, 'google')?.[0]).to.match(/^Google lets your key read no figure of what it charged, as far/);
    expect(said(done, 'openai')?.[0]).to.match(/^The gateway lets your key read no figure/);
    expect(said(done, 'OpenAI')?.[0]).to.match(
      /^OpenAI: not published to your key\. Its usage figures need an admin key/,
    );
    expect(done.providers.map(({ provider }) => provider)).to.deep.equal(['bfl', 'fal', 'google', 'openai', 'OpenAI']);
  });
});

describe('settleFromRecords: uncertain charges settled from their records, or left as they are', () => {
  controlledClock();

  function held(id: string, endpoint = ENDPOINT) {
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    const entry = ledger.open({ ...image });
    ledger.attachTask(entry.id, { provider: 'openrouter', id, endpoint });
    ledger.settle(entry.id, { uncertain: '0.05', error: 'provider-error' });
    return ledger;
  }

  it('a record not there yet: said, and the charge stays uncertain; asked again, it is settled', async () => {
    const key = unique('sk-or-records');
    const lagging = simEndpoint('openrouter', 'recordlag=1');
    const ledger = held(await plantedRecord(key, 0.021), lagging);
    const first = await settleFromRecords(ledger, ledger.uncertain(), source(key, lagging));
    expect(first.map(({ outcome }) => outcome)).to.deep.equal(['uncertain']);
    expect(first[0].said.said?.[1]).to.equal('recordMissing');
    expect(ledger.uncertain()).to.have.length(1);
    const again = await settleFromRecords(ledger, ledger.uncertain(), source(key, lagging));
    expect(again.map(({ outcome }) => outcome)).to.deep.equal(['charged']);
    expect(ledger.tally().spent).to.equal('0.021');
  });

  it('without a key for the endpoint its request went to, nothing is asked', async () => {
    const key = unique('sk-or-records');
    const ledger = held(await plantedRecord(key, 0.021));
    expect(await settleFromRecords(ledger, ledger.uncertain(), source(''))).to.deep.equal([]);
    expect(ledger.uncertain()).to.have.length(1);
  });
});

describe('reconcileWithAccounts: Puter’s figure for this site, from the user signed in on the page', function () {
  this.timeout(30_000);
  puterSessionsEnded();
  const time = controlledClock('2026-02-26T12:00:00Z');
  const puter = new PuterProvider();
  const said = (done: Awaited<ReturnType<typeof reconcileWithAccounts>>) =>
    done.providers.find((each) => each.provider === 'puter')?.said.map((sentence) => sentence.text);
  /** The page's Puter at `endpoint`, read through the adapter as the tally reads it. */
  const signedIn = (endpoint: string): ReconcileSource => ({
    providerFor: async () => puter,
    accessFor: () => undefined,
    siteUsage: () => puter.siteUsage(endpoint),
  });

  /** A ledger begun last month, the clock on 2026-03-10, `usd` charged with Puter there for each of `charges`. */
  function ledgerWith(...charges: string[]) {
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    ledger.tally();
    time.set('2026-03-10T12:00:00Z');
    for (const usd of charges)
      ledger.settle(ledger.open({ ...image, provider: 'puter' }).id, { charged: usd, basis: 'reported' });
    return ledger;
  }
  const at = (since = '2026-02-26T12:00:00Z') => ({ now: time.now(), since: Date.parse(since), sinceSaid: 'Mar 2' });

  it('Puter says more for this site than the tally booked: the difference, on every device, in plain words', async () => {
    const endpoint = puterEndpoint();
    const { token } = await signedInToPuter(endpoint);
    await setPuterAccount(token, { spent: 3_500_000 }); // $0.035 on this site: the ledger knows $0.02 of it
    await setPuterAccount(token, { spent: 9_000_000, app: 'app-of-another-site' }); // not this site's
    const done = await reconcileWithAccounts(ledgerWith('0.015', '0.005'), signedIn(endpoint), at());
    expect(said(done)).to.deep.equal([
      'Puter says $0.035 this month (UTC) on this site, on every device signed in to your account; this tally booked $0.02: $0.015 was spent on this site on another device or browser whose charges are not in this tally, went to what the site keeps or sends in your account (files, history, data sent), or was not booked here.',
    ]);
  });

  it('they agree, and a tally begun this month says what came before is in Puter’s figure only', async () => {
    const endpoint = puterEndpoint();
    const { token } = await signedInToPuter(endpoint);
    await setPuterAccount(token, { spent: 2_000_000 });
    const done = await reconcileWithAccounts(ledgerWith('0.02'), signedIn(endpoint), at('2026-03-02T08:00:00Z'));
    expect(said(done)).to.deep.equal([
      'Puter says $0.02 this month (UTC) on this site, on every device signed in to your account, and this tally booked $0.02 with it: they agree.',
      'This tally began Mar 2: what Puter charged before that is in its figure only.',
    ]);
  });

  it('Puter says less, with a charge not known yet said beside, never as nothing', async () => {
    const endpoint = puterEndpoint();
    await signedInToPuter(endpoint);
    const ledger = ledgerWith('0.01');
    const held = ledger.open({ ...image, provider: 'puter' }).id;
    ledger.settle(held, { uncertain: '0.003', error: 'network' });
    const done = await reconcileWithAccounts(ledger, signedIn(endpoint), at());
    const [first, ...rest] = said(done) ?? [];
    expect(first).to.equal(
      'Puter says $0.00 this month (UTC) on this site, on every device signed in to your account; this tally booked $0.01, $0.01 more: Puter does not show all of it yet, or some of it was paid from another account.',
    );
    expect(rest.join(' ')).to.match(/^Not in this browser's figure: 1 charge not known yet .* up to \$0\.003/);
  });

  it('no one signed in on the page, or an account in credits: said, nothing compared', async () => {
    const credits = puterEndpoint(`credits=2000;run=${unique()}`);
    await signedInToPuter(credits);
    let done = await reconcileWithAccounts(ledgerWith('0.02'), signedIn(credits), at());
    expect(said(done)).to.deep.equal([
      'Puter counts your account in credits, whose worth in dollars is not known here: nothing was compared. Your account there shows what it charged.',
    ]);
    sdk().auth.signOut();
    done = await reconcileWithAccounts(ledgerWith('0.02'), signedIn(credits), at());
    expect(said(done)).to.deep.equal([
      'Sign in to Puter to reconcile: no one is signed in to it on this page. Sign in in the image widget, then reconcile again.',
    ]);
  });
});

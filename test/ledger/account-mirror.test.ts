// The ledger kept also in the user's own Puter key-value store, through the REAL Puter SDK against the simulator
// (demo/sim/puter-kv.mjs). Two devices of one user: two ledgers, each on a Storage of its own (what two browsers
// are: the ledger keeps its state per storage object) and each with its own SDK instance and sign-in token of the
// same Puter user name (two devices signed in to one Puter account); a "reload" is the device's `sync()`, what the
// widget runs on load and at sign-in.
// Holds: src/ledger/account-mirror.ts
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { part, words } from '../support/widget.js';
import { until } from '../support/wait.js';
import { cleanLocalStorage } from '../support/storage.js';
import { deleteHistory, LedgerStore, mirrorLedger } from '../../src/ledger/ledger.js';
import { puterLedgerStore } from '../../src/providers/puter/kv-ledger.js';
import { MemoryStorage } from '../support/ledger.js';
import { controlledClock } from '../support/clock.js';
import { simLogOf, unique, uniqueStorageKey } from '../support/sim.js';
import { puterEndpoint, puterSessionsEnded, puterSignedInAs, signedInToPuter } from '../support/puter.js';

/** One device: its own storage, its own SDK instance signed in with its own token as `username`. */
async function device(username: string, storageKey: string, endpoint?: string) {
  const { puter, token } = await puterSignedInAs(username, endpoint);
  const storage = new MemoryStorage();
  const ledger = new LedgerStore({ storageKey, storage });
  const mirror = mirrorLedger({ ...puterLedgerStore(puter), account: username }, storageKey, storage);
  return { ledger, mirror, storage, token, puter };
}

/** One image charged `usd` in `ledger`. */
function charge(ledger: LedgerStore, usd: string) {
  const entry = ledger.open({ provider: 'puter', model: 'flux-schnell', width: 1024, height: 1024, quoted: usd });
  ledger.settle(entry.id, { charged: usd });
  return entry.id;
}

/** Two devices of `username`, both synced; the phone charged $0.02, written to the account and read by the laptop. */
async function chargedOnThePhoneSeenOnTheLaptop(username: string, storageKey: string) {
  const laptop = await device(username, storageKey);
  const phone = await device(username, storageKey);
  await Promise.all([laptop.mirror.sync(), phone.mirror.sync()]);
  charge(phone.ledger, '0.02');
  await phone.mirror.flush();
  await laptop.mirror.sync();
  return { laptop, phone };
}

async function post(path: string, body: object) {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** The user's store for this site's app, as the simulator holds it. */
const accountOf = async (username: string): Promise<Record<string, unknown>> =>
  (await post('/sim/puter/_kv/read', { username, origin: location.origin })).entries;
const kvFault = (username: string, fault: string | null, times?: number) =>
  post('/sim/puter/_kv', { username, fault, times });

describe('the ledger kept in the Puter account (real SDK, simulator)', function () {
  this.timeout(20_000);
  const clock = controlledClock();
  puterSessionsEnded();
  let username: string;
  let storageKey: string;

  before(() => signedInToPuter());
  beforeEach(() => {
    username = unique('user');
    storageKey = uniqueStorageKey();
  });
  afterEach(() => kvFault(username, null));

  it('shows a charge made on one device in the other’s tally after a reload, counted once', async () => {
    const laptop = await device(username, storageKey);
    const phone = await device(username, storageKey);
    await Promise.all([laptop.mirror.sync(), phone.mirror.sync()]);
    const id = charge(laptop.ledger, '0.003');
    clock.advance(1000);
    await laptop.mirror.flush();
    await phone.mirror.sync();
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0.003');
    expect(phone.ledger.entries().find((entry) => entry.id === id)?.at).to.equal(
      laptop.ledger.entries().find((entry) => entry.id === id)?.at,
    );
    expect(Object.keys(await accountOf(username))).to.include(`${storageKey}:ledger:entry:${id}`);
  });

  it('counts once an entry written twice when the reply to its write was lost', async () => {
    const run = `run=${unique()}`; // the laptop's calls, told apart in the simulator's log by their address
    const laptop = await device(username, storageKey, puterEndpoint(run));
    const phone = await device(username, storageKey);
    await laptop.mirror.sync();
    const synced = (await simLogOf('puter', run)).length; // what the sync itself wrote is not this test's
    await kvFault(username, 'drop-after-write', 1);
    charge(laptop.ledger, '0.012');
    // The first write landed and its reply was lost: the entry stayed in the outbox, and the next write wrote it again.
    await laptop.mirror.flush();
    const writes = (await simLogOf('puter', run)).slice(synced).filter((entry) => entry.kind === 'kv:batchPut');
    expect(writes.map((entry) => entry.fault ?? 'answered')).to.deep.equal(['drop-after-write', 'answered']);
    expect(laptop.storage.getItem(`${storageKey}:ledger:outbox`)).to.equal(null);
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0.012');
    expect(phone.ledger.tally().images).to.equal(1);
    const entries = Object.keys(await accountOf(username)).filter((key) => key.includes(':entry:'));
    expect(entries).to.have.length(1);
  });

  it('catches up a device that was offline during a charge, and the totals agree to the cent', async () => {
    const laptop = await device(username, storageKey);
    const phone = await device(username, storageKey);
    await Promise.all([laptop.mirror.sync(), phone.mirror.sync()]);
    charge(phone.ledger, '0.04');
    await phone.mirror.flush();
    await kvFault(username, 'down');
    charge(laptop.ledger, '0.055');
    charge(laptop.ledger, '0.003');
    await laptop.mirror.flush();
    await phone.mirror.sync().catch(() => {});
    expect(phone.ledger.tally().spent).to.equal('0.04');
    await kvFault(username, null);
    await laptop.mirror.sync();
    await phone.mirror.sync();
    expect(laptop.ledger.tally().spent).to.equal('0.098');
    expect(phone.ledger.tally().spent).to.equal('0.098');
  });

  it('takes a Reset made on one device to the other, and shows a new device what came before it', async () => {
    const laptop = await device(username, storageKey);
    await laptop.mirror.sync();
    charge(laptop.ledger, '0.03');
    clock.advance(60_000);
    // A device signed in later (its session would begin now) takes the account's session, and what it holds.
    const phone = await device(username, storageKey);
    await laptop.mirror.flush();
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0.03');
    clock.advance(1000);
    laptop.ledger.reset();
    await laptop.mirror.flush();
    clock.advance(1000);
    charge(laptop.ledger, '0.005');
    await laptop.mirror.flush();
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0.005');
    expect(laptop.ledger.tally().spent).to.equal('0.005');
  });

  it('holds a budget set on one device on the other, and says it holds in the account', async () => {
    const laptop = await device(username, storageKey);
    const phone = await device(username, storageKey);
    await Promise.all([laptop.mirror.sync(), phone.mirror.sync()]);
    laptop.ledger.budget = '2.50';
    await laptop.mirror.flush();
    await phone.mirror.sync();
    expect(phone.ledger.budget).to.equal('2.5');
    expect(phone.ledger.budgetHeld).to.equal('account');
    phone.mirror.stop();
    expect(phone.ledger.budgetHeld).to.equal('browser');
  });

  it('removes the history from the account when it is deleted, and every device starts anew', async () => {
    const laptop = await device(username, storageKey);
    const phone = await device(username, storageKey);
    await Promise.all([laptop.mirror.sync(), phone.mirror.sync()]);
    charge(laptop.ledger, '0.01');
    charge(phone.ledger, '0.02');
    await Promise.all([laptop.mirror.flush(), phone.mirror.flush()]);
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0.03');
    clock.advance(1000);
    await deleteHistory(storageKey, laptop.storage);
    expect(Object.keys(await accountOf(username))).to.deep.equal([]);
    expect(laptop.ledger.tally().spent).to.equal('0');
    // The phone, which merged with the account before, finds it empty: deleted there; it writes nothing back.
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0');
    await laptop.mirror.sync();
    await phone.mirror.sync();
    expect(Object.keys(await accountOf(username))).to.deep.equal([]);
    expect(phone.storage.getItem(`${storageKey}:ledger:outbox`)).to.equal(JSON.stringify({ ids: [], deleted: true }));
  });

  it('uploads what a device holds that never merged with the account, though the account is empty', async () => {
    const laptop = await device(username, storageKey);
    charge(laptop.ledger, '0.01');
    await laptop.mirror.sync();
    clock.advance(1000);
    await deleteHistory(storageKey, laptop.storage);
    // Charged before it ever signed in to this account: its own history, not the one deleted.
    const tablet = await device(username, storageKey);
    charge(tablet.ledger, '0.07');
    await tablet.mirror.sync();
    expect(tablet.ledger.tally().spent).to.equal('0.07');
    const keys = Object.keys(await accountOf(username)).filter((key) => key.includes(':entry:'));
    expect(keys).to.have.length(1);
    await laptop.mirror.sync();
    expect(laptop.ledger.tally().spent).to.equal('0.07');
  });

  it('takes a first upload that failed for no deletion: the next load uploads what the device holds', async () => {
    const laptop = await device(username, storageKey);
    const store = { ...puterLedgerStore(laptop.puter), account: username };
    const failing = mirrorLedger(
      { ...store, put: () => Promise.reject(new Error('offline')) },
      storageKey,
      laptop.storage,
    );
    charge(laptop.ledger, '0.01');
    await failing.sync();
    expect(Object.keys(await accountOf(username))).to.deep.equal([]);
    clock.advance(1000);
    await mirrorLedger(store, storageKey, laptop.storage).sync();
    expect(laptop.ledger.tally().spent).to.equal('0.01');
    const keys = Object.keys(await accountOf(username));
    expect(keys.filter((key) => key.includes(':entry:'))).to.have.length(1);
  });

  for (const where of ['the deleting device', 'the other device']) {
    it(`writes a charge made after a deletion on ${where}, and the other follows its session`, async () => {
      const { laptop, phone } = await chargedOnThePhoneSeenOnTheLaptop(username, storageKey);
      clock.advance(1000);
      await deleteHistory(storageKey, laptop.storage);
      clock.advance(1000);
      const [first, second] = where === 'the deleting device' ? [laptop, phone] : [phone, laptop];
      if (first === phone) await phone.mirror.sync(); // it learns of the deletion first
      const id = charge(first.ledger, '0.005');
      await first.mirror.flush();
      const account = await accountOf(username);
      expect(Object.keys(account).sort()).to.deep.equal([
        `${storageKey}:ledger:entry:${id}`,
        `${storageKey}:ledger:since`,
      ]);
      await second.mirror.sync();
      expect(second.ledger.tally().spent).to.equal('0.005');
      expect(first.ledger.tally().spent).to.equal('0.005');
      expect(Object.keys(await accountOf(username))).to.have.length(2);
    });
  }

  it('keeps a charge a device made offline after it last saw the account, deleted meanwhile', async () => {
    const { laptop, phone } = await chargedOnThePhoneSeenOnTheLaptop(username, storageKey);
    clock.advance(1000);
    await kvFault(username, 'down');
    const offline = charge(phone.ledger, '0.04'); // never written: the deletion did not reach it
    await phone.mirror.flush();
    await kvFault(username, null);
    clock.advance(1000);
    await deleteHistory(storageKey, laptop.storage);
    await phone.mirror.sync();
    expect(phone.ledger.tally().spent).to.equal('0.04');
    expect(Object.keys(await accountOf(username)).sort()).to.deep.equal([
      `${storageKey}:ledger:entry:${offline}`,
      `${storageKey}:ledger:since`,
    ]);
    await laptop.mirror.sync();
    expect(laptop.ledger.tally().spent).to.equal('0.04');
  });

  it('says in the tally where the budget holds, and deletes from the account from Reset…', async function () {
    this.timeout(45_000);
    const { puter } = await puterSignedInAs(username);
    const ledger = new LedgerStore({ storageKey });
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} locale="en-US"></userpays-tally>`,
    );
    const held = () => words(el.shadowRoot!.getElementById('budget-held'));
    await until(() => el.shadowRoot!.getElementById('budget-held'));
    expect(held()).to.equal('Kept on this browser.');
    expect(part(el, 'reset')!.querySelector('button[value=delete]')).to.equal(null);
    const mirror = mirrorLedger(puterLedgerStore(puter), storageKey);
    try {
      await mirror.sync();
      charge(ledger, '0.02');
      ledger.budget = '1';
      await mirror.flush();
      await el.updateComplete;
      expect(held()).to.equal('Kept on your Puter account: it holds on every device signed in to it.');
      expect(Object.keys(await accountOf(username))).to.have.length(3); // the session's start, the entry, the budget
      const details = part(el, 'reset') as HTMLDetailsElement;
      details.querySelector('summary')!.click();
      // The account does not answer: deleted on this browser, and the tally says to try again.
      await kvFault(username, 'down');
      details.querySelector<HTMLButtonElement>('button[value=delete]')!.click();
      // (The SDK tries a read again for about 12 s before it gives up: RETRY_DELAYS_MS, networkUtils.js.)
      await until(() => el.shadowRoot!.textContent!.includes('your Puter account did not answer: try again'), 20_000);
      expect(el.tally!.spent).to.equal('0');
      expect(Object.keys(await accountOf(username))).to.have.length(3);
      await kvFault(username, null);
      details.querySelector('summary')!.click();
      details.querySelector<HTMLButtonElement>('button[value=delete]')!.click();
      await until(async () => Object.keys(await accountOf(username)).length === 0);
      expect(el.tally!.spent).to.equal('0');
      // Nothing is left in the account; the budget stays on this browser until the user sets it again.
      await until(() => held() === 'Kept on this browser.');
      expect(ledger.budget).to.equal('1');
      ledger.budget = '2';
      await mirror.flush();
      await until(() => held() === 'Kept on your Puter account: it holds on every device signed in to it.');
      expect(Object.keys(await accountOf(username)).sort()).to.deep.equal([
        `${storageKey}:ledger:budget`,
        `${storageKey}:ledger:since`,
      ]);
    } finally {
      mirror.stop();
      cleanLocalStorage(`${storageKey}:`);
    }
  });
});

// SPEC §5: a charge no reply confirmed is settled from the account's own balance — BFL's `/v1/credits`, OpenRouter's
// `/api/v1/key` `usage` — read before the image is sent and again after the fault. The difference is booked where
// nothing else on that account came between the two reads, in any tab, and it lies between one quote and the sends the
// browser may have made × the quote; else the charge stays uncertain at that bound, and the words give both figures;
// Pollinations' `/account/key` `pollenBudget` (the key's own) also checks an answered image's charge on its receipt.
// Through the real pipeline against the simulators, which debit an account as the services do (a BFL task when it is
// accepted, an OpenRouter image when it is made).
//
// Only a key this site's sign-in made is this ledger's alone (`keyMadeBySignIn`); any other (every BFL key, pasted) may
// be spent from by a second ledger (another storage-key, site or device) this one cannot see, and its balance is a hint
// only, but for one case: a lost reply at BFL, which debits as it accepts, whose balance fell by exactly its price with
// nothing else of BFL under way in any ledger of this site, is booked charged once at once (what it was held at kept for
// the widget's Undo). On a key of our own, the balance is read until it holds still, only a whole number of the price is taken, and
// only that much is certain: the rest stays uncertain while the page keeps reading (an account that shows each debit
// late: OpenRouter's `usagelag`), and is released or booked as the balance settles.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { providerFor } from '../../src/providers/registry/adapters.js';
import { provider as pollinations } from '../../src/providers/pollinations/adapter.js';
import type { ProviderId } from '../../src/base/types.js';
import { failure } from '../support/failure.js';
import { until } from '../support/wait.js';
import { controlledClock } from '../support/clock.js';
import { MemoryStorage } from '../support/ledger.js';
import { ImageStore } from '../../src/images/image-store.js';
import { resumeOrphans } from '../../src/generation/resume.js';
import { generationJob } from '../support/generation.js';
import { cleanMadeStorage } from '../support/storage.js';
import { openTab } from '../support/tabs.js';
import { simCharges, simEndpoint, type SimulatorName, uniqueStorageKey } from '../support/sim.js';

/** Polling and the balance's re-reads as fast as the adapters allow. */
const FAST = { initialMs: 200, maxMs: 500, timeoutMs: 10_000, recheckMs: 100 };

/**
 * A second ledger on BFL's `key` that sends an image of its own as soon as ours, booked under `storageKey`, has been
 * sent: another widget of this site (`sameSite`: another storage key in this origin's localStorage), else another site
 * or device (a storage this page never sees). The returned function stops watching and waits for that image.
 */
async function secondLedgerOnceOursLeft(key: string, storageKey: string, { sameSite = false } = {}) {
  const ledger = new LedgerStore({ storageKey });
  const bfl = await providerFor('bfl');
  let other: Promise<unknown> | undefined;
  const stop = ledger.subscribe(() => {
    if (!other && ledger.entries().some((entry) => entry.sentAt !== undefined)) {
      const theirs = uniqueStorageKey();
      other = runGeneration(
        generationJob({
          provider: bfl,
          endpoint: simEndpoint('bfl', `pending=50;run=${storageKey}-second`),
          apiKey: key,
          storageKey: theirs,
          ...(sameSite && { ledger: new LedgerStore({ storageKey: theirs }) }),
          poll: FAST,
        }),
      );
    }
  });
  return async () => {
    stop();
    await other;
  };
}

/**
 * One image at `provider`'s simulator under `scenario`, booked in a ledger of `storageKey` (localStorage, as every
 * tab's); `signedIn`: the key is one this site's sign-in made (this ledger's alone); `crossOrigin`: the simulator on the
 * other loopback name, as a provider's API is (its preflights leave connections the browser reuses, and resends on).
 */
async function lostReply(
  provider: ProviderId,
  scenario: string,
  key: string,
  { storageKey = uniqueStorageKey(), signedIn = false, crossOrigin = false } = {},
) {
  const ledger = new LedgerStore({ storageKey });
  const job = generationJob({
    provider: await providerFor(provider),
    endpoint: simEndpoint(provider as SimulatorName, `${scenario};run=${storageKey}`, { crossOrigin }),
    apiKey: key,
    keyMadeBySignIn: signedIn,
    request: { provider, model: 'flux-2-klein-4b' },
    storageKey,
    ledger,
    poll: FAST,
  });
  const error = await failure(runGeneration(job));
  return { error, ledger, entry: ledger.entries()[0], tally: ledger.tally() };
}

describe('a charge no reply confirmed, settled from the account’s balance', function () {
  // The balance is read again on the page's real timers (seconds apart, on purpose): room for a loaded machine.
  this.timeout(45_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    frames.splice(0).forEach((frame) => frame.remove());
    cleanMadeStorage();
  });

  it('BFL, a pasted key: a reply lost after BFL accepted, /v1/credits fallen by exactly its price, is booked charged once at once', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const { error, entry, tally } = await lostReply('bfl', 'fault=accept-then-drop', key);
    const debited = await simCharges('bfl', key);
    expect([debited.tasks, debited.usd]).to.deep.equal([1, '0.014']);
    expect(error.code).to.equal('network');
    // BFL debits as it accepts: the balance, held still, shows every send it took; one price, nothing else under way.
    expect([entry.status, entry.charged, entry.basis, entry.heldBefore]).to.deep.equal([
      'charged',
      '0.014',
      'balance',
      '0.098',
    ]);
    expect([tally.spent, tally.uncertain, tally.paidFailures]).to.deep.equal(['0.014', undefined, 1]);
    expect(error.message).to.equal(
      'The connection broke after the request left, before any reply. Your BFL balance fell by $0.014: counted as charged.',
    );
    // What the widget's Undo takes back (`reopen`).
    expect(error.countedByBalance).to.deep.equal({ entry: entry.id, amount: '0.014' });
  });

  it('BFL: a balance that fell by more than one price (the browser sent it again, each copy charged) stays uncertain', async () => {
    const key = `sim-twice-${uniqueStorageKey()}`;
    const { entry, error } = await lostReply('bfl', 'fault=accept-then-reset', key, { crossOrigin: true });
    const debited = await simCharges('bfl', key);
    expect(debited.tasks, 'the browser sent it again by itself').to.be.greaterThan(1);
    expect([entry.status, entry.heldBefore]).to.deep.equal(['uncertain', undefined]);
    expect(Number(entry.charged)).to.be.at.least(Number(debited.usd));
    expect(error.countedByBalance).to.equal(undefined);
  });

  it('a second ledger on the same key: its image, charged between our reads, is not settled as our lost reply', async () => {
    const key = `sim-second-${uniqueStorageKey()}`;
    const storageKey = uniqueStorageKey();
    // The second ledger (another storage-key on the same page: another widget, or another site) sends its image once
    // ours has left; our read after the fault is held until BFL has accepted both (creditsAfter=2).
    const second = await secondLedgerOnceOursLeft(key, storageKey);
    const { error, entry } = await lostReply('bfl', 'fault=accept-then-drop;creditsAfter=2', key, { storageKey });
    await second();
    const debited = await simCharges('bfl', key);
    expect(debited.tasks).to.equal(2);
    expect(entry.status, 'the second ledger’s image is not put down to ours').to.equal('uncertain');
    expect(entry.basis).to.equal(undefined);
    expect(error.message).to.match(/perhaps from elsewhere/);
  });

  it('a request that never reached BFL, while another widget of this site charged one image on the key: never booked as charged', async () => {
    const key = `sim-never-${uniqueStorageKey()}`;
    const storageKey = uniqueStorageKey();
    const second = await secondLedgerOnceOursLeft(key, storageKey, { sameSite: true });
    const { entry } = await lostReply('bfl', 'fault=network', key, { storageKey });
    await second();
    expect((await simCharges('bfl', key)).tasks, 'only the second ledger’s task').to.equal(1);
    expect(entry.status).to.equal('uncertain');
    expect(entry.basis).to.equal(undefined);
  });

  it('the same from another site or device, which this page cannot see: booked once as the balance says, with what it was held at kept for Undo', async () => {
    // The one case the evidence cannot tell apart: the same price spent from the same key elsewhere at that moment.
    // It is said as what the balance did ("fell by … counted as charged"), never as BFL's word, and the widget's Undo
    // holds it uncertain again (test/elements/image/price/balance-evidence.test.ts).
    const key = `sim-elsewhere-${uniqueStorageKey()}`;
    const storageKey = uniqueStorageKey();
    const second = await secondLedgerOnceOursLeft(key, storageKey);
    const { entry, error, ledger } = await lostReply('bfl', 'fault=network', key, { storageKey });
    await second();
    expect((await simCharges('bfl', key)).tasks).to.equal(1);
    expect([entry.status, entry.heldBefore]).to.deep.equal(['charged', '0.098']);
    expect(error.message).to.match(/Your BFL balance fell by \$0\.014: counted as charged\.$/);
    expect(ledger.reopen(entry.id)).to.equal(true);
    expect(ledger.tally()).to.deep.include({ spent: '0', uncertain: '0.098' });
  });

  it('OpenRouter, a key its sign-in made: a 502 from a proxy after the image was made is booked at what the key’s usage rose by', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const { error, entry } = await lostReply('openrouter', 'fault=502-bare', key, { signedIn: true });
    const debited = await simCharges('openrouter', key);
    expect(Number(debited.usd)).to.be.greaterThan(0);
    expect(error.code).to.equal('provider-error');
    expect([entry.status, entry.charged, entry.basis]).to.deep.equal(['charged', debited.usd, 'balance']);
    expect(error.message).to.contain(
      `Your OpenRouter balance shows what it cost: OpenRouter charged $${debited.usd} for it, and your tally counts it.`,
    );
  });

  it('Pollinations, a key its sign-in made: a reply lost after the image was made is booked at what its pollenBudget fell by, and the rest of the bound stays uncertain', async () => {
    const key = `sk_sim-settle-${uniqueStorageKey()}`;
    const { error, entry, tally } = await lostReply('pollinations', 'fault=accept-then-drop;keybudget=1', key, {
      signedIn: true,
    });
    const debited = await simCharges('pollinations', key);
    expect([debited.images, debited.usd]).to.deep.equal([1, '0.005']);
    expect(error.code).to.equal('network');
    // The browser may have sent it up to 7 times (plain-http loopback): one showed, the rest may yet.
    expect([entry.status, entry.certain, entry.charged]).to.deep.equal(['uncertain', '0.005', '0.035']);
    expect([tally.spent, tally.uncertain]).to.deep.equal(['0.005', '0.03']);
    // The most it may cost said once, then what of it shows.
    expect(error.message).to.match(
      /may have charged \$0\.005 \(up to \$0\.035 .* Your Pollinations balance shows \$0\.005 of it so far; checking again for a minute or so\.$/,
    );
    expect(error.message.match(/\$0\.035/g)).to.have.length(1);
  });

  it('Pollinations: a key whose budget fell by more than the quote books the larger where its sign-in made the key, else the quote with the fall beside it', async () => {
    const run = async (signedIn: boolean) => {
      const storageKey = uniqueStorageKey();
      const ledger = new LedgerStore({ storageKey });
      const key = `sk_sim-moved-${storageKey}`;
      const one = (scenario: string) =>
        runGeneration(
          generationJob({
            provider: pollinations,
            endpoint: simEndpoint('pollinations', `${scenario};keybudget=1;run=${storageKey}`),
            apiKey: key,
            keyMadeBySignIn: signedIn,
            request: { provider: 'pollinations', model: 'flux-2-klein-4b' },
            storageKey,
            ledger,
            poll: FAST,
          }),
        );
      const [asQuoted] = (await one('')).stored;
      expect(asQuoted.receipt).to.deep.include({ quoted: '0.005', basis: 'quote', left: '0.995' });
      expect(asQuoted.receipt).not.to.have.property('moved');
      // The next image's balance is read from the next millisecond on: an entry settled in the very millisecond a read
      // begins counts as between the reads (the ledger cannot order them), and the fall would then be no one's alone.
      await new Promise((later) => setTimeout(later, 5));
      // Pollinations took 0.007 though its list said 0.005 (its price changed after the list was read).
      const [otherwise] = (await one('charge=0.007')).stored;
      return { otherwise, ledger };
    };
    const ours = await run(true);
    expect(ours.otherwise.charged, 'the larger, where the key is this ledger’s alone').to.equal('0.007');
    expect(ours.otherwise.receipt).to.deep.include({ quoted: '0.005', basis: 'balance', left: '0.988' });
    expect(ours.otherwise.receipt).not.to.have.property('moved');
    expect(ours.ledger.tally().spent).to.equal('0.012');
    const pasted = await run(false);
    expect(pasted.otherwise.charged).to.equal('0.005');
    expect(pasted.otherwise.receipt).to.deep.include({
      quoted: '0.005',
      basis: 'quote',
      left: '0.988',
      moved: '0.007',
    });
    expect(pasted.ledger.tally().spent).to.equal('0.01');
  });

  it('OpenRouter, a key its sign-in made, usage that shows each debit late: the first move is not all, and the rest is booked as it shows', async () => {
    const key = `sim-lag-${uniqueStorageKey()}`;
    // The browser sends the request again on each connection it reused (accept-then-reset, cross-origin): each copy is
    // an image OpenRouter made and charged, and /key shows each debit two reads after the one before (usagelag=2).
    const { error, entry, ledger } = await lostReply('openrouter', 'fault=accept-then-reset;usagelag=2', key, {
      signedIn: true,
      crossOrigin: true,
    });
    const debited = await simCharges('openrouter', key);
    expect(debited.images, 'the browser sent it again by itself').to.be.greaterThan(1);
    const price = new Decimal(debited.usd).div(debited.images);
    expect(error.code).to.equal('network');
    // One debit had shown, and held for two reads: that much certain, the bound (every send) still counted.
    expect([entry.status, entry.certain]).to.deep.equal(['uncertain', price.toFixed()]);
    expect(Number(entry.charged)).to.be.at.least(Number(debited.usd));
    expect(ledger.tally().spent).to.equal(price.toFixed());
    expect(error.message).to.contain(
      `Your OpenRouter balance shows $${price.toFixed()} of it so far; checking again for a minute or so.`,
    );
    // The page keeps reading: once the balance holds at every debit, that is what is booked.
    const settled = await until(
      () => ledger.entries().find((e) => e.id === entry.id && e.status === 'charged'),
      25_000,
    );
    expect([settled.charged, settled.basis, settled.certain]).to.deep.equal([debited.usd, 'balance', undefined]);
    expect([ledger.tally().spent, ledger.tally().uncertain]).to.deep.equal([debited.usd, undefined]);
    // What that read found, for the widget still showing the error to say in its place (not "checking again").
    expect(error.settledLater?.text).to.equal(
      `Your OpenRouter balance shows the last request cost $${debited.usd}: counted as spent.`,
    );
  });

  it('OpenRouter, a key its sign-in made: a request that never arrived is released once the balance has shown nothing for a while', async () => {
    const key = `sim-never-${uniqueStorageKey()}`;
    const { error, entry, ledger } = await lostReply('openrouter', 'fault=network', key, { signedIn: true });
    expect((await simCharges('openrouter', key)).images).to.equal(0);
    expect([error.code, entry.status]).to.deep.equal(['network', 'uncertain']);
    expect(error.message).to.match(/Your OpenRouter balance shows no charge yet; checking again for a minute or so\.$/);
    const released = await until(() => ledger.entries().find((e) => e.id === entry.id && e.status === 'void'), 25_000);
    expect(released.charged).to.equal(undefined);
    expect(ledger.tally().uncertain).to.equal(undefined);
    expect(error.settledLater?.text).to.equal(
      'Your OpenRouter balance shows no charge for the last request: nothing is counted.',
    );
  });

  it('a balance in a currency the page does not read is refused: nothing is settled from it', async () => {
    const key = `sim-eur-${uniqueStorageKey()}`;
    const openrouter = await providerFor('openrouter');
    const endpoint = simEndpoint('openrouter', 'balancecurrency=EUR');
    // (Compared as a word: chai's inspection of a Decimal never ends.)
    const refused = await openrouter.balance!({ endpoint, apiKey: key });
    expect(refused === undefined ? 'refused' : 'read', 'a reply naming EUR').to.equal('refused');
    const read = await openrouter.balance!({ endpoint: simEndpoint('openrouter'), apiKey: key });
    expect(read && 'spent' in read ? 'read' : 'refused', 'the same reply without it').to.equal('read');
    const { entry } = await lostReply('openrouter', 'fault=502-bare;balancecurrency=EUR', key, { signedIn: true });
    expect((await simCharges('openrouter', key)).images).to.equal(1);
    expect([entry.status, entry.basis]).to.deep.equal(['uncertain', undefined]);
  });

  it('nothing reached BFL: the balance shows no charge, and on a pasted key the charge stays uncertain at its bound, saying why', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const { error, entry, tally } = await lostReply('bfl', 'fault=network', key);
    expect((await simCharges('bfl', key)).tasks).to.equal(0);
    expect(entry.status).to.equal('uncertain');
    expect(tally.uncertain).to.equal(entry.charged);
    expect(error.message).to.match(
      /^The connection broke: BFL may have charged \$0\.014 \(up to \$0\.\d+ if the browser sent it more than once\), all counted as possibly spent\./,
    );
    expect(error.message).to.match(/ Your BFL balance shows no charge yet; one can show late\.$/);
  });

  it('another tab’s image on the same account between the two reads: both entries stay exact, the words give both figures', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const storageKey = uniqueStorageKey();
    const frame = await openTab(storageKey);
    frames.push(frame);
    const { tab } = frame.contentWindow!;
    // Our second read of the balance is held until the other tab's image has been charged (the simulator's
    // creditsAfter=2): that image is submitted, from the other tab, while the read is under way.
    const ledger = new LedgerStore({ storageKey });
    let other: Promise<{ charged: string }> | undefined;
    const stop = ledger.subscribe(() => {
      if (!other && ledger.entries().some((entry) => entry.sentAt !== undefined))
        other = tab.generate(simEndpoint('bfl', `pending=50;run=${storageKey}-tab`), 'another tab', 1, key);
    });
    const ours = lostReply('bfl', 'fault=accept-then-drop;creditsAfter=2', key, { storageKey });
    const { error } = await ours;
    stop();
    const theirs = await other!;
    const debited = await simCharges('bfl', key);
    expect(debited.tasks).to.equal(2);
    const entries = new LedgerStore({ storageKey }).entries();
    const [mine, tabs] = [entries.find((e) => e.error === 'network')!, entries.find((e) => e.error !== 'network')!];
    expect([tabs.status, tabs.charged, tabs.basis], 'the tab’s: its own reported cost').to.deep.equal([
      'charged',
      theirs.charged,
      'reported',
    ]);
    expect(mine.status, 'ours: not told apart from the tab’s').to.equal('uncertain');
    expect(Number(mine.charged)).to.be.at.least(Number(theirs.charged));
    expect(error.message).to.match(/BFL may have charged \$0\.\d+[ ;,]/);
    expect(error.message).to.match(/Your BFL balance moved by \$0\.\d+ meanwhile, perhaps from elsewhere\./);
  });
});

// What a closed page left uncertain on a key this ledger's alone is settled on the next visit (the resume machinery),
// from the balance read again: booked where it shows the charge and has held still since, released where it shows
// nothing; on a key that is not the sign-in's it stays as it is.
describe('an uncertain charge a closed page left, settled from the balance on the next visit', function () {
  this.timeout(30_000);
  const time = controlledClock();
  afterEach(cleanMadeStorage);

  /** A page sent an image with `key` and closed before any reply; `reached`: the request reached OpenRouter. */
  async function leftUncertain(key: string, reached: boolean) {
    const openrouter = await providerFor('openrouter');
    const endpoint = simEndpoint('openrouter');
    const read = await openrouter.balance!({ endpoint, apiKey: key });
    const before = read && !Decimal.isDecimal(read) ? read.spent!.toFixed() : '';
    const ledger = new LedgerStore({ storage: new MemoryStorage() });
    const entry = ledger.open({
      provider: 'openrouter',
      model: 'flux-2-klein-4b',
      width: 1024,
      height: 1024,
      quoted: '0.014',
    });
    ledger.markSent(entry.id);
    // Its page holds the entry's lock while it runs (granted a moment after it is asked for).
    const entryLock = async () =>
      (await navigator.locks.query()).held?.some((lock) => lock.name === `${ledger.storageKey}:ledger:${entry.id}`);
    await until(entryLock);
    // The request, as it reached OpenRouter (made here through a ledger of its own: the page that sent it is gone).
    if (reached)
      await runGeneration(
        generationJob({ provider: openrouter, endpoint, apiKey: key, request: { provider: 'openrouter' }, poll: FAST }),
      );
    ledger.settle(entry.id, { uncertain: '0.098', before: [before, time.now()], error: 'network' });
    time.advance(61_000);
    // The next visit: the closed page's lock on the entry is gone (it is held a moment after settling, for other tabs).
    await until(async () => !(await entryLock()));
    return { ledger, entry, openrouter, endpoint };
  }

  const nextVisit = (ledger: LedgerStore, endpoint: string, key: string, signedIn: boolean) =>
    resumeOrphans({
      ledger,
      images: new ImageStore({ storageKey: uniqueStorageKey() }),
      providerFor: (id) => providerFor(id),
      endpointFor: () => endpoint,
      apiKeyFor: () => key,
      keyMadeBySignIn: () => signedIn,
      signal: new AbortController().signal,
      recheckMs: 50,
    });

  it('booked at what the key’s usage rose by, where the sign-in made the key', async () => {
    const key = `sim-later-${uniqueStorageKey()}`;
    const { ledger, entry, endpoint } = await leftUncertain(key, true);
    const debited = await simCharges('openrouter', key);
    expect(debited.images).to.equal(1);
    await nextVisit(ledger, endpoint, key, true);
    const settled = ledger.entries().find((e) => e.id === entry.id)!;
    expect([settled.status, settled.charged, settled.basis]).to.deep.equal(['charged', debited.usd, 'balance']);
  });

  it('released where the balance shows nothing, and left as it is on a key that is not the sign-in’s', async () => {
    const key = `sim-later-${uniqueStorageKey()}`;
    const { ledger, entry, endpoint } = await leftUncertain(key, false);
    await nextVisit(ledger, endpoint, key, false);
    expect(ledger.entries().find((e) => e.id === entry.id)!.status, 'a pasted key: as it was').to.equal('uncertain');
    await nextVisit(ledger, endpoint, key, true);
    expect(ledger.entries().find((e) => e.id === entry.id)!.status).to.equal('void');
  });
});

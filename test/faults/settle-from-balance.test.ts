// Issue 31, 4 (SPEC §5): a charge no reply confirmed is settled from the account's own balance — BFL's
// `/v1/credits`, OpenRouter's `/api/v1/key` `usage` — read before the image is sent and again after the fault. The
// difference is booked where nothing else on that account came between the two reads, in any tab, and it lies
// between one quote and the sends the browser may have made × the quote; else the charge stays uncertain at that
// bound, and the words give both figures; Pollinations' `/account/key` `pollenBudget` (the key's own) also checks an
// answered image's charge on its receipt. Through the real pipeline against the simulators, which debit an account
// as the services do (a BFL task when it is accepted, an OpenRouter image when it is made).
import { expect } from '@open-wc/testing';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { providerFor } from '../../src/providers/engine/adapters.js';
import { provider as pollinations } from '../../src/providers/pollinations/adapter.js';
import type { ProviderId } from '../../src/base/types.js';
import { failure } from '../support/failure.js';
import { generationJob } from '../support/generation.js';
import { cleanMadeStorage } from '../support/storage.js';
import { openTab } from '../support/tabs.js';
import { simCharges, simEndpoint, type SimulatorName, uniqueStorageKey } from '../support/sim.js';

/** Polling and the balance's re-reads as fast as the adapters allow. */
const FAST = { initialMs: 200, maxMs: 500, timeoutMs: 10_000, recheckMs: 100 };

/** One image at `provider`'s simulator under `scenario`, booked in a ledger of `storageKey` (localStorage, as every tab's). */
async function lostReply(provider: ProviderId, scenario: string, key: string, storageKey = uniqueStorageKey()) {
  const ledger = new LedgerStore({ storageKey });
  const job = generationJob({
    provider: await providerFor(provider),
    endpoint: simEndpoint(provider as SimulatorName, `${scenario};run=${storageKey}`),
    apiKey: key,
    request: { provider, model: 'flux-2-klein-4b' },
    storageKey,
    ledger,
    poll: FAST,
  });
  const error = await failure(runGeneration(job));
  return { error, ledger, entry: ledger.entries()[0], tally: ledger.tally() };
}

describe('a charge no reply confirmed, settled from the account’s balance', function () {
  this.timeout(30_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    frames.splice(0).forEach((frame) => frame.remove());
    cleanMadeStorage();
  });

  it('a reply lost after BFL accepted: booked at what /v1/credits fell by, exactly, and nothing left uncertain', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const { error, entry, tally } = await lostReply('bfl', 'fault=accept-then-drop', key);
    const debited = await simCharges('bfl', key);
    expect(debited.tasks).to.equal(1);
    expect(error.code).to.equal('network');
    expect([entry.status, entry.charged, entry.basis]).to.deep.equal(['charged', debited.usd, 'balance']);
    expect([tally.spent, tally.uncertain]).to.deep.equal([debited.usd, undefined]);
    expect(error.message).to.equal(
      `The connection broke after the request left, before any reply. Your BFL balance shows what it cost: BFL charged $${debited.usd} for it, and your tally counts it.`,
    );
  });

  it('OpenRouter: a 502 from a proxy after the image was made is booked at what the key’s usage rose by', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const { error, entry } = await lostReply('openrouter', 'fault=502-bare', key);
    const debited = await simCharges('openrouter', key);
    expect(Number(debited.usd)).to.be.greaterThan(0);
    expect(error.code).to.equal('provider-error');
    expect([entry.status, entry.charged, entry.basis]).to.deep.equal(['charged', debited.usd, 'balance']);
    expect(error.message).to.contain(
      `Your OpenRouter balance shows what it cost: OpenRouter charged $${debited.usd} for it, and your tally counts it.`,
    );
  });

  it('Pollinations: a reply lost after the image was made is booked at what the key’s pollenBudget fell by', async () => {
    const key = `sk_sim-settle-${uniqueStorageKey()}`;
    const { error, entry, tally } = await lostReply('pollinations', 'fault=accept-then-drop;keybudget=1', key);
    const debited = await simCharges('pollinations', key);
    expect([debited.images, debited.usd]).to.deep.equal([1, '0.005']);
    expect(error.code).to.equal('network');
    expect([entry.status, entry.charged, entry.basis]).to.deep.equal(['charged', '0.005', 'balance']);
    expect([tally.spent, tally.uncertain]).to.deep.equal(['0.005', undefined]);
  });

  it('Pollinations: a key whose budget fell by otherwise than the quote keeps the quote booked, and the receipt says so', async () => {
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey });
    const key = `sk_sim-moved-${storageKey}`;
    const run = (scenario: string) =>
      runGeneration(
        generationJob({
          provider: pollinations,
          endpoint: simEndpoint('pollinations', `${scenario};keybudget=1;run=${storageKey}`),
          apiKey: key,
          request: { provider: 'pollinations', model: 'flux-2-klein-4b' },
          storageKey,
          ledger,
          poll: FAST,
        }),
      );
    const [asQuoted] = (await run('')).stored;
    expect(asQuoted.receipt).to.deep.include({ quoted: '0.005', basis: 'quote', left: '0.995' });
    expect(asQuoted.receipt).not.to.have.property('moved');
    // Pollinations took 0.007 though its list said 0.005 (its price changed after the list was read).
    const [otherwise] = (await run('charge=0.007')).stored;
    expect(otherwise.charged).to.equal('0.005');
    expect(otherwise.receipt).to.deep.include({ quoted: '0.005', basis: 'quote', left: '0.988', moved: '0.007' });
    expect(ledger.tally().spent).to.equal('0.01');
  });

  it('nothing reached BFL: the balance, read three times, shows no charge, and the charge stays uncertain at its bound', async () => {
    const key = `sim-settle-${uniqueStorageKey()}`;
    const { error, entry, tally } = await lostReply('bfl', 'fault=network', key);
    expect((await simCharges('bfl', key)).tasks).to.equal(0);
    expect(entry.status).to.equal('uncertain');
    expect(tally.uncertain).to.equal(entry.charged);
    expect(error.message).to.match(/BFL may have charged up to \$0\.\d+ for it, .* Your tally counts that apart/);
    expect(error.message).to.match(/ Your BFL balance shows no charge for it yet\.$/);
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
    const ours = lostReply('bfl', 'fault=accept-then-drop;creditsAfter=2', key, storageKey);
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
    expect(error.message).to.match(/BFL may have charged (up to )?\$0\.\d+ for it/);
    expect(error.message).to.match(
      /Your BFL balance moved by \$0\.\d+ meanwhile, which cannot be put down to this image alone\.$/,
    );
  });
});

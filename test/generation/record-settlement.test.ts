// An OpenRouter entry the ledger holds uncertain, settled from OpenRouter's record of the generation
// (`settleFromRecord`), over real HTTP against the OpenRouter simulator: booked once at exactly the record's figure,
// let go where it says nothing was charged, and left uncertain, said so, where the record cannot be read or there is
// no id to ask by.
import { expect } from '@open-wc/testing';
import { settleFromRecord } from '../../src/generation/record-settlement.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { OpenRouterProvider } from '../../src/providers/openrouter/adapter.js';
import { controlledClock } from '../support/clock.js';
import { MemoryStorage, reloaded } from '../support/ledger.js';
import { fetchesDuring } from '../support/record-fetches.js';
import { simCharged, simEndpoint, unique } from '../support/sim.js';
import { plantedRecord } from '../support/openrouter-records.js';

const provider = new OpenRouterProvider();
const ENDPOINT = simEndpoint('openrouter', 'recordlag=0');
const image = { provider: 'openrouter', model: 'flux-2-klein-4b', width: 1024, height: 1024, quoted: '0.014' };

/** A ledger holding one OpenRouter entry uncertain at `bound`, accepted as the generation `id` at `endpoint`. */
function held(id: string | undefined, { bound = '0.05', endpoint = ENDPOINT } = {}) {
  const storage = new MemoryStorage();
  const ledger = new LedgerStore({ storage });
  const entry = ledger.open({ ...image });
  if (id) ledger.attachTask(entry.id, { provider: 'openrouter', id, endpoint });
  ledger.settle(entry.id, { uncertain: bound, error: 'provider-error' });
  const current = () => ledger.entries().find((each) => each.id === entry.id)!;
  return { ledger, entry: current(), current, storage };
}

describe('settleFromRecord: an uncertain OpenRouter charge settled from the generation’s record', () => {
  controlledClock();

  it('the record says what was charged: booked at exactly that, on its basis, once', async () => {
    const key = unique('sk-or-settle');
    const { ledger, entry, current, storage } = held(await plantedRecord(key, 0.0321));
    const settled = await settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: key }, ledger);
    expect(settled?.outcome).to.equal('charged');
    expect(settled?.said.text).to.equal(
      "OpenRouter's record of the generation says it charged $0.0321: booked at that.",
    );
    expect([current().status, current().charged, current().basis]).to.deep.equal(['charged', '0.0321', 'record']);
    // Stored so: read back on the next visit, with its basis.
    const stored = new LedgerStore({ storage: reloaded(storage) }).entries().find(({ id }) => id === entry.id);
    expect([stored?.status, stored?.charged, stored?.basis]).to.deep.equal(['charged', '0.0321', 'record']);
    // Asked again: nothing more is booked, and nothing is asked.
    const again = await fetchesDuring(() =>
      settleFromRecord(current(), provider, { endpoint: ENDPOINT, apiKey: key }, ledger),
    );
    expect(again.outcome).to.equal(undefined);
    expect(again.sent).to.deep.equal([]);
    expect(ledger.entries().filter(({ status }) => status === 'charged')).to.have.length(1);
  });

  it('a generation whose reply said a cost beyond reason: settled at what OpenRouter charged for it', async () => {
    const key = unique('sk-or-settle');
    const made = await provider.generate(
      { model: 'flux-2-klein-4b', prompt: 'a lighthouse at dawn', width: 1024, height: 1024, seed: 7 },
      {
        endpoint: simEndpoint('openrouter', `images=none;cost=-1;run=${unique()}`),
        apiKey: key,
        signal: new AbortController().signal,
      },
    );
    expect(made.disbelieved).to.equal('-1'); // booked uncertain at the bound, as the pipeline does
    const { ledger, entry, current } = held(made.task!.id);
    await settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: key }, ledger);
    expect([current().status, current().charged]).to.deep.equal(['charged', await simCharged('openrouter', key)]);
  });

  it('the record says nothing was charged: let go, said so', async () => {
    const key = unique('sk-or-settle');
    const { ledger, entry, current } = held(await plantedRecord(key, 0));
    const settled = await settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: key }, ledger);
    expect(settled?.outcome).to.equal('void');
    expect(settled?.said.text).to.contain('says nothing was charged');
    expect(current().status).to.equal('void');
  });

  it('the record says nothing was charged where the balance showed part of it charged: that part stays', async () => {
    const key = unique('sk-or-settle');
    const storage = new MemoryStorage();
    const ledger = new LedgerStore({ storage });
    const opened = ledger.open({ ...image });
    ledger.attachTask(opened.id, { provider: 'openrouter', id: await plantedRecord(key, 0), endpoint: ENDPOINT });
    ledger.settle(opened.id, { uncertain: '0.05', certain: '0.014', error: 'provider-error' });
    const entry = ledger.entries().find((each) => each.id === opened.id)!;
    const settled = await settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: key }, ledger);
    expect(settled?.outcome).to.equal('charged');
    expect(settled?.said.text).to.equal(
      "OpenRouter's record of the generation says nothing was charged for it, but your balance showed $0.014 of it charged: that stays counted.",
    );
    const now = ledger.entries().find((each) => each.id === opened.id)!;
    expect([now.status, now.charged]).to.deep.equal(['charged', '0.014']);
    expect(ledger.tally().spent).to.equal('0.014');
  });

  it('no record by that id (404): it stays uncertain at its bound, said so', async () => {
    const key = unique('sk-or-settle');
    const { ledger, entry, current } = held(unique('gen'));
    const settled = await settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: key }, ledger);
    expect(settled?.outcome).to.equal('uncertain');
    expect(settled?.said.text).to.contain('has no record of this generation for your key yet');
    expect([current().status, current().charged]).to.deep.equal(['uncertain', '0.05']);
  });

  it('the key refused (401), or OpenRouter not answering: it stays uncertain, said so', async () => {
    const key = unique('sk-or-settle');
    const { ledger, entry, current } = held(await plantedRecord(key, 0.03));
    const refused = await settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: 'sim-bad' }, ledger);
    expect(refused?.said.text).to.contain('refused your key');
    const down = simEndpoint('openrouter', 'recordlag=0;records=down');
    const unread = await settleFromRecord(
      { ...entry, task: { ...entry.task!, endpoint: down } },
      provider,
      { endpoint: down, apiKey: key },
      ledger,
    );
    expect(unread?.said.text).to.contain('could not be read');
    expect([current().status, current().charged]).to.deep.equal(['uncertain', '0.05']);
  });

  it('no generation id (the reply was lost): nothing is asked, and it stays uncertain, said so', async () => {
    const { ledger, entry, current } = held(undefined);
    const { outcome, sent } = await fetchesDuring(() =>
      settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: unique('sk-or-settle') }, ledger),
    );
    expect(outcome?.said.text).to.contain('named no generation before its reply was lost');
    expect(sent).to.deep.equal([]);
    expect(current().status).to.equal('uncertain');
  });

  it('a generation made at another endpoint than the key’s: the key is not sent there, nor here', async () => {
    const key = unique('sk-or-settle');
    const { ledger, entry, current } = held(await plantedRecord(key, 0.03), {
      endpoint: simEndpoint('openrouter', 'recordlag=0;run=elsewhere'),
    });
    const { outcome, sent } = await fetchesDuring(() =>
      settleFromRecord(entry, provider, { endpoint: ENDPOINT, apiKey: key }, ledger),
    );
    expect(outcome?.said.text).to.contain('another OpenRouter address');
    expect(sent).to.deep.equal([]);
    expect(current().status).to.equal('uncertain');
  });
});

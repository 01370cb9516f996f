// What OpenRouter says the key spent this UTC day, week and month (`GET /api/v1/key`), read with the key over real
// HTTP from the simulator: its own debits and spend planted as made elsewhere; a refused key, the service down, a
// reply in another currency, each said as why nothing was read; the key sent to its endpoint alone.
import { expect } from '@open-wc/testing';
import { readKeyUsage } from '../../../src/providers/openrouter/key-usage.js';
import { fetchesDuring } from '../../support/record-fetches.js';
import { pageFetch, simEndpoint, unique } from '../../support/sim.js';

async function spentElsewhere(key: string, usd: string, inPeriod: string) {
  const query = new URLSearchParams({ key, usd, in: inPeriod });
  expect((await pageFetch(`${simEndpoint('openrouter')}/_spend?${query}`, { method: 'POST' })).status).to.equal(200);
}

describe('readKeyUsage: OpenRouter’s figures for the key, by its periods', () => {
  it('each period’s figure, exactly, from what the key spent in it', async () => {
    const key = unique('sk-or-usage');
    await spentElsewhere(key, '0.5', 'earlier');
    await spentElsewhere(key, '0.25', 'month');
    await spentElsewhere(key, '0.125', 'week');
    await spentElsewhere(key, '0.0625', 'day');
    const endpoint = simEndpoint('openrouter');
    const { outcome, sent } = await fetchesDuring(() => readKeyUsage({ endpoint, apiKey: key }));
    expect(outcome).to.deep.equal({ day: '0.0625', week: '0.1875', month: '0.4375' });
    expect(sent.map(({ url }) => url)).to.deep.equal([`${endpoint}/api/v1/key`]);
  });

  it('a refused key, the service down, another currency, or no key: why, and no figure', async () => {
    const endpoint = simEndpoint('openrouter');
    expect(await readKeyUsage({ endpoint, apiKey: 'sim-bad' })).to.deep.equal({ unread: 'key' });
    expect(await readKeyUsage({ endpoint: simEndpoint('openrouter', 'usage=down'), apiKey: 'k' })).to.deep.equal({
      unread: 'unreadable',
    });
    expect(
      await readKeyUsage({ endpoint: simEndpoint('openrouter', 'balancecurrency=EUR'), apiKey: unique('k') }),
    ).to.deep.equal({ unread: 'unreadable' });
    const none = await fetchesDuring(() => readKeyUsage({ endpoint, apiKey: '' }));
    expect([none.outcome, none.sent]).to.deep.equal([{ unread: 'key' }, []]);
  });
});

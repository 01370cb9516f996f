// OpenRouter's record of a generation, read by its id with the key (`readGenerationRecord`), over real HTTP against
// the OpenRouter simulator (demo/sim/openrouter-records.mjs): what it charged, nothing, or why it settles nothing; the
// key sent to the endpoint's origin alone.
import { expect } from '@open-wc/testing';
import { OpenRouterProvider } from '../../../src/providers/openrouter/adapter.js';
import { readGenerationRecord } from '../../../src/providers/openrouter/generation-record.js';
import { fetchesDuring } from '../../support/record-fetches.js';
import { otherOrigin, pageFetch, simCharged, simEndpoint, unique } from '../../support/sim.js';

const provider = new OpenRouterProvider();
const endpoint = (scenario = '') => simEndpoint('openrouter', scenario);
const KLEIN = { model: 'flux-2-klein-4b', prompt: 'a lighthouse at dawn', width: 1024, height: 1024, seed: 7 };

/** A chat completion made with `key` (no model listed at the image API: `images=none`), and the id it named. */
async function madeThroughChat(key: string, scenario = '') {
  const outcome = await provider.generate(KLEIN, {
    endpoint: endpoint(`images=none;run=${unique()}${scenario}`),
    apiKey: key,
    signal: new AbortController().signal,
  });
  return outcome.task!.id;
}

/** A record planted for `key`, as a generation's is kept. */
async function planted(key: string, record: Record<string, unknown>) {
  const id = unique('gen');
  const reply = await pageFetch(`${endpoint()}/_records?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    body: JSON.stringify({ id, ...record }),
  });
  expect(reply.status).to.equal(200);
  return id;
}

const read = (id: string, apiKey: string, scenario = 'recordlag=0') =>
  readGenerationRecord(id, { endpoint: endpoint(scenario), apiKey });

describe('OpenRouter: the record of a generation, by its id', () => {
  it('a chat generation: its record says what OpenRouter charged, to the nanodollar', async () => {
    const key = unique('sk-or-record');
    const id = await madeThroughChat(key);
    expect(id).to.match(/^gen-/);
    expect(await read(id, key)).to.deep.equal({ charged: await simCharged('openrouter', key) });
  });

  it('the record is not there on the first read after the generation, and is on the next', async () => {
    const key = unique('sk-or-record');
    const id = await madeThroughChat(key);
    expect(await read(id, key, '')).to.deep.equal({ unread: 'missing' });
    expect(await read(id, key, '')).to.deep.equal({ charged: await simCharged('openrouter', key) });
  });

  it('a record of nothing charged says so', async () => {
    const key = unique('sk-or-record');
    expect(await read(await planted(key, { total_cost: 0 }), key)).to.deep.equal({ void: true });
  });

  it('an id it never made, or another key’s: missing, never "not charged"', async () => {
    const key = unique('sk-or-record');
    const id = await planted(key, { total_cost: 0.03 });
    expect(await read(unique('gen'), key)).to.deep.equal({ unread: 'missing' });
    expect(await read(id, unique('sk-or-other'))).to.deep.equal({ unread: 'missing' });
  });

  it('a refused key, a server error, a dropped connection, a record beyond reason: each settles nothing', async () => {
    const key = unique('sk-or-record');
    const id = await planted(key, { total_cost: 0.03 });
    expect(await read(id, 'sim-bad')).to.deep.equal({ unread: 'key' });
    expect(await read(id, key, 'recordlag=0;records=down')).to.deep.equal({ unread: 'unreadable' });
    expect(await read(id, key, 'recordlag=0;records=network')).to.deep.equal({ unread: 'unreadable' });
    expect(await read(await planted(key, { total_cost: 1000 }), key)).to.deep.equal({ unread: 'unreadable' });
  });

  it('a generation on the user’s own upstream key: its record settles nothing', async () => {
    const key = unique('sk-or-record');
    const id = await planted(key, { total_cost: 0.0007, is_byok: true, upstream_inference_cost: 0.014 });
    expect(await read(id, key)).to.deep.equal({ unread: 'byok' });
  });

  it('the key goes to the endpoint’s origin alone, and to no address that is not an endpoint', async () => {
    const key = unique('sk-or-record');
    const id = await planted(key, { total_cost: 0.03 });
    const { sent } = await fetchesDuring(() => read(id, key));
    expect(sent.map(({ url }) => url)).to.deep.equal([`${endpoint('recordlag=0')}/api/v1/generation?id=${id}`]);
    const elsewhere = await fetchesDuring(() =>
      readGenerationRecord(id, { endpoint: 'http://openrouter.example/sim/openrouter', apiKey: key }),
    );
    expect(elsewhere.outcome).to.deep.equal({ unread: 'unreadable' });
    expect(elsewhere.sent).to.deep.equal([]);
    // Another origin's endpoint is asked there, with the key, and nowhere else.
    const other = `${otherOrigin()}/sim/openrouter/s/recordlag=0`;
    const across = await fetchesDuring(() => readGenerationRecord(id, { endpoint: other, apiKey: key }));
    expect(across.outcome).to.deep.equal({ charged: '0.03' });
    expect(across.sent.map(({ url }) => new URL(url).origin)).to.deep.equal([otherOrigin()]);
  });
});

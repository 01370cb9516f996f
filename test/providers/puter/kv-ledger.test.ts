// The user's Puter key-value store as the ledger uses it (src/providers/puter/kv-ledger.ts), through the REAL Puter
// SDK against the simulator (demo/sim/puter-kv.mjs): its scope (per user name and site), its pages, its limits.
// Holds: src/providers/puter/kv-ledger.ts
import { expect } from '@open-wc/testing';
import { puterLedgerStore } from '../../../src/providers/puter/kv-ledger.js';
import { simLogOf, unique } from '../../support/sim.js';
import {
  puterEndpoint,
  puterSessionsEnded,
  puterSignedInAs,
  setPuterAccount,
  signedInToPuter,
} from '../../support/puter.js';

async function post(path: string, body: object) {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const read = async (username: string, origin = location.origin) =>
  (await post('/sim/puter/_kv/read', { username, origin })).body.entries as Record<string, unknown>;

describe('the Puter key-value store of the ledger (real SDK, simulator)', function () {
  this.timeout(30_000);
  puterSessionsEnded();
  before(() => signedInToPuter());

  it('is one store for two sign-ins of one user on one site, none for another user or site', async () => {
    const username = unique('user');
    const [laptop, phone, other] = await Promise.all([
      puterSignedInAs(username),
      puterSignedInAs(username),
      puterSignedInAs(unique('user')),
    ]);
    await puterLedgerStore(laptop.puter).put([{ key: 'k:entry:1', value: ['1', 2] }]);
    expect(await puterLedgerStore(phone.puter).list('k:')).to.deep.equal([{ key: 'k:entry:1', value: ['1', 2] }]);
    expect(await puterLedgerStore(other.puter).list('k:')).to.deep.equal([]);
    expect(await read(username, 'http://elsewhere.example')).to.deep.equal({});
  });

  it('lists every key of a prefix across pages, and removes them and nothing else', async () => {
    const username = unique('user');
    const run = `run=${unique()}`; // this test's calls, told apart in the simulator's log by their address
    const { puter } = await puterSignedInAs(username, puterEndpoint(run));
    const entries = Object.fromEntries(Array.from({ length: 1010 }, (_, i) => [`k:entry:${i}`, [i]]));
    await post('/sim/puter/_kv/seed', { username, origin: location.origin, entries: { ...entries, 'site:own': 1 } });
    const store = puterLedgerStore(puter);
    expect(await store.list('k:')).to.have.length(1010);
    await store.removeAll('k:');
    expect(await read(username)).to.deep.equal({ 'site:own': 1 });
    const calls = (await simLogOf('puter', run)).filter((entry) => entry.kind?.startsWith('kv:list'));
    expect(calls.length).to.be.at.least(3); // two pages of values, then the keys (two pages again)
  });

  it('refuses a value past 399 KB before sending it, and the store refuses one sent anyway', async () => {
    const username = unique('user');
    const { puter, token } = await puterSignedInAs(username);
    const big = 'x'.repeat(399 * 1024 + 1);
    let refused: any;
    await puterLedgerStore(puter)
      .put([{ key: 'k:big', value: big }])
      .catch((error: unknown) => (refused = error));
    expect(refused?.code).to.equal('value_too_large');
    const sent = await fetch(`${puterEndpoint()}/drivers/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;actually=json' },
      body: JSON.stringify({
        interface: 'puter-kvstore',
        method: 'set',
        args: { key: 'k:big', value: [big] },
        auth_token: token,
      }),
    });
    expect(sent.status).to.equal(400);
    expect(await sent.json()).to.deep.include({ code: 'bad_request', message: 'kv: value exceeds 408576 byte limit' });
    expect(await read(username)).to.deep.equal({});
  });

  it('loses a reply and keeps the write (drop-after-write); answers nothing while down', async () => {
    const username = unique('user');
    const { puter } = await puterSignedInAs(username);
    const store = puterLedgerStore(puter);
    await post('/sim/puter/_kv', { username, fault: 'drop-after-write', times: 1 });
    let lost = false;
    await store.put([{ key: 'k:entry:a', value: 1 }]).catch(() => (lost = true));
    expect(lost).to.equal(true);
    expect(await read(username)).to.deep.equal({ 'k:entry:a': 1 });
    await post('/sim/puter/_kv', { username, fault: 'down' });
    let down = false;
    await store.put([{ key: 'k:entry:b', value: 2 }]).catch(() => (down = true));
    expect(down).to.equal(true);
    expect(await read(username)).to.deep.equal({ 'k:entry:a': 1 });
    await post('/sim/puter/_kv', { username, fault: null });
  });

  it('lists no values for an account with nothing left (402), but its keys, so removing still works', async () => {
    const username = unique('user');
    const { puter, token } = await puterSignedInAs(username);
    await post('/sim/puter/_kv/seed', { username, origin: location.origin, entries: { 'k:entry:1': [1] } });
    await setPuterAccount(token, { balance: 0 });
    let refused: any;
    await puterLedgerStore(puter)
      .list('k:')
      .catch((error: unknown) => (refused = error));
    expect(refused?.error?.code ?? refused?.code).to.equal('insufficient_funds');
    await puterLedgerStore(puter).removeAll('k:');
    expect(await read(username)).to.deep.equal({});
  });

  it('answers late when slow, and refuses the 121st list of a minute with 429', async () => {
    const username = unique('user');
    const run = `run=${unique()}`;
    const { puter, token } = await puterSignedInAs(username, puterEndpoint(run));
    await post('/sim/puter/_kv', { username, fault: 'slow', pendingMs: 300, times: 1 });
    await puterLedgerStore(puter).put([{ key: 'k:entry:slow', value: 1 }]);
    const writes = (await simLogOf('puter', run)).filter((entry) => entry.kind === 'kv:batchPut');
    expect(writes.map((entry) => entry.fault)).to.include('slow');
    expect(await read(username)).to.deep.equal({ 'k:entry:slow': 1 });
    const list = () =>
      fetch(`${puterEndpoint()}/drivers/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;actually=json' },
        body: JSON.stringify({ interface: 'puter-kvstore', method: 'list', args: { as: 'keys' }, auth_token: token }),
      });
    // One at a time: Puter lets 3 lists of a user run at once (not simulated).
    for (let call = 0; call < 120; call++) expect((await list()).status).to.equal(200);
    const refused = await list();
    expect(refused.status).to.equal(429);
    expect(await refused.json()).to.deep.include({ code: 'too_many_requests' });
  });
});

// A failure that provably reached no provider holds nothing. Where the browser says this device is offline
// (`navigator.onLine` false: "the user agent will not contact the network"), a request handed to it could reach nothing
// beyond this machine: nothing is sent, and nothing is opened, held or booked; it says so in words, German too. A
// provider on this machine (the simulators, a local proxy) is reached without a network and is sent to as ever: a
// connection lost there after sending keeps its hold (docs/reliability.md).
// Holds: src/generation/run-generation.ts
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { runGeneration } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { providerFor } from '../../src/providers/registry/adapters.js';
import { onThisMachine } from '../../src/providers/urls.js';
import { failure } from '../support/failure.js';
import { generationJob } from '../support/generation.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';
import { bflWidget } from '../support/bfl-widget.js';
import { until } from '../support/wait.js';
import { generateButton, part, words } from '../support/widget.js';

/**
 * This device offline, as the browser says it: `navigator.onLine` false, and every request for an address beyond this
 * machine refused as a browser with no network refuses it (a TypeError, nothing sent), and kept in `beyond` so that a
 * test sees whether one was made at all. `restore()` puts both back.
 */
function offline() {
  const beyond: string[] = [];
  const fetched = window.fetch;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (onThisMachine(url)) return fetched(input, init);
    beyond.push(`${init?.method ?? 'GET'} ${url}`);
    return Promise.reject(new TypeError('Failed to fetch'));
  };
  return {
    beyond,
    restore() {
      delete (navigator as { onLine?: boolean }).onLine;
      window.fetch = fetched;
    },
  };
}

describe('offline: nothing sent, nothing held', function () {
  this.timeout(30_000);
  let device: ReturnType<typeof offline>;
  beforeEach(() => (device = offline()));
  afterEach(() => device.restore());

  it("BFL's own API while offline: nothing sent, no entry opened, said in words", async () => {
    const ledger = new LedgerStore({ storageKey: uniqueStorageKey() });
    const job = generationJob({
      provider: await providerFor('bfl'),
      endpoint: 'https://api.bfl.ai',
      apiKey: 'sim-offline',
      request: { provider: 'bfl', model: 'flux-2-klein-4b' },
      ledger,
    });
    const error = await failure(runGeneration(job));
    expect([error.code, error.retryable, error.uncharged]).to.deep.equal(['network', true, true]);
    expect(error.message).to.equal(
      'This device is offline: nothing was sent to BFL, and nothing was charged. Connect to the internet and try again.',
    );
    expect(device.beyond, 'no request handed to the browser').to.deep.equal([]);
    expect(ledger.entries()).to.deep.equal([]);
    expect(ledger.tally()).to.deep.include({ spent: '0' });
    expect(ledger.tally()).not.to.have.property('uncertain');
  });

  it('the simulator on this machine while offline: sent as ever, and a connection lost after sending keeps its hold', async () => {
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey });
    const job = generationJob({
      provider: await providerFor('bfl'),
      endpoint: bflEndpoint(`fault=network;run=${storageKey}`),
      apiKey: `sim-offline-${storageKey}`,
      request: { provider: 'bfl', model: 'flux-2-klein-4b' },
      ledger,
      poll: { initialMs: 200, maxMs: 500, timeoutMs: 10_000, recheckMs: 100 },
    });
    const error = await failure(runGeneration(job));
    expect(error.code).to.equal('network');
    // It reached the simulator, which read it and dropped the connection: it may have run, from all the page can tell.
    expect(ledger.entries()[0].status).to.equal('uncertain');
    expect(Number(ledger.tally().uncertain)).to.be.above(0);
  });

  it('the widget says it in its own language, holds nothing, and Generate is usable at once', async () => {
    const storageKey = uniqueStorageKey();
    const el = await bflWidget({
      storageKey,
      apiKey: 'sim-offline',
      attributes: { lang: 'de', budget: '0.02', endpoint: 'https://api.bfl.ai' },
    });
    await el.generate().catch(() => {});
    const box = await until(() => part(el, 'error'), 5_000, 'the error');
    expect(words(box)).to.contain(
      'Dieses Gerät ist offline: Nichts wurde an BFL gesendet, und nichts wurde berechnet. Verbinden Sie sich mit dem Internet und versuchen Sie es noch einmal.',
    );
    expect(device.beyond.filter((request) => request.startsWith('POST'))).to.deep.equal([]);
    expect(el.tally).to.include({ spent: '0' });
    expect(el.tally!.uncertain).to.equal(undefined);
    await el.updateComplete;
    expect(generateButton(el).disabled, 'a $0.02 budget still has room for the next').to.equal(false);
  });
});

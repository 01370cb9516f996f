// Holds: src/providers/registry/content-security.ts
//
// The Content-Security-Policy table of docs/embedding.md names every host the widget reaches: each adapter run at its
// public endpoint (a generation, its balance, its live prices, its sign-in's exchange) sends only where its row's
// `connect-src` allows, so that a new host cannot be added without the table; so do the tasks the providers really
// answered (test/recorded/), every host the relay may reach by default (relay/worker.js) and Puter's SDK's address.
// Every request is answered here, never sent: a 401, or a token for a sign-in's exchange.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { headless } from '../../src/generation/headless.js';
import type { ProviderId } from '../../src/base/types.js';
import { PUTER_API } from '../../src/providers/registry/catalog.js';
import { contentSecurity, type PolicyRow } from '../../src/providers/registry/content-security.js';
import { accountFor, keyBalance, liveCatalogue } from '../../src/providers/registry/adapters.js';
import { PROVIDERS } from '../../src/providers/registry/registry.js';
import { unique } from '../support/sim.js';
import { referenceImage } from '../support/images.js';

const ROWS = contentSecurity();
const rowOf = (id: PolicyRow['id']) => ROWS.find((row) => row.id === id)!;
const realFetch = window.fetch;
const read = async (path: string) => (await realFetch(path)).text();

/**
 * Whether the CSP source `source` (`https://host`, `https://*.host`, `wss://host`: a scheme, a host, no port, no path)
 * allows `url`, as CSP matches them: `*.` any subdomain, not the bare domain.
 */
function allows(source: string, url: string): boolean {
  const [, scheme, wildcard, host] = /^([a-z]+):\/\/(\*\.)?([^/:*]+)$/.exec(source) ?? [];
  const address = new URL(url);
  if (!scheme || address.protocol !== `${scheme}:` || address.port) return false;
  return wildcard ? address.hostname.endsWith(`.${host}`) : address.hostname === host;
}
const allowedBy = (sources: string[], url: string) => sources.some((source) => allows(source, url));

/** A JSON reply. */
const reply = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** Where a sign-in trades its code (OpenRouter, Hugging Face, Pollinations): answered with a key, so that it goes on. */
const EXCHANGES = /\/(api\/v1\/auth\/keys|oauth\/token|api\/oauth\/token)$/;

/** Every address `run` fetches, each answered here: a sign-in's exchange with a token, anything else with a 401. */
async function sentBy(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  window.fetch = async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push(url);
    return EXCHANGES.test(new URL(url).pathname)
      ? reply(200, { key: 'sk-t', access_token: 'sk-t', scope: 'openid profile inference-api', expires_in: 3600 })
      : reply(401, { error: { message: 'refused here' } });
  };
  try {
    await run().catch(() => undefined);
  } finally {
    window.fetch = realFetch;
  }
  return sent;
}

/** A model each provider sells at its public endpoint, to generate with (Puter's calls are its SDK's). */
const MODEL: Record<ProviderId, string | undefined> = {
  puter: undefined,
  bfl: 'flux-2-klein-4b',
  fal: 'flux-2-klein-4b',
  openai: 'gpt-image-2',
  openrouter: 'flux-2-klein-4b',
  huggingface: 'flux-2-klein-4b',
  pollinations: 'flux-2-klein-4b',
  google: 'gemini-nano-banana-2.1',
};

/** Everything provider `id` sends at `endpoint` ('' for its public one) for a generation, its balance, its prices and its sign-in. */
async function everythingSent(id: ProviderId, endpoint = '', model = MODEL[id]): Promise<string[]> {
  const key = () => unique('csp-key');
  // The live list is read at the endpoint in force, as the elements and `headless` resolve it.
  const own = endpoint || PROVIDERS[id].info.defaultEndpoint();
  const sent = [
    ...(model
      ? await sentBy(() =>
          headless({ provider: id, model, prompt: 'a fox' }, { apiKey: key(), endpoint, storageKey: unique('csp') }),
        )
      : []),
    ...(await sentBy(() => keyBalance(id, endpoint, '', key()))),
    ...(await sentBy(() => liveCatalogue(id, own, { apiKey: key() }))),
  ];
  if (PROVIDERS[id].info.signIn) {
    const request = { endpoint: own, code: 'code', verifier: 'v', redirectUri: location.href, clientId: 'pk_test' };
    sent.push(...(await sentBy(async () => (await accountFor(id)).exchange(request))));
  }
  return sent;
}

describe('the CSP table of docs/embedding.md names every host the widget reaches', () => {
  it('has a row for every provider, and one for gateways', () => {
    expect(ROWS.map((row) => row.id)).to.deep.equal([...Object.keys(PROVIDERS), 'gateway'].sort(byRegistry));
  });

  for (const id of Object.keys(PROVIDERS) as ProviderId[]) {
    it(`${id}: every address it sends to at its public endpoint is in its row's connect-src`, async () => {
      const sent = await everythingSent(id);
      const endpoint = new URL(PROVIDERS[id].info.defaultEndpoint()).origin;
      // Something was sent, its endpoint among it: the run reached the provider.
      expect(
        sent.map((url) => new URL(url).origin),
        id,
      ).to.include(endpoint);
      const { connect } = rowOf(id);
      expect(
        sent.filter((url) => !allowedBy(connect, url)),
        `${id}: sent where its row does not allow`,
      ).to.deep.equal([]);
    });
  }

  it("fal: an edit's image goes to fal's REST API first (its upload), in fal's row", async () => {
    const image = await (await realFetch(referenceImage(64, 64).dataUrl)).blob();
    const sent = await sentBy(() =>
      headless(
        { provider: 'fal', model: 'flux-2-pro', prompt: 'a fox', edit: { image, kind: 'instruction' } },
        { apiKey: unique('csp-key'), storageKey: unique('csp') },
      ),
    );
    expect(sent.map((url) => new URL(url).origin)).to.include('https://rest.fal.ai');
    expect(sent.filter((url) => !allowedBy(rowOf('fal').connect, url))).to.deep.equal([]);
  });

  it('a gateway whose prices are built in: every address sent is in the gateways’ row', async () => {
    const gateways = Object.entries(PROVIDERS.openai.hostPrices).filter(
      ([host]) => `https://${host}` !== PROVIDERS.openai.info.defaultEndpoint(),
    );
    expect(gateways.length).to.be.greaterThan(0);
    const { connect } = rowOf('gateway');
    for (const [host, prices] of gateways) {
      const sent = await everythingSent('openai', `https://${host}`, Object.keys(prices)[0]);
      expect(
        sent.map((url) => new URL(url).host),
        host,
      ).to.include(host);
      expect(sent.filter((url) => !allowedBy(connect, url))).to.deep.equal([]);
    }
  });

  it("Puter: its API, the SDK's socket to it, and the SDK's default address", async () => {
    const { connect, script } = rowOf('puter');
    expect(connect)
      .to.include(PUTER_API)
      .and.include(PUTER_API.replace(/^https:/, 'wss:'));
    const widget = document.createElement('userpays-image') as UserPaysImage;
    expect(allowedBy(script, widget.puterSrc), widget.puterSrc).to.equal(true);
  });

  it('the addresses of the recorded BFL tasks and Together AI exchange: polling and delivery hosts included', async () => {
    const addresses = async (file: string) =>
      [...(await read(`/test/recorded/${file}`)).matchAll(/https:\/\/[^"\\\s]+/g)].map(([url]) => url);
    const bfl = rowOf('bfl');
    const bflSent = [...(await addresses('bfl-flux-2-pro.json')), ...(await addresses('bfl-flux-2-max.json'))];
    expect(bflSent.filter((url) => /sample|\.blob\.core\./.test(url)).length).to.be.greaterThan(0);
    expect(bflSent.filter((url) => !allowedBy(bfl.connect, url))).to.deep.equal([]);
    const samples = bflSent.filter((url) => /_sample\./.test(url));
    expect(samples.filter((url) => !allowedBy(bfl.img, url))).to.deep.equal([]);

    const together = await addresses('together-flux-2-max.json');
    const image = together.find((url) => url.includes('/shrt/'))!;
    for (const id of ['gateway', 'puter'] as const) {
      expect(allowedBy(rowOf(id).img, image) && allowedBy(rowOf(id).connect, image), id).to.equal(true);
    }
    expect(together.filter((url) => !allowedBy(rowOf('gateway').connect, url))).to.deep.equal([]);
  });

  it('every host the relay may reach by default is in a row, but fal.run, which no adapter calls', async () => {
    const worker = await read('/relay/worker.js');
    const list = /const DEFAULT_HOSTS = \[([\s\S]*?)\];/.exec(worker)![1];
    // As the test server serves it (quotes as its transform writes them).
    const hosts = [...list.matchAll(/^\s*["']([^"']+)["'],/gm)].map(([, host]) => host);
    expect(hosts).to.include('*.bfl.ai');
    // fal's synchronous runs: the adapter uses fal's queue alone (queue.fal.run).
    const reached = hosts.filter((host) => host !== 'fal.run');
    const everyConnect = ROWS.flatMap((row) => row.connect);
    expect(reached.filter((host) => !allowedBy(everyConnect, `https://${host.replace(/^\*\./, 'a.')}`))).to.deep.equal(
      [],
    );
  });

  it("docs/embedding.md's table says each row's sources", async () => {
    const doc = await read('/docs/embedding.md');
    for (const row of ROWS) {
      const line = doc.split('\n').find((text) => text.startsWith(`| ${row.name} `));
      expect(line, row.name).to.be.a('string');
      const [, , connect, img, script] = line!.split('|').map((cell) => cell.trim());
      expect([connect, img, script], row.name).to.deep.equal(
        [row.connect, row.img, row.script].map((list) =>
          list.length ? list.map((source) => `\`${source}\``).join(' ') : '—',
        ),
      );
    }
  });
});

/** The rows' order: the registry's, a gateway's after OpenAI's. */
function byRegistry(a: string, b: string) {
  const order = (id: string) =>
    id === 'gateway' ? Object.keys(PROVIDERS).indexOf('openai') + 0.5 : Object.keys(PROVIDERS).indexOf(id);
  return order(a) - order(b);
}

// The relay (relay/worker.js) running in workerd, the Workers runtime, as the test runner starts it
// (test/relay/relay-server.mjs): real fetches from this page (http://localhost:<port>) through relays on
// 127.0.0.1 to the simulators and a test upstream on the test server. Nothing here relies on an upstream's own
// CORS headers: the relay adds its own.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { otherOrigin, simLog, simLogOf, unique } from '../support/sim.js';
import { relayUrl, viaRelay, type RelayName } from '../support/relay.js';
import { rejection } from '../support/failure.js';
import { sleep } from '../support/wait.js';

const ORIGIN = location.origin;
const OTHER = otherOrigin();
const ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'x-key'];
const MiB = 1024 * 1024;
/** Every key this file sends: none may ever show up in workerd's output. */
const keys: string[] = [];
const newKey = () => {
  const key = unique('relay-key');
  keys.push(key);
  return key;
};
/** The test upstream (test/relay/relay-server.mjs): http://127.0.0.1:<port>, no CORS of its own. */
const UP: string = (await (await fetch('/__relay-upstream.json')).json()).url;
const UP_PORT = new URL(UP).port;

interface NodeReply {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}
/** A request to a relay sent from Node (what a page cannot send: no Origin, cookies, a body without length). */
const fromNode = (payload: {
  relay: RelayName;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  chunks?: [number, number];
}) => executeServerCommand<NodeReply, typeof payload>('relay-node-request', payload);
const query = (upstream: string) => `/?url=${encodeURIComponent(upstream)}`;

const bflRun = (run: string) => simLogOf('bfl', `run=${run}`);
/** How many requests carrying `token` reached the test upstream. */
const seen = async (token: string): Promise<number> =>
  (await (await fetch(`/__relay-upstream/seen?token=${token}`)).json()).count;
const echo = (token: string, extra = '') => `${UP}/headers?token=${token}${extra}`;

/** Reads a body to the end; the number of bytes, or the error that cut it off. */
async function drain(response: Response): Promise<number | Error> {
  const reader = response.body!.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
    }
  } catch (error) {
    return error as Error;
  }
}

async function expectRefusal(response: Response, status: number, detail: RegExp) {
  expect(response.status).to.equal(status);
  expect(response.headers.get('x-userpays-relay')).to.equal('refused');
  expect(response.headers.get('content-type')).to.match(/^application\/json/);
  expect((await response.json()).detail).to.match(detail);
}

describe('relay: origins', () => {
  it('answers a preflight from an allowed origin itself: that origin, the methods, only the allowed headers asked for', async () => {
    const reply = await fromNode({
      relay: 'main',
      path: query(`${ORIGIN}/sim/bfl/v1/flux-2-pro`),
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-key,content-type,x-other,cookie',
      },
    });
    expect(reply.status).to.equal(204);
    expect(reply.headers['access-control-allow-origin']).to.equal(ORIGIN);
    expect(reply.headers['access-control-allow-methods']).to.equal('GET, HEAD, POST, PUT, DELETE');
    expect(reply.headers['access-control-allow-headers']).to.equal('x-key, content-type');
    expect(reply.headers['access-control-max-age']).to.equal('600');
    expect(reply.headers.vary).to.equal('Origin');
  });

  it('refuses a preflight from another origin with 403 and no CORS headers: the browser sends nothing', async () => {
    const reply = await fromNode({
      relay: 'elsewhere',
      path: query(`${ORIGIN}/sim/bfl/v1/flux-2-pro`),
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-key' },
    });
    expect(reply.status).to.equal(403);
    expect(reply.headers['access-control-allow-origin']).to.equal(undefined);

    const run = unique('relay');
    const error = await rejection(
      fetch(await viaRelay(`${ORIGIN}/sim/bfl/s/run=${run}/v1/flux-2-pro`, 'elsewhere'), {
        method: 'POST',
        headers: { 'x-key': newKey(), 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'a fox' }),
      }),
    );
    expect(error).to.be.instanceOf(TypeError);
    expect(await bflRun(run)).to.deep.equal([]);
  });

  it('refuses a request from another origin unread, without forwarding it', async () => {
    // A simple GET has no preflight: it reaches the relay, which must not pass it on.
    const token = unique('token');
    const error = await rejection(fetch(await viaRelay(echo(token), 'elsewhere')));
    expect(error).to.be.instanceOf(TypeError);
    const reply = await fromNode({
      relay: 'main',
      path: query(echo(token)),
      headers: { Origin: 'https://evil.example' },
    });
    expect(reply.status).to.equal(403);
    expect(reply.headers['access-control-allow-origin']).to.equal(undefined);
    expect(reply.headers['x-userpays-relay']).to.equal('refused');
    expect(await seen(token)).to.equal(0);
  });

  it('refuses a request without an Origin header: it is no proxy for servers', async () => {
    const token = unique('token');
    const reply = await fromNode({ relay: 'main', path: query(echo(token)) });
    expect(reply.status).to.equal(403);
    expect(reply.headers['access-control-allow-origin']).to.equal(undefined);
    expect(await seen(token)).to.equal(0);
  });
});

describe('relay: never a page', () => {
  const SAFE = { 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' };
  const navigations: Record<string, string>[] = [
    { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
    { 'sec-fetch-dest': 'embed' },
    { 'sec-fetch-dest': 'object' },
  ];

  it('refuses a navigation whatever RELAY_ORIGINS says, "*" included, unforwarded', async () => {
    for (const relay of ['open', 'main'] as const)
      for (const headers of navigations) {
        const token = unique('token');
        const reply = await fromNode({ relay, path: query(echo(token)), headers: { origin: ORIGIN, ...headers } });
        const said = `${relay} ${JSON.stringify(headers)}`;
        expect(reply.status, said).to.equal(403);
        expect(reply.headers['x-userpays-relay'], said).to.equal('refused');
        expect(reply.headers['access-control-allow-origin'], said).to.equal(undefined);
        expect(reply.headers, said).to.include(SAFE);
        expect(await seen(token), said).to.equal(0);
      }
  });

  it('refuses a page that opens it in a frame: the allowed host’s page never reaches the relay’s origin', async () => {
    const token = unique('token');
    const frame = document.createElement('iframe');
    frame.src = `${await relayUrl('open')}${query(echo(token))}`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    frame.remove();
    expect(await seen(token)).to.equal(0);
  });

  it('sends nosniff and a sandbox policy with every reply: forwarded, its own, a preflight', async () => {
    const token = unique('token');
    const replies = {
      forwarded: await fromNode({ relay: 'main', path: query(echo(token)), headers: { origin: ORIGIN } }),
      'to any page': await fromNode({ relay: 'open', path: query(echo(token)), headers: { origin: OTHER } }),
      refused: await fromNode({ relay: 'main', path: query('https://evil.example/'), headers: { origin: ORIGIN } }),
      'other origin': await fromNode({ relay: 'elsewhere', path: query(echo(token)), headers: { origin: ORIGIN } }),
      preflight: await fromNode({
        relay: 'main',
        path: query(echo(token)),
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
      }),
    };
    expect(replies.forwarded.status).to.equal(200);
    expect(replies['to any page'].status).to.equal(200);
    for (const [kind, reply] of Object.entries(replies)) expect(reply.headers, kind).to.include(SAFE);
  });
});

describe('relay: upstream URLs', () => {
  it('refuses a host outside RELAY_HOSTS (port included) with a reason the page can read', async () => {
    const token = unique('token');
    const refused: [RelayName, string][] = [
      ['main', 'https://example.com/v1/flux-2-pro'],
      // The upstream's host, another port.
      ['main', `http://127.0.0.1:1/headers?token=${token}`],
      // strict allows only 127.0.0.1 of each server.
      ['strict', `http://localhost:${UP_PORT}/headers?token=${token}`],
      ['strict', `${ORIGIN}/sim/bfl/v1/flux-2-pro`],
    ];
    for (const [relay, upstream] of refused) {
      const response = await fetch(await viaRelay(upstream, relay));
      await expectRefusal(response, 403, /does not forward to /);
    }
    expect(await seen(token)).to.equal(0);
    const allowed = await fetch(await viaRelay(`${UP}/headers`, 'strict'));
    expect(allowed.status).to.equal(200);
    expect(allowed.headers.get('x-userpays-relay')).to.equal(null);
  });

  it('forwards https only (http to loopback alone), never a user name or password, only absolute URLs', async () => {
    const token = unique('token');
    const base = await relayUrl();
    const cases: [string, number, RegExp][] = [
      [`${base}/`, 400, /missing/],
      [`${base}/?url=not%20a%20url`, 400, /absolute/],
      [`${base}/?url=${encodeURIComponent('/headers')}`, 400, /absolute/],
      [`${base}/?url=${encodeURIComponent('http://example.com/')}`, 400, /https/],
      [`${base}/?url=${encodeURIComponent(`ftp://127.0.0.1:${UP_PORT}/`)}`, 400, /https/],
      [
        `${base}/?url=${encodeURIComponent(`http://user:pw@127.0.0.1:${UP_PORT}/headers?token=${token}`)}`,
        400,
        /user name or password/,
      ],
    ];
    for (const [url, status, detail] of cases) await expectRefusal(await fetch(url), status, detail);
    expect(await seen(token)).to.equal(0);
  });

  it('answers 502 with a readable reason when it cannot reach the provider', async () => {
    // An allowed host over https, where the upstream speaks plain http: the TLS handshake fails.
    const response = await fetch(await viaRelay(`https://127.0.0.1:${UP_PORT}/headers`));
    expect(response.status).to.equal(502);
    expect(response.headers.get('x-userpays-relay')).to.equal('error');
    expect(await response.json()).to.deep.equal({ detail: 'The relay could not reach the provider.' });
  });

  it('forwards to the real provider hosts by default and to nothing else (the worker module, fetch stubbed)', async () => {
    // The module workerd runs, called directly: no network, no provider reached.
    const module: string = '/relay/worker.js';
    const worker = (await import(module)).default;
    const reached: string[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL) => {
      reached.push(String(input));
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const call = (upstream: string): Promise<Response> =>
      worker.fetch(new Request(`https://relay.example/?url=${encodeURIComponent(upstream)}`), { RELAY_ORIGINS: '*' });
    try {
      const allowed = [
        'https://api.bfl.ai/v1/flux-2-pro',
        'https://api.eu1.bfl.ai/v1/get_result?id=1',
        'https://delivery-eu1.bfl.ai/results/a.png?sig=1',
        'https://API.BFL.AI:443/v1/credits',
        'https://queue.fal.run/fal-ai/flux-2/requests/1',
        'https://fal.run/fal-ai/flux-2',
        'https://v3.fal.media/files/a.png',
        'https://fal.media/files/a.png',
        'https://replicate.delivery/a.png',
        'https://pbxt.replicate.delivery/a.png',
        'https://api.aigateway.sh/v1/images/generations',
        'https://bfldeliveryprodeu4.blob.core.windows.net/results/2025/12/17/a_sample.jpeg?se=1&sig=1',
        'https://api.fal.ai/v1/account/billing?expand=credits',
        'https://api.together.xyz/v1/images/generations',
        'https://api.together.ai/shrt/Y6Nil8Nf2Jc7aT7k',
        'https://api.deepinfra.com/v1/openai/images/generations',
      ];
      for (const upstream of allowed) {
        const response = await call(upstream);
        expect(response.status, upstream).to.equal(200);
        expect(response.headers.get('access-control-allow-origin'), upstream).to.equal('*');
      }
      expect(reached).to.have.length(allowed.length);
      for (const upstream of [
        'https://bfl.ai/',
        'https://evilbfl.ai/',
        'https://api.bfl.ai.evil.example/',
        'https://api.bfl.ai:8443/',
        'https://fal.ai/',
        'https://evil.blob.core.windows.net/',
        'https://example.com/',
        'https://localhost/',
      ])
        await expectRefusal(await call(upstream), 403, /does not forward to/);
      await expectRefusal(await call('http://api.bfl.ai/v1/flux-2-pro'), 400, /https/);
      expect(reached).to.have.length(allowed.length);
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('relay: forwarding', () => {
  it('carries a BFL generation: the submit with its key, the polls and the image on the other host without it', async () => {
    const run = unique('relay');
    const key = newKey();
    const submit = await fetch(await viaRelay(`${ORIGIN}/sim/bfl/s/pending=50;run=${run}/v1/flux-2-pro`), {
      method: 'POST',
      headers: { 'x-key': key, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ prompt: 'a fox in the snow', width: 512, height: 512 }),
    });
    expect(submit.status).to.equal(200);
    expect(submit.headers.get('x-userpays-relay')).to.equal(null);
    const task = await submit.json();
    expect(task.id).to.be.a('string');
    expect(new URL(task.polling_url).origin).to.equal(OTHER);

    let result: any;
    for (let i = 0; i < 100 && result?.status !== 'Ready'; i++) {
      await sleep(25);
      result = await (await fetch(await viaRelay(task.polling_url))).json();
    }
    expect(result.status).to.equal('Ready');
    const image = await fetch(await viaRelay(result.result.sample));
    expect(image.status).to.equal(200);
    expect(image.headers.get('content-type')).to.equal('image/png');
    const bitmap = await createImageBitmap(await image.blob());
    expect([bitmap.width, bitmap.height]).to.deep.equal([512, 512]);

    const entries = await bflRun(run);
    const [first, ...polls] = entries;
    expect(first).to.include({ method: 'POST', hasKey: true, origin: null, host: location.host });
    expect(polls.length).to.be.at.least(1);
    for (const poll of polls) expect(poll).to.include({ method: 'GET', hasKey: false, origin: null });
    const delivery = (await simLog()).filter((entry) => entry.path.startsWith(`/sim/delivery/${task.id}.png`));
    expect(delivery).to.have.length(1);
    expect(delivery[0]).to.include({ hasKey: false, origin: null });
  });

  it('passes a provider’s 402 and 429 through unchanged, Retry-After readable', async () => {
    const run = unique('relay');
    const submit = async (fault: string) =>
      fetch(await viaRelay(`${ORIGIN}/sim/bfl/s/${fault};run=${run}/v1/flux-2-pro`), {
        method: 'POST',
        headers: { 'x-key': newKey(), 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'a fox' }),
      });
    const payment = await submit('fault=402');
    expect(payment.status).to.equal(402);
    expect(payment.headers.get('x-userpays-relay')).to.equal(null);
    expect(payment.headers.get('content-type')).to.match(/^application\/json/);
    expect((await payment.json()).detail).to.be.a('string').and.not.empty;
    const busy = await submit('fault=429;retryAfter=3');
    expect(busy.status).to.equal(429);
    expect(busy.headers.get('retry-after')).to.equal('3');
  });

  it('passes a redirect back as it is and never follows it: the key stays behind', async () => {
    const run = unique('relay');
    const upstream = `${ORIGIN}/sim/bfl/s/fault=redirect;run=${run}/v1/flux-2-pro`;
    const init = {
      method: 'POST',
      headers: { 'x-key': newKey(), 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a fox' }),
    };
    const response = await fetch(await viaRelay(upstream), { ...init, redirect: 'manual' });
    expect(response.type).to.equal('opaqueredirect');
    const reply = await fromNode({
      relay: 'main',
      path: query(upstream),
      ...init,
      headers: { ...init.headers, Origin: ORIGIN },
    });
    expect(reply.status).to.equal(307);
    expect(new URL(reply.headers.location!).origin).to.equal(OTHER);
    await sleep(100);
    const entries = await bflRun(run);
    expect(entries).to.have.length(2);
    for (const entry of entries) {
      expect(entry.redirectedTo).to.be.a('string');
      expect(entry.redirected).to.equal(undefined);
    }
  });

  it('forwards only content-type, accept, authorization and x-key, and passes back only the reply headers it lists', async () => {
    const [pageKey, pageToken, nodeKey] = [newKey(), newKey(), newKey()];
    const fromPage = await fetch(await viaRelay(echo(unique('token'))), {
      method: 'POST',
      headers: {
        'x-key': pageKey,
        authorization: `Bearer ${pageToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: '{}',
    });
    const received = (await fromPage.json()).headers;
    expect(received).to.include({
      'x-key': pageKey,
      authorization: `Bearer ${pageToken}`,
      'content-type': 'application/json',
    });
    const expected = [
      ...ALLOWED_HEADERS,
      'host',
      'content-length',
      'transfer-encoding',
      'connection',
      'accept-encoding',
    ];
    expect(Object.keys(received).filter((name) => !expected.includes(name))).to.deep.equal([]);

    const reply = await fromNode({
      relay: 'main',
      path: query(echo(unique('token'), '&extra=1')),
      headers: {
        Origin: ORIGIN,
        Cookie: 'session=user',
        Referer: `${ORIGIN}/page`,
        'User-Agent': 'a browser',
        'X-Forwarded-For': '203.0.113.7',
        'CF-Connecting-IP': '203.0.113.7',
        'X-Other': 'private',
        'X-Key': nodeKey,
      },
    });
    expect(reply.status).to.equal(200);
    const upstreamSaw = JSON.parse(reply.body).headers;
    expect(upstreamSaw['x-key']).to.equal(nodeKey);
    expect(Object.keys(upstreamSaw).filter((name) => !expected.includes(name))).to.deep.equal([]);
    expect(reply.headers['set-cookie']).to.equal(undefined);
    expect(reply.headers['x-provider-private']).to.equal(undefined);
    expect(reply.headers).to.include({
      'retry-after': '7',
      'cache-control': 'no-store', // a keyed request's reply: the provider's own is not passed on
      'access-control-allow-origin': ORIGIN,
      'access-control-expose-headers': 'Retry-After, Content-Length, x-userpays-relay',
      vary: 'Origin',
    });
  });

  // A reply to a request that carried a key is that account's (a task, a balance, an image's signed
  // address): a provider's `public, max-age` would let the browser's cache, or one between, keep it under the relay's
  // URL, which names no key, and hand it to a request that carries none. The relay says `no-store` instead; a reply
  // to a request without a key (an image from a CDN) keeps the provider's, so it may be cached.
  it("replaces the provider's Cache-Control with no-store on replies to keyed requests, keeps it on others", async () => {
    const cache = '&cache=' + encodeURIComponent('public, max-age=600');
    for (const header of ['X-Key', 'Authorization']) {
      for (const method of ['GET', 'POST']) {
        const reply = await fetch(await viaRelay(echo(unique('token'), cache)), {
          method,
          headers: { [header]: header === 'X-Key' ? 'sim-cache-key' : 'Bearer sim-cache-key' },
          body: method === 'POST' ? '{}' : null,
        });
        expect(reply.status).to.equal(200);
        expect(reply.headers.get('cache-control'), `${header} ${method}`).to.equal('no-store');
      }
    }
    for (const [given, kept] of [
      [cache, 'public, max-age=600'],
      ['&extra=1', 'private, max-age=5'],
    ]) {
      const reply = await fetch(await viaRelay(echo(unique('token'), given)));
      expect(reply.headers.get('cache-control')).to.equal(kept);
    }
  });

  it('forwards PUT, DELETE and HEAD (a 204 too), and refuses other methods', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const response = await fetch(await viaRelay(echo(unique('token'))), {
        method,
        body: method === 'PUT' ? 'x' : null,
      });
      expect((await response.json()).method).to.equal(method);
    }
    const head = await fetch(await viaRelay(echo(unique('token'))), { method: 'HEAD' });
    expect(head.status).to.equal(200);
    expect(await head.text()).to.equal('');
    const noContent = await fetch(await viaRelay(echo(unique('token'), '&status=204')), { method: 'DELETE' });
    expect(noContent.status).to.equal(204);
    expect(await noContent.text()).to.equal('');
    const token = unique('token');
    const patch = await fromNode({
      relay: 'main',
      path: query(echo(token)),
      method: 'PATCH',
      headers: { Origin: ORIGIN },
    });
    expect(patch.status).to.equal(405);
    expect(patch.headers['x-userpays-relay']).to.equal('refused');
    expect(await seen(token)).to.equal(0);
  });
});

describe('relay: streams and size caps', () => {
  it('streams a large reply through, with or without Content-Length', async function () {
    // 48 MiB through workerd and the browser: seconds on an idle machine, several times that on a loaded one.
    this.timeout(90_000);
    const n = 24 * MiB;
    const withLength = await fetch(await viaRelay(`${UP}/bytes?n=${n}&length=1`));
    expect(withLength.headers.get('content-length')).to.equal(String(n));
    expect(await drain(withLength)).to.equal(n);
    const without = await fetch(await viaRelay(`${UP}/bytes?n=${n}`));
    expect(without.headers.get('content-length')).to.equal(null);
    expect(await drain(without)).to.equal(n);
  });

  it('passes the first bytes on before the provider has sent the rest (streamed, not buffered)', async () => {
    const token = unique('hold');
    const response = await fetch(await viaRelay(`${UP}/bytes?n=${MiB}&length=1&hold=${token}`));
    const reader = response.body!.getReader();
    let total = 0;
    // The upstream holds after its first 64 KiB until released.
    while (total < 64 * 1024) total += (await reader.read()).value!.byteLength;
    await fetch(`/__relay-upstream/release?token=${token}`);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
    }
    expect(total).to.equal(MiB);
  });

  it('refuses a request body over the cap (413), with or without Content-Length', async () => {
    const token = unique('token');
    const over = await fetch(await viaRelay(echo(token), 'small'), { method: 'POST', body: 'a'.repeat(1001) });
    await expectRefusal(over, 413, /larger than the relay forwards/);
    expect(await seen(token)).to.equal(0);
    const at = await fetch(await viaRelay(echo(token), 'small'), { method: 'POST', body: 'a'.repeat(1000) });
    expect((await at.json()).bytes).to.equal(1000);

    const chunked = (count: number) =>
      fromNode({
        relay: 'small',
        path: query(echo(token)),
        method: 'POST',
        headers: { Origin: ORIGIN },
        chunks: [count, 400],
      });
    const under = await chunked(2);
    expect(under.status).to.equal(200);
    expect(JSON.parse(under.body).bytes).to.equal(800);
    const cut = await chunked(3);
    expect(cut.status).to.equal(413);
    expect(cut.headers['x-userpays-relay']).to.equal('refused');
  });

  it('refuses a reply over the cap: 502 when its length says so, cut off when it has none', async () => {
    const bytes = (n: number, length: boolean) => viaRelay(`${UP}/bytes?n=${n}${length ? '&length=1' : ''}`, 'small');
    const declared = await fetch(await bytes(100_001, true));
    expect(declared.status).to.equal(502);
    expect(declared.headers.get('x-userpays-relay')).to.equal('error');
    expect((await declared.json()).detail).to.match(/larger than the relay passes on/);
    expect(await drain(await fetch(await bytes(100_000, true)))).to.equal(100_000);
    expect(await drain(await fetch(await bytes(100_000, false)))).to.equal(100_000);
    const cut = await drain(await fetch(await bytes(300_000, false)));
    expect(cut).to.be.instanceOf(TypeError);
  });
});

describe('relay: what it keeps', () => {
  it('workerd printed none of the keys sent through the relays', async () => {
    expect(keys.length).to.be.at.least(4);
    const logs: Record<string, string> = await (await fetch('/__relay-logs.json')).json();
    expect(Object.keys(logs)).to.include.members(['main', 'strict', 'elsewhere', 'small']);
    for (const [name, output] of Object.entries(logs))
      // Keys are long and unique: a short one ("k2") once matched a random error id in workerd's output.
      for (const key of keys) expect(output, name).not.to.include(key);
  });
});

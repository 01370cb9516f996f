// The fault matrix of the simulators in demo/sim/ (the faults and `_charges` routes their headers document):
// 502/503, hang, bad-json, html, redirect, accept-then-drop, times at submit, imageDelay, fal's result-500, the
// gateway's image-404, and what each simulator says it charged. Plain fetch against the test server's own origin;
// every test uses a scenario key of its own (run=…) and fresh keys, so parallel test files never mix logs or charges.
import { uploadedToFal } from '../support/fal-uploads.js';
import { expect } from '@open-wc/testing';
import { rejection } from '../support/failure.js';
import {
  OTHER_HOST,
  otherOrigin,
  releaseHold,
  simCharges,
  simEndpoint,
  simLogOf,
  submitToBfl,
  submitToFal,
  unique,
} from '../support/sim.js';
import { sleep, until } from '../support/wait.js';
import { referenceImage } from '../support/images.js';
import { puterGenerate, puterUsage } from '../support/puter.js';

const ORIGIN = location.origin;
const OTHER_ORIGIN = otherOrigin();

type Name = 'bfl' | 'fal' | 'openai';

/** How the tests talk to one of the three HTTP-API simulators. */
interface Sim {
  name: Name;
  /** Where the submit goes (a BFL task, a fal queue submit, a gateway generation), and with what. */
  path: string;
  headers: (key: string) => Record<string, string>;
  body: object;
  /** The provider's own error shape. */
  expectError(body: any): void;
  /** What `_charges` counts (tasks, requests, images). */
  counted: string;
}

const jsonType = { 'Content-Type': 'application/json' };
const detailSaid = (body: any) => expect(body.detail).to.be.a('string');

const SIMS: Sim[] = [
  {
    name: 'bfl',
    path: '/v1/flux-2-pro',
    headers: (key) => ({ 'x-key': key, ...jsonType }),
    body: { prompt: 'a lighthouse', width: 1024, height: 1024 },
    expectError: detailSaid,
    counted: 'tasks',
  },
  {
    name: 'fal',
    path: '/fal-ai/flux-2-pro',
    headers: (key) => ({ Authorization: `Key ${key}`, ...jsonType }),
    body: { prompt: 'a lighthouse', image_size: { width: 1024, height: 1024 } },
    expectError: detailSaid,
    counted: 'requests',
  },
  {
    name: 'openai',
    path: '/v1/images/generations',
    headers: (key) => ({ Authorization: `Bearer ${key}`, ...jsonType }),
    body: { model: 'black-forest-labs/flux-2-pro', prompt: 'a lighthouse', size: '1024x1024' },
    expectError: (body) => {
      expect(body.error.message).to.be.a('string');
      expect(body.error.type).to.equal('server_error');
    },
    counted: 'images',
  },
];

/** The submit of `sim` under `scenario`, with `key`. */
const submit = (sim: Sim, scenario: string, key: string, init: RequestInit = {}) =>
  fetch(`${ORIGIN}/sim/${sim.name}/s/${scenario}${sim.path}`, {
    method: 'POST',
    headers: sim.headers(key),
    body: JSON.stringify(sim.body),
    ...init,
  });

/** `_charges` of `key`, with the amount as `usd` and the count (tasks, requests, images) as `count`. */
async function chargesAt(sim: Sim, key: string) {
  const charges = await simCharges(sim.name, key);
  return { usd: charges.usd, count: charges[sim.counted] };
}

/** What one successful submit of `Sim.submit` costs there, in US cents (fal: once completed). */
const CENTS: Record<Name, number> = {
  bfl: 3, // flux-2-pro 1 MP: 3 credits
  fal: 3, // flux-2-pro 1 MP: $0.03
  openai: 4, // the default flat price
};
const usd = (cents: number) => String(cents / 100);

for (const sim of SIMS) {
  describe(`${sim.name} simulator: edge faults at submit`, () => {
    // The gateway answers after its generation time: keep it short.
    const scenario = (fault: string, run: string) => `${fault};run=${run};pending=50`;

    it('fault=502 and fault=503 answer in the provider’s JSON shape; Retry-After only with retryAfter', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      for (const [fault, status, retryAfter] of [
        ['fault=502', 502, null],
        ['fault=503', 503, null],
        ['fault=503;retryAfter=7', 503, '7'],
      ] as const) {
        const response = await submit(sim, scenario(fault, run), key);
        expect(response.status, fault).to.equal(status);
        expect(response.headers.get('content-type'), fault).to.match(/^application\/json/);
        expect(response.headers.get('retry-after'), fault).to.equal(retryAfter);
        sim.expectError(await response.json());
      }
      expect(await chargesAt(sim, key)).to.deep.equal({ usd: '0', count: 0 });
    });

    it('fault=hang holds the request open until the client gives up, then the server closes it', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      const controller = new AbortController();
      const settled = rejection(submit(sim, scenario('fault=hang', run), key, { signal: controller.signal }));
      // Held: logged, not answered and not closed while the client waits (told by the server's log, not by times,
      // which a busy machine stretches).
      const hung = async () => (await simLogOf(sim.name, run)).find((e) => e.hung);
      await until(hung, 3000, 'the request to be held');
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await hung())!.closedAt, 'still open 250 ms on').to.equal(undefined);
      controller.abort();
      expect(((await settled) as Error)?.name).to.equal('AbortError');
      const entry = await until(
        async () => (await simLogOf(sim.name, run)).find((e) => e.hung && e.closedAt),
        3000,
        'the hung request to be closed',
      );
      expect(entry.method).to.equal('POST');
      expect(await chargesAt(sim, key)).to.deep.equal({ usd: '0', count: 0 });
    });

    it('fault=bad-json answers 200 application/json with a body that is not JSON', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      const response = await submit(sim, scenario('fault=bad-json', run), key);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
      const text = await response.text();
      expect(text.startsWith('{')).to.equal(true);
      expect(() => JSON.parse(text)).to.throw(SyntaxError);
      expect(await chargesAt(sim, key)).to.deep.equal({ usd: '0', count: 0 });
    });

    it('fault=html answers a proxy’s HTML error page, 502 or as status=<n> says', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      for (const [fault, status] of [
        ['fault=html', 502],
        ['fault=html;status=504', 504],
      ] as const) {
        const response = await submit(sim, scenario(fault, run), key);
        expect(response.status, fault).to.equal(status);
        expect(response.headers.get('content-type'), fault).to.match(/^text\/html/);
        const text = await response.text();
        expect(text, fault).to.match(/^<!DOCTYPE html>/);
        expect(text, fault).to.include(`<title>${status} `);
      }
      expect(await chargesAt(sim, key)).to.deep.equal({ usd: '0', count: 0 });
    });

    it('fault=redirect: a 307 to the same path on the other loopback name, whose target logs whether the key came', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      const response = await submit(sim, scenario('fault=redirect', run), key);
      expect(response.redirected).to.equal(true);
      expect(new URL(response.url).host).to.equal(OTHER_HOST);
      const log = await simLogOf(sim.name, run);
      expect(log).to.have.length(2);
      const [first, target] = log;
      expect(first.host).to.equal(location.host);
      expect(first.hasKey).to.equal(true);
      expect(first.redirectedTo).to.equal(`${OTHER_ORIGIN}${first.path}?redirected=1`);
      expect(target.redirected).to.equal(true);
      expect(target.host).to.equal(OTHER_HOST);
      expect(target.method).to.equal('POST');
      expect(target.path).to.equal(`${first.path}?redirected=1`);
      // The browser keeps a custom header (BFL's x-key) across a cross-origin redirect but drops Authorization
      // (fal, gateway): the fetch standard's "remove Authorization on cross-origin redirect".
      const keyFollows = sim.name === 'bfl';
      expect(target.hasKey, 'key at the target').to.equal(keyFollows);
      expect(response.status).to.equal(keyFollows ? 200 : 401);
      if (keyFollows) expect(await chargesAt(sim, key)).to.deep.equal({ usd: usd(CENTS[sim.name]), count: 1 });
      else expect(await chargesAt(sim, key)).to.deep.equal({ usd: '0', count: 0 });
    });

    it('fault=accept-then-drop: the provider accepts and charges, the reply is lost (fetch rejects)', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      const error = await rejection(submit(sim, scenario('fault=accept-then-drop', run), key));
      expect(error).to.be.instanceOf(TypeError);
      // Received once (the drop leaves Chromium no reason to resend it), accepted once.
      const log = await simLogOf(sim.name, run);
      expect(log.map((e) => [e.method, e.dropped])).to.deep.equal([['POST', true]]);
      // (fal bills once the request completes.)
      const charged = await until(
        async () => {
          const charges = await chargesAt(sim, key);
          return charges.count ? charges : undefined;
        },
        3000,
        'the charge',
      );
      await sleep(100);
      expect(await chargesAt(sim, key)).to.deep.equal(charged);
      expect(charged).to.deep.equal({ usd: usd(CENTS[sim.name]), count: 1 });
    });

    it('times=<n> at submit: only the first n submits under the scenario get the fault', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await submit(sim, scenario('fault=503;times=1', run), key)).status);
      expect(statuses).to.deep.equal([503, 200, 200]);
    });

    it('times=<n> with fault=network: the next call, sent at once, is answered (the drop is not resent)', async () => {
      const run = unique(sim.name);
      const key = unique('key');
      const outcomes = [];
      for (let i = 0; i < 3; i++) {
        outcomes.push(
          await submit(sim, scenario('fault=network;times=1', run), key).then(
            (response) => response.status,
            (thrown: Error) => thrown.name,
          ),
        );
      }
      expect(outcomes).to.deep.equal(['TypeError', 200, 200]);
      expect(await simLogOf(sim.name, run)).to.have.length(3);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// BFL

/** A FLUX.2 task (a lighthouse, 1024×1024, [pro] unless said) submitted to the BFL simulator under `scenario`. */
const bflSubmit = (scenario: string, key: string, model = 'flux-2-pro', body: object = {}) =>
  submitToBfl(simEndpoint('bfl', scenario), key, model, { prompt: 'a lighthouse', width: 1024, height: 1024, ...body });

const bflCredits = async (key: string) =>
  (await (await fetch(`${ORIGIN}/sim/bfl/v1/credits`, { headers: { 'x-key': key } })).json()).credits;

describe('bfl simulator: poll-time edge faults (at=poll)', () => {
  it('502, 503, bad-json, html on the first polls (times), then the task answers', async () => {
    const key = unique('key');
    for (const [fault, status, type] of [
      ['fault=502', 502, 'application/json'],
      ['fault=503;retryAfter=2', 503, 'application/json'],
      ['fault=bad-json', 200, 'application/json'],
      ['fault=html;status=520', 520, 'text/html'],
    ] as const) {
      const run = unique('bfl');
      const { status: submitted, body } = await bflSubmit(`${fault};at=poll;times=1;pending=50;run=${run}`, key);
      expect(submitted, fault).to.equal(200);
      expect(new URL(body.polling_url).host, fault).to.equal(OTHER_HOST);
      const first = await fetch(body.polling_url);
      expect(first.status, fault).to.equal(status);
      expect(first.headers.get('content-type'), fault).to.include(type);
      expect(first.headers.get('retry-after'), fault).to.equal(fault.includes('retryAfter') ? '2' : null);
      const text = await first.text();
      if (fault === 'fault=bad-json') {
        expect(text).to.equal(`{"id": "${body.id}", "status": "Pen`);
        expect(() => JSON.parse(text)).to.throw(SyntaxError);
      }
      const second = await fetch(body.polling_url);
      expect(second.status, fault).to.equal(200);
      expect((await second.json()).id, fault).to.equal(body.id);
    }
  });

  it('hang holds a poll open until the client gives up', async () => {
    const run = unique('bfl');
    const { body } = await bflSubmit(`fault=hang;at=poll;run=${run}`, unique('key'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await rejection(fetch(body.polling_url, { signal: controller.signal }));
    expect((error as Error)?.name).to.equal('AbortError');
    const entry = await until(
      async () => (await simLogOf('bfl', run)).find((e) => e.hung && e.closedAt),
      3000,
      'the hung poll to be closed',
    );
    expect(entry.method).to.equal('GET');
    expect(entry.id).to.equal(body.id);
  });

  it('redirect: the polling_url answers 307 to the other loopback name, which answers the poll', async () => {
    const run = unique('bfl');
    const { body } = await bflSubmit(`fault=redirect;at=poll;times=1;pending=50;run=${run}`, unique('key'));
    const response = await fetch(body.polling_url);
    expect(response.status).to.equal(200);
    expect(response.redirected).to.equal(true);
    expect(new URL(response.url).host).to.equal(location.host); // the polling host's other name: ours
    expect((await response.json()).id).to.equal(body.id);
    const polls = (await simLogOf('bfl', run)).filter((e) => e.method === 'GET');
    expect(polls.map((e) => [e.host, e.redirected ?? false, e.hasKey])).to.deep.equal([
      [OTHER_HOST, false, false],
      [location.host, true, false],
    ]);
    expect(polls[0].redirectedTo).to.equal(`${body.polling_url}&redirected=1`.replace(OTHER_HOST, location.host));
    // times=1: the next poll is answered directly.
    const again = await fetch(body.polling_url);
    expect(again.redirected).to.equal(false);
  });
});

describe('bfl simulator: hold=<name>', () => {
  it('a held task stays Pending past its pending time until the test releases it, then is Ready', async () => {
    const hold = unique('hold');
    const { body } = await bflSubmit(`hold=${hold};pending=50;progress=moving;run=${unique('bfl')}`, unique('key'));
    await sleep(300); // well past its pending time
    const held = await (await fetch(body.polling_url)).json();
    expect([held.status, held.progress], 'held').to.deep.equal(['Pending', 0.99]);
    await releaseHold('bfl', hold);
    expect((await (await fetch(body.polling_url)).json()).status, 'released').to.equal('Ready');
    // Nothing is held under that name any more: a second release is the test's mistake, and says so.
    expect(await rejection(releaseHold('bfl', hold))).to.be.instanceOf(Error);
  });
});

// Statuses advance by polls, never by the time between them (docs/simulators.md): a machine slow to poll, or a test
// that polls late, sees every word a task says, in order, and one poll under way where it reports progress.
describe('bfl simulator: statuses by polls', () => {
  /** What each poll of `body`'s task says, polled until Ready (at most 10). */
  async function statusesOf(body: { polling_url: string }) {
    const said: string[] = [];
    while (said.at(-1) !== 'Ready' && said.length < 10)
      said.push((await (await fetch(body.polling_url)).json()).status);
    return said;
  }

  it('a task polled first long after its pending time still says each of its words once, in order, then Ready', async () => {
    const scenario = `pending=50;running=Reasoning,Generating;run=${unique('bfl')}`;
    const { body } = await bflSubmit(scenario, unique('key'), 'flux-2-klein-4b');
    await sleep(400); // well past its pending time: by the clock, it would be Ready at once
    expect(await statusesOf(body)).to.deep.equal(['Reasoning', 'Generating', 'Ready']);
    // FLUX 3's own words, unasked, the same way.
    const flux3 = await submitToBfl(
      simEndpoint('bfl', `pending=50;run=${unique('bfl')}`),
      unique('key'),
      'flux-3-image',
      {
        prompt: 'a fox',
      },
    );
    await sleep(400);
    expect(await statusesOf(flux3.body)).to.deep.equal(['Reasoning', 'Generating', 'Ready']);
  });

  it('each poll under way says the next word, the last until it is ready: polled often, Reasoning once', async () => {
    const { body } = await bflSubmit(`pending=600;running=Reasoning,Generating;run=${unique('bfl')}`, unique('key'));
    const said: string[] = [];
    for (let poll = 0; poll < 3; poll++) said.push((await (await fetch(body.polling_url)).json()).status);
    expect(said).to.deep.equal(['Reasoning', 'Generating', 'Generating']);
  });

  it('a task that reports progress is polled under way once, however late, before it is Ready', async () => {
    const { body } = await bflSubmit(`pending=50;progress=moving;run=${unique('bfl')}`, unique('key'));
    await sleep(400);
    const first = await (await fetch(body.polling_url)).json();
    expect([first.status, typeof first.progress]).to.deep.equal(['Pending', 'number']);
    expect((await (await fetch(body.polling_url)).json()).status).to.equal('Ready');
  });
});

describe('bfl simulator: charges and slow images', () => {
  it('_charges: the credits debited at acceptance, exact, never refunded; refusals debit nothing', async () => {
    const key = unique('key');
    const run = unique('bfl');
    expect(await simCharges('bfl', key)).to.deep.equal({ credits: '0', usd: '0', tasks: 0 });
    // klein 4B 1 MP: 1.4 credits; [pro] 2 MP: 3 + 1.5 = 4.5; [pro] 1 MP whose poll says Request Moderated: 3.
    expect((await bflSubmit(`run=${run}`, key, 'flux-2-klein-4b')).body.cost).to.equal(1.4);
    expect((await bflSubmit(`run=${run}`, key, 'flux-2-pro', { width: 2048 })).body.cost).to.equal(4.5);
    const moderated = await bflSubmit(`fault=request-moderated;run=${run}`, key);
    expect(moderated.status).to.equal(200);
    const poll = await (await fetch(moderated.body.polling_url)).json();
    expect(poll.status).to.equal('Request Moderated');
    // Refused or faulted before acceptance: nothing debited.
    for (const [fault, status] of [
      ['402', 402],
      ['422', 422],
      ['429', 429],
      ['500', 500],
      ['502', 502],
      ['503', 503],
      ['html', 502],
      ['bad-json', 200],
    ] as const) {
      const response = await fetch(`${ORIGIN}/sim/bfl/s/fault=${fault};run=${run}/v1/flux-2-pro`, {
        method: 'POST',
        headers: { 'x-key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: 'x' }),
      });
      expect(response.status, fault).to.equal(status);
    }
    expect(await simCharges('bfl', key)).to.deep.equal({ credits: '8.9', usd: '0.089', tasks: 3 });
    expect(await bflCredits(key)).to.equal(991.1);
    expect((await fetch(`${ORIGIN}/sim/bfl/_charges`)).status).to.equal(400);
  });

  it('accept-then-drop: the task exists and is debited, findable only by its id', async () => {
    const key = unique('key');
    const run = unique('bfl');
    const error = await rejection(
      fetch(`${ORIGIN}/sim/bfl/s/fault=accept-then-drop;pending=50;run=${run}/v1/flux-2-klein-9b`, {
        method: 'POST',
        headers: { 'x-key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: 'x', width: 1024, height: 1024 }),
      }),
    );
    expect(error).to.be.instanceOf(TypeError);
    const dropped = await simLogOf('bfl', run);
    expect(dropped.map((e) => e.dropped)).to.deep.equal([true]);
    // klein 9B 1 MP: 1.5 credits, debited at acceptance.
    expect(await simCharges('bfl', key)).to.deep.equal({ credits: '1.5', usd: '0.015', tasks: 1 });
    expect(await bflCredits(key)).to.equal(998.5);
    // The task exists: its id (never sent to the client; the simulator's log has it) finds it.
    const found = await (await fetch(`${OTHER_ORIGIN}/sim/bfl/v1/get_result?id=${dropped[0].id}`)).json();
    expect(found.status).to.be.oneOf(['Pending', 'Ready']);
  });

  it('imageDelay=<ms> delays the delivery URL', async () => {
    const { body } = await bflSubmit(`imageDelay=400;deliveryCors=1;pending=50;run=${unique('bfl')}`, unique('key'));
    const ready = await until(async () => {
      const poll = await (await fetch(body.polling_url)).json();
      return poll.status === 'Ready' && poll;
    });
    const started = performance.now();
    const image = await fetch(ready.result.sample);
    expect(image.status).to.equal(200);
    expect(image.headers.get('content-type')).to.equal('image/png');
    await image.arrayBuffer();
    expect(performance.now() - started).to.be.at.least(390);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// fal

/** A request (a lighthouse, 1024×1024, to `endpoint`: [pro] unless said) submitted to the fal simulator under `scenario`. */
const falSubmit = (scenario: string, key: string, endpoint = 'fal-ai/flux-2-pro', body: object = {}) =>
  submitToFal(simEndpoint('fal', scenario), key, endpoint, {
    prompt: 'a lighthouse',
    image_size: { width: 1024, height: 1024 },
    ...body,
  });
const falAuth = (key: string) => ({ headers: { Authorization: `Key ${key}` } });
async function falDone(key: string, statusUrl: string) {
  return until(async () => {
    const response = await fetch(statusUrl, falAuth(key));
    const body = response.status === 200 && (await response.json());
    return body && body.status === 'COMPLETED' && body;
  });
}

describe('fal simulator: poll-time faults, result-500, slow images', () => {
  it('at=poll: 503, bad-json, html and hang hit the status polls; the submit is accepted', async () => {
    const key = unique('key');
    for (const [fault, status] of [
      ['fault=503;retryAfter=4', 503],
      ['fault=502', 502],
      ['fault=bad-json', 200],
      ['fault=html', 502],
    ] as const) {
      const { status: submitted, body } = await falSubmit(
        `${fault};at=poll;times=1;pending=50;run=${unique('fal')}`,
        key,
      );
      expect(submitted, fault).to.equal(200);
      const first = await fetch(body.status_url, falAuth(key));
      expect(first.status, fault).to.equal(status);
      if (fault.includes('retryAfter')) expect(first.headers.get('retry-after')).to.equal('4');
      if (fault === 'fault=bad-json') {
        const text = await first.text();
        expect(text).to.equal(`{"status": "IN_PROGRESS", "request_id": "${body.request_id}", "resp`);
      }
      expect(first.headers.get('content-type'), fault).to.include(fault === 'fault=html' ? 'text/html' : 'json');
      expect((await fetch(body.status_url, falAuth(key))).status, fault).to.be.oneOf([200, 202]);
    }
    const run = unique('fal');
    const { body } = await falSubmit(`fault=hang;at=poll;run=${run}`, key);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await rejection(fetch(body.status_url, { ...falAuth(key), signal: controller.signal }));
    expect((error as Error)?.name).to.equal('AbortError');
    await until(async () =>
      (await simLogOf('fal', run)).some((e) => e.hung && e.closedAt && e.path.includes('/status')),
    );
  });

  it('at=poll redirect: the status URL answers 307 to the other loopback name; Authorization does not follow', async () => {
    const key = unique('key');
    const run = unique('fal');
    const { body } = await falSubmit(`fault=redirect;at=poll;times=1;run=${run}`, key);
    const response = await fetch(body.status_url, falAuth(key));
    expect(response.redirected).to.equal(true);
    expect(response.status).to.equal(401); // the target needs the key like any status poll
    const polls = (await simLogOf('fal', run)).filter((e) => e.path.includes('/status'));
    expect(polls.map((e) => [e.redirected ?? false, e.hasKey])).to.deep.equal([
      [false, true],
      [true, false],
    ]);
  });

  it('result-500: the request completes and is billed, but its response_url answers 500', async () => {
    const key = unique('key');
    const { body } = await falSubmit(`fault=result-500;pending=50;run=${unique('fal')}`, key);
    const done = await falDone(key, body.status_url);
    expect(done.error).to.equal(undefined);
    const result = await fetch(body.response_url, falAuth(key));
    expect(result.status).to.equal(500);
    expect(await result.json()).to.deep.equal({ detail: 'Internal server error' });
    expect(await simCharges('fal', key)).to.deep.equal({ usd: '0.03', requests: 1 });
  });

  it('imageDelay=<ms> delays the CDN image', async () => {
    const key = unique('key');
    const { body } = await falSubmit(`imageDelay=400;pending=50;run=${unique('fal')}`, key);
    await falDone(key, body.status_url);
    const { images } = await (await fetch(body.response_url, falAuth(key))).json();
    const started = performance.now();
    const image = await fetch(images[0].url);
    expect(image.status).to.equal(200);
    await image.arrayBuffer();
    expect(performance.now() - started).to.be.at.least(390);
  });
});

describe('fal simulator: hold=<name>', () => {
  it('each state lasts past its time until the test releases it: IN_QUEUE, then IN_PROGRESS with its logs; billed once completed', async () => {
    const key = unique('key');
    const status = async (body: { status_url: string }) =>
      (await fetch(`${body.status_url}?logs=1`, falAuth(key))).json();
    const hold = unique('hold');
    const { body } = await falSubmit(`hold=${hold};queue=50;pending=100;run=${unique('fal')}`, key);
    await sleep(300); // well past its queue and in-progress times
    expect((await status(body)).status, 'held in the queue').to.equal('IN_QUEUE');
    await releaseHold('fal', hold);
    await sleep(300); // past its in-progress time again
    const inProgress = await status(body);
    expect(inProgress.status, 'held in progress').to.equal('IN_PROGRESS');
    expect(inProgress.logs.at(-1).message, 'its log lines, all of them by now').to.equal('Generating: step 4/4');
    expect((await fetch(body.response_url, falAuth(key))).status, 'no result yet').to.equal(400);
    expect(await simCharges('fal', key), 'not billed while held').to.deep.equal({ usd: '0', requests: 0 });
    await releaseHold('fal', hold);
    expect((await status(body)).status, 'released').to.equal('COMPLETED');
    expect(await simCharges('fal', key)).to.deep.equal({ usd: '0.03', requests: 1 });

    // Without a queue time, it is held once: in progress.
    const direct = unique('hold');
    const { body: unqueued } = await falSubmit(`hold=${direct};queue=0;pending=50;run=${unique('fal')}`, key);
    await sleep(200);
    expect((await status(unqueued)).status, 'held in progress').to.equal('IN_PROGRESS');
    await releaseHold('fal', direct);
    expect((await status(unqueued)).status, 'released').to.equal('COMPLETED');
    expect(await rejection(releaseHold('fal', direct)), 'nothing held any more').to.be.instanceOf(Error);
  });
});

describe('fal simulator: _charges', () => {
  it('bills each completed request by fal’s table, exactly, a moderated one too; not before completion, not cancelled or server errors', async () => {
    const key = unique('key');
    const run = unique('fal');
    // On the simulator's CDN, as fal takes images (demo/sim/fal-edits.mjs).
    const ref1 = await uploadedToFal(referenceImage(1024, 1024).dataUrl, key); // 1 MP
    const ref2 = await uploadedToFal(referenceImage(1500, 1000).dataUrl, key); // 1.43 MP: 2 started MP
    const cases: [string, object, number][] = [
      // [endpoint, input, micro-dollars]
      ['fal-ai/flux-2/klein/4b', { image_size: { width: 2048, height: 1024 } }, 2 * 5000],
      ['fal-ai/flux-2/klein/4b/edit', { image_urls: [ref1, ref2] }, 10000 + 2 * 10000], // auto: 1024² out
      ['fal-ai/flux-2/klein/9b', { image_size: { width: 1000, height: 1000 } }, 6000],
      [
        'fal-ai/flux-2/klein/9b/edit',
        { image_urls: [ref1], image_size: { width: 1024, height: 2048 } },
        2 * 11000 + 11000,
      ],
      ['fal-ai/flux-2-pro', { image_size: { width: 2048, height: 2048 } }, 30000 + 3 * 15000],
      ['fal-ai/flux-2-pro/edit', { image_urls: [ref2], image_size: { width: 1024, height: 1024 } }, 30000 + 2 * 15000],
      ['fal-ai/flux-2-flex/edit', { image_urls: [ref1, ref2], image_size: { width: 1024, height: 1024 } }, 50000 * 4],
      ['fal-ai/flux-2-max', { image_size: { width: 1024, height: 1024 }, num_images: 2 }, 2 * 70000],
      [
        'fal-ai/flux-2-max/edit',
        { image_urls: [ref2], image_size: { width: 1200, height: 1024 } },
        70000 + 30000 + 2 * 30000,
      ],
    ];
    const submitted = [];
    // Held in progress until the test releases them: not completed yet, however slow the machine running the suite.
    const hold = unique('hold');
    for (const [endpoint, input] of cases) {
      const { status, body } = await falSubmit(`pending=50;hold=${hold};run=${run}`, key, endpoint, input);
      expect(status, endpoint).to.equal(200);
      submitted.push(body);
    }
    // Expired image and moderated (a 422 after it ran "may still be charged", docs.fal.ai/faq): billed. Cancelled
    // before completion, error (fal's server error: "never charged"), never-ready: not.
    const cancelled = await falSubmit(`pending=50;hold=${hold};run=${run}`, key);
    expect((await fetch(cancelled.body.cancel_url, { method: 'PUT', ...falAuth(key) })).status).to.equal(202);
    // Not billed before it completes.
    expect(await simCharges('fal', key)).to.deep.equal({ usd: '0', requests: 0 });
    await releaseHold('fal', hold);
    const expired = await falSubmit(`fault=expired-image;pending=50;run=${run}`, key);
    const failed = [];
    for (const fault of ['moderated', 'error', 'never-ready']) {
      const { status, body } = await falSubmit(`fault=${fault};pending=50;run=${run}`, key);
      expect(status, fault).to.equal(200);
      failed.push(body);
    }
    for (const body of [...submitted, expired.body, failed[0]]) await falDone(key, body.status_url);
    // Σ of the table above (0.714) + the expired image's 0.03 + the moderated one's 0.03.
    expect(cases.reduce((sum, [, , price]) => sum + price, 0) + 2 * 30000).to.equal(774000);
    expect(await simCharges('fal', key)).to.deep.equal({ usd: '0.774', requests: cases.length + 2 });
    // The key with its `Key ` prefix names the same account.
    expect(await simCharges('fal', `Key ${key}`)).to.deep.equal({ usd: '0.774', requests: cases.length + 2 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Gateway

async function gatewayGenerate(scenario: string, key: string, body: object = {}) {
  const response = await fetch(`${ORIGIN}/sim/openai/s/${scenario}/v1/images/generations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'black-forest-labs/flux-2-klein-4b', prompt: 'x', size: '512x512', ...body }),
  });
  return { status: response.status, body: await response.json() };
}

describe('gateway simulator: image-404, slow images, _charges', () => {
  it('bills a flat price per image generated (price=<usd>, default 0.04), refusals not', async () => {
    const key = unique('key');
    const run = unique('gw');
    expect((await gatewayGenerate(`pending=20;run=${run}`, key)).status).to.equal(200);
    expect((await gatewayGenerate(`pending=20;price=0.0125;run=${run}`, key, { n: 3 })).status).to.equal(200);
    expect((await gatewayGenerate(`pending=20;format=b64;price=0.001;run=${run}`, key)).status).to.equal(200);
    for (const fault of ['401', '429', 'moderated', '400', '500', '502'])
      expect((await gatewayGenerate(`fault=${fault};pending=20;run=${run}`, key)).status).not.to.equal(200);
    const bad = await gatewayGenerate(`price=1e-3;run=${run}`, key);
    expect(bad.status).to.equal(400);
    expect(bad.body.error.param).to.equal('price');
    expect(await simCharges('openai', key)).to.deep.equal({ usd: '0.0785', images: 5 });
    expect(await simCharges('openai', `Bearer ${key}`)).to.deep.equal({ usd: '0.0785', images: 5 });
  });

  it('image-404: the generation succeeds and is billed, its image URL answers 404', async () => {
    const key = unique('key');
    const { status, body } = await gatewayGenerate(`fault=image-404;pending=20;run=${unique('gw')}`, key);
    expect(status).to.equal(200);
    const image = await fetch(body.data[0].url);
    expect(image.status).to.equal(404);
    expect(await simCharges('openai', key)).to.deep.equal({ usd: '0.04', images: 1 });
  });

  it('imageDelay=<ms> delays the image URL', async () => {
    const { body } = await gatewayGenerate(`imageDelay=400;pending=20;run=${unique('gw')}`, unique('key'));
    const started = performance.now();
    const image = await fetch(body.data[0].url);
    expect(image.status).to.equal(200);
    await image.arrayBuffer();
    expect(performance.now() - started).to.be.at.least(390);
  });

  it('a generation whose client went away is still made and billed', async () => {
    const key = unique('key');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const request = fetch(`${ORIGIN}/sim/openai/s/pending=400;run=${unique('gw')}/v1/images/generations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'black-forest-labs/flux-2-klein-4b', prompt: 'x' }),
      signal: controller.signal,
    });
    expect(
      await request.then(
        () => undefined,
        (thrown: Error) => thrown.name,
      ),
    ).to.equal('AbortError');
    expect(await simCharges('openai', key)).to.deep.equal({ usd: '0', images: 0 });
    await until(async () => (await simCharges('openai', key)).images === 1, 3000, 'the charge');
    expect(await simCharges('openai', key)).to.deep.equal({ usd: '0.04', images: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Puter

/** A generate call at the Puter simulator under `scenario`, as `token`: FLUX.2 [klein] 9B. */
const generateAtPuter = (scenario: string, token: string) =>
  puterGenerate(simEndpoint('puter', scenario), token, { prompt: 'a lighthouse', model: 'flux-2-klein-9b' });

describe('puter simulator: _charges and accept-then-drop', () => {
  it('_charges: the exact dollars of the microcents charged, and the calls; refusals and balances not', async () => {
    const token = unique('token');
    const run = unique('puter');
    expect(await simCharges('puter', token)).to.deep.equal({ usd: '0', calls: 0 });
    expect((await generateAtPuter(`pending=10;run=${run}`, token)).status).to.equal(200);
    expect((await generateAtPuter(`pending=10;scale=3;run=${run}`, token)).status).to.equal(200);
    expect((await generateAtPuter(`fault=402;pending=10;run=${run}`, token)).status).to.equal(402);
    expect((await generateAtPuter(`fault=failed;pending=10;run=${run}`, token)).status).to.equal(500);
    // FLUX.2 Klein 9B: 1.1 cents; × 3: 3.3 cents.
    expect(await simCharges('puter', token)).to.deep.equal({ usd: '0.044', calls: 2 });
    expect((await fetch(`${ORIGIN}/sim/puter/_charges`)).status).to.equal(400);
  });

  it('accept-then-drop: the call is charged, then the connection drops', async () => {
    const token = unique('token');
    const run = unique('puter');
    const error = await rejection(generateAtPuter(`fault=accept-then-drop;pending=10;run=${run}`, token));
    expect(error).to.be.instanceOf(TypeError);
    const log = await simLogOf('puter', run);
    expect(log.map((e) => [e.method, e.dropped])).to.deep.equal([['POST', true]]);
    // FLUX.2 Klein 9B: 1.1 cents, deducted before the drop.
    expect(await simCharges('puter', token)).to.deep.equal({ usd: '0.011', calls: 1 });
    const usage = await puterUsage(simEndpoint('puter'), token);
    expect(usage.allowanceInfo.remaining).to.equal(50_000_000 - 1_100_000);
  });
});

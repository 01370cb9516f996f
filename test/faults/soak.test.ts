// The soak: 200 generations from two tabs at once (iframes running test/fixtures/tab.ts, each with its own
// modules, locks and storage events, sharing one ledger and one image store), eight at a time per tab, with
// faults drawn at random (seeded, so a failure replays) from what BFL can do to a request. At the end the books
// agree with the simulator to the last decimal: spent = what BFL charged, less what the charges no reply
// confirmed (counted apart, as `uncertain`) but those its balance proved; and the gallery holds the newest delivered images, `keep` of them.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { mostSends } from '../../src/providers/engine/http.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';
import { cleanLocalStorage } from '../support/storage.js';
import { openTab } from '../support/tabs.js';

type Tab = Window['tab'];

/** What a scenario does at BFL, and so how it must be booked. */
interface Fault {
  scenario: string;
  /** BFL debited the task (it accepted it). */
  charged: boolean;
  /** An image comes back. */
  image: boolean;
  /** No reply says whether it was charged: booked uncertain. */
  uncertain: boolean;
  /**
   * The submit's connection broke before any reply: the browser may have sent it more than once, and it is booked
   * uncertain at the quote times as many copies as may have reached BFL (providers/engine/http.ts, mostSends).
   */
  broken?: boolean;
}

const FAULTS: Fault[] = [
  { scenario: 'normal=1', charged: true, image: true, uncertain: false },
  { scenario: 'imageDelay=100', charged: true, image: true, uncertain: false },
  { scenario: 'fault=500;at=poll;times=1', charged: true, image: true, uncertain: false },
  { scenario: 'fault=402', charged: false, image: false, uncertain: false },
  { scenario: 'fault=500', charged: false, image: false, uncertain: false },
  { scenario: 'fault=502', charged: false, image: false, uncertain: true },
  { scenario: 'fault=network', charged: false, image: false, uncertain: true, broken: true },
  { scenario: 'fault=accept-then-drop', charged: true, image: false, uncertain: true, broken: true },
  { scenario: 'fault=request-moderated', charged: true, image: false, uncertain: true },
  { scenario: 'fault=content-moderated', charged: true, image: false, uncertain: false },
  { scenario: 'fault=expired-delivery', charged: true, image: false, uncertain: false },
];
const PRICE = new Decimal('0.014'); // FLUX.2 [klein] 4B, 1024×1024: 1.4 credits
const GENERATIONS = 200;
const PER_TAB_AT_ONCE = 8; // 16 in flight, under BFL's 24 active tasks per key
const KEEP = 40;

/** mulberry32: a small seeded generator, so a failing soak replays with its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('soak: 200 generations, two tabs, random faults', function () {
  // A test of what is booked, not of speed: its 200 generations over real HTTP run longer on a loaded machine.
  this.timeout(120_000);
  const storageKey = uniqueStorageKey();
  const frames: HTMLIFrameElement[] = [];
  after(() => {
    frames.forEach((frame) => frame.remove());
    cleanLocalStorage(storageKey);
  });

  it('books exactly what BFL charged, counts the unconfirmed apart, and keeps the newest images', async () => {
    const seed = Number(new URLSearchParams(location.search).get('seed')) || 20261122;
    const draw = random(seed);
    // Half the draws are plain successes, the rest spread over the faults.
    const plan = Array.from({ length: GENERATIONS }, () =>
      draw() < 0.5 ? FAULTS[0] : FAULTS[1 + Math.floor(draw() * (FAULTS.length - 1))],
    );
    const query = `&keep=${KEEP}`;
    frames.push(await openTab(storageKey, { query }), await openTab(storageKey, { query }));
    const tabs = frames.map((frame) => frame.contentWindow!.tab as Tab);
    const key = `sim-soak-${storageKey}`;
    const delivered: { id: string; created: number }[] = [];
    let next = 0;
    const worker = async (tab: Tab) => {
      while (next < plan.length) {
        const index = next++;
        const endpoint = bflEndpoint(`${plan[index].scenario};pending=50;run=${storageKey}-${index}`);
        try {
          const outcome = await tab.generate(endpoint, `soak ${index}`, 1, key);
          outcome.ids.forEach((id, at) => delivered.push({ id, created: outcome.created[at] }));
        } catch {
          // Each failure is booked by the pipeline; the books are checked below.
        }
      }
    };
    await Promise.all(tabs.flatMap((tab) => Array.from({ length: PER_TAB_AT_ONCE }, () => worker(tab))));

    const count = (what: (fault: Fault) => boolean) => plan.filter(what).length;
    const { usd, tasks } = await (await fetch(`/sim/bfl/_charges?key=${encodeURIComponent(key)}`)).json();
    const charged = new Decimal(usd);
    expect(tasks, 'tasks BFL accepted').to.equal(count((f) => f.charged));
    expect(charged.toFixed()).to.equal(PRICE.times(count((f) => f.charged)).toFixed());

    const ledger = new LedgerStore({ storageKey }); // this page reads what both tabs wrote
    const tally = ledger.tally();
    // A lost reply whose balance fell by exactly its price while no other image of the ledger was under way is booked
    // at once (docs/ledger.md): only a reply BFL accepted can be, each at its price.
    const counted = ledger.entries().filter((entry) => entry.heldBefore !== undefined);
    expect(counted.length).to.be.at.most(count((f) => f.charged && !!f.broken));
    expect(counted.map((entry) => entry.charged)).to.deep.equal(counted.map(() => PRICE.toFixed()));
    const unconfirmedButCharged = PRICE.times(count((f) => f.charged && f.uncertain) - counted.length);
    expect(tally.spent, `seed ${seed}`).to.equal(charged.minus(unconfirmedButCharged).toFixed());
    const copies = mostSends(bflEndpoint());
    const uncertain = count((f) => f.uncertain && !f.broken) + copies * (count((f) => !!f.broken) - counted.length);
    expect(tally.uncertain, `seed ${seed}`).to.equal(PRICE.times(uncertain).toFixed());
    expect(tally.images).to.equal(count((f) => f.image));
    expect(ledger.entries()).to.have.length(GENERATIONS);
    expect(ledger.pending()).to.deep.equal([]);

    expect(delivered).to.have.length(count((f) => f.image));
    const gallery = await tabs[0].images.list();
    expect(gallery).to.have.length(Math.min(KEEP, delivered.length));
    // The newest: every image kept was delivered, and none evicted is newer than one kept (images made in the
    // same millisecond may go either way).
    const kept = new Set(gallery.map((image) => image.id));
    const keptDelivered = delivered.filter((image) => kept.has(image.id));
    expect(keptDelivered).to.have.length(gallery.length);
    const oldestKept = Math.min(...keptDelivered.map((image) => image.created));
    expect(delivered.filter((image) => !kept.has(image.id) && image.created > oldestKept)).to.deep.equal([]);
  });
});

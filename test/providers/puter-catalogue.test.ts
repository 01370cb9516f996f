// Puter's prices: the bundled copy of its catalogue in the price book, Puter's own billing rules in the quote,
// and the live catalogue (GET {api}/puterai/image/models/details, here the simulator's) laid over the bundled one.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { MODELS } from '../../src/pricing/index.js';
import { PUTER_IDS } from '../../src/providers/puter/live-prices.js';
import { puterEndpoint } from '../support/puter.js';
import { simLogOf, unique } from '../support/sim.js';
import { controlledClock } from '../support/clock.js';
import { recorded } from '../support/recorded.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { PUTER_MODELS } from '../../src/providers/puter/prices.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';

/** The built-in prices with Puter's live catalogue at `endpoint` laid over them. */
const puterCatalogue = (endpoint: string) => liveCatalogue('puter', endpoint);

const BUNDLED = {
  name: 'Puter model catalogue (bundled)',
  asOf: '2026-11-22',
  url: 'https://api.puter.com/puterai/image/models/details',
};
const puter = (model: string, more: object = {}) => quoteFor({ provider: 'puter', model, ...more });

describe('Puter prices', () => {
  // The live catalogue is dated by the clock the test controls, never the wall clock's (midnight would split them).
  const time = controlledClock('2026-03-10T23:59:59');
  it('has a bundled Puter price, with its source, for every FLUX model Puter serves, and none for the others', () => {
    const served = MODELS.filter((m) => !m.family && BUILTIN_PRICE_BOOK[m.id]?.puter).map((m) => m.id);
    expect(served).to.deep.equal([
      'flux-2-klein-4b',
      'flux-2-klein-9b-base',
      'flux-2-pro',
      'flux-2-flex',
      'flux-2-max',
      'flux-2-dev',
      'flux-kontext-pro',
      'flux-kontext-max',
      'flux-pro-1.1',
    ]);
    expect(Object.keys(PUTER_MODELS).sort()).to.deep.equal([...served].sort());
    expect(Object.keys(PUTER_IDS).sort()).to.deep.equal([...served].sort());
    for (const id of served) {
      expect(BUILTIN_PRICE_BOOK[id]!.puter!.source, id).to.deep.equal(BUNDLED);
      expect(BUILTIN_PRICE_BOOK[id]!.puter!.exact, id).to.equal(false);
    }
    // BFL hosts neither Puter's undistilled [klein] 9B base nor FLUX.2 [dev].
    expect(served.filter((id) => !BUILTIN_PRICE_BOOK[id]!.bfl)).to.deep.equal(['flux-2-klein-9b-base', 'flux-2-dev']);
    expect(PUTER_IDS['flux-2-pro']).to.equal('black-forest-labs/flux-2-pro');
    expect(PUTER_IDS['flux-2-flex']).to.equal('togetherai:black-forest-labs/flux.2-flex');
  });

  it('bundles the costs and ids of the real catalogue (recorded), [dev] at its go_fast costs', async () => {
    const { models } = await recorded('puter/models-details.json');
    for (const [id, puterId] of Object.entries(PUTER_IDS)) {
      const model = models.find((m: { id: string }) => m.id === puterId);
      expect(model, puterId).to.exist;
      const billed = model.param_transforms?.go_fast?.default ? model.costs_go_fast : model.costs;
      expect(Object.fromEntries(Object.entries(billed).map(([k, v]) => [k, String(v)])), id).to.deep.equal(
        PUTER_MODELS[id].costs,
      );
    }
    // Puter names the undistilled model "FLUX.2 Klein 9B" and serves it under the distilled model's alias too.
    expect(models.find((m: { id: string }) => m.id === PUTER_IDS['flux-2-klein-9b-base']).aliases).to.include(
      'flux-2-klein-9b',
    );
  });

  it('prices the Replicate-served models per image (they make 1 MP whatever the size), references per started 10⁶ px', () => {
    expect(puter('flux-2-klein-4b')).to.deep.include({
      total: '0.001',
      perImage: '0.001',
      outputMegapixels: 1,
      inputMegapixels: 0,
      exact: false,
      source: BUNDLED,
    });
    expect(puter('flux-2-klein-4b', { width: 2048, height: 2048 }).total).to.equal('0.001');
    expect(puter('flux-2-klein-9b-base').total).to.equal('0.011');
    // FLUX.2 [dev] through Replicate, go_fast on: 1.2¢ per image (1 MP), 1.2¢ per started 10⁶ px of reference.
    expect(puter('flux-2-dev').total).to.equal('0.012');
    expect(puter('flux-2-dev', { inputs: [{ width: 1500, height: 1000 }] }).total).to.equal('0.036');
    expect(() => puter('flux-2-klein-9b')).to.throw(/no price for provider puter/);
    const pro = puter('flux-2-pro', {
      count: 2,
      inputs: [
        { width: 1024, height: 1024 },
        { width: 500, height: 500 },
      ],
    });
    // Per image: $0.03 (run + 1 MP) + $0.015 × (⌈1,048,576 / 10⁶⌉ + ⌈250,000 / 10⁶⌉ = 3 MP).
    expect(pro).to.deep.include({ perImage: '0.075', total: '0.15', inputMegapixels: 3 });
    expect(pro.lines).to.deep.equal([
      { label: 'Flat price per image × 2 images', amount: '0.06' },
      { label: '2 reference images (3 MP) × 2 images', amount: '0.09' },
    ]);
    expect(pro.credits).to.equal(undefined);
    expect(puter('flux-pro-1.1', { width: 1440, height: 1440 }).total).to.equal('0.04');
  });

  it('prices the Together-served models flat or by the exact megapixels of the output', () => {
    expect(puter('flux-2-flex', { width: 2048, height: 1024 }).total).to.equal('0.03');
    const max = puter('flux-2-max');
    expect(max).to.deep.include({ total: '0.07340032', outputMegapixels: 1.048576 });
    expect(max.lines).to.deep.equal([{ label: '≈1.05 megapixels', amount: '0.07340032' }]);
    expect(puter('flux-2-max', { width: 2048, height: 1024, count: 3 }).total).to.equal('0.44040192');
    expect(puter('flux-kontext-pro', { inputs: [{ width: 1024, height: 1024 }] }).total).to.equal('0.04194304');
    expect(puter('flux-kontext-max', { width: 1000, height: 1000 }).total).to.equal('0.08');
  });

  it('keeps lines adding up to the total for random requests', () => {
    let seed = 99;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const model = Object.keys(PUTER_MODELS)[Math.floor(random() * Object.keys(PUTER_MODELS).length)];
      const request = {
        width: 64 + 16 * Math.floor(random() * 100),
        height: 64 + 16 * Math.floor(random() * 100),
        count: 1 + Math.floor(random() * 4),
        inputs: Array.from({ length: Math.floor(random() * 2) }, () => ({
          width: 1 + Math.floor(random() * 3000),
          height: 1 + Math.floor(random() * 3000),
        })),
      };
      const quote = puter(model, request);
      const sum = quote.lines.reduce((total, line) => total.add(line.amount), new Decimal(0));
      expect(sum.toString(), JSON.stringify({ model, ...request })).to.equal(quote.total);
      expect(new Decimal(quote.perImage).mul(request.count).toString()).to.equal(quote.total);
    }
  });

  it('lays the live catalogue over the bundled prices, fetched once per endpoint, and says so', async () => {
    const marker = unique();
    const endpoint = puterEndpoint(`scale=2;run=${marker}`);
    const [book, again] = await Promise.all([puterCatalogue(endpoint), puterCatalogue(endpoint)]);
    expect(again).to.equal(book);
    expect((await simLogOf('puter', marker)).filter((e) => e.kind === 'catalogue').length).to.equal(1);
    const live = quoteFor({ provider: 'puter', model: 'flux-2-pro' }, book);
    expect(live.total).to.equal('0.06');
    expect(live.source).to.deep.equal({
      name: 'Puter live catalogue',
      asOf: new Date(time.now()).toJSON().slice(0, 10),
      url: `${endpoint}/puterai/image/models/details`,
    });
    expect(quoteFor({ provider: 'puter', model: 'flux-2-max' }, book).total).to.equal('0.14680064');
    expect(
      quoteFor({ provider: 'puter', model: 'flux-2-klein-4b', inputs: [{ width: 10, height: 10 }] }, book).total,
    ).to.equal('0.004');
    // Everything else of the built-in book is still there.
    expect(book['flux-2-pro']!.bfl).to.equal(BUILTIN_PRICE_BOOK['flux-2-pro']!.bfl);
    expect(book['flux-pro-1.1-ultra']).to.equal(BUILTIN_PRICE_BOOK['flux-pro-1.1-ultra']);
  });

  it('reads the real catalogue (replayed): [dev] at the costs Puter bills with go_fast on', async () => {
    const book = await puterCatalogue(`${location.origin}/replay/puter/${unique()}`);
    const dev = quoteFor({ provider: 'puter', model: 'flux-2-dev' }, book);
    expect(dev.source.name).to.equal('Puter live catalogue');
    expect(dev.total).to.equal('0.012');
    expect(quoteFor({ provider: 'puter', model: 'flux-2-klein-9b-base' }, book).total).to.equal('0.011');
  });

  it('falls back to the bundled prices when the catalogue is unreachable, and the source says so', async () => {
    for (const endpoint of ['http://127.0.0.1:9/nothing', puterEndpoint('catalogue=down')]) {
      const book = await puterCatalogue(endpoint);
      expect(book, endpoint).to.equal(BUILTIN_PRICE_BOOK);
      expect(quoteFor({ provider: 'puter', model: 'flux-2-pro' }, book).source.name).to.equal(
        'Puter model catalogue (bundled)',
      );
    }
  });
});

// Puter's prices: the bundled copy of its catalogue in the price book, Puter's own billing rules in the quote,
// and the live catalogue (GET {api}/puterai/image/models/details, here the simulator's) laid over the bundled one.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { BUILTIN_PRICE_BOOK, MODELS, quoteFor } from '../../src/pricing/index.js';
import { PUTER_MODELS } from '../../src/pricing/price-book.js';
import { puterCatalogue } from '../../src/pricing/puter-catalogue.js';
import { puterEndpoint, puterLog, unique } from '../support/puter.js';
import { controlledClock } from '../support/clock.js';

const BUNDLED = {
  name: 'Puter model catalogue (bundled)',
  asOf: '2026-11-22',
  url: 'https://api.puter.com/puterai/image/models/details',
};
const puter = (model: string, more: object = {}) => quoteFor({ provider: 'puter', model, ...more });

describe('Puter prices', () => {
  // The live catalogue is dated by the clock the test controls, never the wall clock's (midnight would split them).
  const time = controlledClock('2026-03-10T23:59:59');
  it('has a bundled Puter price, with its source, for every model Puter serves, and none for the others', () => {
    const served = MODELS.filter((m) => BUILTIN_PRICE_BOOK[m.id]?.puter).map((m) => m.id);
    expect(served).to.deep.equal([
      'flux-2-klein-4b',
      'flux-2-klein-9b',
      'flux-2-pro',
      'flux-2-flex',
      'flux-2-max',
      'flux-kontext-pro',
      'flux-kontext-max',
      'flux-pro-1.1',
    ]);
    expect(Object.keys(PUTER_MODELS)).to.deep.equal(served);
    for (const id of served) {
      expect(BUILTIN_PRICE_BOOK[id]!.puter!.source, id).to.deep.equal(BUNDLED);
      expect(BUILTIN_PRICE_BOOK[id]!.puter!.exact, id).to.equal(false);
      expect(BUILTIN_PRICE_BOOK[id]!.bfl, `${id} keeps its BFL price`).to.exist;
    }
    expect(PUTER_MODELS['flux-2-pro'].id).to.equal('black-forest-labs/flux-2-pro');
    expect(PUTER_MODELS['flux-2-flex'].id).to.equal('togetherai:black-forest-labs/flux.2-flex');
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
    expect(puter('flux-2-klein-9b').total).to.equal('0.011');
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
      const model = Object.keys(PUTER_MODELS)[Math.floor(random() * 8)];
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
    expect((await puterLog(marker)).filter((e) => e.kind === 'catalogue').length).to.equal(1);
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

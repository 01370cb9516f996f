import { expect } from '@open-wc/testing';
import { rankOffers } from '../../src/pricing/compare.js';
import type { Offer } from '../../src/pricing/compare.js';

const offer = (model: string, total?: string, problem = ''): Offer => ({ provider: 'bfl', model, total, problem });

describe('rankOffers', () => {
  it('puts those that can make the request first, cheapest first, exactly (no float), and marks the cheapest', () => {
    const ranked = rankOffers([
      offer('a', '0.03'),
      offer('b', '0.014'),
      offer('c', undefined, 'no price'),
      offer('d', '0.0140000000000000000001'),
      offer('e', '0.07', 'too large'),
    ]);
    expect(ranked.map((o) => o.model)).to.deep.equal(['b', 'd', 'a', 'c', 'e']);
    expect(ranked.map((o) => o.cheapest)).to.deep.equal([true, false, false, false, false]);
  });

  it('marks every offer that ties for cheapest, keeping their order', () => {
    const ranked = rankOffers([offer('a', '0.03'), offer('b', '0.030'), offer('c', '0.04')]);
    expect(ranked.filter((o) => o.cheapest).map((o) => o.model)).to.deep.equal(['a', 'b']);
  });

  it('marks nothing when nothing can make it', () => {
    expect(rankOffers([offer('a', undefined, 'x')]).some((o) => o.cheapest)).to.equal(false);
    expect(rankOffers([])).to.deep.equal([]);
  });
});

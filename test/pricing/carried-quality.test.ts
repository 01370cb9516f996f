// The quality tier a request carries to another model: kept where the model takes it, the same tier under the model's
// own name, else none (the model's own default).
import { expect } from '@open-wc/testing';
import { carriedQuality } from '../../src/pricing/carried-quality.js';
import type { PriceRule } from '../../src/pricing/price-book.js';

const tiers = (...qualities: string[]) => ({ kind: 'tier', qualities }) as unknown as PriceRule;

describe('carriedQuality', () => {
  it('keeps a tier the model takes, as asked where the rule is not known yet', () => {
    expect(carriedQuality(tiers('low', 'medium', 'high'), 'high')).to.equal('high');
    expect(carriedQuality(undefined, 'high')).to.equal('high');
  });

  // Kept out of sight on FLUX, a 4K would come back on a later model at twice its usual price.
  it('gives none where the model has no tiers: nothing kept out of sight', () => {
    expect(carriedQuality({ kind: 'megapixels' } as unknown as PriceRule, 'high')).to.equal(undefined);
  });

  it('names the same tier as the model does: 0.5K and 512, 2k and 2K', () => {
    expect(carriedQuality(tiers('512', '1K', '2K', '4K'), '0.5K')).to.equal('512');
    expect(carriedQuality(tiers('0.5K', '1K', '2K', '4K'), '512')).to.equal('0.5K');
    expect(carriedQuality(tiers('1K', '2K', '4K'), '2k')).to.equal('2K');
  });

  it("gives none where the model has no such tier: the model's own default", () => {
    expect(carriedQuality(tiers('1K', '2K', '4K'), '512')).to.equal(undefined);
    expect(carriedQuality(tiers('0.5K', '1K', '2K', '4K'), 'high')).to.equal(undefined);
    expect(carriedQuality(tiers('low', 'high'), '')).to.equal('');
  });

  // A page's quality="constructor" once threw on every update, and the widget drew nothing.
  it("gives none for a quality named as an object's own member, at a tier, a tokens and a flat rule", () => {
    for (const quality of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(carriedQuality(tiers('0.5K', '1K', '2K', '4K'), quality), quality).to.equal(undefined);
      expect(
        carriedQuality({ kind: 'tokens', qualities: ['low', 'medium', 'high'] } as unknown as PriceRule, quality),
      ).to.equal(undefined);
      expect(carriedQuality({ kind: 'megapixels' } as unknown as PriceRule, quality)).to.equal(undefined);
    }
  });
});

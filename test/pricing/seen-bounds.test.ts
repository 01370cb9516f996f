// The bounds a provider's charge raised, kept beside the ledger (pricing/seen-bounds.ts): by provider, model, quality
// and size; only ever raised; shared by every store of the same key on the same storage (another tab, a later visit);
// damaged or refused storage never lowers one nor fails.
import { expect } from '@open-wc/testing';
import { SeenBounds, boundKey } from '../../src/pricing/seen-bounds.js';
import { MemoryStorage } from '../support/ledger.js';

const BANANA_4K = { provider: 'google', model: 'gemini-nano-banana-2.1', quality: '4K', width: 4096, height: 4096 };

describe('bounds seen, kept with the ledger', () => {
  it('are kept by provider, model, quality and size, and read back by another store of the same key', () => {
    const storage = new MemoryStorage();
    const here = new SeenBounds('k', storage);
    expect(here.most(BANANA_4K)).to.equal(undefined);
    expect(here.raise(BANANA_4K, '0.1301')).to.equal(true);
    // A later visit, or another tab: a new store on the same key and storage.
    expect(new SeenBounds('k', storage).most(BANANA_4K)).to.equal('0.1301');
    expect(new SeenBounds('other', storage).most(BANANA_4K)).to.equal(undefined);
    expect(here.most({ ...BANANA_4K, quality: '2K' })).to.equal(undefined);
    expect(here.most({ ...BANANA_4K, provider: 'openrouter' })).to.equal(undefined);
    expect(here.most({ ...BANANA_4K, width: 5504, height: 3072 })).to.equal(undefined);
    expect(storage.getItem('k:ledger:bounds')).to.equal(JSON.stringify({ [boundKey(BANANA_4K)]: '0.1301' }));
  });

  it('are never lowered: a smaller charge, in this tab or another, leaves the larger', () => {
    const storage = new MemoryStorage();
    const [tabA, tabB] = [new SeenBounds('k', storage), new SeenBounds('k', storage)];
    tabA.raise(BANANA_4K, '0.13');
    expect(tabB.raise(BANANA_4K, '0.12')).to.equal(false);
    expect(tabA.most(BANANA_4K)).to.equal('0.13');
    expect(tabB.raise(BANANA_4K, '0.14')).to.equal(true);
    expect(tabA.most(BANANA_4K)).to.equal('0.14');
    // Each tab's write takes what the other wrote: both pairs stay.
    tabA.raise({ ...BANANA_4K, quality: '2K', width: 2048, height: 2048 }, '0.09');
    expect(tabB.most({ ...BANANA_4K, quality: '2K', width: 2048, height: 2048 })).to.equal('0.09');
    expect(tabB.most(BANANA_4K)).to.equal('0.14');
  });

  it('read a damaged record as none, and take no value that is not an amount', () => {
    const storage = new MemoryStorage();
    storage.setItem('k:ledger:bounds', '{not json');
    expect(new SeenBounds('k', storage).most(BANANA_4K)).to.equal(undefined);
    storage.setItem('k:ledger:bounds', JSON.stringify({ [boundKey(BANANA_4K)]: 'lots', other: -1 }));
    expect(new SeenBounds('k', storage).most(BANANA_4K)).to.equal(undefined);
    expect(new SeenBounds('k', storage).raise(BANANA_4K, 'NaN')).to.equal(false);
  });

  it('hold for this page where storage refuses them', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const bounds = new SeenBounds('refused', storage);
    expect(bounds.raise(BANANA_4K, '0.2')).to.equal(true);
    expect(new SeenBounds('refused', storage).most(BANANA_4K)).to.equal('0.2');
  });

  it('state: another word once a bound is raised here or another tab writes, the same while nothing moves', () => {
    const storage = new MemoryStorage();
    const before = SeenBounds.state();
    expect(SeenBounds.state()).to.equal(before);
    new SeenBounds('k', storage).raise(BANANA_4K, '0.2');
    const raised = SeenBounds.state();
    expect(raised).not.to.equal(before);
    expect(new SeenBounds('k', storage).raise(BANANA_4K, '0.1'), 'not raised').to.equal(false);
    expect(SeenBounds.state()).to.equal(raised);
    dispatchEvent(new StorageEvent('storage', { key: 'k:ledger:bounds' }));
    expect(SeenBounds.state()).not.to.equal(raised);
  });
});

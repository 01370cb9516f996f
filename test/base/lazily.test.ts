// `lazily` (src/base/lazily.ts): how the widget's lazy parts and each provider's adapter load: once, shared by
// every caller, and tried again after a load that failed (a page offline for a moment).
import { expect } from '@open-wc/testing';
import { lazily } from '../../src/base/lazily.js';

describe('lazily', () => {
  it('loads once, on first need, and every caller shares that load', async () => {
    let loads = 0;
    const load = lazily(async () => ({ load: ++loads }));
    expect(loads).to.equal(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).to.equal(second);
    expect(await load()).to.equal(first);
    expect(loads).to.equal(1);
  });

  it('tries a failed load again next time, and keeps the one that succeeded', async () => {
    let loads = 0;
    const load = lazily(async () => {
      loads++;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { load: loads };
    });
    const failed = await load().catch((error: unknown) => error);
    expect(failed).to.be.instanceOf(TypeError);
    const loaded = await load();
    expect(loaded).to.deep.equal({ load: 2 });
    expect(await load()).to.equal(loaded);
    expect(loads).to.equal(2);
  });
});

// The headless API in the built files, as a static site calls it (no source module is imported here): the module's
// `window.UserPays.generate` loads the engine chunk from beside it, which shares the entry's modules, so every error
// is the one `UserPaysError` the page sees.
import { expect } from '@open-wc/testing';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { loadModuleScript, partsLoaded } from '../support/built.js';
import { bflEndpoint } from '../support/sim.js';

interface Built {
  generate(request: object, options?: object): Promise<{ charged: string; images: { url: string; saved: boolean }[] }>;
  tally(storageKey?: string): Promise<{ spent: string; images: number }>;
  UserPaysError: new (...args: never[]) => Error & { code: string };
}

describe('the headless API in the built files', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  async function generatesAndRefuses(built: Built) {
    const storageKey = newStorageKey();
    const options = { apiKey: `sim-bundle-${storageKey}`, storageKey };
    const result = await built.generate(
      { provider: 'bfl', prompt: 'a bundled fox' },
      { ...options, endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${storageKey}`) },
    );
    expect(result.charged).to.equal('0.014');
    expect(result.images[0].saved).to.equal(true);
    expect(result.images[0].url).to.match(/^blob:/);
    expect(await built.tally(storageKey)).to.include({ spent: '0.014', images: 1 });

    // Refused by the engine's checks, by the ledger (the elements' bundle) and by the provider (the engine's
    // adapter): one error class for all.
    const refusals = await Promise.all(
      [
        built.generate({ provider: 'bfl' }, options),
        built.generate({ provider: 'bfl', prompt: 'x' }, { ...options, endpoint: bflEndpoint(), budget: '0.01' }),
        built.generate({ provider: 'bfl', prompt: 'x' }, { ...options, endpoint: bflEndpoint('fault=401') }),
      ].map((call) => call.catch((error: unknown) => error)),
    );
    expect(refusals.map((error) => error instanceof built.UserPaysError)).to.deep.equal([true, true, true]);
    expect(refusals.map((error) => (error as { code: string }).code)).to.deep.equal([
      'invalid-input',
      'budget-exceeded',
      'auth-failed',
    ]);
  }

  it('window.UserPays and the module’s exports: the engine chunk loads from beside the entry, once', async () => {
    await loadModuleScript('/dist/userpays.js');
    const global = (window as unknown as { UserPays: Built }).UserPays;
    // @ts-expect-error: the built module has no types at this path
    const exported: Built = await import('/dist/userpays.js');
    expect(global.generate).to.equal(exported.generate); // one module graph
    expect(partsLoaded()).not.to.include('lazy/engine');
    await generatesAndRefuses(global);
    expect(partsLoaded().filter((name) => name === 'lazy/engine').length).to.equal(1);
  });
});

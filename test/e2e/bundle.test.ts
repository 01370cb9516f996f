// The built artefacts, as a static site would use them: no source modules are imported here.
import { expect, fixture, html } from '@open-wc/testing';
import { toldDeveloper } from '../support/console.js';
import { builtFiles, loadModuleScript, partsLoaded } from '../support/built.js';
import { bflEndpoint } from '../support/sim.js';
import { imageWidget } from '../support/widget.js';

declare global {
  interface Window {
    UserPays: {
      version: string;
      quote(request: object): { total: string; credits?: string };
      UserPaysImage: CustomElementConstructor;
    };
  }
}

describe('dist bundle', () => {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);

  before(async () => {
    window.addEventListener('error', onError);
    await loadModuleScript('/dist/userpays.js');
    await loadModuleScript('/dist/userpays.js'); // a second script tag (the same module: it runs once)
    // A second copy under another address (another version, a CDN and a bundle): it runs again, with its own
    // classes, and finds the names taken.
    // @ts-expect-error: the built module has no types at this path
    await import('/dist/userpays.js?copy=2');
  });
  after(() => window.removeEventListener('error', onError));

  it('defines the three elements and window.UserPays, and defining twice never throws', () => {
    expect(errors).to.deep.equal([]);
    for (const name of ['userpays-image', 'userpays-cost', 'userpays-tally'])
      expect(customElements.get(name), name).to.exist;
    expect(window.UserPays.version).to.match(/^\d+\.\d+\.\d+$/);
    // The global stays the first copy's, whose classes are the ones defined.
    expect(window.UserPays.UserPaysImage).to.equal(customElements.get('userpays-image'));
  });

  it('carries one copy of Lit and one of decimal.js in everything a page can load', async () => {
    const files = [...(await builtFiles()).values()];
    expect(files.length).to.be.greaterThan(3); // the entry and its chunks
    // Each library registers its version once per copy; decimal.js names its errors.
    const copies = (pattern: RegExp) => files.reduce((n, source) => n + (source.match(pattern)?.length ?? 0), 0);
    expect(copies(/litHtmlVersions/g), 'lit-html').to.equal(1);
    expect(copies(/reactiveElementVersions/g), '@lit/reactive-element').to.equal(1);
    expect(copies(/litElementVersions/g), 'lit-element').to.equal(1);
    expect(copies(/\[DecimalError\] /g), 'decimal.js').to.equal(1);
  });

  it('exposes the pure quote function', () => {
    const quote = window.UserPays.quote({ provider: 'bfl', model: 'flux-2-pro', width: 2048, height: 2048, count: 2 });
    expect(quote.total).to.equal('0.15');
    expect(quote.credits).to.equal('15');
  });

  it('keeps the engine out of the first load, and loads it from beside the script on first need', async () => {
    const engineLoaded = () => partsLoaded().includes('lazy/engine');
    const source = await (await fetch('/dist/userpays.js')).text();
    expect(source).not.to.contain('get_result'); // BFL's adapter loads later, a chunk of its own
    expect(engineLoaded()).to.equal(false);
    const el = await imageWidget({ provider: 'bfl' });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the gallery opens the image store: the engine loads
    expect(engineLoaded()).to.equal(true);
    el.remove();
  });

  it('generates with the bundled widget against the simulator', async () => {
    // (the built element, as these tests use it: no source types)
    const el = await imageWidget({ provider: 'bfl', endpoint: bflEndpoint('pending=50'), prompt: 'a bundled fox' });
    el.apiKey = 'sim-bundle-key';
    const result = await el.generate();
    expect(result.charged).to.equal('0.014');
  });

  it('refuses an amount decimal.js would read but money must not (hexadecimal)', async () => {
    const el = await fixture<HTMLElement & { priceBook: object; quote?: { total: string } }>(
      html`<userpays-cost provider="bfl" model="flux-2-pro"></userpays-cost>`,
    );
    // The visitor reads that the site set the price wrongly; the page's developer, what is wrong, in the console.
    const told = await toldDeveloper(() => {
      el.priceBook = {
        'flux-2-pro': {
          bfl: { rule: { kind: 'flat', unit: 'usd', perImage: '0x1F' }, source: { name: 't', asOf: 'x' }, exact: true },
        },
      };
    });
    expect(told).to.match(/not a valid amount \("0x1F"\)/);
    expect(el.quote).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(
      'This site set its price for FLUX.2 [pro] at BFL wrongly',
    );
  });
});

// A provider's live prices price that provider alone (walk-through 22, N1): fal's live book, read before Google's
// families had loaded, was the base of Google's prices on a second visit to Google: no model card, no price, "Nano
// Banana 2 has no price for provider google yet", and no way out but a detour through BFL. On a page of its own: Google's
// families must not be loaded before fal's live prices are read.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { familiesInFor } from '../../src/pricing/index.js';
import { simEndpoint, uniqueStorageKey } from '../support/sim.js';
import {
  decision,
  imageWidget,
  modelOffered,
  panelsLoaded,
  part,
  radios,
  switchToSimulator,
} from '../support/widget.js';
import { until } from '../support/wait.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';

async function switchTo(el: UserPaysImage, provider: 'google' | 'fal') {
  switchToSimulator(el, provider);
  await el.updateComplete;
  // Google's prices come a few updates after the switch the first time (its families load then).
  await until(() => decision(el).price && radios(el, 'model').length, 10_000, `a price and cards at ${provider}`);
}

describe("a provider's live prices, after a switch to another and back", function () {
  this.timeout(30_000);

  it("fal's Nano Banana 2, Google, fal, Google again: Google's cards and price, as on the first visit", async () => {
    const el = await imageWidget(
      { provider: 'fal', endpoint: simEndpoint('fal'), 'storage-key': uniqueStorageKey(), locale: 'en-US' },
      { apiKey: 'sim-test-key' },
    );
    await panelsLoaded(el);
    (await modelOffered(el, 'gemini-3.1-flash-image')).click();
    await until(() => /live/.test(el.quote?.source.name ?? ''), 10_000, "fal's live prices");
    expect(familiesInFor('google'), "Google's families not loaded yet").to.equal(false);
    await switchTo(el, 'google');
    const first = { price: decision(el).price, cards: radios(el, 'model').map((radio) => radio.value) };
    expect(first.cards).to.include('gemini-3.1-flash-image');
    await switchTo(el, 'fal');
    await until(() => /live/.test(el.quote?.source.name ?? ''), 10_000, "fal's live prices again");
    await switchTo(el, 'google');
    expect({ price: decision(el).price, cards: radios(el, 'model').map((radio) => radio.value) }).to.deep.equal(first);
    expect(part(el, 'decision')!.textContent).not.to.contain('no price');
  });
});

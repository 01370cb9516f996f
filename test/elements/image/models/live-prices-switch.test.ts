// A provider's live prices price that provider alone: after a switch from fal to Google and back, Google's cards and
// price are those of the first visit, never fal's live book taken for Google's.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import {
  decision,
  imageWidget,
  modelOffered,
  panelsLoaded,
  part,
  radios,
  switchToSimulator,
} from '../../../support/widget.js';
import { until } from '../../../support/wait.js';
import { controlledClock } from '../../../support/clock.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';

/** A day Nano Banana 2 was sold at fal and Google, before Google shut it down on 2026-10-29 (page and simulators). */
const SOLD = '2026-10-01T12:00:00Z';

async function switchTo(el: UserPaysImage, provider: 'google' | 'fal') {
  switchToSimulator(el, provider, `now=${SOLD}`);
  await el.updateComplete;
  await until(() => decision(el).price && radios(el, 'model').length, 10_000, `a price and cards at ${provider}`);
}

describe("a provider's live prices, after a switch to another and back", function () {
  this.timeout(30_000);
  controlledClock(SOLD);

  it("fal's Nano Banana 2, Google, fal, Google again: Google's cards and price, as on the first visit", async () => {
    const el = await imageWidget(
      {
        provider: 'fal',
        endpoint: simEndpoint('fal', `now=${SOLD}`),
        'storage-key': uniqueStorageKey(),
        locale: 'en-US',
      },
      { apiKey: 'sim-test-key' },
    );
    await panelsLoaded(el);
    (await modelOffered(el, 'gemini-3.1-flash-image')).click();
    await until(() => /live/.test(el.quote?.source.name ?? ''), 10_000, "fal's live prices");
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

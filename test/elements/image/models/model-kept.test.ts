// The model is kept across a change of provider where the new one sells it: Google's Nano Banana 2, then Puter, must
// not become FLUX.2 [klein] 4B, Puter's first model, since Puter sells Nano Banana 2 too.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import {
  checkedRadio,
  decision,
  imageWidget,
  panelsLoaded,
  radios,
  switchToSimulator,
} from '../../../support/widget.js';
import { until } from '../../../support/wait.js';
import { controlledClock } from '../../../support/clock.js';

/** A day Nano Banana 2 was sold, before Google shut it down on 2026-10-29: the page's clock and the simulators'. */
const SOLD = '2026-10-01T12:00:00Z';

async function atGoogle(model: string) {
  const el = await imageWidget(
    {
      provider: 'google',
      endpoint: simEndpoint('google', `now=${SOLD}`),
      model,
      'storage-key': uniqueStorageKey(),
      locale: 'en-US',
      prompt: 'a fox',
    },
    { apiKey: 'sim-test-key' },
  );
  await panelsLoaded(el);
  await until(() => decision(el).price, 5_000, "Google's price");
  return el;
}

describe('a change of provider keeps the model where the new provider sells it', function () {
  this.timeout(20_000);
  controlledClock(SOLD);

  it("Google's Nano Banana 2, then Puter: Nano Banana 2, at Puter's price, in the same update", async () => {
    const el = await atGoogle('gemini-3.1-flash-image');
    el.endpoint = '';
    el.provider = 'puter';
    await el.updateComplete;
    expect(el.model).to.equal('gemini-3.1-flash-image');
    expect(checkedRadio(el, 'model')).to.equal('gemini-3.1-flash-image');
    expect(decision(el).price).to.match(/\$/);
  });

  it("Google's Nano Banana Pro, then fal (which sells Nano Banana 2 only): fal's first model at once", async () => {
    const el = await atGoogle('gemini-3-pro-image');
    switchToSimulator(el, 'fal', `now=${SOLD}`);
    await el.updateComplete;
    const [first] = radios(el, 'model');
    expect(el.model).to.equal(first.value);
    expect(first.checked).to.equal(true);
    expect(decision(el).price).to.match(/\$/);
  });

  it("Google's Nano Banana 2, then BFL (which sells FLUX only): BFL's first model at once", async () => {
    const el = await atGoogle('gemini-3.1-flash-image');
    switchToSimulator(el, 'bfl');
    await el.updateComplete;
    expect(el.model).to.equal(radios(el, 'model')[0].value);
    expect(el.model).to.match(/^flux-/);
  });
});

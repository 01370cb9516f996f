// The model is kept across a change of provider where the new one sells it (walk-through 21, M7): Google's Nano Banana
// 2, then Puter, became FLUX.2 [klein] 4B, Puter's first model, though Puter sells Nano Banana 2 among the families
// whose prices load after the first paint. On a page of its own: nothing else loads Puter's or fal's families first.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { familiesInFor } from '../../src/pricing/index.js';
import { simEndpoint, uniqueStorageKey } from '../support/sim.js';
import { decision, imageWidget, panelsLoaded, radios, switchToSimulator } from '../support/widget.js';
import { until } from '../support/wait.js';

async function atGoogle(model: string) {
  const el = await imageWidget(
    {
      provider: 'google',
      endpoint: simEndpoint('google'),
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

const checkedModel = (el: HTMLElement) => radios(el, 'model').find((radio) => radio.checked)?.value;

describe('a change of provider keeps the model where the new provider sells it', function () {
  this.timeout(20_000);

  it("Google's Nano Banana 2, then Puter (its families not loaded yet): Nano Banana 2, at Puter's price", async () => {
    const el = await atGoogle('gemini-3.1-flash-image');
    expect(familiesInFor('puter'), "Puter's families not loaded yet").to.equal(false);
    el.endpoint = '';
    el.provider = 'puter';
    await until(() => familiesInFor('puter') && decision(el).price, 10_000, "Puter's families and price");
    await el.updateComplete;
    expect(el.model).to.equal('gemini-3.1-flash-image');
    expect(checkedModel(el)).to.equal('gemini-3.1-flash-image');
    expect(decision(el).price).to.match(/\$/);
  });

  it("Google's Nano Banana Pro, then fal (which sells Nano Banana 2 only): fal's first model, once fal's families came", async () => {
    const el = await atGoogle('gemini-3-pro-image');
    expect(familiesInFor('fal'), "fal's families not loaded yet").to.equal(false);
    switchToSimulator(el, 'fal');
    await until(() => familiesInFor('fal') && el.model !== 'gemini-3-pro-image', 10_000, "fal's families");
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

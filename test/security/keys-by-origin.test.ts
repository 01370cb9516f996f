// A key belongs to the origin it was typed or remembered for. Gateway A and gateway B are the gateway
// simulator under the test server's two loopback names (two origins, as two gateways are): A's key never reaches B,
// in the element, after a reload with the key remembered, or through UserPays.generate.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { generate } from '../../src/api.js';
import { bflEndpoint, GATEWAY_PRICE_BOOK, otherOrigin, uniqueStorageKey } from '../support/sim.js';
import { blocked, imageWidget, words } from '../support/widget.js';
import { recordRequests } from '../support/record-fetches.js';
import { cleanMadeStorage } from '../support/storage.js';

const gatewayA = () => `${location.origin}/sim/openai/s/pending=50`;
const gatewayB = () => `${otherOrigin()}/sim/openai/s/pending=50`;

/** A gateway's widget on `storageKey`, priced by the page (its price book set before it first draws). */
const gateway = (storageKey: string, endpoint: string) =>
  fixture<UserPaysImage>(
    html`<userpays-image
      provider="openai"
      storage-key=${storageKey}
      endpoint=${endpoint}
      prompt="a lamp"
      .priceBook=${GATEWAY_PRICE_BOOK}
    ></userpays-image>`,
  );

describe('a key goes only to the origin it was given for', function () {
  this.timeout(20_000);
  const sentTo = recordRequests().originsGiven;
  afterEach(cleanMadeStorage);

  it('in the element: gateway B, set after A’s key was typed, asks for its own key and never receives A’s', async () => {
    const el = await gateway(uniqueStorageKey(), gatewayA());
    el.apiKey = 'key-for-gateway-a';
    await el.generate();
    el.endpoint = gatewayB(); // the page points the same widget at another gateway
    expect(el.apiKey).to.equal('');
    const error = await el.generate().catch((thrown: { code: string }) => thrown);
    expect((error as { code: string }).code).to.equal('auth-required');
    await el.updateComplete;
    const key = el.shadowRoot!.querySelector<HTMLInputElement>('[part~=key]')!;
    expect(key.value).to.equal('');
    // The field says whose key it asks for, and that the other one is not sent here.
    const field = key.closest('.key-field')!;
    expect(field.querySelector('#key-note')!.textContent, 'the key field names where it sends').to.contain(
      new URL(gatewayB()).host,
    );
    expect(words(field)).to.contain(`Your key for ${new URL(gatewayA()).host} is kept for it, and not sent here`);
    // Generate says what is missing, beside it, before any click.
    expect(blocked(el).reason).to.equal('Add your gateway API key');
    expect([...sentTo('key-for-gateway-a')]).to.deep.equal([location.origin]);
    el.endpoint = gatewayA();
    expect(el.apiKey).to.equal('key-for-gateway-a'); // back at A, A's key again
  });

  it('after a reload with the key remembered: a page that now names gateway B gets no key', async () => {
    const storageKey = uniqueStorageKey();
    const first = await gateway(storageKey, gatewayA());
    first.apiKey = 'remembered-for-a';
    await first.updateComplete;
    first.shadowRoot!.querySelector<HTMLInputElement>('[part~=remember]')!.click();
    first.remove();

    const reloaded = await gateway(storageKey, gatewayB());
    expect(reloaded.apiKey).to.equal('');
    await reloaded.generate().catch(() => {});
    // A's own list of models was read with it, at A, while A was the page's gateway: B never receives it.
    expect([...sentTo('remembered-for-a')]).to.deep.equal([location.origin]);
    reloaded.endpoint = gatewayA();
    expect(reloaded.apiKey).to.equal('remembered-for-a');
  });

  it('through UserPays.generate: the call’s key goes to the call’s endpoint only, never to an orphan’s other origin', async () => {
    const storageKey = uniqueStorageKey();
    // A BFL task accepted at origin A and left pending by a page that closed (a cancel mid-way leaves it to resume).
    const endpoint = bflEndpoint('pending=3000;deliveryCors=1');
    const widget = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, endpoint, prompt: 'a fox' });
    widget.apiKey = 'key-for-bfl-at-a';
    const started = new Promise((resolve) => widget.addEventListener('userpays-progress', resolve, { once: true }));
    void widget.generate().catch(() => {});
    await started;
    widget.remove(); // the page goes away: the entry stays pending, its task at A

    const result = await generate(
      { provider: 'bfl', prompt: 'a cat' },
      { apiKey: 'key-for-bfl-at-b', storageKey, endpoint: `${otherOrigin()}/sim/bfl/s/pending=50;deliveryCors=1` },
    );
    expect(result.charged).to.equal('0.014');
    await new Promise((resolve) => setTimeout(resolve, 500)); // what the call started for the orphans has run
    expect([...sentTo('key-for-bfl-at-b')]).to.deep.equal([otherOrigin()]);
    expect([...sentTo('key-for-bfl-at-a')]).to.deep.equal([location.origin]);
  });
});

// A relay set for the providers that refuse pages (BFL's delivery, fal, gateways) never carries a
// provider that answers pages itself: Google, at whatever endpoint the page names for it, and OpenAI at its own host.
// Before, with `relay` set, Google went through the relay, which does not pass `x-goog-api-key`: Google never worked,
// and the widget blamed the relay's list of origins. Real relays (relay/worker.js in workerd:
// test/relay/relay-server.mjs) in front of the simulators; what the page sent is read from its own fetches.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { PriceBook } from '../../src/pricing/index.js';
import { keyRoute, relayFor } from '../../src/providers/registry/catalog.js';
import { controlledClock } from '../support/clock.js';
import { recordRequests } from '../support/record-fetches.js';
import { relayUrl } from '../support/relay.js';
import { bflEndpoint, simEndpoint, submissionsOf, unique } from '../support/sim.js';
import { imageWidgetsForgottenAfterEach } from '../support/widget.js';

const TODAY = '2026-11-28T12:00:00Z';
const RELAY = 'https://relay.example/';

/** A gateway's price for FLUX.2 [klein] 9B, as a page gives it (the simulator's gateway has no built-in prices). */
const GATEWAY_PRICES: PriceBook = {
  'flux-2-klein-9b': {
    openai: {
      rule: { kind: 'flat', unit: 'usd', perImage: '0.040' },
      source: { name: 'the page', asOf: '2026-11-22', url: 'https://example.com/prices' },
      exact: true,
    },
  },
};

describe('the relay carries only the providers that need it', function () {
  this.timeout(30_000);
  controlledClock(TODAY);
  const { sent, originsGiven } = recordRequests();
  const widget = imageWidgetsForgottenAfterEach();

  /** The origins the page sent requests to while the test ran. */
  const originsSent = () => new Set(sent.map(({ url }) => new URL(url, location.href).origin));

  it('Google and OpenAI at its own host go straight; BFL, fal and a gateway elsewhere through the relay', () => {
    expect(relayFor('google', '', RELAY)).to.equal('');
    expect(relayFor('google', 'https://generativelanguage.googleapis.com', RELAY)).to.equal('');
    expect(relayFor('openai', '', RELAY)).to.equal('');
    expect(relayFor('openai', 'https://api.openai.com/v1', RELAY)).to.equal('');
    expect(relayFor('openai', 'https://api.together.xyz/v1', RELAY)).to.equal(RELAY);
    expect(relayFor('bfl', '', RELAY)).to.equal(RELAY);
    expect(relayFor('fal', '', RELAY)).to.equal(RELAY);
    expect(relayFor('bfl', '', '')).to.equal('');
    // OpenRouter and Pollinations at their own hosts answer pages too; the relay's hosts do not name them.
    expect(relayFor('openrouter', '', RELAY)).to.equal('');
    expect(relayFor('openrouter', 'https://openrouter.ai', RELAY)).to.equal('');
    expect(relayFor('pollinations', '', RELAY)).to.equal('');
    expect(relayFor('pollinations', 'https://gen.pollinations.ai', RELAY)).to.equal('');
    expect(relayFor('pollinations', 'https://proxy.example', RELAY)).to.equal(RELAY);
  });

  it('a key given for Google or OpenAI with a relay set is its origin’s alone: not asked again when the relay moves', () => {
    expect(keyRoute('google', '', RELAY)).to.equal('https://generativelanguage.googleapis.com');
    expect(keyRoute('openai', '', RELAY)).to.equal('https://api.openai.com');
    expect(keyRoute('openai', 'https://api.together.xyz/v1', RELAY)).to.equal(
      'https://api.together.xyz via https://relay.example',
    );
    expect(keyRoute('bfl', '', RELAY)).to.equal('https://api.bfl.ai via https://relay.example');
  });

  it('Google with a relay set: generates, its key goes only to Google’s origin, and nothing reaches the relay', async () => {
    const relay = await relayUrl('main');
    const run = unique('google-relay');
    const apiKey = unique('goog');
    const endpoint = simEndpoint('google', `now=${TODAY};run=${run}`, { crossOrigin: true });
    const el = await widget({ provider: 'google', prompt: 'a fox in the snow', endpoint, relay }, { apiKey });
    const result = await el.generate();
    expect(result.images).to.have.length(1);
    expect((await submissionsOf('google', run)).length).to.equal(1);
    expect([...originsGiven(apiKey)]).to.deep.equal([new URL(endpoint).origin]);
    expect(originsSent()).not.to.include(new URL(relay).origin);
  });

  it('BFL with the same relay still goes through it, its key with it', async () => {
    const relay = await relayUrl('main');
    const apiKey = unique('bfl');
    const el = await widget(
      { provider: 'bfl', prompt: 'a lamp', endpoint: bflEndpoint(`pending=50;run=${unique('bfl-relay')}`), relay },
      { apiKey },
    );
    await el.generate();
    expect([...originsGiven(apiKey)]).to.deep.equal([new URL(relay).origin]);
  });

  it('an OpenAI-compatible gateway at a host other than OpenAI’s still goes through the relay', async () => {
    const relay = await relayUrl('main');
    const apiKey = unique('sk-gw');
    const el = await widget(
      {
        provider: 'openai',
        model: 'flux-2-klein-9b',
        prompt: 'a red ceramic mug',
        endpoint: simEndpoint('openai', `pending=50;run=${unique('gateway-relay')}`, { crossOrigin: true }),
        relay,
      },
      { apiKey, priceBook: GATEWAY_PRICES },
    );
    const result = await el.generate();
    expect(result.images).to.have.length(1);
    expect([...originsGiven(apiKey)]).to.deep.equal([new URL(relay).origin]);
  });
});

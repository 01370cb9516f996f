// A relay refuses a page's preflight both for a page it does not serve and for a header it does not
// forward (a provider's key header it does not know); the error names which, never the relay's list of origins
// when the relay serves the page. Real relays (relay/worker.js in workerd: test/relay/relay-server.mjs).
import { expect } from '@open-wc/testing';
import { fetchJson } from '../../src/providers/engine/http.js';
import { routed } from '../../src/providers/engine/provider-urls.js';
import { relayUrl } from '../support/relay.js';
import { unique } from '../support/sim.js';

const upstream = async () => ((await (await fetch('/__relay-upstream.json')).json()) as { url: string }).url;

/** The error a keyed GET through relay `name` with `headers` ends in. */
async function refusal(name: 'main' | 'elsewhere', headers: Record<string, string>) {
  const url = routed(`${await upstream()}/headers?token=${unique('named')}`, await relayUrl(name));
  return fetchJson(url, { headers }, AbortSignal.timeout(10_000), 'the-key').then(
    () => expect.fail('the relay passed it on'),
    (error: { code: string; message: string; answered?: boolean }) => error,
  );
}

describe('a relay’s refusal says why', function () {
  this.timeout(20_000);

  it('a key header the relay does not forward is said as that, not as the page missing from its origins', async () => {
    const error = await refusal('main', { 'x-unknown-key': 'the-key' });
    expect(error.message).to.equal(
      "The site's relay does not pass on this provider's key, so nothing was sent or charged: the relay needs updating.",
    );
    expect(error.answered).to.equal(true);
  });

  it('a relay that does not serve this page still says so', async () => {
    const error = await refusal('elsewhere', { authorization: 'Bearer the-key' });
    expect(error.message).to.equal(
      "The site's relay did not answer this page (it may not list this site among its origins), so nothing was sent or charged.",
    );
  });
});

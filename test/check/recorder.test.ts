// What "Check this account" records of the widget's exchanges (src/check/recorder.ts): the provider's requests only,
// by fetch and by XMLHttpRequest, in the order they left, each path after the endpoint; every image a placeholder; every
// key and token taken out; the page's own `fetch` given back when it stops. Over real HTTP against a simulator.
import { expect } from '@open-wc/testing';
import { PLACEHOLDER_PNG, SCRUBBED, record, scrubbed } from '../../src/check/recorder.js';
import { simEndpoint, unique } from '../support/sim.js';

describe('the check recorder', () => {
  it('takes out keys, tokens and what looks like one, and puts a placeholder for every image', () => {
    const key = unique('sim-secret-key');
    const value = {
      key: 'anything at all',
      data: { access_token: 'abc', label: `made for ${key}`, note: `split ${key.slice(0, 9)} ${key.slice(9)}` },
      echoed: 'Bearer sk-or-v1-0123456789abcdef and hf_0123456789abcd',
      image: `data:image/jpeg;base64,${'A'.repeat(2000)}`,
      b64_json: 'QUJD'.repeat(500),
      price: '0.04',
    };
    const out = scrubbed(value, [key]) as typeof value;

    expect(out.key).to.equal(SCRUBBED);
    expect(out.data.access_token).to.equal(SCRUBBED);
    expect(out.data.label).not.to.contain(key);
    expect(out.data.note.replace(/\W/g, '')).not.to.contain(key.replace(/\W/g, ''));
    expect(out.echoed).to.equal(`Bearer ${SCRUBBED} and ${SCRUBBED}`);
    expect(out.image).to.equal(`data:image/png;base64,${PLACEHOLDER_PNG}`);
    expect(out.b64_json).to.equal(PLACEHOLDER_PNG);
    expect(out.price).to.equal('0.04');
  });

  it("records the provider's requests by fetch and XMLHttpRequest in order, none of the page's own", async () => {
    const endpoint = simEndpoint('bfl', `run=${unique()}`);
    const original = window.fetch;
    const recording = record(endpoint, '', () => []);
    await fetch('/test/check/recorder.test.ts'); // the page's own: not the provider's
    await fetch(`${endpoint}/v1/credits`, { headers: { 'x-key': 'sim-recorder' } });
    await new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open('POST', `${endpoint}/v1/flux-2-klein-4b`);
      request.setRequestHeader('x-key', 'sim-recorder');
      request.setRequestHeader('content-type', 'application/json');
      request.onloadend = resolve;
      request.send(JSON.stringify({ prompt: 'a fox', width: 1024, height: 1024 }));
    });
    recording.stop();
    const exchanges = await recording.exchanges();

    expect(window.fetch).to.equal(original);
    expect(exchanges.map(({ method, path, status }) => `${method} ${path} ${status}`)).to.deep.equal([
      'GET /v1/credits 200',
      'POST /v1/flux-2-klein-4b 200',
    ]);
    expect(exchanges[1].request).to.deep.equal({ prompt: 'a fox', width: 1024, height: 1024 });
    expect(exchanges[0].reply).to.have.property('credits');
  });
});

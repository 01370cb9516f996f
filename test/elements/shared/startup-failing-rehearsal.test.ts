// StartupController: a rehearsal that throws (see startup-controller.test.ts) must not keep the element from rendering.
import { expect, fixture, html } from '@open-wc/testing';
import { RehearsedHost } from '../../support/rehearsed-host.js';

describe('StartupController: a failing rehearsal', () => {
  it('still lets the element render for real', async () => {
    RehearsedHost.failFirst = true;
    const el = await fixture<RehearsedHost>(html`<test-rehearsed-host></test-rehearsed-host>`);
    await el.updateComplete;
    expect(RehearsedHost.calls).to.deep.equal([{ connected: false }, { connected: true }]);
    expect(el.shadowRoot!.textContent).to.contain('shown');
  });
});

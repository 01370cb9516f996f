// StartupController (src/elements/shared/startup-controller.ts): the first host on a page that gives a
// template is rehearsed off the document before its first render; the rest are not. (A rehearsal is once per
// page, and each test file has a page of its own: a failing rehearsal is in startup-failing-rehearsal.test.ts.)
import { expect, fixture, html } from '@open-wc/testing';
import { RehearsedHost } from '../../support/rehearsed-host.js';

describe('StartupController: the first render on a page is rehearsed', () => {
  it('off the document first, then for real; a second host only for real', async () => {
    const first = await fixture<RehearsedHost>(html`<test-rehearsed-host></test-rehearsed-host>`);
    await first.updateComplete;
    expect(RehearsedHost.calls).to.deep.equal([{ connected: false }, { connected: true }]);
    expect(first.shadowRoot!.querySelectorAll('p')).to.have.length(1);

    RehearsedHost.calls = [];
    const second = await fixture<RehearsedHost>(html`<test-rehearsed-host></test-rehearsed-host>`);
    await second.updateComplete;
    expect(RehearsedHost.calls).to.deep.equal([{ connected: true }]);
  });
});

// StartupController (src/elements/shared/startup-controller.ts): on a page of several elements, the rehearsed one
// (the first) renders for real in the very next turn, before the others' first renders, not behind them all.
// (A rehearsal is once per page: this file's page has its own.)
import { expect, fixture, html } from '@open-wc/testing';
import { RehearsedHost } from '../../support/rehearsed-host.js';

describe('StartupController: the rehearsed element renders first', () => {
  it('rehearsal, then its real render, then the other elements in their order', async () => {
    const page = await fixture(html`
      <div>
        <test-rehearsed-host id="first"></test-rehearsed-host><test-rehearsed-host id="second"></test-rehearsed-host
        ><test-rehearsed-host id="third"></test-rehearsed-host>
      </div>
    `);
    for (const host of page.querySelectorAll<RehearsedHost>('test-rehearsed-host')) await host.updateComplete;

    expect(RehearsedHost.renderedBy.map((host) => host.id)).to.deep.equal(['first', 'first', 'second', 'third']);
    expect(RehearsedHost.calls).to.deep.equal([
      { connected: false },
      { connected: true },
      { connected: true },
      { connected: true },
    ]);
  });
});

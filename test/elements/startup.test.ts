// StartupController (src/elements/controllers/startup-controller.ts): the first update of an element comes in a
// turn of its own, and the first of its kind on a page is rehearsed before it, off the document.
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { StartupController } from '../../src/elements/controllers/startup-controller.js';

/** Records each call of its template: where the rendering went (a detached fragment or its shadow root). */
class RehearsedHost extends LitElement {
  static calls: { connected: boolean }[] = [];
  static failFirst = false;
  private readonly startup = new StartupController(
    this,
    () => '',
    () => this.render(),
  );

  protected override scheduleUpdate() {
    return this.startup.schedule(() => super.scheduleUpdate());
  }

  protected override render() {
    const calls = RehearsedHost.calls;
    if (RehearsedHost.failFirst && calls.length === 0) {
      calls.push({ connected: false });
      throw new Error('first call fails');
    }
    // Which call made these nodes: `updated` marks the calls whose nodes reached the shadow root.
    calls.push({ connected: false });
    const index = calls.length - 1;
    return html`<p data-call=${index}>shown</p>`;
  }

  protected override updated() {
    for (const p of this.shadowRoot!.querySelectorAll('p'))
      RehearsedHost.calls[Number(p.dataset.call)].connected = true;
  }
}
customElements.define('test-rehearsed-host', RehearsedHost);
customElements.define('test-rehearsed-other', class extends RehearsedHost {});

describe('StartupController: the first render of a kind is rehearsed', () => {
  it('once per kind on the page: off the document first, then for real; a second one of the kind only for real', async () => {
    RehearsedHost.calls = [];
    const first = await fixture<RehearsedHost>(fixtureHtml`<test-rehearsed-host></test-rehearsed-host>`);
    await first.updateComplete;
    expect(RehearsedHost.calls).to.deep.equal([{ connected: false }, { connected: true }]);
    expect(first.shadowRoot!.querySelectorAll('p')).to.have.length(1);

    RehearsedHost.calls = [];
    const second = await fixture<RehearsedHost>(fixtureHtml`<test-rehearsed-host></test-rehearsed-host>`);
    await second.updateComplete;
    expect(RehearsedHost.calls).to.deep.equal([{ connected: true }]);
  });

  it('a rehearsal that throws still lets the element render for real', async () => {
    RehearsedHost.calls = [];
    RehearsedHost.failFirst = true;
    try {
      const el = await fixture<RehearsedHost>(fixtureHtml`<test-rehearsed-other></test-rehearsed-other>`);
      await el.updateComplete;
      expect(RehearsedHost.calls).to.deep.equal([{ connected: false }, { connected: true }]);
      expect(el.shadowRoot!.textContent).to.contain('shown');
    } finally {
      RehearsedHost.failFirst = false;
    }
  });
});

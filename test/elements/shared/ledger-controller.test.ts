// LedgerController (src/elements/shared/ledger-controller.ts): the ledger's code arrives once for the whole page;
// each host opens its ledger (and re-renders with it) in a turn of its own, not all in the task the code lands in.
// Observed through the order of things, never through time: when a host first renders with its ledger open, the
// hosts after it have not opened theirs yet. (The ledger's code is not imported here: its arrival is the page's first.)
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LedgerController } from '../../../src/elements/shared/ledger-controller.js';
import { StartupController } from '../../../src/elements/shared/startup-controller.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';

const newStorageKey = storageKeysForgottenAfterEach();
let storageKey = '';

class LedgerHost extends LitElement {
  /** For each host's first render with its ledger open: which hosts of the page had their ledger open then. */
  static seen: boolean[][] = [];
  static hosts: LedgerHost[] = [];
  readonly startup = new StartupController(this, () => '');
  readonly ledger = new LedgerController(
    this,
    { storageKey: () => storageKey, budget: () => '', language: {} },
    this.startup,
  );
  #shownOpen = false;

  protected override scheduleUpdate() {
    return this.startup.schedule(() => super.scheduleUpdate());
  }

  protected override render() {
    return html`<p>${this.ledger.ledger ? 'open' : 'not yet'}</p>`;
  }

  protected override updated() {
    if (this.#shownOpen || !this.ledger.ledger) return;
    this.#shownOpen = true;
    LedgerHost.seen.push(LedgerHost.hosts.map((host) => host.ledger.ledger !== undefined));
  }
}
customElements.define('test-ledger-host', LedgerHost);

describe('LedgerController: the ledger arrives at each widget in a turn of its own', () => {
  it('each host opens its ledger and renders with it before the next host opens its own', async () => {
    storageKey = newStorageKey();
    const page = await fixture(html`
      <div>
        <test-ledger-host></test-ledger-host><test-ledger-host></test-ledger-host><test-ledger-host></test-ledger-host
        ><test-ledger-host></test-ledger-host>
      </div>
    `);
    LedgerHost.hosts = [...page.querySelectorAll<LedgerHost>('test-ledger-host')];
    for (const host of LedgerHost.hosts) await host.startup.settled;
    for (const host of LedgerHost.hosts) await host.updateComplete;

    expect(LedgerHost.seen).to.deep.equal([
      [true, false, false, false],
      [true, true, false, false],
      [true, true, true, false],
      [true, true, true, true],
    ]);
    for (const host of LedgerHost.hosts) expect(host.shadowRoot!.querySelector('p')!.textContent).to.equal('open');
  });
});

import { LitElement, html } from 'lit';
import { StartupController } from '../../src/elements/shared/startup-controller.js';

/**
 * A host of StartupController that gives it a template to rehearse (as `<userpays-image>` does), and records each
 * call of that template: whether the nodes it made reached the shadow root, and (`renderedBy`) which host made it.
 * `failFirst`: the first call throws.
 */
export class RehearsedHost extends LitElement {
  static calls: { connected: boolean }[] = [];
  static renderedBy: RehearsedHost[] = [];
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
    calls.push({ connected: false });
    RehearsedHost.renderedBy.push(this);
    if (RehearsedHost.failFirst && calls.length === 1) throw new Error('the first call fails');
    return html`<p data-call=${calls.length - 1}>shown</p>`;
  }

  protected override updated() {
    // Which calls made the nodes in the shadow root.
    for (const p of this.shadowRoot!.querySelectorAll('p'))
      RehearsedHost.calls[Number(p.dataset.call)].connected = true;
  }
}
customElements.define('test-rehearsed-host', RehearsedHost);

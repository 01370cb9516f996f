// Puter's SDK draws boxes of its own on the page (signing in again where a session ended mid-call with no fresh click,
// its usage limit, its email confirmation), each styled by an inline <style> in its shadow root, and its logo by style
// attributes. Under the demo's strict Content-Security-Policy they would come out unstyled: on a phone, plain English
// text and two grey buttons over the widget. The demo's policy lists those styles by their hashes, and nothing else
// inline; when an update of the SDK changes them, this says the hashes to list.
import { expect } from '@open-wc/testing';
import { closeDemo, forgetDemo, openDemo } from '../support/demo.js';
import { until } from '../support/wait.js';

/** How a Content-Security-Policy names `text` by its hash. */
async function hashSource(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

describe("the demo page: Puter's own boxes, styled under its strict policy", function () {
  this.timeout(20_000);
  afterEach(forgetDemo);

  it('the sign-in, usage-limit and email boxes are refused no style, and the sign-in box is drawn as Puter draws it', async () => {
    const view = await openDemo(390, 844);
    const policy = view.document.querySelector('meta[http-equiv=Content-Security-Policy]')!.getAttribute('content')!;
    const refused: string[] = [];
    view.document.addEventListener('securitypolicyviolation', (event) => {
      if (event.effectiveDirective.startsWith('style-src')) refused.push(event.effectiveDirective);
    });
    // The SDK the demo serves (demo/server.mjs, /vendor/puter.js), as the widget loads it on a first click.
    if (!view.customElements.get('puter-dialog')) {
      const script = view.document.createElement('script');
      script.src = '/vendor/puter.js';
      view.document.head.append(script);
    }
    await until(() => view.customElements.get('puter-dialog'), 5_000, "Puter's SDK");
    const missing: string[] = [];
    for (const name of ['puter-dialog', 'usage-limit-dialog', 'email-confirmation-dialog']) {
      expect(view.customElements.get(name), name).to.not.equal(undefined);
      const box = view.document.createElement(name);
      view.document.body.append(box);
      await new Promise((resolve) => view.requestAnimationFrame(resolve));
      const shadow = box.shadowRoot!;
      const inline = [
        ...[...shadow.querySelectorAll('style')].map((style) => style.textContent!),
        ...[...shadow.querySelectorAll('[style]')].map((styled) => styled.getAttribute('style')!),
      ];
      for (const text of inline) {
        const source = await hashSource(text);
        if (!policy.includes(source)) missing.push(`${name}: ${source}`);
      }
      if (name === 'puter-dialog')
        expect(view.getComputedStyle(shadow.querySelector('dialog')!).backgroundColor, 'styled').to.equal(
          'rgba(0, 0, 0, 0)',
        );
      box.remove();
    }
    expect(missing, "list these in demo/index.html's style-src").to.deep.equal([]);
    expect(refused).to.deep.equal([]);
    closeDemo();
  });
});

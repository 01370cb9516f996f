// On a page with a strict Content-Security-Policy (the demo's: no `blob:` in connect-src, as in all four examples)
// the gallery's Copy and Use as reference read the image the widget stored, never fetch() its own blob: URL, which
// that policy refuses.
// Holds: src/elements/image/gallery/panel/copy-image.ts
import { expect } from '@open-wc/testing';
import { demoWidget, forgetDemo, openDemo } from '../../../support/demo.js';
import { until } from '../../../support/wait.js';

describe('a page with a strict CSP: the gallery’s Copy and Use as reference', function () {
  this.timeout(30_000);
  afterEach(forgetDemo);

  it('copies the saved image and uses it as a reference, and the policy refuses nothing', async () => {
    const view = await openDemo(1280);
    const refused: string[] = [];
    view.document.addEventListener('securitypolicyviolation', (event) =>
      refused.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    const written: Blob[] = [];
    Object.defineProperty(view.navigator, 'clipboard', {
      value: {
        write: async (items: ClipboardItem[]) => {
          for (const item of items) written.push(await item.getType('image/png'));
        },
      },
    });
    const widget = await demoWidget(view, 'bfl');
    // The image's host answers this page (as it does through the relay), so the image is saved.
    widget.endpoint = `${view.location.origin}/sim/bfl/s/progress=moving;deliveryCors=1`;
    widget.prompt = 'a red fox in the snow';
    await widget.generate();
    const root = widget.shadowRoot!;
    const tool = (name: string) => root.querySelector<HTMLElement>(`[part~=result] [data-action=${name}]`);
    await until(() => tool('reference') && tool('copy'));
    const said = () => [...root.querySelectorAll('[role=status]')].map((node) => node.textContent).join(' ');

    tool('copy')!.click();
    await until(() => said().includes('Image copied.'));
    expect(written).to.have.length(1);
    expect(written[0].type).to.equal('image/png');
    expect(written[0].size).to.be.greaterThan(100);

    tool('reference')!.click();
    await until(() => said().includes('added as a reference'));
    await until(() => root.querySelectorAll('[part~=more] .thumbs img').length === 1);
    expect(root.querySelector<HTMLDetailsElement>('[part~=more]')!.open, 'More options show it').to.equal(true);
    expect(refused).to.deep.equal([]);
  });
});

// examples/plain-html: one script tag, the three elements, and the page's own listener in an external file,
// under a strict Content-Security-Policy.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { describeExample, generateThrough, part, typeInto, type Widget } from '../support/examples.js';
import { until } from '../support/wait.js';

describeExample('plain-html', (open, page) => {
  it('prices, generates with the key typed into the widget, and shows the result from its listener', async () => {
    const example = await open();
    const { doc } = example;
    const widget = doc.querySelector<Widget>('userpays-image')!;
    await until(() => part(widget, 'submit'), 10_000, 'the widget');

    // <userpays-cost>: a 2048×1024 FLUX.2 [pro] image is 2 MP: 3 + 1.5 credits.
    const cost = doc.querySelector('userpays-cost')!;
    await until(() => part(cost, 'cost')?.textContent?.includes('$0.045'), 10_000, 'the standalone price');

    // <userpays-tally> follows the widget's spending: this image, on top of whatever the tally held before it.
    const tally = doc.querySelector<Widget>('userpays-tally')!;
    await until(() => tally.tally, 10_000, 'the standalone tally, before');
    const before = { ...tally.tally! };
    await generateThrough(example, widget, (key) => {
      const field = part(widget, 'key') as HTMLInputElement;
      typeInto(field, key);
    });
    await until(() => tally.tally!.images === before.images + 1, 10_000, 'the standalone tally').catch((error) => {
      throw new Error(`${error.message} (before, now: ${JSON.stringify([before, tally.tally])})`);
    });
    expect(new Decimal(tally.tally!.spent).minus(before.spent).toString()).to.equal('0.014');
    expect(doc.querySelector('#result figcaption')!.textContent).to.contain('1024×1024');
    expect(example.violations, 'CSP violations').to.deep.equal([]);
    expect(example.errors).to.deep.equal([]);
  });

  it('loads no inline script: the policy allows none, and the page needs none', async () => {
    const html = await (await fetch(page)).text();
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const policy = parsed.querySelector('meta[http-equiv=Content-Security-Policy]')!.getAttribute('content')!;
    expect(policy).to.match(/script-src 'self';/);
    expect(policy).not.to.contain('unsafe');
    const scripts = [...parsed.querySelectorAll('script')];
    expect(scripts.every((script) => script.src && !script.textContent!.trim())).to.equal(true);
    expect(scripts.filter((script) => /dist\/userpays\.js$/.test(script.getAttribute('src')!))).to.have.length(1);
  });
});

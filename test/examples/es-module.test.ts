// examples/es-module: `import { quote } from 'userpays'` (the page's import map resolves it to dist/userpays.js),
// a price table from headless pricing, and the element it defines.
import { expect } from '@open-wc/testing';
import {
  decision,
  describeExample,
  generateThrough,
  itRunsUnderAStrictPolicy,
  part,
  typeInto,
  widgetOf,
} from '../support/examples.js';
import { until } from '../support/wait.js';

describeExample('es-module', (open, page) => {
  it('builds its price table with quote(), exact to the price book', async () => {
    const example = await open();
    await widgetOf(example);
    const rows = [...example.doc.querySelectorAll<HTMLTableRowElement>('#prices tbody tr')].map((row) =>
      [...row.cells].map((cell) => cell.textContent!.trim()),
    );
    // BFL FLUX.2: first MP + each extra MP (docs/prices.md); 1536×1024 is 2 MP, 2048×2048 is 4.
    expect(rows).to.deep.equal([
      ['flux-2-klein-4b', '$0.014', '$0.015', '$0.017'],
      ['flux-2-pro', '$0.03', '$0.045', '$0.075'],
      ['flux-2-max', '$0.07', '$0.10', '$0.16'],
    ]);
  });

  it('sets the widget to a price from the table, and the widget shows that same price', async () => {
    const example = await open();
    const widget = await widgetOf(example);
    const cell = [...example.doc.querySelectorAll<HTMLButtonElement>('#prices button')].find(
      (button) => button.closest('tr')!.cells[0].textContent === 'flux-2-pro' && button.textContent === '$0.045',
    )!;
    cell.click();
    await until(() => decision(widget).price === '$0.045', 10_000, 'the widget priced as the table');
    expect(widget).to.include({ model: 'flux-2-pro', width: 1536, height: 1024 });
  });

  it('generates with the element the module defined, and shows the result from its listener', async () => {
    const example = await open();
    const widget = await widgetOf(example);
    await generateThrough(example, widget, (key) => typeInto(part(widget, 'key') as HTMLInputElement, key));
    expect(example.doc.querySelector('#result figcaption')!.textContent).to.equal('Charged $0.014');
    expect(example.violations, 'CSP violations').to.deep.equal([]);
    expect(example.errors).to.deep.equal([]);
  });

  itRunsUnderAStrictPolicy(page);
});

// The widget as a place to decide what an image is worth: the request priced on every model and provider the
// page allows (`compare`, with prices in the model picker too), and what it means for the user's money
// (`projection`: 100 of these, per $1, what fits the budget, this month's pace from the ledger).
// Holds: src/elements/image/details/panel/details.ts
// Holds: src/elements/image/details/panel/index.ts
// Holds: src/elements/image/details/panel/details-feature.ts
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import { render } from 'lit';
import '../../../../src/define.js';
import { renderProjection } from '../../../../src/elements/image/details/panel/projection.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import { image } from '../../../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../../../support/storage.js';
import { expectWcag22 } from '../../../support/axe.js';
import { controlledClock } from '../../../support/clock.js';
import { imageWidget, modelChoices, openPriceDetails, part, words } from '../../../support/widget.js';

/**
 * A cell's words, but what a model is best for (compare-families.test.ts reads that) and its provider's name under it
 * where the controls are narrow (the provider's own cell says it).
 */
const cellWords = (cell: HTMLTableCellElement) =>
  [...cell.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !node.matches('.about')))
    .map((node) => node.textContent)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** Each offer's line of the comparison's table: its cells' words ("FLUX.2 [pro] | BFL | $0.03"). */
const offers = (el: UserPaysImage) =>
  [...part(el, 'compare')!.querySelectorAll('tbody tr')]
    .filter((row) => row.querySelector('button'))
    .map((row) => [...(row as HTMLTableRowElement).cells].map(cellWords).join(' | '));

describe('<userpays-image>: compare and projection', () => {
  const time = controlledClock('2026-11-20T12:00:00');
  const newStorageKey = storageKeysForgottenAfterEach();

  async function widget(attributes: { provider?: string; providers?: string; budget?: string; width?: number } = {}) {
    const storageKey = newStorageKey();
    const el = await imageWidget({
      provider: attributes.provider ?? 'bfl',
      providers: attributes.providers ?? '',
      budget: attributes.budget ?? '',
      width: attributes.width ?? 1024,
      height: attributes.width ?? 1024,
      locale: 'en-US',
      'storage-key': storageKey,
    });
    await openPriceDetails(el);
    await waitUntil(() => part(el, 'compare') && part(el, 'projection'), 'the price details load');
    return { el, ledger: new LedgerStore({ storageKey }) };
  }

  it('lists every model of the provider, cheapest first, marks the cheapest, and prices the model picker', async () => {
    const { el } = await widget();
    const rows = offers(el);
    expect(rows[0]).to.equal('FLUX.2 [klein] 4B cheapest | BFL | $0.014');
    expect(rows[1]).to.equal('FLUX.2 [klein] 9B | BFL | $0.015');
    expect(rows.filter((row) => row.includes('cheapest'))).to.have.length(1);
    // Those that can make the request; FLUX.1 Fill [pro] wants the user's image first, and comes after them.
    const totals = rows
      .filter((row) => !row.startsWith('FLUX.1 Fill'))
      .map((row) => Number(row.match(/\$([\d.]+)/)?.[1]));
    expect(totals).to.deep.equal([...totals].sort((a, b) => a - b));
    // Whom the cheapest pays, named (the same model costs $0.001 at Puter and $0.014 at BFL).
    expect(words(part(el, 'compare')!.querySelector('summary'))).to.equal(
      'Compare prices · cheapest: FLUX.2 [klein] 4B at BFL, $0.014',
    );
    // The picker's rows: each model with its price for this request.
    const choices = (await modelChoices(el)).map(({ name, price }) => `${name} — ${price}`);
    expect(choices).to.include('FLUX.2 [klein] 4B — $0.014');
    expect(choices).to.include('FLUX.2 [pro] — $0.03');
    await expect(el).to.be.accessible();
  });

  // At 280 px each offer would take about four lines (its name, what it is for, its provider, each its own). At 390 px
  // too, its provider's own column would leave the model's name some 120 px, in two lines.
  for (const width of [366, 280])
    it(`where the controls are narrow (${width} px), the provider shares a line with what the model is for`, async () => {
      const { el } = await widget();
      const row = part(el, 'compare')!.querySelector<HTMLTableRowElement>('tbody tr')!;
      const about = row.querySelector<HTMLElement>('.about')!;
      expect(getComputedStyle(about.querySelector('.via')!).display, 'wide: its own column').to.equal('none');
      el.style.width = `${width}px`;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(getComputedStyle(row.cells[1]).display, 'narrow: no column of its own').to.equal('none');
      expect(getComputedStyle(about.querySelector('.via')!, '::after').content).to.equal('" · "');
      const [via, best] = [about.querySelector('.via')!, about.querySelector('.best')!];
      expect([words(via), words(best)]).to.deep.equal(['BFL', 'Fast, high volume']);
      expect(via.getClientRects()[0].top, 'one line').to.equal(best.getClientRects()[0].top);
    });

  // At 1280 px the seventy offers would take two or three lines each in the controls' column, beside an empty canvas:
  // open, the details come over the canvas too, three fifths of the widget wide, and the controls keep their width.
  it('side by side, the open details are three fifths wide over the canvas, and an offer that fits is one line', async () => {
    const { el } = await widget();
    const root = el.shadowRoot!;
    const width = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().width;
    el.style.width = '1190px'; // a 1280 px page's
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // The controls as side by side they are: 45 % of a page-wide widget (its models in one line each).
    expect(width('form'), 'the controls keep their width').to.be.closeTo(Math.max(420, 1190 * 0.45), 2);
    expect(width('.details-body'), 'the details: three fifths, less the card’s edge').to.be.closeTo(1190 * 0.6 - 36, 2);
    const row = part(el, 'compare')!.querySelector<HTMLTableRowElement>('tbody tr')!;
    const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect();
    expect(box('.about').top, 'what the model is best for, beside its name').to.be.below(box('button').bottom);
    root.querySelector<HTMLDetailsElement>('details.details')!.open = false;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(width('form'), 'closed: the controls as they were').to.be.closeTo(Math.max(420, 1190 * 0.45), 2);
  });

  it('each offer button is named by the words it shows (WCAG 2.5.3), open and in WCAG 2.2 AA', async () => {
    const { el } = await widget({ providers: 'fal' });
    const compare = part(el, 'compare') as HTMLDetailsElement;
    compare.open = true;
    const buttons = [...compare.querySelectorAll('button')];
    expect(buttons.length).to.be.greaterThan(4);
    const names: string[] = [];
    for (const button of buttons) {
      // The visible text begins the name, the provider's after it: no aria-label that says it another way.
      expect(button.hasAttribute('aria-label'), button.textContent!).to.equal(false);
      const name = button
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())
        .join(' ');
      expect(name.startsWith(button.textContent!.trim()), name).to.equal(true);
      names.push(name);
      // Its price (or why it cannot make the request) is its description.
      const description = button
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim());
      expect(description.join(' '), button.textContent!).to.match(/\$[\d.]+|\d/);
    }
    expect(new Set(names).size, 'one name for each offer').to.equal(names.length);
    await expectWcag22(el, [compare]);
    // No text under 12 px, the badge included.
    const small = [compare, part(el, 'projection')!]
      .flatMap((root) => [root, ...root.querySelectorAll('*')])
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((e) => [e.textContent!.trim().slice(0, 20), parseFloat(getComputedStyle(e).fontSize)] as const)
      .filter(([, px]) => px < 12);
    expect(small).to.deep.equal([]);
  });

  it('switches to the offer chosen, and re-prices everything', async () => {
    const { el } = await widget();
    part(el, 'compare')!.querySelector<HTMLButtonElement>('[data-model="flux-2-pro"] button')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-2-pro');
    expect(el.quote!.total).to.equal('0.03');
    expect(part(el, 'compare')!.querySelector('[aria-pressed=true]')!.closest('tr')!.dataset.model).to.equal(
      'flux-2-pro',
    );
  });

  it('a click anywhere on an offer’s line switches to it, its button the one keyboard stop', async () => {
    const { el } = await widget();
    const line = part(el, 'compare')!.querySelector<HTMLTableRowElement>('tr[data-model="flux-2-max"]')!;
    expect(getComputedStyle(line).cursor, 'a pointer over the whole line').to.equal('pointer');
    expect(line.querySelectorAll('button, [tabindex]').length, 'one stop').to.equal(1);
    line.querySelector<HTMLElement>('.price')!.click(); // the price, not the model's name
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['bfl', 'flux-2-max']);
    // A line whose offer cannot make the request switches to nothing.
    el.width = el.height = 2048; // FLUX1.1 [pro] stops at 1440 pixels a side
    await el.updateComplete;
    const unable = part(el, 'compare')!.querySelector<HTMLTableRowElement>('tr[data-model="flux-pro-1.1"]')!;
    expect(getComputedStyle(unable).cursor).not.to.equal('pointer');
    unable.querySelector<HTMLElement>('.provider')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-2-max');
  });

  it('lists models that cannot make the request last, disabled, with the reason on their one line', async () => {
    const { el } = await widget({ width: 2048 }); // FLUX1.1 [pro] stops at 1440 pixels a side
    const row = part(el, 'compare')!.querySelector<HTMLButtonElement>('[data-model="flux-pro-1.1"] button')!;
    expect(row.disabled).to.equal(true);
    const why = el.shadowRoot!.getElementById(row.getAttribute('aria-describedby')!)!;
    expect(why.textContent, 'the reason').to.match(/1440/);
    expect(why.closest('tr'), 'on its line, under the model’s name').to.equal(row.closest('tr'));
    expect(part(el, 'compare')!.querySelectorAll('tbody tr:not([data-model])'), 'no line of its own').to.have.length(0);
    const buttons = [...part(el, 'compare')!.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.findIndex((b) => b.disabled)).to.be.greaterThan(buttons.filter((b) => !b.disabled).length - 1);
  });

  it('prices a model that only wants the user’s image, and choosing it leads to that next step', async () => {
    const { el } = await widget();
    // FLUX.1 Fill [pro]: BFL's $0.05 an image, whatever the image; listed after those that can make the request.
    const fill = part(el, 'compare')!.querySelector<HTMLTableRowElement>('tr[data-model="flux-pro-1.0-fill"]')!;
    expect(offers(el).at(-1)).to.equal('FLUX.1 Fill [pro] | BFL | $0.05');
    const button = fill.querySelector('button')!;
    expect(button.disabled).to.equal(false);
    const description = button
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim());
    expect(description).to.deep.equal(['Edits your image: add it next', '$0.05']);
    expect(getComputedStyle(fill).cursor).to.equal('pointer');
    fill.querySelector<HTMLElement>('.price')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-pro-1.0-fill');
    expect(el.shadowRoot!.querySelector('#reason')!.textContent).to.contain('Choose the image');
  });

  it('compares across the providers the page allows, and switches provider with the offer', async () => {
    const { el } = await widget({ providers: 'fal' });
    const rows = offers(el);
    expect(rows.some((row) => row.includes('| fal |'))).to.equal(true);
    expect(rows.some((row) => row.includes('| BFL |'))).to.equal(true);
    expect(words(part(el, 'compare')!.querySelector('summary'))).to.match(/cheapest: .+ at (fal|BFL), \$/);
    part(el, 'compare')!
      .querySelector<HTMLButtonElement>('[data-provider="fal"][data-model="flux-2-pro"] button')!
      .click();
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['fal', 'flux-2-pro']);
    expect(el.shadowRoot!.querySelector('label[for=key]')!.textContent).to.contain('fal');
  });

  it('lists the offers of the account systems a user signs in to (OpenRouter, Hugging Face) beside Puter’s and BFL’s', async () => {
    const { el } = await widget({ providers: 'puter openrouter huggingface' });
    const rows = offers(el);
    // FLUX.2 [klein] 4B at 1024², from each: BFL $0.014, OpenRouter $0.014 (its first megapixel), fal's $0.005
    // through Hugging Face; Puter's from its catalogue.
    for (const [provider, price] of [
      ['BFL', '$0.014'],
      ['OpenRouter', '$0.014'],
      ['Hugging Face', '$0.005'],
    ]) {
      expect(rows, provider).to.include(`FLUX.2 [klein] 4B | ${provider} | ${price}`);
    }
    expect(
      rows.some((row) => row.includes('| Puter |')),
      'Puter',
    ).to.equal(true);
    part(el, 'compare')!
      .querySelector<HTMLButtonElement>('[data-provider="openrouter"][data-model="flux-2-pro"] button')!
      .click();
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['openrouter', 'flux-2-pro']);
  });

  it('projects 100 like this, per $1 and what fits the budget left', async () => {
    const { el } = await widget({ budget: '1.00' });
    // "images" where the widget says the count (1), else "submissions": never "100 of these".
    expect(part(el, 'projection')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(
      /^100 (images|submissions) like this: \$1\.40 · 71 per \$1 · 71 more before your budget runs out$/,
    );
  });

  it('at count 2, says what 100 are: submissions like this, not "100 of these"', async () => {
    const storageKey = newStorageKey();
    const el = await imageWidget({
      provider: 'bfl',
      count: 2,
      budget: '1.00',
      locale: 'en-US',
      'storage-key': storageKey,
    });
    await openPriceDetails(el);
    await waitUntil(() => part(el, 'projection'), 'the projection');
    const says = part(el, 'projection')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(says).to.match(/^100 submissions like this( \(200 images\))?: \$2\.80 · 35 per \$1/);
    expect(says).not.to.contain('of these');
  });

  it("projects this month's pace from the ledger, not from one image, and follows new spending", async () => {
    time.set('2026-11-02T10:00:00'); // the session starts on the 2nd
    const { el, ledger } = await widget();
    expect(part(el, 'projection')!.textContent).not.to.contain('this month');
    ledger.settle(ledger.open({ ...image, quoted: '0.3' }).id, { charged: '0.3' });
    time.set('2026-11-20T12:00:00');
    el.requestUpdate();
    await el.updateComplete;
    // One image (on one day) is no pace: "this month comes to about $0.45" would be made up from a single click.
    expect(part(el, 'projection')!.textContent).not.to.contain('this month');
    ledger.settle(ledger.open({ ...image, quoted: '0.3' }).id, { charged: '0.3' });
    await el.updateComplete;
    // $0.60 over the 20 days gone of a 30-day month, $0.90: to two significant figures, at least cents.
    await waitUntil(() => part(el, 'projection')!.textContent!.includes('$0.90'), 'the pace follows the ledger');
    expect(part(el, 'projection')!.textContent).to.contain('At your pace, this month comes to about $0.90.');
  });
});

describe('renderProjection: what 100 are, said so that nobody has to guess', () => {
  const today = Date.parse('2026-11-20T00:00:00Z') / 864e5;
  const says = (count: number | undefined, remaining?: string) => {
    const host = document.createElement('div');
    render(
      renderProjection({
        total: (0.014 * (count ?? 1)).toFixed(3),
        count,
        remaining,
        byDay: new Map(),
        today,
        locale: 'en-US',
      }),
      host,
    );
    return host.textContent!.replace(/\s+/g, ' ').trim();
  };

  it('one image a submission: in images', () => {
    expect(says(1, '1')).to.equal('100 images like this: $1.40 · 71 per $1 · 71 more before your budget runs out');
  });

  it('several: in submissions, with their images counted', () => {
    expect(says(2, '1')).to.equal(
      '100 submissions like this (200 images): $2.80 · 35 per $1 (70 images) · 35 more (70 images) before your budget runs out',
    );
    expect(says(4)).to.equal('100 submissions like this (400 images): $5.60 · 17 per $1 (68 images)');
  });

  // GPT Image 2.6 at high quality: about $0.211, at most $0.482 (no source states its image's tokens).
  const bound = (count: number, remaining?: string) => {
    const host = document.createElement('div');
    render(
      renderProjection({
        total: '0.210795',
        most: '0.481725',
        count,
        remaining,
        byDay: new Map(),
        today,
        locale: 'en-US',
      }),
      host,
    );
    return host.textContent!.replace(/\s+/g, ' ').trim();
  };

  it('a price that is a bound: each figure at what is expected and at the most, never the bound alone', () => {
    expect(bound(1, '1')).to.equal(
      '100 images like this: about $21.08, at most $48.18 · about 4 per $1, at least 2 · about 3 more before your budget runs out, at least 2',
    );
    expect(bound(2)).to.equal(
      '100 submissions like this (200 images): about $21.08, at most $48.18 · about 4 per $1 (8 images), at least 2 (4 images)',
    );
  });

  it('the count not given: in submissions', () => {
    expect(says(undefined, '1')).to.equal(
      '100 submissions like this: $1.40 · 71 per $1 · 71 more before your budget runs out',
    );
  });
});

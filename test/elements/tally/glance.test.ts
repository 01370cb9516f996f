// <userpays-tally> as a new user reads it: the pending list, figures that add up to the budget, the
// chart's axis, the meter's words, the buttons, one budget for the page, overspend, dark pages, rounded money,
// and a narrow column.
// Holds: src/elements/tally/panels/tally-template.ts
// Holds: src/elements/tally/panels/styles.ts
import { expect, fixture, html } from '@open-wc/testing';
import Decimal from 'decimal.js';
import '../../../src/define.js';
import type { UserPaysTally } from '../../../src/elements/tally/userpays-tally.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { image } from '../../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { controlledClock } from '../../support/clock.js';
import { imageWidget, part, words } from '../../support/widget.js';
import { until } from '../../support/wait.js';

/** The amounts of the `title`s in `node`, in order, as decimals ("$0.126" → "0.126"; "$1,234.50" → "1234.5"). */
const exact = (node: HTMLElement) =>
  [...node.querySelectorAll<HTMLElement>('[title]')].map((e) => new Decimal(e.title.replace(/[$,]/g, '')).toFixed());

/** WCAG relative luminance and contrast, of computed `rgb()` colours. */
function rgb(color: string): number[] {
  const channels = color.match(/[\d.]+/g)!.map(Number);
  expect(color, 'a computed colour').to.match(/^rgba?\(/);
  return channels;
}
function luminance(color: string) {
  const [r, g, b] = rgb(color).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** The colour painted behind `element`: its own background, else the nearest ancestor's (across the shadow root). */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null)) {
    const color = getComputedStyle(at).backgroundColor;
    if (rgb(color)[3] !== 0) return color;
  }
  return 'rgb(255, 255, 255)';
}
/** Every element of the shadow root that shows text, with its colour against what is painted behind it. */
function contrasts(el: HTMLElement) {
  return [...el.shadowRoot!.querySelectorAll('*')]
    .filter((e) => e.checkVisibility() && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
    .map((e) => {
      const [a, b] = [luminance(getComputedStyle(e).color), luminance(backgroundOf(e))];
      return { text: words(e).slice(0, 30), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
}

describe('<userpays-tally> at a glance', () => {
  const time = controlledClock();
  const newStorageKey = storageKeysForgottenAfterEach();
  afterEach(() => {
    document.body.style.background = '';
  });

  async function tally(budget = '') {
    const storageKey = newStorageKey();
    const ledger = new LedgerStore({ storageKey });
    ledger.budget = budget;
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} locale="en-US"></userpays-tally>`,
    );
    return { el, ledger, storageKey };
  }
  const spend = (ledger: LedgerStore, usd: string, model = 'flux-2-pro') =>
    ledger.settle(ledger.open({ ...image, model, quoted: usd }).id, { charged: usd });
  /** Spent 0.25, one image generating (0.03), one that may have been charged (0.03). */
  async function busy(el: UserPaysTally, ledger: LedgerStore) {
    spend(ledger, '0.25');
    const pending = ledger.open({ ...image, quoted: '0.03' });
    ledger.settle(ledger.open({ ...image, model: 'flux-2-max', quoted: '0.03' }).id, { uncertain: '0.03' });
    await el.updateComplete;
    return pending;
  }

  it('lists what is generating now under a heading that says what it holds of the budget', async () => {
    const { el, ledger } = await tally('1');
    ledger.open({ ...image, quoted: '0.03' });
    time.advance(90_000);
    ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014' });
    await el.updateComplete;
    const pending = part(el, 'pending')!;
    const list = pending.querySelector('ul')!;
    const heading = el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)!;
    expect(pending.contains(heading)).to.equal(true);
    expect(words(heading)).to.equal('Generating now: $0.044 held until done');
    // The clock says noon: they started at 12:00 and 12:01 (a minute and a half later), today.
    expect([...list.children].map(words)).to.deep.equal([
      'FLUX.2 [pro], started today, 12:00 PM: $0.03',
      'FLUX.2 [klein] 4B, started today, 12:01 PM: $0.014',
    ]);
    await expect(el).to.be.accessible();
  });

  it('spent, held, may have been charged and left add up to the budget, exactly', async () => {
    const { el, ledger } = await tally('1');
    await busy(el, ledger);
    const summary = part(el, 'tally')!;
    expect(words(summary)).to.equal(
      'Spent $0.25 on 1 image · $0.03 held · $0.03 more may have been charged · $0.69 of $1.00 budget left',
    );
    const [spent, held, uncertain, left, budget] = exact(summary);
    expect(budget).to.equal(el.tally!.budget);
    expect(new Decimal(spent).plus(held).plus(uncertain).plus(left).eq(budget)).to.equal(true);
    expect(left).to.equal(el.tally!.remaining);
  });

  it('charts the 30 days with an axis (first day … Today, the biggest day), hidden when nothing was spent', async () => {
    time.advance(-40 * 864e5);
    const { el, ledger } = await tally();
    spend(ledger, '3'); // 40 days ago: outside the chart
    time.advance(40 * 864e5);
    el.requestUpdate();
    await el.updateComplete;
    expect(words(part(el, 'tally')!)).to.contain('Spent $3.00');
    expect(part(el, 'chart') === null).to.equal(true);
    spend(ledger, '0.0421053');
    time.advance(-3 * 864e5);
    spend(ledger, '0.1');
    time.advance(3 * 864e5);
    await el.updateComplete;
    const chart = part(el, 'chart')!;
    expect(words(chart.querySelector('[title]')!)).to.equal('$0.10'); // the biggest day
    expect(exact(chart)).to.deep.equal(['0.1']);
    // The axis: the first day, what it spans, today (the clock says 2026-03-10).
    const axis = [...chart.querySelector('.x')!.childNodes].filter((node) => node.nodeType !== Node.COMMENT_NODE);
    expect(axis.map(words)).to.deep.equal(['Feb 9', 'Last 30 days', 'Today']);
    const svg = chart.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).to.equal('Spent per day: 2026-03-07 $0.10, 2026-03-10 $0.0421');
    // The y label sits over the top left of the plot, the dates under its two ends.
    const [max, from, today] = [chart.querySelector('[title]')!, ...chart.querySelectorAll('.x span')].map((e) =>
      e.getBoundingClientRect(),
    );
    const plot = svg.getBoundingClientRect();
    expect(max.left).to.be.closeTo(plot.left, 1);
    expect(max.bottom).to.be.closeTo(plot.top, 4);
    expect(from.left).to.be.closeTo(plot.left, 1);
    expect(today.right).to.be.closeTo(plot.right, 1);
    expect(from.top).to.be.at.least(plot.bottom - 1);
  });

  it('the meter says in words how much of the budget is used, and is named by them', async () => {
    const { el, ledger } = await tally('0.75');
    spend(ledger, '0.25');
    ledger.open({ ...image, quoted: '0.05' });
    await el.updateComplete;
    const meter = part(el, 'budget')!.querySelector('meter')!;
    expect(meter.value).to.equal(0.4);
    expect(meter.min).to.equal(0);
    expect(meter.max).to.equal(1);
    expect(meter.labels).to.have.length(1);
    expect(words(meter.labels[0])).to.equal('40 % of budget used');
    expect(meter.labels[0].checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('styles every button with the theme: outlined in the accent, Reset in the danger colour', async () => {
    const { el, ledger } = await tally('1');
    await busy(el, ledger);
    const details = part(el, 'reset') as HTMLDetailsElement;
    details.open = true;
    const probe = document.createElement('span');
    probe.style.color = 'var(--_accent)';
    el.shadowRoot!.append(probe);
    const accent = getComputedStyle(probe).color;
    probe.style.color = 'var(--_danger)';
    const danger = getComputedStyle(probe).color;
    probe.style.borderRadius = 'var(--_radius)'; // the theme's corner radius (--userpays-radius, 10px by default)
    const radius = getComputedStyle(probe).borderTopLeftRadius;
    probe.remove();
    expect(radius).to.equal('10px');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, summary')];
    expect(buttons.length).to.equal(8); // charged, not, CSV, JSON, Reconcile, Reset…, Reset, Keep
    for (const button of buttons) {
      const style = getComputedStyle(button);
      expect(style.borderTopLeftRadius, button.textContent!).to.equal(radius);
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.fontFamily).to.equal(getComputedStyle(el).fontFamily);
      if (button.getAttribute('value') === 'reset') {
        expect(style.backgroundColor).to.equal(danger);
        expect(style.color).to.equal(getComputedStyle(el).backgroundColor); // the surface's colour on the danger
      } else {
        expect([style.color, style.borderTopColor], button.textContent!).to.deep.equal([accent, accent]);
      }
    }
  });

  for (const [own, site, left, says] of [
    ['2.00', '1', '$0.72', 'Your budget of $2.00 is above this site’s limit of $1.00, which applies.'],
    ['0.50', '0.5', '$0.22', 'Your budget applies.'],
  ]) {
    it(`one budget on the page: a widget's 1.00 and the user's ${own} show the same left figure, and say whose it is`, async () => {
      const { el, ledger, storageKey } = await tally(own);
      spend(ledger, '0.25');
      ledger.open({ ...image, quoted: '0.03' });
      const widget = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, budget: '1.00' });
      await el.updateComplete;
      expect(el.tally).to.deep.include({ budget: site });
      expect(widget.tally).to.deep.equal(el.tally);
      const leftOf = (host: HTMLElement) =>
        words(part(host, 'tally')!)
          .match(/(\S+) of (\S+) budget left/)!
          .slice(1);
      expect(leftOf(el)).to.deep.equal([left, `$${(+site).toFixed(2)}`]);
      expect(leftOf(widget)).to.deep.equal(leftOf(el));
      expect(exact(part(widget, 'tally')!)).to.deep.equal(exact(part(el, 'tally')!));
      expect(words(part(el, 'budget')!)).to.contain(says);
      expect(part(el, 'budget')!.querySelector('input')!.value).to.equal(String(+own));
      widget.remove();
    });
  }

  it('past the budget: "$0.12 over budget" in the danger colour, never "$0.00 left"', async () => {
    const { el, ledger } = await tally();
    spend(ledger, '0.5');
    spend(ledger, '0.12');
    ledger.budget = '0.50';
    await el.updateComplete;
    const summary = part(el, 'tally')!;
    expect(words(summary)).to.equal('Spent $0.62 on 2 images · $0.12 over budget');
    const over = summary.querySelector('.error')!;
    expect(words(over)).to.equal('· $0.12 over budget');
    const probe = document.createElement('span');
    probe.style.color = 'var(--_danger)';
    el.shadowRoot!.append(probe);
    expect(getComputedStyle(over).color).to.equal(getComputedStyle(probe).color);
    probe.remove();
    expect(words(part(el, 'budget')!)).to.contain('124 % of budget used: over budget');
  });

  for (const scheme of ['light', 'dark'])
    for (const [page, background] of [
      ['dark', '#000'],
      ['light', '#fff'],
    ])
      for (const state of ['idle', 'busy'])
        it(`${scheme} scheme on a ${page} page, ${state}: every text ≥ 4.5:1 on the surface the tally paints; axe passes`, async () => {
          document.body.style.background = background;
          const { el, ledger } = await tally('1');
          if (scheme === 'dark') el.style.colorScheme = 'dark';
          if (state === 'busy') {
            await busy(el, ledger);
            (part(el, 'reset') as HTMLDetailsElement).open = true;
          }
          await el.updateComplete;
          // The tally paints its own surface, opaque, of its scheme: its text never depends on the page's.
          const surface = rgb(getComputedStyle(el).backgroundColor);
          expect(surface[3] ?? 1).to.equal(1);
          expect(luminance(getComputedStyle(el).backgroundColor) < 0.1).to.equal(scheme === 'dark');
          const pairs = contrasts(el);
          expect(pairs.length).to.be.greaterThan(state === 'busy' ? 15 : 5);
          expect(pairs.filter((pair) => pair.ratio < 4.5)).to.deep.equal([]);
          await expect(el).to.be.accessible();
        });

  it('rounds money for reading (cents from $1, 3 significant digits below), to the millionth in the title (as prices are), every digit in the exports', async () => {
    const { el, ledger } = await tally();
    spend(ledger, '0.126');
    spend(ledger, '0.0421053', 'flux-2-klein-4b');
    await el.updateComplete;
    const summary = part(el, 'tally')!;
    expect(words(summary)).to.equal('Spent $0.168 on 2 images');
    // Money, formatted as every price is (formatUsd), never a raw "0.1681053 USD".
    expect(summary.querySelector('[title]')!.getAttribute('title')).to.equal('$0.168105');
    const models = part(el, 'models')!;
    expect([...models.querySelectorAll('li')].map(words)).to.deep.equal([
      'FLUX.2 [pro]: $0.126 on 1 image',
      'FLUX.2 [klein] 4B: $0.0421 on 1 image',
    ]);
    expect([...models.querySelectorAll('[title]')].map((e) => e.getAttribute('title'))).to.deep.equal([
      '$0.126',
      '$0.042105',
    ]);
    // The exports keep every digit.
    const files: string[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      files.push(this.href);
    };
    try {
      part(el, 'export')!
        .querySelectorAll('button')
        .forEach((button) => button.click());
      await until(() => files.length === 2); // the history file is made once its images (none asked for) are read
    } finally {
      HTMLAnchorElement.prototype.click = realClick;
    }
    const [csv, json] = await Promise.all(files.map(async (href) => (await fetch(href)).text()));
    expect(csv).to.contain(',0.126,0.126,').and.contain(',0.0421053,0.0421053,');
    expect(JSON.parse(json).tally.spent).to.equal('0.1681053');
  });

  it('reflows into 280 px: nothing wider than the element', async () => {
    const { el, ledger } = await tally('1');
    // A model from the page's own price book may have a long name with nowhere to break it.
    spend(ledger, '0.02', 'acme_custom_flux_finetune_portraits_v2_highres');
    await busy(el, ledger);
    (part(el, 'reset') as HTMLDetailsElement).open = true;
    el.style.width = '280px';
    await el.updateComplete;
    const right = el.getBoundingClientRect().right;
    const wide = [el, ...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter(
      (e) => e.scrollWidth > e.clientWidth && e.clientWidth > 0,
    );
    expect(wide.map((e) => e.localName)).to.deep.equal([]);
    const outside = [...el.shadowRoot!.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > right + 0.5,
    );
    expect(outside.map((e) => `${e.localName} ${words(e).slice(0, 30)}`)).to.deep.equal([]);
  });
});

// <userpays-tally> as a new user reads it: when the session started, in words a person writes; a meter
// that says when the budget is nearly used, used up or passed; and a task no page runs any more shown as what it is.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import Decimal from 'decimal.js';
import '../../../src/define.js';
import type { UserPaysTally } from '../../../src/elements/tally/userpays-tally.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { image, leftBehind } from '../../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { until } from '../../support/wait.js';
import { controlledClock } from '../../support/clock.js';
import { uniqueStorageKey } from '../../support/sim.js';
import { part, themeColour, words } from '../../support/widget.js';

/** The line that says when the session started. */
const sinceLine = (el: UserPaysTally) =>
  [...el.shadowRoot!.querySelectorAll('p')].map(words).find((line) => line.startsWith('Since'));

describe('<userpays-tally> in plain words', () => {
  const time = controlledClock('2026-11-23T07:37:47');
  const storageKeys = storageKeysForgottenAfterEach();

  async function tally(budget = '', locale = 'en-US', storageKey = uniqueStorageKey()) {
    storageKeys.forget(storageKey);
    const ledger = new LedgerStore({ storageKey });
    ledger.budget = budget;
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} locale=${locale}></userpays-tally>`,
    );
    await until(() => part(el, 'export'), 5000); // the detail, with the panels
    return { el, ledger, storageKey };
  }
  const spend = (ledger: LedgerStore, usd: string) =>
    ledger.settle(ledger.open({ ...image, quoted: usd }).id, { charged: usd });

  describe('when the session started', () => {
    it('today: "Since today, 7:37 AM", no seconds, no raw timestamp', async () => {
      const { el } = await tally();
      expect(sinceLine(el)).to.equal('Since today, 7:37 AM');
    });

    it('yesterday, earlier this year, another year: a day as a person writes it', async () => {
      const { el, ledger } = await tally();
      for (const [start, says] of [
        ['2026-11-22T21:05:00', 'Since yesterday, 9:05 PM'],
        ['2026-11-02T10:00:00', 'Since Nov 2'],
        ['2025-12-30T10:00:00', 'Since Dec 30, 2025'],
      ]) {
        time.set(start);
        ledger.reset();
        time.set('2026-11-23T07:37:47');
        el.requestUpdate();
        await el.updateComplete;
        expect(sinceLine(el), start).to.equal(says);
      }
    });

    it("in the element's locale", async () => {
      const { el, ledger } = await tally('', 'de-DE');
      expect(sinceLine(el)).to.equal('Since today, 7:37');
      time.set('2026-11-02T10:00:00');
      ledger.reset();
      time.set('2026-11-23T07:37:47');
      el.requestUpdate();
      await el.updateComplete;
      expect(sinceLine(el)).to.equal('Since 2. Nov.');
    });

    it('what is generating and what may have been charged say when, the same way', async () => {
      const { el, ledger } = await tally();
      ledger.open({ ...image, quoted: '0.03' });
      time.set('2026-11-22T18:10:00');
      const lost = ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' });
      ledger.markSent(lost.id);
      ledger.settle(lost.id, { uncertain: '0.07' });
      time.set('2026-11-23T07:37:47');
      el.requestUpdate();
      await el.updateComplete;
      expect(words(part(el, 'pending')!.querySelector('li')!)).to.equal('FLUX.2 [pro], started today, 7:37 AM: $0.03');
      expect(words(part(el, 'uncertain')!.querySelector('li')!)).to.match(
        /^FLUX\.2 \[max\], sent yesterday, 6:10 PM: \$0\.07 may have been charged/,
      );
    });
  });

  describe('the budget meter', () => {
    /** The meter's region as the HTML standard defines it (optimum below low): what its colour shows. */
    function region(meter: HTMLMeterElement) {
      expect(meter.optimum).to.be.below(meter.low);
      if (meter.value <= meter.low) return 'optimum';
      return meter.value <= meter.high ? 'suboptimum' : 'even-less-good';
    }
    /** The background each of the meter's regions is painted with, as the element's styles say. */
    function regionColours(el: UserPaysTally) {
      const rules = el
        .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
        .filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule);
      const background = (pseudo: string) =>
        rules.find((rule) => rule.selectorText.endsWith(`::-webkit-meter-${pseudo}-value`))?.style.background;
      return {
        optimum: background('optimum'),
        suboptimum: background('suboptimum'),
        danger: background('even-less-good'),
      };
    }

    for (const [spent, used, says, state] of [
      ['0.5', 0.5, '50 % of budget used', 'optimum'],
      ['0.89', 0.89, '89 % of budget used', 'optimum'],
      ['0.9', 0.9, '90 % of budget used: close to the limit', 'suboptimum'],
      ['0.999', 0.99, '99 % of budget used: close to the limit', 'suboptimum'],
      ['1', 1, '100 % of budget used: the budget is reached', 'even-less-good'],
      ['1.25', 1, '125 % of budget used: over budget', 'even-less-good'],
    ] as const) {
      it(`spent ${spent} of 1: "${says}", the meter in its ${state} region`, async () => {
        const { el, ledger } = await tally('1');
        spend(ledger, spent);
        await el.updateComplete;
        const meter = part(el, 'budget')!.querySelector('meter')!;
        expect(meter.value).to.equal(used);
        expect(words(meter.labels[0])).to.equal(says);
        expect(region(meter)).to.equal(state);
        // Words in the danger colour once the budget is reached; the theme's text colour before.
        const danger = state === 'even-less-good';
        expect(getComputedStyle(meter.labels[0]).color).to.equal(themeColour(el, danger ? '--_danger' : '--_text'));
      });
    }

    it('counts what is held and what may have been charged: at the budget, it says so', async () => {
      const { el, ledger } = await tally('0.1');
      spend(ledger, '0.04');
      ledger.open({ ...image, quoted: '0.03' });
      ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { uncertain: '0.03' });
      await el.updateComplete;
      const meter = part(el, 'budget')!.querySelector('meter')!;
      expect(words(meter.labels[0])).to.equal('100 % of budget used: the budget is reached');
      expect(region(meter)).to.equal('even-less-good');
    });

    for (const scheme of ['light', 'dark'] as const)
      it(`${scheme}: the regions are the accent, a warning colour and the danger colour, each ≥ 3:1 on the surface`, async () => {
        await emulateMedia({ colorScheme: scheme });
        try {
          const { el } = await tally('1');
          const colours = regionColours(el);
          expect(colours).to.deep.equal({
            optimum: 'var(--_accent)',
            suboptimum: 'var(--_warning)',
            danger: 'var(--_danger)',
          });
          const surface = getComputedStyle(el).backgroundColor;
          for (const name of ['--_accent', '--_warning', '--_danger']) {
            expect(contrast(themeColour(el, name), surface), `${name} in ${scheme}`).to.be.at.least(3);
          }
          expect(themeColour(el, '--_warning')).not.to.equal(themeColour(el, '--_danger'));
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      });
  });

  describe('a task no page runs any more', () => {
    it('is not "generating now": it says what happens to it next, and its amount stays held', async () => {
      const storageKey = uniqueStorageKey();
      const [accepted, sent, unsent] = leftBehind(storageKey, (ledger) => {
        const paid = ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014' });
        ledger.markSent(paid.id);
        ledger.attachTask(paid.id, { provider: 'bfl', id: 'task-1' }, { usd: '0.014', credits: '1.4' });
        ledger.markSent(ledger.open({ ...image, quoted: '0.03' }).id);
        ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' });
      });
      const { el, ledger } = await tally('1', 'en-US', storageKey);
      const live = ledger.open({ ...image, quoted: '0.045' }); // this page runs it
      await el.updateComplete;
      await until(() => part(el, 'pending')?.textContent!.includes('closed'), 5000);
      const pending = part(el, 'pending')!;
      const lists = [...pending.querySelectorAll('ul')];
      const headings = lists.map((list) =>
        words(el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)!),
      );
      expect(headings).to.deep.equal([
        'Generating now: $0.045 held until done',
        'Left unfinished when their page closed: $0.114 held',
      ]);
      expect([...lists[0].children].map(words)).to.deep.equal(['FLUX.2 [pro], started today, 7:37 AM: $0.045']);
      expect([...lists[1].children].map(words)).to.deep.equal([
        'FLUX.2 [klein] 4B, started today, 7:37 AM: $0.014. BFL accepted it: the image is fetched the next time the image widget opens on this site with your BFL key.',
        'FLUX.2 [pro], started today, 7:37 AM: $0.03. Its page closed before BFL replied: the next time the image widget opens on this site, it is listed as may have been charged, for you to settle.',
        'FLUX.2 [max], started today, 7:37 AM: $0.07. Its request never left: nothing was charged, and it is cleared the next time the image widget opens on this site.',
      ]);
      expect([accepted, sent, unsent].every((entry) => entry.status === 'pending')).to.equal(true);
      // Held: counted in the line and against the budget until a widget settles them.
      const held = new Decimal('0.014').plus('0.03').plus('0.07').plus(live.quoted).toFixed();
      expect(held).to.equal('0.159');
      expect(words(part(el, 'tally')!)).to.contain('$0.159 held');
      expect(el.tally!.remaining).to.equal('0.841');
    });

    it('a page that closes while the tally shows its generation: within seconds, no longer "generating now"', async () => {
      const storageKey = uniqueStorageKey();
      const [entry] = leftBehind(storageKey, (ledger) => void ledger.open({ ...image, quoted: '0.03' }));
      // Another page runs it: it holds the entry's lock until it goes.
      let close!: () => void;
      const held = new Promise<void>((resolve) => (close = resolve));
      await new Promise<void>((locked) =>
        navigator.locks.request(`${storageKey}:ledger:${entry.id}`, () => (locked(), held)),
      );
      const { el } = await tally('', 'en-US', storageKey);
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100)); // the lock manager has answered
      expect(words(part(el, 'pending')!)).to.match(/^Generating now: \$0\.03 held until done/);
      close();
      await until(() => !words(part(el, 'pending')!).includes('Generating now'), 5000);
      expect(words(part(el, 'pending')!)).to.match(/^Left unfinished when their page closed: \$0\.03 held/);
    });
  });
});

/** WCAG contrast of two computed `rgb()` colours. */
function contrast(a: string, b: string) {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => +c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

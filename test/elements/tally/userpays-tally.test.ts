// Holds: src/elements/shared/ledger-controller.ts
// Holds: src/elements/tally/panels/export.ts
// Holds: src/elements/tally/panels/tally-actions.ts
// Holds: src/elements/tally/uncertain-list/index.ts
// Holds: src/ledger/budget.ts
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { UserPaysTally } from '../../../src/elements/tally/userpays-tally.js';
import { dayOf, isoDay } from '../../../src/base/days.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { v1History } from '../../support/ledger-history.js';
import type { Tally } from '../../../src/base/types.js';
import { MemoryStorage, image } from '../../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { until, waitUntil } from '../../support/wait.js';
import { uniqueStorageKey } from '../../support/sim.js';
import { controlledClock } from '../../support/clock.js';
import { formatUsdRounded } from '../../../src/pricing/index.js';
import { part, words } from '../../support/widget.js';

/** The chart's bars as [x, height] (one `M x 40 v -height h8 V40 z` per day with spending). */
const bars = (el: UserPaysTally) =>
  [
    ...part(el, 'chart')!
      .querySelector('path')!
      .getAttribute('d')!
      .matchAll(/M([\d.]+) 40v-([\d.]+)h8V40z/g),
  ].map((m) => [+m[1], +m[2]]);
const DAY = 864e5;

/**
 * Why the budget typed is refused, as the field's description says it, and that the field is marked invalid and
 * described by it (undefined where nothing is refused).
 */
function refusal(el: UserPaysTally): string | undefined {
  const input = part(el, 'budget')!.querySelector('input')!;
  const shown = el.shadowRoot!.querySelector('#budget-refused');
  expect(input.getAttribute('aria-invalid'), 'aria-invalid where it is refused').to.equal(shown ? 'true' : null);
  if (!shown) return undefined;
  expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('budget-refused');
  expect(shown.getAttribute('role')).to.equal('alert');
  expect(shown.getAttribute('part')).to.equal('error');
  // The field itself in the danger colour, as the words under it.
  expect(getComputedStyle(input).borderTopColor).to.equal(getComputedStyle(shown).color);
  return words(shown);
}

describe('<userpays-tally>', () => {
  const time = controlledClock();
  const newStorageKey = storageKeysForgottenAfterEach();

  async function tally(storageKey = uniqueStorageKey(), budget = '') {
    newStorageKey.forget(storageKey);
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} budget=${budget} locale="en-US"></userpays-tally>`,
    );
    return { el, ledger: new LedgerStore({ storageKey }), storageKey };
  }
  const spend = (ledger: LedgerStore, usd: string, model = 'flux-2-pro') =>
    ledger.settle(ledger.open({ ...image, model, quoted: usd }).id, { charged: usd });

  it('shows spent, images, the per-model split, spend per day and the pending generations, as text; accessible', async () => {
    const { el, ledger } = await tally();
    spend(ledger, '0.03');
    spend(ledger, '0.07', 'flux-2-max');
    ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014' });
    await el.updateComplete;
    expect(el.tally).to.deep.include({ spent: '0.1', images: 2 });
    expect(part(el, 'tally')!.textContent).to.contain('$0.10').and.contain('2 images');
    const rows = [...part(el, 'models')!.querySelectorAll('li')].map((r) => r.textContent);
    expect(rows).to.deep.equal(['FLUX.2 [pro]: $0.03 on 1 image', 'FLUX.2 [max]: $0.07 on 1 image']);
    expect(part(el, 'pending')!.textContent).to.match(/klein.*started.*\$0.014/i);
    const svg = part(el, 'chart')!.querySelector('svg')!;
    expect(bars(el)).to.deep.equal([[290, 40]]); // today, the rightmost of 30 days
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(
      `Spent per day: ${new Date(dayOf(time.now()) * DAY).toISOString().slice(0, 10)} $0.10`,
    );
    await expect(el).to.be.accessible();
  });

  // At noon, and five minutes into a new year (today's bar holds only the new spending).
  for (const at of ['2026-03-10T12:00:00', '2027-01-01T00:05:00']) {
    it(`charts 30 days of spend, compacted history included, bars in proportion (at ${at})`, async () => {
      time.set(at);
      const storageKey = uniqueStorageKey();
      const today = dayOf(time.now());
      // A v1 history of 400 entries over the last 10 days (compacted on load), plus one today.
      localStorage.setItem(`${storageKey}:ledger`, v1History(400, 10).raw);
      const { el, ledger } = await tally(storageKey);
      spend(ledger, '5');
      await el.updateComplete;
      expect(ledger.compacted().length).to.be.greaterThan(0);
      const byDay = ledger.spentByDay();
      const label = part(el, 'chart')!.querySelector('svg')!.getAttribute('aria-label')!;
      const listed = label.replace('Spent per day: ', '').split(', ');
      expect(listed.length).to.equal([...byDay.keys()].filter((d) => d > today - 30).length);
      const todayDate = new Date(today * DAY).toISOString().slice(0, 10);
      // Each day's spending to what matters, as the tally says money (the exports keep every digit).
      expect(listed.at(-1)).to.equal(`${todayDate} ${formatUsdRounded(byDay.get(today)!, 'en-US')}`);
      expect(+byDay.get(today)!).to.be.within(5, 6.5); // the 5, and what of the history fell on today
      const drawn = bars(el);
      expect(drawn.length).to.equal(listed.length);
      expect(drawn.at(-1)).to.deep.equal([290, 40]); // today is the biggest day
      const amounts = listed.map((l) => +l.split(' $')[1]);
      drawn.forEach(([, h], i) => expect(h).to.be.closeTo((amounts[i] / amounts.at(-1)!) * 40, 0.5));
    });
  }

  it('budget set by the user: persists per storage key, fires userpays-tally, applies to every store; the attribute wins', async () => {
    const { el, ledger, storageKey } = await tally();
    spend(ledger, '0.25');
    await el.updateComplete;
    const input = part(el, 'budget')!.querySelector('input')!;
    expect(input.labels![0].textContent).to.contain('Budget');
    input.value = ' 2 ';
    const event = oneEvent(el, 'userpays-tally');
    input.dispatchEvent(new Event('change'));
    expect(((await event) as CustomEvent<Tally>).detail).to.deep.include({ budget: '2', remaining: '1.75' });
    expect(localStorage.getItem(`${storageKey}:ledger:budget`)).to.equal('2');
    await el.updateComplete;
    expect((part(el, 'budget')!.querySelector('meter') as HTMLMeterElement).value).to.equal(0.12); // 12 % used
    // Any widget of the same key refuses a submission past it (it passes no budget of its own).
    const later = new LedgerStore({ storageKey });
    expect(later.budget).to.equal('2');
    expect(later.wouldExceed('1.75', null)).to.equal(false);
    expect(later.wouldExceed('1.76', null)).to.equal(true);
    // Not an amount: said under the field, with what was typed, nothing changes.
    input.value = 'lots';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(refusal(el)).to.equal(
      '“lots” is not an amount: write it in digits, like 2.50, with no currency sign or thousands separator.',
    );
    expect(later.budget).to.equal('2');
    // Cleared: no budget, and nothing refused.
    input.value = '';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.tally).not.to.have.property('budget');
    expect(refusal(el)).to.equal(undefined);
    expect(later.budget).to.equal(null);
    // One budget: the lowest of the user's and the page's applies everywhere, and the input keeps the user's own.
    ledger.budget = '5';
    el.budget = '1';
    await el.updateComplete;
    expect(el.tally).to.deep.include({ budget: '1', remaining: '0.75' });
    expect(later.tally()).to.deep.include({ budget: '1', remaining: '0.75' });
    expect(later.wouldExceed('0.76')).to.equal(true);
    expect(input.disabled).to.equal(false);
    expect(input.value).to.equal('5');
    // The user's own budget, above the site's, is said not to apply, and why, beside the field.
    // The field is described by where the budget holds, then by which budget applies.
    const [held, note] = input.getAttribute('aria-describedby')!.split(' ');
    expect(words(el.shadowRoot!.getElementById(held))).to.equal('Kept on this browser.');
    expect(words(el.shadowRoot!.getElementById(note))).to.equal(
      'Your budget of $5.00 is above this site’s limit of $1.00, which applies.',
    );
    ledger.budget = '';
    await el.updateComplete;
    expect(words(el.shadowRoot!.getElementById(note))).to.equal('This site limits spending to $1.00.');
    ledger.budget = '5';
    el.budget = '';
    await el.updateComplete;
    expect(el.tally).to.deep.include({ budget: '5', remaining: '4.75' });
    await expect(el).to.be.accessible();
  });

  it('a budget that is not an amount is refused under the field, tied to it, until it is typed in again; Tab goes on', async () => {
    const { el, ledger } = await tally();
    ledger.budget = '3';
    await el.updateComplete;
    const input = part(el, 'budget')!.querySelector('input')!;
    for (const typed of ['abc', '-5', '2,50', '$3', '1e3']) {
      input.focus();
      input.select();
      await sendKeys({ type: typed });
      await sendKeys({ press: 'Tab' }); // leaving the field commits it (change)
      await el.updateComplete;
      // The first Tab is not held back: focus left the field, to the next control.
      expect(el.shadowRoot!.activeElement, `${typed}: Tab moves on`).not.to.equal(input);
      expect(refusal(el), typed).to.contain(`“${typed}” is not an amount`).and.contain('like 2.50');
      expect(input.value, 'what was typed stays, to be corrected').to.equal(typed);
      expect(ledger.budget, 'nothing changes').to.equal('3');
      expect(input.validity.valid, 'no native bubble, which holds the focus').to.equal(true);
    }
    // It stays: another render (the ledger changes) and time do not take it away.
    spend(ledger, '0.25');
    time.advance(60_000);
    await el.updateComplete;
    expect(refusal(el)).to.contain('“1e3” is not an amount');
    await expect(el).to.be.accessible();
    // Typed in again: what it said of the text before no longer holds.
    input.focus();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(refusal(el)).to.equal(undefined);
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    input.select();
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ledger.budget).to.equal('12');
    expect(refusal(el)).to.equal(undefined);
  });

  it('in German, reads "2,50" as 2.50, shows the budget so, and asks for "2,50" where it refuses', async () => {
    const storageKey = newStorageKey();
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} lang="de" budget="4"></userpays-tally>`,
    );
    const ledger = new LedgerStore({ storageKey });
    await waitUntil(() => part(el, 'budget'), 'the panels load');
    const input = part(el, 'budget')!.querySelector('input')!;
    input.value = '2,50';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ledger.budget).to.equal('2.5');
    expect(el.tally).to.deep.include({ budget: '2.5' });
    expect(refusal(el)).to.equal(undefined);
    expect(words(part(el, 'budget'))).to.contain('Ihr Budget gilt');
    // Shown as it is typed here, so that it reads back the same.
    ledger.budget = '1.75';
    await el.updateComplete;
    expect(input.value).to.equal('1,75');
    el.budget = '1';
    await el.updateComplete;
    expect(words(el.shadowRoot!.getElementById('budget-note'))).to.equal(
      'Ihr Budget von 1,75 $ liegt über der Grenze dieser Website von 1,00 $, und diese gilt.',
    );
    // A point groups thousands in German: "2.50" is refused, not read as 2.50 or 250, and the example is German's.
    input.value = '2.50';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ledger.budget).to.equal('1.75');
    expect(refusal(el)).to.equal(
      '„2.50“ ist kein Betrag: Schreiben Sie ihn in Ziffern, etwa 2,50, ohne Währungszeichen und Tausendertrennzeichen.',
    );
    // With locale="en-US", amounts are English again: "2.50" is read, and the example is English's.
    el.setAttribute('locale', 'en-US');
    await el.updateComplete;
    expect(refusal(el)).to.contain('etwa 2.50');
    expect(input.value, 'the budget, as English types it').to.equal('1.75');
    input.value = '2.50';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ledger.budget).to.equal('2.5');
    expect(input.value).to.equal('2.5');
  });

  it('a budget set in another tab reaches this one (storage event); empty, it is accessible too', async () => {
    const { el, storageKey } = await tally();
    await expect(el).to.be.accessible();
    localStorage.setItem(`${storageKey}:ledger:budget`, '3');
    window.dispatchEvent(new StorageEvent('storage', { key: `${storageKey}:ledger:budget` }));
    await until(() => el.tally?.budget === '3');
    expect(el.tally!.remaining).to.equal('3');
  });

  it('exports the ledger as CSV and the history file downloads (a Blob, named after the storage key)', async () => {
    const storageKey = uniqueStorageKey();
    localStorage.setItem(`${storageKey}:ledger`, v1History(300, 5).raw);
    const { el, ledger } = await tally(storageKey);
    const mine = ledger.open({ ...image, quoted: '0.03' });
    ledger.settle(mine.id, { charged: '0.03', basis: 'reported', left: '9.5' }); // its receipt's figures too
    await el.updateComplete;
    const [csvButton, jsonButton] = part(el, 'export')!.querySelectorAll('button');
    // The element downloads through a link it clicks: record the link instead of downloading.
    const downloads: { href: string; download: string }[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      downloads.push({ href: this.href, download: this.download });
    };
    try {
      csvButton.click();
      jsonButton.click(); // the history file: made once its images (none asked for here) are read
      await until(() => downloads.length === 2);
    } finally {
      HTMLAnchorElement.prototype.click = realClick;
    }
    expect(downloads.map((d) => d.download)).to.deep.equal([
      `${storageKey}-spending.csv`,
      `${storageKey}-spending.json`,
    ]);
    expect(downloads.every((d) => d.href.startsWith('blob:'))).to.equal(true);
    const clicked = downloads.map((d) => d.href);
    const csv = await (await fetch(clicked[0])).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.equal(
      'day,time,id,provider,model,width,height,status,quoted,charged,credits,error,images,count,upstream,basis,left',
    );
    expect(lines.length).to.equal(1 + ledger.entries().length + ledger.compacted().length);
    expect(lines.at(-1)).to.match(/^\d{4}-\d\d-\d\d,,,,flux-2-[\w-]+,,,compacted,,[\d.]+,,,\d+,\d+,,,$/);
    expect(lines.find((l) => l.includes(mine.id))).to.equal(
      `${isoDay(dayOf(time.now()))},${new Date(time.now()).toISOString()},${mine.id},bfl,flux-2-pro,1024,1024,charged,0.03,0.03,,,1,1,,reported,9.5`,
    );
    const json = JSON.parse(await (await fetch(clicked[1])).text());
    expect(json.tally).to.deep.equal(el.tally);
    expect(json.entries).to.have.length(ledger.entries().length);
    expect(json.compacted).to.deep.equal(ledger.compacted());
  });

  it("the CSV's day is the local day the ledger counts a charge in (YYYY-MM-DD), its time the ISO moment apart", async () => {
    // Half past midnight, local: a day ahead of UTC's date east of Greenwich, the same day elsewhere.
    time.set('2026-11-23T00:30:00');
    const { el, ledger } = await tally();
    const opened = ledger.open({ ...image, quoted: '0.03' });
    time.advance(60_000);
    ledger.settle(opened.id, { charged: '0.03' });
    const waiting = ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' });
    await el.updateComplete;
    const downloads: string[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      downloads.push(this.href);
    };
    try {
      part(el, 'export')!.querySelector<HTMLButtonElement>('button[value=csv]')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = realClick;
    }
    const [header, ...rows] = (await (await fetch(downloads[0])).text()).trim().split('\r\n');
    const columns = header.split(',');
    const cells = (id: string) =>
      Object.fromEntries(
        rows
          .find((row) => row.includes(id))!
          .split(',')
          .map((cell, i) => [columns[i], cell]),
      );
    // Settled: the day and moment it settled (as the chart and the compacted days count it).
    expect(cells(opened.id)).to.deep.include({ day: '2026-11-23', time: new Date(time.now()).toISOString() });
    expect(ledger.spentByDay().get(dayOf(time.now()))!.toFixed()).to.equal('0.03');
    // Pending: the day and moment it was opened.
    expect(cells(waiting.id)).to.deep.include({ day: '2026-11-23', time: new Date(waiting.at).toISOString() });
  });

  it('reset asks first (inline, no dialog); Keep changes nothing, Reset starts a new session; focus stays put', async () => {
    const { el, ledger } = await tally();
    spend(ledger, '0.5');
    await el.updateComplete;
    const details = part(el, 'reset') as HTMLDetailsElement;
    const summary = details.querySelector('summary')!;
    expect(summary.textContent).to.equal('Reset…');
    expect(details.open).to.equal(false);
    summary.click();
    expect(details.open).to.equal(true);
    expect(details.textContent).to.contain('Start a new session?');
    const [reset, keep] = details.querySelectorAll('button');
    await expect(el).to.be.accessible();
    keep.focus();
    keep.click();
    expect(details.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(el.tally!.spent).to.equal('0.5');
    summary.click();
    const event = oneEvent(el, 'userpays-tally');
    reset.click();
    expect(((await event) as CustomEvent<Tally>).detail).to.deep.include({ spent: '0', images: 0 });
    expect(details.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(new LedgerStore({ storageKey: el.storageKey }).tally().spent).to.equal('0');
  });

  for (const [what, raw] of [
    ['unparseable data', '{"v":2,"since":'],
    ['a foreign shape', '{"items":[1,2,3]}'],
    ['an older, unknown version', '{"v":0,"since":1,"entries":[]}'],
    ['a newer version', JSON.stringify({ v: 3, since: 1, cut: 0, days: [], entries: [], budgetsByMonth: {} })],
  ]) {
    it(`${what} under the storage key: set aside, said once, and the tally works`, async () => {
      const storageKey = uniqueStorageKey();
      localStorage.setItem(`${storageKey}:ledger`, raw);
      const { el, ledger } = await tally(storageKey);
      expect(part(el, 'notice')!.textContent).to.contain('damaged');
      expect(part(el, 'notice')!.getAttribute('role')).to.equal('alert');
      const aside = Object.keys(localStorage).filter((k) => k.startsWith(`${storageKey}:ledger:quarantine:`));
      expect(aside.map((k) => localStorage.getItem(k))).to.deep.equal([raw]);
      spend(ledger, '0.03');
      await el.updateComplete;
      expect(el.tally).to.deep.include({ spent: '0.03', images: 1 });
      expect(JSON.parse(localStorage.getItem(`${storageKey}:ledger`)!).v).to.equal(2);
      // The next page load (a fresh copy of the storage) reads a clean value: told once.
      const ledgerKey = `${storageKey}:ledger`;
      expect(
        new LedgerStore({
          storageKey,
          storage: new MemoryStorage(new Map([[ledgerKey, localStorage.getItem(ledgerKey)!]])),
        }).notice,
      ).to.equal(null);
    });
  }

  it('an older (v1) ledger is migrated silently, totals intact', async () => {
    const storageKey = uniqueStorageKey();
    const history = v1History(1000, 20);
    localStorage.setItem(`${storageKey}:ledger`, history.raw);
    const { el } = await tally(storageKey);
    expect(part(el, 'notice') === null).to.equal(true);
    expect(el.tally).to.deep.include({ spent: history.spent, images: history.images });
    expect(JSON.parse(localStorage.getItem(`${storageKey}:ledger`)!).v).to.equal(2);
  });

  it('shows what may have been charged apart, and lets the user settle it from their provider account', async () => {
    const { el, ledger } = await tally(uniqueStorageKey(), '1');
    spend(ledger, '0.03');
    const lost = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-pro', quoted: '0.03' });
    ledger.settle(lost.id, { uncertain: '0.03' });
    const dropped = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-max', quoted: '0.07' });
    ledger.settle(dropped.id, { uncertain: '0.07' });
    await el.updateComplete;
    expect(part(el, 'tally')!.textContent).to.match(
      /Spent \$0\.03 on 1 image · \$0\.10 more may have been charged · \$0\.87 of/,
    );
    const rows = [...part(el, 'uncertain')!.querySelectorAll('li')];
    expect(rows.map((row) => row.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      `FLUX.2 [pro], sent today, 12:00 PM: $0.03 may have been charged. If your BFL account shows it, say so; it stays counted until then. It was charged, $0.03 It was not`,
      `FLUX.2 [max], sent today, 12:00 PM: $0.07 may have been charged. If your BFL account shows it, say so; it stays counted until then. It was charged, $0.07 It was not`,
    ]);
    await expect(el).to.be.accessible();
    rows[0].querySelector<HTMLButtonElement>('button[value=charged]')!.click();
    rows[1].querySelector<HTMLButtonElement>('button[value=void]')!.click();
    await el.updateComplete;
    expect(ledger.entries().map((entry) => entry.status)).to.deep.equal(['charged', 'charged', 'void']);
    expect(el.tally).to.deep.include({ spent: '0.06', images: 2, remaining: '0.94' });
    expect(el.tally!.uncertain).to.equal(undefined);
    expect(part(el, 'uncertain')).to.equal(null);
  });

  it('an answer says what it books as the price was said; what may have been charged, rounded up', async () => {
    const { el, ledger } = await tally(uniqueStorageKey(), '1');
    // A gateway's price with its top-up fee, $0.042105 ("$0.0421" in the preview), sent twice at most.
    const resent = ledger.open({ ...image, provider: 'openai', model: 'flux-2-klein-9b', quoted: '0.042105' });
    ledger.settle(resent.id, { uncertain: '0.08421' });
    await el.updateComplete;
    const said = part(el, 'uncertain')!.querySelector('li')!.textContent!.replace(/\s+/g, ' ');
    expect(said).to.contain('up to $0.0843 may have been charged');
    expect(said).to.contain('Charged once, $0.0421');
    // All of what may have been charged, said as the line says it.
    expect(said).to.contain('Twice, $0.0843');
  });

  it("a charge the browser may have sent several times can be booked once, at one request's price", async () => {
    const { el, ledger } = await tally(uniqueStorageKey(), '1');
    // A broken connection that may have carried the request seven times: its bound is 7 × $0.014.
    const resent = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.settle(resent.id, { uncertain: '0.098' });
    // The same, where its balance has already shown one request's price: "once" would book nothing new.
    const seen = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.settle(seen.id, { uncertain: '0.098', certain: '0.014' });
    await el.updateComplete;
    const rows = [...part(el, 'uncertain')!.querySelectorAll('li')];
    expect(rows.map((row) => row.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'FLUX.2 [klein] 4B, sent today, 12:00 PM: up to $0.098 may have been charged (a browser may send a request ' +
        'again when its connection breaks: up to 7 times in all). If your BFL account shows it, say so; it stays ' +
        'counted until then. Charged once, $0.014 More than once, $0.098 It was not',
      // Its balance showed one request's price: the question is whether there is more, each answer with what it books
      // ("It was charged" would read as "the $0.014 I see", and book all $0.098).
      'FLUX.2 [klein] 4B, sent today, 12:00 PM: $0.014 of it shows in your BFL balance; up to $0.084 more may have ' +
        'been charged (a browser may send a request again when its connection breaks: up to 7 times in all). If your ' +
        'BFL account shows more, say so; it stays counted until then. Only $0.014 More, $0.098 in all',
    ]);
    await expect(el).to.be.accessible();
    rows[0].querySelector<HTMLButtonElement>('button[value=once]')!.click();
    await el.updateComplete;
    expect(ledger.entries().find((entry) => entry.id === resent.id)).to.include({
      status: 'charged',
      charged: '0.014',
    });
    expect(el.tally).to.deep.include({ spent: '0.028', uncertain: '0.084' });
    part(el, 'uncertain')!.querySelector<HTMLButtonElement>('button[value=charged]')!.click();
    await el.updateComplete;
    expect(el.tally).to.deep.include({ spent: '0.112' });
    expect(el.tally!.uncertain).to.equal(undefined);
  });

  it('a charge sent twice at most (HTTP/2, every provider’s API) offers "Twice" with what it books; "Only" keeps what showed', async () => {
    const { el, ledger } = await tally(uniqueStorageKey(), '1');
    const said = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
    const twice = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.settle(twice.id, { uncertain: '0.028' });
    const seen = ledger.open({ ...image, provider: 'pollinations', model: 'flux-2-klein-4b', quoted: '0.005' });
    ledger.settle(seen.id, { uncertain: '0.01', certain: '0.005' });
    await el.updateComplete;
    const answers = (row: Element) => [...row.querySelectorAll('button')].map((button) => said(button));
    const rows = () => [...part(el, 'uncertain')!.querySelectorAll('li')];
    expect(rows().map(answers)).to.deep.equal([
      ['Charged once, $0.014', 'Twice, $0.028', 'It was not'],
      ['Only $0.005', 'More, $0.01 in all'],
    ]);
    rows()[1].querySelector<HTMLButtonElement>('button[value=void]')!.click();
    await el.updateComplete;
    expect(ledger.entries().find((entry) => entry.id === seen.id)).to.include({ status: 'charged', charged: '0.005' });
    rows()[0].querySelector<HTMLButtonElement>('button[value=charged]')!.click();
    await el.updateComplete;
    expect(el.tally).to.deep.include({ spent: '0.033' });
    expect(el.tally!.uncertain).to.equal(undefined);
  });

  it('charges alike are said once, answered for all at once or each in turn', async () => {
    const { el, ledger } = await tally(uniqueStorageKey(), '1');
    // Four lost replies of one minute, each possibly sent seven times (a gateway that went away), and one other.
    const lost = Array.from({ length: 4 }, () => {
      const entry = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-klein-4b', quoted: '0.014' });
      ledger.settle(entry.id, { uncertain: '0.098' });
      return entry;
    });
    const other = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-pro', quoted: '0.03' });
    ledger.settle(other.id, { uncertain: '0.03' });
    await el.updateComplete;
    const said = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
    const rows = () => [...part(el, 'uncertain')!.querySelectorAll(':scope > ul > li')];
    expect(said(part(el, 'uncertain')!.querySelector('p')!)).to.equal('What these cost is not known yet');
    expect(rows().map((row) => said(row.querySelector('span')!))).to.deep.equal([
      '4 requests for FLUX.2 [klein] 4B, sent today, 12:00 PM: up to $0.098 each may have been charged (a browser ' +
        'may send a request again when its connection breaks: each up to 7 times in all). If your BFL account shows ' +
        'them, say so; they stay counted until then.',
      'FLUX.2 [pro], sent today, 12:00 PM: $0.03 may have been charged. If your BFL account shows it, say so; it ' +
        'stays counted until then.',
    ]);
    const group = rows()[0];
    expect([...group.querySelectorAll(':scope > .answers button')].map(said)).to.deep.equal([
      'Each charged once: $0.056 in all',
      'None was',
    ]);
    // Each in turn: the second of them was not charged.
    const each = group.querySelector('details')!;
    expect(each.open).to.equal(false);
    each.querySelector('summary')!.click();
    await el.updateComplete;
    const places = [...each.querySelectorAll('li')];
    expect(places.map((place) => said(place))).to.deep.equal(
      [1, 2, 3, 4].map(
        (n) => `Request ${n} of 4, sent today, 12:00 PM Charged once, $0.014 More than once, $0.098 It was not`,
      ),
    );
    await expect(el).to.be.accessible();
    places[1].querySelector<HTMLButtonElement>('button[value=void]')!.click();
    await el.updateComplete;
    expect(ledger.entries().find((entry) => entry.id === lost[1].id)!.status).to.equal('void');
    expect(said(rows()[0].querySelector('span')!)).to.match(/^3 requests for FLUX\.2 \[klein\] 4B/);
    // The other three, once each, in one click: one request's price each, nothing more held for them.
    rows()[0].querySelector<HTMLButtonElement>(':scope > .answers button[value=once]')!.click();
    await el.updateComplete;
    expect(lost.map((entry) => ledger.entries().find((found) => found.id === entry.id)!.charged)).to.deep.equal([
      '0.014',
      undefined,
      '0.014',
      '0.014',
    ]);
    expect(lost.map((entry) => ledger.entries().find((found) => found.id === entry.id)!.status)).to.deep.equal([
      'charged',
      'void',
      'charged',
      'charged',
    ]);
    expect(el.tally).to.deep.include({ spent: '0.042', uncertain: '0.03' });
    // The one left is said alone again, and "None was" for a group books nothing: only the other model remains.
    expect(rows().map((row) => said(row.querySelector('span')!))).to.have.length(1);
  });

  it('charges alike sent minutes apart are one burst, however the minutes fall; an hour apart, two', async () => {
    const { el, ledger } = await tally(uniqueStorageKey(), '1');
    const lostAt = (at: string) => {
      time.set(at);
      const entry = ledger.open({ ...image, provider: 'bfl', model: 'flux-2-klein-4b', quoted: '0.014' });
      ledger.markSent(entry.id);
      ledger.settle(entry.id, { uncertain: '0.014' });
    };
    // Three lost replies either side of 10:59, retried by hand; one more an hour later.
    ['2026-11-26T10:58:57', '2026-11-26T10:59:02', '2026-11-26T11:01:30', '2026-11-26T12:05:00'].forEach(lostAt);
    await el.updateComplete;
    const said = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
    const rows = [...part(el, 'uncertain')!.querySelectorAll(':scope > ul > li')];
    expect(rows.map((row) => said(row.querySelector('span')!))).to.deep.equal([
      // From the first's time to the last's, each part once (never "AM–11:01 AM").
      '3 requests for FLUX.2 [klein] 4B, sent today, 10:58 – 11:01 AM: $0.014 each may have been charged. If your BFL ' +
        'account shows them, say so; they stay counted until then.',
      'FLUX.2 [klein] 4B, sent today, 12:05 PM: $0.014 may have been charged. If your BFL account shows it, say so; ' +
        'it stays counted until then.',
    ]);
    // What the answer for them all books, in all; and when each was sent, under "Answer each".
    expect(said(rows[0].querySelector(':scope > .answers button[value=charged]')!)).to.equal(
      'All were charged: $0.042 in all',
    );
    expect([...rows[0].querySelectorAll('details li')].map((place) => said(place).split(' It was')[0])).to.deep.equal([
      'Request 1 of 3, sent today, 10:58 AM',
      'Request 2 of 3, sent today, 10:59 AM',
      'Request 3 of 3, sent today, 11:01 AM',
    ]);
    rows[0].querySelector<HTMLButtonElement>(':scope > .answers button[value=charged]')!.click();
    await el.updateComplete;
    expect(el.tally).to.deep.include({ spent: '0.042', uncertain: '0.014' });
  });

  it('updates live when a widget on the page spends, and when the storage key changes', async () => {
    const { el, ledger } = await tally();
    const seen: string[] = [];
    el.addEventListener('userpays-tally', (e) => seen.push(e.detail.spent));
    spend(ledger, '0.014');
    expect(seen).to.deep.equal(['0.014']);
    const other = newStorageKey();
    el.storageKey = other;
    await el.updateComplete;
    expect(el.tally!.spent).to.equal('0');
    expect(Date.parse(el.tally!.since)).to.equal(time.now());
    expect(part(el, 'tally')!.parentElement!.textContent).to.contain('Since today, 12:00 PM');
  });

  it('a malformed locale: its times in the browser’s locale, as its money, where they threw and blanked it', async () => {
    const storageKey = newStorageKey();
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} locale="not a locale!"></userpays-tally>`,
    );
    new LedgerStore({ storageKey }).open({ ...image, quoted: '0.03' });
    await waitUntil(() => part(el, 'pending'), 'the whole tally is drawn');
    const browsers = new Date(time.now()).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
    expect(part(el, 'pending')!.textContent).to.contain(`started today, ${browsers}`);
    expect(part(el, 'tally')!.parentElement!.textContent).to.contain(`Since today, ${browsers}`);
  });
});

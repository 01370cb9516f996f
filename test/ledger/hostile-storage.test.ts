// Stored data that is damaged or tampered with never breaks the widget, never fills the storage, and never
// turns into a formula or a lost model when exported.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { image } from '../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { ledger as ledgerWords } from '../../src/strings/ledger.js';
import { submissionsOf } from '../support/sim.js';
import { bflWidget } from '../support/bfl-widget.js';
import { until } from '../support/wait.js';

const ledgerDocument = (fields: object) => JSON.stringify({ v: 2, since: 1, cut: 0, days: [], entries: [], ...fields });
const quarantined = (storageKey: string) =>
  Object.keys(localStorage).filter((key) => key.startsWith(`${storageKey}:ledger:quarantine:`));

/** The tally's CSV export of `storageKey`'s ledger, as the Export button downloads it. */
async function exportedCsv(storageKey: string): Promise<string> {
  const el = await fixture<UserPaysTally>(html`<userpays-tally storage-key=${storageKey}></userpays-tally>`);
  const downloads: string[] = [];
  const realClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    downloads.push(this.href);
  };
  try {
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=export] button[value=csv]')!.click();
  } finally {
    HTMLAnchorElement.prototype.click = realClick;
  }
  return (await fetch(downloads[0])).text();
}

/**
 * Each of `models` booked as an entry of `ledger` (its model, and its error), then the tally's CSV export: every cell
 * as a spreadsheet reads it (RFC 4180: quoted cells unquoted).
 */
async function exportedCells(ledger: LedgerStore, storageKey: string, models: string[]): Promise<string[]> {
  for (const model of models) {
    const entry = ledger.open({ ...image, model, quoted: '0.03' });
    ledger.settle(entry.id, { charged: '0.03', error: model });
  }
  const csv = await exportedCsv(storageKey);
  const cells: string[] = [];
  for (const match of csv.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g))
    cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]);
  return cells;
}

describe('hostile storage', () => {
  const key = storageKeysForgottenAfterEach();

  for (const [what, document] of [
    ['a session start beyond what a Date holds', ledgerDocument({ since: 9e15 })],
    ['a negative session start', ledgerDocument({ since: -1 })],
    ['an entry dated beyond what a Date holds', ledgerDocument({ entries: [['x', 9e15, 'bfl', 'm', 1, 1, '1', 0]] })],
    ['a day row beyond what a Date holds', ledgerDocument({ cut: 2, days: [[1e12, 'm', '1', 1, 1]] })],
    ['a status that is not an index', ledgerDocument({ entries: [['x', 1, 'bfl', 'm', 1, 1, '1', 'length', 2]] })],
  ]) {
    it(`${what}: set aside, said, and the tally renders`, async () => {
      const storageKey = key();
      localStorage.setItem(`${storageKey}:ledger`, document);
      const el = await fixture<UserPaysTally>(html`<userpays-tally storage-key=${storageKey}></userpays-tally>`);
      expect(el.shadowRoot!.querySelector('[part~=notice]')!.textContent).to.contain('damaged');
      expect(el.tally).to.deep.include({ spent: '0', images: 0 });
      expect(quarantined(storageKey)).to.have.length(1);
    });
  }

  it('keeps at most three damaged copies, one of each, however often the value is damaged again', () => {
    const storageKey = key();
    for (let i = 0; i < 50; i++) {
      localStorage.setItem(`${storageKey}:ledger`, `{"damaged": ${i % 10}`);
      new LedgerStore({ storageKey }).tally(); // a new page reads it
      // Each damaged value read twice: the second time it is not copied again.
      localStorage.setItem(`${storageKey}:ledger`, `{"damaged": ${i % 10}`);
      new LedgerStore({ storageKey }).tally();
    }
    expect(quarantined(storageKey).length).to.be.at.most(3);
  });

  it('exports tampered text as text: no spreadsheet formula, every cell quoted where it must be', async () => {
    const storageKey = key();
    const ledger = new LedgerStore({ storageKey });
    const entry = ledger.open({ ...image, model: '=HYPERLINK("https://evil.example","click")', quoted: '0.03' });
    ledger.settle(entry.id, { charged: '0.03', error: '+cmd|"/c calc"!A1' });
    const csv = await exportedCsv(storageKey);
    const line = csv.split('\r\n').find((row) => row.includes(entry.id))!;
    expect(line).to.contain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(line).to.contain(`"'+cmd|""/c calc""!A1"`);
    expect(line.split(',').some((cell) => /^[=+\-@]/.test(cell))).to.equal(false);
  });

  // A spreadsheet skips blanks before a formula (LibreOffice and Excel read " =1+1" as one), so a
  // cell whose first non-blank character starts a formula is text as well, whatever white space comes first.
  it('exports text whose first non-blank character starts a formula as text: spaces, NBSP, U+3000 and the like first', async () => {
    const storageKey = key();
    const ledger = new LedgerStore({ storageKey });
    const blanks = [' ', '  ', '\t', '\r', '\n', '\u00a0', '\u3000', '\u2003', '\u2028', '\u202f', '\ufeff', '\u200b'];
    const hostile = blanks.flatMap((blank, index) => [
      `${blank}${'=+-@'[index % 4]}HYPERLINK("https://evil.example/${index}")`,
    ]);
    const cells = await exportedCells(ledger, storageKey, hostile);
    for (const model of hostile) {
      const shown = cells.filter((cell) => cell.endsWith(model.trimStart().slice(1)));
      expect(shown, JSON.stringify(model)).to.have.length(2); // the model and the error
      for (const cell of shown) expect(cell.startsWith("'"), JSON.stringify(cell)).to.equal(true);
    }
    for (const cell of cells)
      expect(/^[\s\u200b-\u200d\u2060]*[=+\-@]/u.test(cell), JSON.stringify(cell)).to.equal(false);
  });

  // Spreadsheets read the full-width signs ＝＋－＠ as =+-@ (Excel and LibreOffice both start a formula with them).
  it('exports text starting with a full-width ＝, ＋, － or ＠ as text, as it does with =, +, - and @', async () => {
    const storageKey = key();
    const ledger = new LedgerStore({ storageKey });
    const hostile = ['\uff1d', '\uff0b', '\uff0d', '\uff20', ' \uff1d', '\u3000\uff20'].map(
      (start, index) => `${start}HYPERLINK("https://evil.example/wide/${index}")`,
    );
    const cells = await exportedCells(ledger, storageKey, hostile);
    for (const model of hostile) {
      const shown = cells.filter((cell) => cell.endsWith(model.trimStart().slice(1)));
      expect(shown, JSON.stringify(model)).to.have.length(2); // the model and the error
      for (const cell of shown) expect(cell, JSON.stringify(model)).to.equal(`'${model}`);
    }
  });

  // A stored budget that is not an amount was read as none, and everything could be spent. It stops
  // spending, in words, as a bad `budget` attribute does, until the user sets a budget again.
  for (const stored of ['abc', '1,5', '-2', 'NaN', '{"usd": 5}', '1e3']) {
    it(`a stored budget of ${JSON.stringify(stored)} stops spending, in words, until it is set again`, async () => {
      const storageKey = key();
      localStorage.setItem(`${storageKey}:ledger:budget`, stored);
      const ledger = new LedgerStore({ storageKey });
      expect(ledger.budgetDamaged).to.equal(true);
      expect(ledger.tally()).to.deep.include({ budget: '0', remaining: '0' });
      expect(ledger.wouldExceed('0.01')).to.equal(true);
      expect(ledger.notice?.text).to.equal(ledgerWords.budgetDamaged());
      const refused = await ledger.reserve([{ ...image, quoted: '0.01' }], '0.01').catch((error: unknown) => error);
      expect(refused).to.include({ code: 'budget-exceeded', message: ledgerWords.budgetDamaged() });
      expect(ledger.pending()).to.deep.equal([]);
      const el = await fixture<UserPaysTally>(html`<userpays-tally storage-key=${storageKey}></userpays-tally>`);
      expect(el.shadowRoot!.querySelector('[part~=notice]')!.textContent).to.contain(ledgerWords.budgetDamaged());
      // Not a limit the site set, nor a budget used up: the notice says what it is.
      expect(el.shadowRoot!.querySelector('[part~=budget]')!.textContent).to.not.match(/limits spending|% of budget/);
      ledger.budget = '5';
      expect(ledger.budgetDamaged).to.equal(false);
      expect(ledger.notice).to.equal(null);
      expect(await ledger.reserve([{ ...image, quoted: '0.01' }], '0.01')).to.have.length(1);
    });
  }

  it('a damaged stored budget: the widget says so beside its price, and Generate sends nothing to BFL', async () => {
    const storageKey = key();
    localStorage.setItem(`${storageKey}:ledger:budget`, 'five dollars');
    const el = await bflWidget({ apiKey: 'sim-damaged-budget', storageKey });
    await until(() => (el.shadowRoot!.textContent ?? '').includes(ledgerWords.budgetDamaged()));
    const refused = await el.generate().catch((error: unknown) => error);
    expect(refused).to.include({ code: 'budget-exceeded' });
    expect(await submissionsOf('bfl', `run=${storageKey}/`)).to.deep.equal([]);
  });

  it('a stored budget that is empty (cleared) is no budget: spending goes on', async () => {
    const storageKey = key();
    localStorage.setItem(`${storageKey}:ledger:budget`, '');
    const ledger = new LedgerStore({ storageKey });
    expect(ledger.budgetDamaged).to.equal(false);
    expect(ledger.tally().budget).to.equal(undefined);
    expect(await ledger.reserve([{ ...image, quoted: '0.01' }], '0.01')).to.have.length(1);
  });

  it('a model called __proto__ keeps its place in the per-model split', () => {
    const ledger = new LedgerStore({ storageKey: key() });
    const entry = ledger.open({ ...image, model: '__proto__', quoted: '0.03' });
    ledger.settle(entry.id, { charged: '0.03' });
    const { byModel } = ledger.tally();
    expect(Object.keys(byModel)).to.deep.equal(['__proto__']);
    expect(Object.getPrototypeOf(byModel)).to.equal(Object.prototype);
    expect(JSON.parse(JSON.stringify(byModel))).to.have.own.property('__proto__');
  });
});

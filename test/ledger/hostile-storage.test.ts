// Stored data that is damaged or tampered with never breaks the widget, never fills the storage, and never
// turns into a formula or a lost model when exported.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { image } from '../support/ledger.js';
import { cleanLocalStorage } from '../support/storage.js';
import { uniqueStorageKey } from '../support/sim.js';

const ledgerDocument = (fields: object) => JSON.stringify({ v: 2, since: 1, cut: 0, days: [], entries: [], ...fields });
const quarantined = (storageKey: string) =>
  Object.keys(localStorage).filter((key) => key.startsWith(`${storageKey}:ledger:quarantine:`));

describe('hostile storage', () => {
  const keys: string[] = [];
  afterEach(() => keys.splice(0).forEach(cleanLocalStorage));
  const key = () => {
    const storageKey = uniqueStorageKey();
    keys.push(storageKey);
    return storageKey;
  };

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
    const csv = await (await fetch(downloads[0])).text();
    const line = csv.split('\r\n').find((row) => row.includes(entry.id))!;
    expect(line).to.contain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(line).to.contain(`"'+cmd|""/c calc""!A1"`);
    expect(line.split(',').some((cell) => /^[=+\-@]/.test(cell))).to.equal(false);
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

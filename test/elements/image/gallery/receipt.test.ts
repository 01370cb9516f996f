// Every image keeps its receipt — the quote, the charge (the provider's own figure where it
// reports one), what was left at the provider after it — shown by part `receipt`, carried by `userpays-result` and the
// ledger's export, and said in the widget's language.
import { expect, oneEvent } from '@open-wc/testing';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import type { GenerationResult } from '../../../../src/base/types.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { falEndpoint, simCharges, simEndpoint, unique, uniqueStorageKey } from '../../../support/sim.js';
import { controlledClock } from '../../../support/clock.js';
import { mergePriceBook } from '../../../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../../../src/providers/registry/prices.js';
import { cleanMadeStorage } from '../../../support/storage.js';
import { until } from '../../../support/wait.js';
import { imageWidget, words } from '../../../support/widget.js';
import { ImageStore } from '../../../../src/images/image-store.js';
import { pngBlob } from '../../../support/images.js';

/** The receipt of the widget's latest image, once it is drawn: its lines as [name, figure], and its last sentence. */
async function receiptOf(el: HTMLElement) {
  const receipt = await until(() => el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~=result] [part~=receipt]'));
  const names = [...receipt.querySelectorAll('dt')].map(words);
  const figures = [...receipt.querySelectorAll('dd')].map(words);
  return {
    receipt,
    lines: names.map((name, i) => [name, figures[i]]),
    difference: words(receipt.querySelector('p')!),
    footnote: receipt.querySelector<HTMLElement>('p.footnote'),
  };
}

describe('a receipt for every image', function () {
  this.timeout(20_000);
  afterEach(cleanMadeStorage);

  it('BFL: quoted, charged as BFL reported it (in credits), what its credits say is left; in the event and the books', async () => {
    const key = `sim-receipt-${uniqueStorageKey()}`;
    const el = await bflWidget({ scenario: 'pending=50', apiKey: key });
    const result = oneEvent(el, 'userpays-result');
    await el.generate();
    const { detail } = (await result) as CustomEvent<GenerationResult>;
    const { receipt, lines, difference, footnote } = await receiptOf(el);
    expect(footnote, 'the balance fell by the charge: nothing to add').to.equal(null);
    // What is left to what matters, as the tally says amounts; every digit in its title (and the ledger's export).
    const left = receipt.querySelectorAll('dd')[2].querySelector('span')!;
    expect(left.getAttribute('title')).to.equal('$9.986');
    expect(receipt.querySelectorAll('dd')[0].querySelector('span'), 'exact figures need no title').to.equal(null);
    expect(receipt.open, 'closed until asked').to.equal(false);
    expect(words(receipt.querySelector('summary')!)).to.equal('Receipt');
    // A new key at the simulator holds 1000 credits ($10); FLUX.2 [klein] 4B at 1 MP costs 1.4 of them.
    // One charge, the tally's figure, first; then the quote it is held against.
    expect(lines).to.deep.equal([
      ['Charged', "$0.014 · BFL's own figure: 1.4 credits"],
      ['Quoted', '$0.014'],
      ['Left at BFL', '$9.99'],
    ]);
    expect(difference).to.equal('As quoted.');
    expect(el.tally!.spent, 'the tally agrees').to.equal('0.014');
    expect(detail.images[0].receipt).to.deep.equal({
      quoted: '0.014',
      charged: '0.014',
      basis: 'reported',
      credits: '1.4',
      left: '9.986',
    });
    expect((await simCharges('bfl', key)).usd).to.equal('0.014');
    const [entry] = new LedgerStore({ storageKey: el.storageKey }).entries();
    expect([entry.quoted, entry.charged, entry.basis, entry.left]).to.deep.equal([
      '0.014',
      '0.014',
      'reported',
      '9.986',
    ]);
  });

  // OpenAI's own API was "the gateway" in its receipts: the name is chosen where the page's endpoint is known.
  for (const [endpoint, who] of [
    ['', 'OpenAI'],
    [simEndpoint('openai'), 'gateway'],
  ])
    it(`an image paid at ${endpoint ? 'a gateway' : "OpenAI's own API"}: its receipt and caption name ${who}`, async () => {
      const storageKey = uniqueStorageKey();
      await new ImageStore({ storageKey }).put({
        id: 'kept-openai',
        entryId: 'entry-openai',
        blob: await pngBlob(64, 64),
        prompt: 'a red ceramic mug',
        model: 'gpt-image-1.5',
        provider: 'openai',
        width: 1024,
        height: 1024,
        charged: '0.042',
        receipt: { quoted: '0.042', basis: 'reported', left: '4.958' },
        createdAt: 1,
      });
      // No key: nothing is sent to OpenAI's own address.
      const el = await imageWidget({ provider: 'openai', endpoint, 'storage-key': storageKey, locale: 'en-US' });
      const { lines } = await receiptOf(el);
      const The = who === 'OpenAI' ? 'OpenAI' : 'The gateway';
      expect(lines).to.deep.equal([
        ['Charged', `$0.042 · ${The}'s own figure`],
        ['Quoted', '$0.042'],
        [`Left at ${who}`, '$4.96'],
      ]);
      expect(words(el.shadowRoot!.querySelector('[part~=result] figcaption'))).to.contain(` · ${who} · 1024×1024`);
    });

  it('a charge other than the quote says how much more, in plain words', async () => {
    // BFL reports 2.1 credits for what the widget quoted at 1.4 (a price changed since the bundled table, or a misreport).
    const el = await bflWidget({ scenario: 'pending=50;cost=2.1', apiKey: `sim-receipt-${uniqueStorageKey()}` });
    await el.generate();
    const { lines, difference, footnote } = await receiptOf(el);
    expect(lines[0]).to.deep.equal(['Charged', "$0.021 · BFL's own figure: 2.1 credits"]);
    expect(difference).to.equal('$0.007 more than quoted.');
    // The simulator still debits the real 1.4 credits: what the balance fell by is a footnote, never a second charge.
    expect(words(footnote!)).to.equal(
      'Meanwhile your BFL balance fell by $0.014; where that differs from the charge, your account there says why.',
    );
    expect(el.tally!.spent, 'the one figure the tally counts').to.equal('0.021');
  });

  it('amounts as the card shows them, the exact figure in their title', async () => {
    // BFL reports 4.215 credits: $0.04215, shown "$0.0422" on the card.
    const el = await bflWidget({ scenario: 'pending=50;cost=4.215', apiKey: `sim-receipt-${uniqueStorageKey()}` });
    await el.generate();
    const { receipt, lines, difference } = await receiptOf(el);
    expect(lines[0]).to.deep.equal(['Charged', "$0.0422 · BFL's own figure: 4.215 credits"]);
    expect(receipt.querySelector('dd span')!.getAttribute('title')).to.equal('$0.04215');
    expect(receipt.querySelectorAll('dd')[2].querySelector('span')!.getAttribute('title')).to.equal('$9.986');
    const card = el.shadowRoot!.querySelector('[part~=result] figcaption span')!;
    expect(words(card), 'as the card shows it').to.equal('$0.0422');
    expect(difference).to.equal('$0.0282 more than quoted.');
  });

  it('fal: the charge is the quote, said as such, and no balance a fal key may read', async () => {
    const el = await imageWidget(
      {
        provider: 'fal',
        model: 'flux-2-klein-4b',
        locale: 'en-US',
        endpoint: falEndpoint('pending=50'),
        prompt: 'a fox',
      },
      { apiKey: `sim-receipt-${uniqueStorageKey()}` },
    );
    await el.generate();
    const { lines, difference } = await receiptOf(el);
    expect(lines.map(([name]) => name)).to.deep.equal(['Charged', 'Quoted']);
    expect(lines[0][1]).to.match(/^\$0\.\d+ · the quote: fal does not say what it charged$/);
    expect(difference).to.equal('As quoted.');
  });

  it('in German inside lang="de": the same receipt in German words and numbers', async () => {
    const el = await bflWidget({ scenario: 'pending=50', apiKey: `sim-receipt-${uniqueStorageKey()}` });
    el.removeAttribute('locale');
    el.lang = 'de';
    await el.generate();
    await until(() => words(el.shadowRoot!.querySelector('[part~=receipt] summary') ?? el) === 'Beleg');
    const { lines, difference } = await receiptOf(el);
    expect(lines).to.deep.equal([
      ['Berechnet', '0,014 $ · Angabe von BFL: 1,4 Credits'],
      ['Angekündigt', '0,014 $'],
      ['Übrig bei BFL', '9,99 $'],
    ]);
    expect(difference).to.equal('Wie angekündigt.');
  });
});

/** OpenAI's prices by host, laid over the built-in ones, for the simulator's loopback endpoint (as a proxy's page does). */
const OPENAI_BOOK = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);

// GPT Image 2.6 is quoted "at most": no source states its image's tokens, so the quote expects gpt-image-2's and states
// a ceiling of twice them (src/providers/openai/families.ts). What it is charged between the two is within what was
// quoted; only a charge above the most is more.
describe('a receipt for a price that is a bound', function () {
  this.timeout(20_000);
  afterEach(cleanMadeStorage);
  const day = '2026-11-20T12:00:00Z';
  controlledClock(day);

  /** GPT Image 2.6 Flare at high quality, 1024², at the simulator's OpenAI scaling its image's tokens by `scale`. */
  async function madeAt(scale: string) {
    const el = await imageWidget(
      {
        provider: 'openai',
        model: 'gpt-image-2.6-flare',
        quality: 'high',
        locale: 'en-US',
        prompt: 'a shiba inu eating a pink ice-cream cone, doodle on white',
        endpoint: simEndpoint('openai', `now=${day};scale=${scale};pending=50;run=${unique('bound')}`),
        'storage-key': uniqueStorageKey(),
      },
      { priceBook: OPENAI_BOOK, apiKey: unique('sk-bound') },
    );
    // Expected 7,024 image tokens × $30/M and the prompt's; at most twice the image's, and 2,000 tokens of planning.
    expect(el.quote).to.include({ total: '0.210795', atMost: '0.481725' });
    const result = await el.generate();
    await el.updateComplete;
    return { el, result, note: el.shadowRoot!.textContent!.replace(/\s+/g, ' '), ...(await receiptOf(el)) };
  }

  it('a charge between what was expected and the most is within what was quoted, never "more than quoted"', async () => {
    // The reply's usage: 1.3 times gpt-image-2's image tokens, and 300 of planning: $0.283035.
    const { result, lines, difference, note, receipt } = await madeAt('1.3');
    expect(result.charged).to.equal('0.283035');
    expect(result.images[0].receipt).to.deep.include({ quoted: '0.210795', most: '0.481725', charged: '0.283035' });
    expect(lines[0][1]).to.match(/^\$0\.283 · /);
    expect(lines[1]).to.deep.equal(['Quoted', 'at most $0.482 · about $0.211']);
    expect(receipt.querySelectorAll('dd')[1].querySelector('span')!.getAttribute('title')).to.equal(
      'at most $0.481725 · about $0.210795',
    );
    expect(difference).to.equal('Within what was quoted.');
    expect(words(receipt)).not.to.contain('more than');
    // Beside Generate, the same: charged within what the preview said.
    expect(note).to.contain(
      'The gateway charged $0.283, within what the preview said: at most $0.482, about $0.211. Your tally counts what was charged.',
    );
    expect(note).not.to.contain('more than');
  });

  it('a charge above the most is said plainly as more than the most quoted, by how much', async () => {
    // 2.5 times gpt-image-2's image tokens: 17,560 × $30/M, past the bound of twice them, and still within reason.
    const { result, lines, difference, note } = await madeAt('2.5');
    expect(result.charged).to.equal('0.535875');
    expect(lines[1]).to.deep.equal(['Quoted', 'at most $0.482 · about $0.211']);
    expect(difference).to.equal('$0.0542 more than the most quoted.');
    expect(note).to.contain(
      'The gateway charged $0.536, $0.0542 more than the most the preview said ($0.482). Your tally counts what was charged.',
    );
  });

  it('in German: within what was quoted, and above it', async () => {
    const storageKey = uniqueStorageKey();
    await new ImageStore({ storageKey }).put({
      id: 'kept-within',
      entryId: 'entry-within',
      blob: await pngBlob(64, 64),
      prompt: 'a red ceramic mug',
      model: 'gpt-image-2.6-flare',
      provider: 'openai',
      width: 1024,
      height: 1024,
      charged: '0.0775',
      receipt: { quoted: '0.0527', most: '0.166', basis: 'reported' },
      createdAt: 1,
    });
    const el = await imageWidget({ provider: 'openai', 'storage-key': storageKey, lang: 'de' });
    await until(() => words(el.shadowRoot!.querySelector('[part~=receipt] summary') ?? el) === 'Beleg');
    const { lines, difference } = await receiptOf(el);
    expect(lines[1]).to.deep.equal(['Angekündigt', 'höchstens 0,166 $ · etwa 0,0527 $']);
    expect(difference).to.equal('Im Rahmen des Angekündigten.');
  });
});

// What a page prices once (src/pricing/page-offers.ts): the offers (the model picker's price on every model) asked alike
// by several widgets are priced once, kept by a key that says everything they depend on, so a widget with other prices
// never reads another's.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { identityOf, pageOffers } from '../../src/pricing/page-offers.js';
import type { Offer } from '../../src/pricing/compare.js';
import { prices } from '../../src/strings/prices.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { imageElement, part, words } from '../support/widget.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

const offer = (total: string): Offer[] => [{ provider: 'bfl', model: 'flux-2-klein-4b', total, problem: '' }];

describe('pageOffers: priced once per page for what is asked alike', () => {
  it('the same key: priced once, the same list; another key: priced again', () => {
    let priced = 0;
    const price = () => (priced++, offer('0.014'));
    const first = pageOffers('same request', price);
    expect(pageOffers('same request', price)).to.equal(first);
    expect(priced).to.equal(1);
    pageOffers('another request', price);
    expect(priced).to.equal(2);
  });

  it('keeps the last used: the least used of 33 keys is priced again', () => {
    let priced = 0;
    const price = () => (priced++, offer('0.014'));
    for (let key = 0; key < 33; key++) pageOffers(`kept ${key}`, price);
    pageOffers('kept 32', price);
    expect(priced).to.equal(33);
    pageOffers('kept 0', price);
    expect(priced).to.equal(34);
  });

  it('identityOf: the same object the same number, another object another, none 0', () => {
    const book = {};
    expect(identityOf(book)).to.equal(identityOf(book));
    expect(identityOf(book)).not.to.equal(identityOf({}));
    expect(identityOf(undefined)).to.equal(0);
  });
});

describe('the model picker of two widgets', () => {
  let els: UserPaysImage[] = [];
  afterEach(() => els.forEach((el) => el.remove()));
  const uniqueStorageKey = storageKeysForgottenAfterEach();

  /** Widgets (BFL) of one storage key speaking `strings`, each at rest: its panels, its ledger. */
  async function widgets(strings: object, ...priceBooks: (object | null)[]) {
    const storageKey = uniqueStorageKey();
    els = priceBooks.map((priceBook) =>
      Object.assign(imageElement(document, { provider: 'bfl', prompt: 'a fox', 'storage-key': storageKey }), {
        strings,
        priceBook,
      }),
    );
    document.body.append(...els);
    await Promise.all(els.map((el) => el.updateComplete));
    return els;
  }

  it('a change both widgets make alike is priced on every model once, not once per widget', async () => {
    // Every request priced names where it is priced: counted.
    let calls = 0;
    const strings = { prices: { priceWhere: (...said: [string, string]) => (calls++, prices.priceWhere(...said)) } };
    const [one, two] = await widgets(strings, null, null);
    calls = 0;
    one!.width = 512;
    await one!.updateComplete;
    const alone = calls;
    expect(alone, 'its quote and every model of the picker').to.be.greaterThan(5);
    calls = 0;
    one!.width = two!.width = 768;
    await Promise.all([one!.updateComplete, two!.updateComplete]);
    expect(calls, "the second widget's own quote only").to.equal(alone + 1);
  });

  it('a widget with prices of its own is priced with them, not with the other widget’s', async () => {
    const book = {
      'flux-2-klein-4b': {
        bfl: {
          rule: { kind: 'flat', unit: 'usd', perImage: '1.00' },
          source: { name: 'This site', asOf: '2026-11-01' },
          exact: true,
        },
      },
    };
    const [plain, own] = await widgets({}, null, book);
    const klein = (el: UserPaysImage) => words(part(el, 'model')!.querySelector('.model-choice .price'));
    expect(klein(plain!)).to.equal('$0.014');
    expect(klein(own!)).to.equal('$1.00');
  });
});

// The provider's report wins over a page's price: where the provider reports what it charged and its rates
// are built in (Google's Gemini, by its `usageMetadata`), the ledger books what it reports at those rates, whatever the
// page's `priceBook` said; the receipt says the price differed from the preview. And what is booked is booked under the
// model that was sent: the replacement of one the provider has shut down, never the name the page gave.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import type { PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { simCharged, simEndpoint, unique } from '../support/sim.js';

const TODAY = '2026-11-28T12:00:00Z';
const PROMPT = 'a red fox in the snow';

/** Nano Banana 2.1 at Google, priced by the page at nothing. */
function freeBook(): PriceBook {
  const entry = BUILTIN_PRICE_BOOK['gemini-nano-banana-2.1'].google!;
  if (entry.rule.kind !== 'tokens') throw new Error('Nano Banana 2.1 is billed in tokens');
  const rates = { textIn: '0', imageIn: '0', imageOut: '0', textOut: '0' };
  return { 'gemini-nano-banana-2.1': { google: { ...entry, rule: { ...entry.rule, rates } } } };
}

describe('what the provider reports it charged, booked whatever the page priced', function () {
  this.timeout(20_000);
  controlledClock(TODAY);
  const newStorageKey = storageKeysForgottenAfterEach();

  it('Nano Banana 2.1 priced at $0 by the page: Google’s usage is booked at Google’s rates', async () => {
    const storageKey = newStorageKey();
    const apiKey = unique('goog');
    const made = await generate(
      { provider: 'google', model: 'gemini-nano-banana-2.1', prompt: PROMPT },
      {
        apiKey,
        storageKey,
        priceBook: freeBook(),
        endpoint: simEndpoint('google', `now=${TODAY};run=${unique('report')}`, { crossOrigin: true }),
      },
    );
    // The page's price is below Google's own rates: the quote is Google's (src/providers/registry/page-prices.ts).
    expect(Number(made.quote.total), 'Google’s price, not the page’s').to.be.greaterThan(0.03);
    const charged = await simCharged('google', apiKey);
    expect(Number(charged)).to.be.greaterThan(0.03);
    expect(made.charged).to.equal(charged);
  });

  it('a page naming a model since shut down: booked under the model sent', async () => {
    const storageKey = newStorageKey();
    await generate(
      { provider: 'google', model: 'imagen-4', prompt: PROMPT },
      {
        apiKey: unique('goog'),
        storageKey,
        endpoint: simEndpoint('google', `now=${TODAY};run=${unique('sent')}`, { crossOrigin: true }),
      },
    );
    const [entry] = new LedgerStore({ storageKey }).entries();
    expect(entry.model).to.equal('gemini-nano-banana-2.1');
  });
});

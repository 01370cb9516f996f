// A provider's report of what an image cost that is beyond reason (src/generation/report-check.ts) is no report: over
// real HTTP against simulators whose replies lie about what they billed (the bill itself unchanged: `_charges`), the
// image is kept, booked at its bound as uncertain, the figure said kept in its receipt, and the tally, the budget and
// the words stay sane.
// Holds: src/providers/engine/figure-said.ts
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { mergePriceBook, type PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import { bflEndpoint, simCharged, simEndpoint, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { imageWidget, panelsLoaded, part, words } from '../support/widget.js';

/** OpenAI's prices by host, laid over the built-in ones, for the simulator's loopback endpoint (as a proxy's page does). */
const OPENAI_BOOK: PriceBook = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);
const TODAY = '2026-11-28T12:00:00Z';
const PROMPT = 'a fox in the snow';

const openaiSaying = (usage: string) =>
  simEndpoint('openai', `now=${TODAY};usage=${usage};run=${unique()}`, { crossOrigin: true });
const googleSaying = (usage: string) =>
  simEndpoint('google', `now=${TODAY};usage=${usage};run=${unique()}`, { crossOrigin: true });

describe('a reported charge beyond reason', function () {
  this.timeout(20_000);
  controlledClock(TODAY);
  const newStorageKey = storageKeysForgottenAfterEach();

  /** GPT Image 2 at low quality through a reply whose usage says `usage`, then what the ledger holds. */
  async function gptImageSaying(usage: string, budget?: string) {
    const [storageKey, apiKey] = [newStorageKey(), unique('sk-gpt')];
    const asked = { provider: 'openai', model: 'gpt-image-2', prompt: PROMPT, quality: 'low' } as const;
    const options = { apiKey, endpoint: openaiSaying(usage), storageKey, priceBook: OPENAI_BOOK, budget };
    const result = await generate(asked, options);
    const tally = new LedgerStore({ storageKey }).tally(budget);
    return { result, apiKey, tally, again: () => generate(asked, options) };
  }

  it('GPT Image reporting 2^53−1 output tokens: the image kept, its bound booked uncertain, the figure in its receipt', async () => {
    const { result, apiKey, tally, again } = await gptImageSaying('huge', '1');
    const { atMost } = result.quote;
    expect(result.images).to.have.length(1);
    expect(result.charged).to.equal(atMost);
    expect(result.images[0].receipt).to.include({ basis: 'bound', charged: atMost });
    // What the reply said, for the record: 2^53−1 tokens at $30 per million, near $270 billion.
    expect(result.images[0].receipt!.reported).to.match(/^27021597\d{4}\.\d+$/);
    expect(tally).to.deep.include({ spent: '0', uncertain: atMost, images: 1 });
    // The budget is not gone: what remains is the budget less the bound, not less $270 billion.
    expect(tally.remaining).to.equal(String(1 - Number(atMost)));
    // What OpenAI billed is within the bound; and the next image passes the same $1 budget.
    expect(Number(await simCharged('openai', apiKey))).to.be.at.most(Number(atMost));
    expect((await again()).images).to.have.length(1);
  });

  it('GPT Image reporting no tokens at all for an image it made: not booked as nothing', async () => {
    const { result, tally } = await gptImageSaying('zero');
    expect(result.images[0].receipt).to.include({ basis: 'bound', reported: '0' });
    expect(tally).to.deep.include({ spent: '0', uncertain: result.quote.atMost });
  });

  it('Gemini reporting 2^53−1 image tokens: the bound booked uncertain, the image kept, the words say why', async () => {
    const el = await imageWidget(
      { provider: 'google', model: 'gemini-nano-banana-2.1', prompt: PROMPT, endpoint: googleSaying('huge') },
      { apiKey: unique('goog') },
    );
    newStorageKey.forget(el.storageKey);
    await panelsLoaded(el);
    const quote = el.quote!;
    const result = await el.generate();
    expect(result.images[0].receipt).to.include({ basis: 'bound', charged: quote.atMost });
    expect(el.tally).to.deep.include({ spent: '0', uncertain: quote.atMost, images: 1 });
    await el.updateComplete;
    expect(words(el.shadowRoot)).to.match(
      /Google said this cost \$[\d,.]+, which no image of this request can cost, so it is not booked: at most \$0\.\d+ is/,
    );
    // The receipt keeps the figure said, apart from the charge counted.
    expect(words(part(el, 'receipt'))).to.match(/Google's reply said \$[\d,.]{15,}, more than this image can cost/);
  });

  it('Gemini reporting no tokens: not booked as nothing', async () => {
    const result = await generate(
      { provider: 'google', model: 'gemini-nano-banana-2.1', prompt: PROMPT },
      { apiKey: unique('goog'), endpoint: googleSaying('zero'), storageKey: newStorageKey() },
    );
    expect(result.images[0].receipt).to.include({ basis: 'bound', reported: '0', charged: result.quote.atMost });
  });

  it('a truthful report above the quote but within its ceiling is booked as reported', async () => {
    const { result, apiKey } = await gptImageSaying('as-billed');
    expect(result.images[0].receipt).to.include({ basis: 'reported' });
    expect(result.charged).to.equal(await simCharged('openai', apiKey));
  });

  for (const [cost, reported] of [
    ['-0.5', '-0.005'],
    ['true', 'true'],
    ['1e9', '10000000'],
  ]) {
    it(`BFL saying cost ${cost}: the image kept, booked uncertain at the quote, the figure in its receipt`, async () => {
      const storageKey = newStorageKey();
      const endpoint = bflEndpoint(`pending=50;deliveryCors=1;cost=${encodeURIComponent(cost)};run=${unique()}`);
      const result = await generate(
        { provider: 'bfl', model: 'flux-2-pro', prompt: PROMPT },
        { apiKey: unique('sim-bfl'), storageKey, endpoint },
      );
      expect(result.images[0].receipt).to.include({ basis: 'bound', charged: result.quote.total, reported });
      expect(new LedgerStore({ storageKey }).tally()).to.deep.include({ spent: '0', uncertain: result.quote.total });
    });
  }

  it('OpenRouter saying usage.cost of a billion dollars, or below nothing: the bound, uncertain', async () => {
    for (const [cost, reported] of [
      ['1e9', '1000000000'],
      ['-1', '-1'],
    ]) {
      const storageKey = newStorageKey();
      const result = await generate(
        { provider: 'openrouter', model: 'flux-2-klein-4b', prompt: PROMPT },
        { apiKey: unique('sim-or'), storageKey, endpoint: simEndpoint('openrouter', `cost=${cost};run=${unique()}`) },
      );
      expect(result.images[0].receipt, cost).to.include({ basis: 'bound', charged: result.quote.total, reported });
      expect(new LedgerStore({ storageKey }).tally(), cost).to.deep.include({ uncertain: result.quote.total });
    }
  });
});

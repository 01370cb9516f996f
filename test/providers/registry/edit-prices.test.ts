// What each model makes of the images it is sent is its provider's word (its folder's edit-prices.ts, SPEC §13), put in
// force a moment after the first paint: laid on the model's entry from then on, a page's own word kept.
// Holds: src/providers/registry/edit-prices.ts
// Holds: src/providers/registry/edits-loader.ts
// Holds: src/providers/bfl/edit-prices.ts
// Holds: src/providers/openai/edit-prices.ts
import { expect } from '@open-wc/testing';
import type { ProviderId } from '../../../src/base/types.js';
import { priceOf, type PriceBook } from '../../../src/pricing/index.js';
import { EDIT_FACTS } from '../../../src/providers/registry/edit-prices.js';
import { editsLoaded, loadEdits } from '../../../src/providers/registry/edits-loader.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, priceBookFor } from '../../../src/providers/registry/prices.js';

const IMAGE = { width: 1024, height: 1024 };

/** The entry `priceOf` prices `model` at `provider` with, from `book`, with the edits' pricing where it has loaded. */
const priced = (
  provider: ProviderId,
  model: string,
  book: PriceBook = priceBookFor('', BUILTIN_PRICE_BOOK, provider),
) => priceOf({ provider, model, width: 1024, height: 1024, inputs: [IMAGE] }, book, undefined, editsLoaded()).entry;

describe('each provider’s edit facts', () => {
  it('before they are in force, no model edits: the first paint knows none of it', () => {
    expect(priced('bfl', 'flux-pro-1.0-fill')?.edits).to.equal(undefined);
    expect(priced('openai', 'gpt-image-2')?.edits).to.equal(undefined);
  });

  it('once in force, each model makes the kinds its provider says, and only there', async () => {
    await loadEdits();
    expect(priced('bfl', 'flux-pro-1.0-fill')?.edits).to.deep.equal(['mask']);
    expect(priced('bfl', 'flux-erase')?.edits).to.deep.equal(['erase']);
    expect(priced('bfl', 'flux-2-pro')?.edits).to.deep.equal(['instruction']);
    // FLUX1.1 [pro] takes an image as a prompt, not to edit: no kind of edit.
    expect(priced('bfl', 'flux-pro-1.1')?.edits).to.equal(undefined);
    const gpt = priced('openai', 'gpt-image-2');
    expect(gpt?.edits).to.deep.equal(['instruction', 'mask']);
    // The accounts': an instruction only, and how each bills the images sent.
    expect(priced('puter', 'gpt-image-2')?.edits).to.deep.equal(['instruction']);
    expect(priced('puter', 'grok-imagine')?.inputPrice).to.deep.equal({ per: 'image', usd: '0.002' });
    expect(
      priced('openrouter', 'gemini-3-pro-image', priceBookFor('', BUILTIN_PRICE_BOOK, 'openrouter'))?.rule,
    ).to.deep.include({
      inputTokens: { expected: 560, most: 1120 },
    });
    expect(
      priced('pollinations', 'qwen-image', priceBookFor('', BUILTIN_PRICE_BOOK, 'pollinations'))?.inputPrice,
    ).to.deep.equal({
      per: 'request',
      usd: '0.005',
    });
    expect(gpt?.rule.kind === 'tokens' && gpt.rule.inputTokens).to.deep.equal({ expected: 1536, most: 4096 });
  });

  it('a page’s own entry keeps its own word, and one that says nothing of edits takes its provider’s', async () => {
    await loadEdits();
    const own = GATEWAY_PRICE_BOOKS['api.openai.com']['gpt-image-2'].openai!;
    const saysMaskOnly: PriceBook = { 'gpt-image-2': { openai: { ...own, edits: ['mask'] } } };
    expect(priced('openai', 'gpt-image-2', saysMaskOnly)?.edits).to.deep.equal(['mask']);
    // A site that proxies OpenAI states OpenAI's prices as its own (the demo does): GPT Image still edits there.
    const proxied: PriceBook = { 'gpt-image-2': { openai: { ...own } } };
    expect(priced('openai', 'gpt-image-2', proxied)?.edits).to.deep.equal(['instruction', 'mask']);
  });

  it('names only models its provider prices in the built-in book, at one of its hosts', () => {
    for (const [provider, facts] of Object.entries(EDIT_FACTS) as [ProviderId, object][]) {
      const books = [BUILTIN_PRICE_BOOK, ...Object.values(GATEWAY_PRICE_BOOKS)];
      for (const model of Object.keys(facts))
        expect(
          books.some((book) => book[model]?.[provider]),
          `${model} at ${provider}`,
        ).to.equal(true);
    }
  });
});

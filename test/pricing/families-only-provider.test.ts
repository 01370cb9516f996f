// A provider whose own API sells only the other families (OpenAI's, Google's): before their prices are here, a model
// it has no price for is pending, not refused (a widget of theirs asks for the default model until they are, then
// for theirs: no error on its first screen); once they are, the same request is refused in words.
import { expect } from '@open-wc/testing';
import { priceOf } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, loadFamilies } from '../../src/providers/prices.js';

describe('a provider that sells only the other families', () => {
  const request = (provider: 'openai' | 'google') => ({
    provider,
    model: 'flux-2-klein-4b',
    prompt: 'a fox',
    width: 1024,
    height: 1024,
    count: 1,
  });

  it('prices nothing as pending until its families are here, then refuses a model it has no price for', async () => {
    for (const provider of ['openai', 'google'] as const) {
      expect(priceOf(request(provider), BUILTIN_PRICE_BOOK), provider).to.deep.equal({ problem: '', pending: true });
      await loadFamilies(provider);
      const priced = priceOf(request(provider), BUILTIN_PRICE_BOOK);
      expect([priced.pending, priced.problem], provider).to.deep.equal([
        undefined,
        `FLUX.2 [klein] 4B has no price for provider ${provider} yet. Pick another provider or model.`,
      ]);
    }
  });

  it('a provider with prices of its own refuses at once what it has no price for', () => {
    const priced = priceOf({ ...request('openai'), provider: 'fal', model: 'gpt-image-1' }, BUILTIN_PRICE_BOOK);
    expect(priced.pending).to.equal(true); // a family model: its prices may come with the families
    const flux = priceOf(
      { ...request('openai'), provider: 'huggingface', model: 'flux-kontext-max' },
      BUILTIN_PRICE_BOOK,
    );
    expect([flux.pending, flux.problem]).to.deep.equal([
      undefined,
      'FLUX.1 Kontext [max] has no price for provider huggingface yet. Pick another provider or model.',
    ]);
  });
});

// UserPays.quote() is synchronous for every model of the built-in price book (SPEC §2): FLUX and the other families
// alike, with nothing to await first, at every provider that sells the model.
import { expect } from '@open-wc/testing';
import { quote } from '../../src/api.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import type { ProviderId } from '../../src/base/types.js';

describe('UserPays.quote(), before anything is awaited', () => {
  it('prices GPT Image 2 at OpenAI, Nano Banana at Google and Seedream at Puter', () => {
    expect(quote({ provider: 'openai', model: 'gpt-image-2', prompt: 'a fox', width: 1024, height: 1024, count: 1 }))
      .to.have.property('atMost')
      .that.is.a('string');
    expect(
      quote({
        provider: 'google',
        model: 'gemini-nano-banana-2.1',
        prompt: 'a fox',
        width: 1024,
        height: 1024,
        count: 1,
      }),
    )
      .to.have.property('atMost')
      .that.is.a('string');
    expect(quote({ provider: 'puter', model: 'seedream-4.5', width: 2048, height: 2048, count: 1 })).to.include({
      total: '0.04',
      exact: true,
    });
  });

  it('prices every model of the book at every provider that sells it, at its default size', () => {
    const unpriced: string[] = [];
    for (const [model, byProvider] of Object.entries(BUILTIN_PRICE_BOOK))
      for (const provider of Object.keys(byProvider) as ProviderId[]) {
        const priced = quote({ provider, model });
        if (!/^\d+(\.\d+)?$/.test(priced.total)) unpriced.push(`${model} at ${provider}`);
      }
    expect(unpriced).to.deep.equal([]);
  });
});

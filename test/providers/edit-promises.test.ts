// Where a model with words of its own for its editing ("Fast edits, up to 4K") edits images, as the first paint knows
// it (src/providers/edit-promises.ts), is exactly what its providers' edit facts say (each edit-prices.ts, loaded after
// the first paint): its card says the same words before and after they load, and promises an edit nowhere else.
import { expect } from '@open-wc/testing';
import type { ProviderId } from '../../src/base/types.js';
import { editsWithWordsAt } from '../../src/providers/edit-promises.js';
import { EDIT_FACTS } from '../../src/providers/registry/edit-prices.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../src/providers/registry/prices.js';
import { PROVIDERS } from '../../src/providers/registry/registry.js';
import { models as english } from '../../src/strings/image/models.js';
import { models as german } from '../../src/translations/de/image/models.js';

const providers = Object.keys(PROVIDERS) as ProviderId[];
const models = [
  ...new Set([BUILTIN_PRICE_BOOK, ...Object.values(GATEWAY_PRICE_BOOKS)].flatMap((book) => Object.keys(book))),
];
const editsByFacts = (provider: ProviderId, model: string) => !!EDIT_FACTS[provider]?.[model]?.edits?.length;

describe('where a model with editing words edits, as the first paint knows it', () => {
  it('is where its edit facts name a kind of edit, for every model with such words and every provider', () => {
    const worded = models.filter((model) => english.bestForEditing(model) || german.bestForEditing(model));
    expect(worded).to.include.members(['gemini-nano-banana-2.1', 'flux-kontext-pro', 'gpt-image-1.5']);
    const differ = worded.flatMap((model) =>
      providers
        .filter((provider) => editsWithWordsAt(provider, model) !== editsByFacts(provider, model))
        .map((provider) => `${model} at ${provider}: the facts say ${editsByFacts(provider, model)}`),
    );
    expect(differ).to.deep.equal([]);
  });

  it('names no model without such words', () => {
    const named = models
      .filter((model) => !english.bestForEditing(model) && !german.bestForEditing(model))
      .filter((model) => providers.some((provider) => editsWithWordsAt(provider, model)));
    expect(named).to.deep.equal([]);
  });
});

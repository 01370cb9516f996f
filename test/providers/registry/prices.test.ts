// Every built-in price's source is named to the user in plain words (the price details say "Prices: …, as of …"): no
// note of the code's ("UNVERIFIED"), no shorthand of a repository, an issue or a commit. Where a price is others'
// statement of the provider's, not its own, the source says so (`restated`), and the price details say it is an
// estimate from those, in words, in the user's language.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { PriceSource, ProviderId } from '../../../src/base/types.js';
import { renderQuote } from '../../../src/elements/shared/quote-view.js';
import type { PriceBook } from '../../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, quoteFor } from '../../../src/providers/registry/prices.js';
import { de } from '../../../src/translations/de.js';

/** Every price source of the built-in book and of the gateways' books by host: where each is, and the source. */
function priceSources(): [string, PriceSource][] {
  const books: [string, PriceBook][] = [['built-in', BUILTIN_PRICE_BOOK], ...Object.entries(GATEWAY_PRICE_BOOKS)];
  return books.flatMap(([book, prices]) =>
    Object.entries(prices).flatMap(([model, byProvider]) =>
      Object.entries(byProvider).map(([provider, entry]): [string, PriceSource] => [
        `${book}: ${model} at ${provider}`,
        entry!.source,
      ]),
    ),
  );
}

/** What the price details say of `provider`'s `model` (the breakdown, its notes, its source), in `translation`. */
function detailsOf(provider: ProviderId, model: string, translation?: typeof de) {
  const quote = quoteFor({ provider, model, width: 1024, height: 1024, prompt: 'a fox' });
  const host = document.createElement('div');
  render(renderQuote(quote, { locale: 'en-US', translation }), host);
  return host.textContent!.replace(/\s+/g, ' ');
}

describe('the built-in prices’ sources', () => {
  const sources = priceSources();

  it('are read from the books: dozens of them, of every provider', () => {
    expect(sources.length).to.be.greaterThan(50);
  });

  it('are named in plain words: no note of the code’s, no shorthand of a repository, an issue or a commit', () => {
    for (const [where, { name }] of sources) {
      expect(name, where).not.to.match(/unverified|todo|fixme/i);
      expect(name, where).not.to.match(/#\d/); // an issue or a discussion
      expect(name, where).not.to.match(/@[0-9a-f]{6,}/); // a commit
      expect(name, where).not.to.match(/\b[\w.-]+\/[\w.-]+\b/); // a repository, a path
      expect(name.trim(), where).to.equal(name);
      expect(name, where).to.match(/^\S/);
    }
  });

  it('where a name says others restate the provider’s price, it is marked so, as resellers’ or others’', () => {
    for (const [where, source] of sources)
      if (/restate|lists them/.test(source.name)) expect(source.restated, where).to.be.oneOf(['resellers', 'others']);
    const marked = sources.filter(([, source]) => source.restated).map(([where]) => where);
    expect(marked).to.include('built-in: flux-erase at bfl');
    expect(marked).to.include('built-in: flux-outpainting at bfl');
    expect(marked).to.include('built-in: flux-3-image at bfl');
  });

  it('the price details say a restated price is an estimate from resellers’ or others’ prices, in words', () => {
    const erase = quoteFor({ provider: 'bfl', model: 'flux-erase', width: 1024, height: 1024 });
    expect(erase.source).to.include({ name: "fal's and Runware's FLUX Erase prices", restated: 'resellers' });
    const gpt = detailsOf('openai', 'gpt-image-2.6-flare');
    expect(gpt).to.contain("An estimate from resellers' prices, not the provider's own: the charge may differ.");
    expect(gpt).to.contain("Prices: GPT Image 2.5 and 2.6, as resellers' notes restate OpenAI's, as of 2026-11-05");
    expect(gpt).not.to.contain('the provider may charge a little differently'); // said once, the restated way
    const flux3 = detailsOf('bfl', 'flux-3-image');
    expect(flux3).to.contain(
      'An estimate from what others say the provider charges, not from its own page: the charge may differ.',
    );
    // A price the provider states itself says nothing of the kind.
    expect(detailsOf('bfl', 'flux-2-pro')).not.to.contain('An estimate');
  });

  it('in German too', () => {
    expect(detailsOf('openai', 'gpt-image-2.6-flare', de)).to.contain(
      'Eine Schätzung nach den Preisen von Wiederverkäufern, nicht nach denen des Anbieters selbst: Die Berechnung kann abweichen.',
    );
    expect(detailsOf('bfl', 'flux-3-image', de)).to.contain(
      'Eine Schätzung nach dem, was Dritte über die Preise des Anbieters sagen, nicht nach seiner eigenen Seite',
    );
    expect(detailsOf('openai', 'gpt-image-2.6-flare', de)).to.contain(
      'Preise: GPT Image 2.5 und 2.6, wie Notizen von Wiederverkäufern die von OpenAI wiedergeben, Stand 2026-11-05',
    );
    expect(de.prices.pricesFrom("fal's and Runware's FLUX Erase prices", '2026-11-28')).to.equal(
      'Preise: FLUX-Erase-Preise von fal und Runware, Stand 2026-11-28',
    );
  });
});

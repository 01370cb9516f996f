import { css, html, nothing } from 'lit';
import { formatUsd, modelName } from '../../../pricing/index.js';
import { rankOffers } from '../../../pricing/compare.js';
import type { Offer } from '../../../pricing/compare.js';
import { offers } from '../../../strings/image/offers.js';
import { prices } from '../../../strings/prices.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';
import { words } from '../../../strings/words.js';
import type { ProviderId } from '../../../base/types.js';

/** The request as set, priced on every model and provider the page allows (the widget's `compare` part). */
export interface CompareView {
  offers: readonly Offer[];
  /** The model and provider in force. */
  provider: ProviderId;
  model: string;
  locale?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/**
 * A disclosure that lists every offer, those that can make the request cheapest first and the cheapest
 * marked, each a button that switches to it (`data-provider`, `data-model`); those that cannot make it are
 * listed last, disabled, with the reason. A button is named by the words it shows ("FLUX.2 [pro] · BFL": WCAG 2.5.3,
 * a name that says it otherwise fails speech input), pressed for the offer in force, and described by its price (or
 * the reason) and "cheapest", which are beside it.
 */
export function renderCompare(view: CompareView, choose: (event: Event) => void) {
  const ranked = rankOffers(view.offers);
  if (ranked.length < 2) return nothing;
  const price = (total?: string) => (total === undefined ? '' : formatUsd(total, view.locale));
  const best = ranked[0].cheapest ? ranked[0] : undefined;
  const offersText = wordsIn(view.translation, 'offers', offers);
  const wordsText = wordsIn(view.translation, 'words', words);
  const pricesText = wordsIn(view.translation, 'prices', prices);
  return html`<details part="compare" class="compare">
    <summary>
      ${best ? offersText.compareSummary(modelName(best.model), price(best.total)) : offersText.compareLabel()}
    </summary>
    <ul>
      ${ranked.map((offer, index) => {
        const name = modelName(offer.model);
        const provider = wordsText.providerName(offer.provider);
        const current = offer.provider === view.provider && offer.model === view.model;
        const about = `offer-${index}`;
        return html`<li class=${offer.problem ? 'muted' : ''}>
          <button
            type="button"
            class="secondary"
            aria-describedby=${about}
            aria-pressed=${current}
            ?disabled=${!!offer.problem}
            data-provider=${offer.provider}
            data-model=${offer.model}
            @click=${choose}
          >
            ${offersText.offerName(name, provider)}
          </button>
          <span id=${about}
            >${
              offer.problem ||
              html`<strong>${price(offer.total)}</strong>${offer.atMost ? pricesText.atMost(price(offer.atMost)) : ''}`
            }
            ${offer.cheapest ? html`<span class="badge">${offersText.cheapest()}</span>` : nothing}</span
          >
        </li>`;
      })}
    </ul>
  </details>`;
}

/** The comparison, in the price details: each offer a line, its button, its price, the cheapest marked. */
export const compareStyles = css`
  .compare ul {
    list-style: none;
    margin: 0.4rem 0 0;
    padding: 0;
  }
  .compare li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 0.6rem;
    padding: 0.15rem 0;
  }
  .compare [aria-pressed='true'] {
    font-weight: 600;
  }
  .compare button {
    color: var(--_accent);
    background: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.2rem 0.6rem;
    min-height: 28px;
    cursor: pointer;
  }
  .badge {
    font-size: 0.75rem;
    color: var(--_accent-text);
    background: var(--_accent);
    border-radius: 1em;
    padding: 0 0.6em;
  }
`;

import { css, html, nothing } from 'lit';
import { formatUsd, modelName } from '../../../../pricing/index.js';
import { rankOffers, type Offer } from '../../../../pricing/compare.js';
import { offers } from '../../../../strings/image/offers.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { widget } from '../../../../strings/image/widget.js';
import { words } from '../../../../strings/words.js';
import type { ProviderId } from '../../../../base/types.js';

/**
 * An offer as the comparison lists it: with what its model is best for, in the widget's words, and whom it pays
 * (`payeeAt`: its provider's id, or the name it has at its endpoint, OpenAI at OpenAI's own API).
 */
export type ComparedOffer = Offer & { bestFor: string; payee: string };

/** The request as set, priced on every model and provider the page allows (the widget's `compare` part). */
export interface CompareView {
  offers: readonly ComparedOffer[];
  /** The model and provider in force. */
  provider: ProviderId;
  model: string;
  locale?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/**
 * A disclosure that lists every offer in a table of three columns (the model with what it is best for, its provider,
 * the price at the right), across the families, which reads at thirty rows: those that can make the request cheapest
 * first by the most each can cost (a bound as "at most"), the cheapest marked, each model a
 * button that switches to it (`data-provider`, `data-model`); those that cannot make it are listed last, disabled,
 * with the reason where the price would be. A button shows the model's name and is named by it and its provider
 * ("FLUX.2 [pro] BFL": the words it shows first, WCAG 2.5.3, and one name for each of a model's rows), pressed for
 * the offer in force, and described by its price (or the reason), with "cheapest" where it is.
 */
export function renderCompare(view: CompareView, choose: (event: Event) => void) {
  const ranked = rankOffers(view.offers);
  if (ranked.length < 2) return nothing;
  const price = (total?: string) => (total === undefined ? '' : formatUsd(total, view.locale));
  const best = ranked[0].cheapest ? ranked[0] : undefined;
  const offersText = wordsIn(view.translation, 'offers', offers);
  const wordsText = wordsIn(view.translation, 'words', words);
  return html`<details part="compare" class="compare">
    <summary>
      ${best ? offersText.compareSummary(modelName(best.model), price(best.total)) : offersText.compareLabel()}
    </summary>
    <table>
      <thead>
        <tr>
          <th>${wordsIn(view.translation, 'widget', widget).modelLabel()}</th>
          <th class="provider">${offersText.providerColumn()}</th>
          <th class="price">${offersText.priceColumn()}</th>
        </tr>
      </thead>
      <tbody>
        ${ranked.map((offer, index) => {
          const current = offer.provider === view.provider && offer.model === view.model;
          const about = `offer-${index}`;
          return html`<tr class=${offer.problem ? 'unable' : current ? 'current' : ''}>
              <th>
                <button
                  type="button"
                  id=${about}
                  aria-labelledby="${about} ${about}-provider"
                  aria-describedby="${about}-${offer.problem ? 'why' : 'price'}${offer.cheapest ? ` ${about}-best` : ''}"
                  aria-pressed=${current}
                  ?disabled=${!!offer.problem}
                  data-provider=${offer.provider}
                  data-model=${offer.model}
                  @click=${choose}
                >
                  ${modelName(offer.model)}
                </button>
                ${offer.cheapest ? html`<span id="${about}-best" class="badge">${offersText.cheapest()}</span>` : nothing}
                ${offer.bestFor ? html`<span class="best">${offer.bestFor}</span>` : nothing}
                <span class="via" aria-hidden="true">${wordsText.providerName(offer.payee)}</span>
              </th>
              <td id="${about}-provider" class="provider">${wordsText.providerName(offer.payee)}</td>
              <td id="${about}-price" class="price">
                ${
                  offer.problem
                    ? nothing
                    : html`<strong>${price(offer.total)}</strong>${
                          offer.atMost
                            ? // A space before the line, so that the price and its bound read apart as text.
                              html` <span class="bound">${offersText.atMostUnder(price(offer.atMost))}</span>`
                            : ''
                        }`
                }
              </td>
            </tr>
            ${
              offer.problem
                ? html`<tr class="unable why">
                    <td id="${about}-why" colspan="3">${offer.problem}</td>
                  </tr>`
                : nothing
            }`;
        })}
      </tbody>
    </table>
  </details>`;
}

/**
 * The comparison, in the price details: a compact table as wide as the controls, a line for each offer (and under one
 * that cannot make the request, why, across the table), its prices at the right in figures of one width, the offer
 * in force tinted, the cheapest marked.
 */
export const compareStyles = css`
  .compare table {
    width: 100%;
    margin-top: 0.4rem;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .compare th,
  .compare td {
    padding: 0.25rem 0.75rem 0.1rem 0;
    border-bottom: 1px dotted var(--_border);
    font-weight: normal;
    text-align: start;
    vertical-align: top;
  }
  .compare thead {
    color: var(--_muted);
    font-size: 0.75rem;
  }
  .compare .price {
    padding-right: 0;
    text-align: end;
  }
  .compare td,
  .compare strong {
    white-space: nowrap;
  }
  /*
   * The model's column takes what the provider and the price leave it (they keep to their narrowest): a bound ("at
   * most $0.0732") is a quiet line under its price rather than beside it.
   */
  .compare thead th:first-child {
    width: 100%;
  }
  .compare .bound {
    display: block;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .compare .why td {
    white-space: normal;
    font-size: 0.8125rem;
    padding-top: 0;
  }
  .compare tr:has(+ .why) > * {
    border-bottom: 0;
  }
  .compare .unable {
    color: var(--_muted);
  }
  .compare .current {
    background: var(--_field);
  }
  /* Level with the provider and the price: the padding of their cells, in the row's header. */
  .compare tbody th {
    padding-top: 0.1rem;
  }
  .compare button {
    font: inherit;
    text-align: start;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0.15rem 0.4em 0.15rem 0;
    min-height: 24px;
  }
  /* What each model is best for, under its name: the families compared by what they are for, not by name only. */
  .compare .best {
    display: block;
    color: var(--_muted);
    font-size: 0.75rem;
    padding-bottom: 0.15rem;
  }
  .compare [aria-pressed='true'] {
    font-weight: 600;
  }
  .compare button[disabled] {
    color: inherit;
  }
  /* The provider of each offer has its own column, but where the controls are narrow (below). */
  .compare .via {
    display: none;
  }
  /* Where the controls are narrow (280 px): smaller, closer columns, a bound in two lines, all within the edge. */
  @container (width < 360px) {
    .compare table {
      font-size: 0.8125rem;
    }
    .compare th,
    .compare td {
      padding-right: 0.5rem;
      white-space: normal;
    }
    /* Two columns: the provider under the model's name (its cell still names the model's button, out of sight). */
    .compare .provider {
      display: none;
    }
    .compare .via {
      display: block;
      font-size: 0.75rem;
    }
  }
  .badge {
    font-size: 0.75rem;
    white-space: nowrap;
    color: var(--_accent-text);
    background: var(--_accent);
    border-radius: 1em;
    padding: 0 0.6em;
  }
`;

import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { familyOf, formatUsdRounded, modelName } from '../../../../pricing/index.js';
import { rankOffers, type Offer, type Ranked } from '../../../../pricing/compare.js';
import { compare, type CompareStrings } from '../../../../strings/image/compare.js';
import { offers, type OffersStrings } from '../../../../strings/image/offers.js';
import { bounds } from '../../../../strings/image/bounds.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { widget } from '../../../../strings/image/widget.js';
import { words, type WordsStrings } from '../../../../strings/words.js';
import type { ProviderId } from '../../../../base/types.js';
import { mostSaid } from '../../shared/price-words.js';

/**
 * An offer as the comparison lists it: with what its model is best for, in the widget's words, and whom it pays
 * (`payeeAt`: its provider's id, or the name it has at its endpoint, OpenAI at OpenAI's own API).
 */
export type ComparedOffer = Offer & {
  bestFor: string;
  payee: string;
  /**
   * Choosing it switches to another provider whose account this widget does not have yet (no key for it, or Puter's
   * sign-in not here): its line says so first.
   */
  needsAccount?: boolean;
};

/** The request as set, priced on every model and provider the page allows (the widget's `compare` part). */
export interface CompareView {
  offers: readonly ComparedOffer[];
  /** The model and provider in force. */
  provider: ProviderId;
  model: string;
  /** The family the user chose to list (FamilyFilter); '' or none: every one. */
  family?: string;
  /** An image is being edited: the offers are those that make its kind of edit, the exact apart from the bounded. */
  editing?: boolean;
  locale?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/** What the comparison's controls do. */
export interface CompareHandlers {
  /** A click on an offer's line, or its model's button (the line's `data-provider`, `data-model`). */
  choose(event: Event): void;
  /** `change` of the family listed. */
  pickFamily(event: Event): void;
}

/** What every line of the comparison needs: the view, its handlers, and the words, looked up once for all of them. */
interface LineNeeds {
  view: CompareView;
  on: CompareHandlers;
  offersText: OffersStrings;
  compareText: CompareStrings;
  wordsText: WordsStrings;
  /** The most an offer can cost, as the comparison says it first. */
  most: (offer: Offer) => string;
}

/** The choice of the family listed (`family`; '' for all of them), each with its count, all of them first. */
function renderFamilies(families: ReadonlyMap<string, number>, family: string | undefined, line: LineNeeds) {
  const { view, on, compareText } = line;
  return html`<label class="families"
    >${compareText.familyLabel()}
    <select @change=${on.pickFamily}>
      <option value="">${compareText.allFamilies(view.offers.length)}</option>
      ${[...families].map(
        ([name, count]) => html`<option value=${name} .selected=${live(name === family)}>${name} (${count})</option>`,
      )}
    </select></label
  >`;
}

/**
 * An offer's line (the `index`th listed): its model's button, named by it and its provider and described by its price
 * (or the reason), with "cheapest" where it is and what the model is best for (or why it cannot) under it; its
 * provider; its price. A click on the line switches to the offer, but where it cannot make the request.
 */
function renderOffer(offer: Ranked<ComparedOffer>, index: number, line: LineNeeds) {
  const { view, on, offersText, compareText, wordsText } = line;
  const current = offer.provider === view.provider && offer.model === view.model;
  const about = `offer-${index}`;
  // One that only wants the user's image is chosen as any other: the image is its next step.
  const unable = offer.problem && !offer.wants;
  const why = offer.wants ? compareText.wantsImage() : offer.problem;
  // Where it switches to an account not here yet, that comes first: what the user must have before its price matters.
  const account = offer.needsAccount && !unable;
  return html`<tr
    class=${unable ? 'unable' : current ? 'current' : ''}
    data-provider=${offer.provider}
    data-model=${offer.model}
    @click=${unable ? nothing : on.choose}
  >
    <th>
      <button
        type="button"
        id=${about}
        aria-labelledby="${about} ${about}-provider"
        aria-describedby=${[
          account && `${about}-account`,
          offer.problem && `${about}-why`,
          offer.total !== undefined && `${about}-price`,
          offer.cheapest && `${about}-best`,
        ]
          .filter(Boolean)
          .join(' ')}
        aria-pressed=${current}
        ?disabled=${!!unable}
      >
        ${modelName(offer.model)}
      </button>
      ${offer.cheapest ? html`<span id="${about}-best" class="badge">${offersText.cheapest()}</span>` : nothing}
      <span class="about"
        ><span class="via" aria-hidden="true">${wordsText.providerName(offer.payee)}</span>${
          account
            ? html`<span id="${about}-account" class="needs-account">${compareText.needsAccount(offer.payee)}</span>`
            : nothing
        }${
          offer.problem
            ? html`<span id="${about}-why" class="best">${why}</span>`
            : offer.bestFor
              ? html`<span class="best">${offer.bestFor}</span>`
              : nothing
        }</span
      >
    </th>
    <td id="${about}-provider" class="provider">${wordsText.providerName(offer.payee)}</td>
    <td id="${about}-price" class="price">${offer.total === undefined ? nothing : renderPrice(offer, line)}</td>
  </tr>`;
}

/** An offer's price: the most it can cost, bold; where that is a bound, "about" the expected price quiet under it. */
function renderPrice(offer: ComparedOffer, { view, most }: LineNeeds) {
  return html`<strong>${most(offer)}</strong>${
      offer.atMost
        ? // A space before the line, so that the bound and the price read apart as text.
          html` <span class="expected"
            >${wordsIn(view.translation, 'bounds', bounds).about(formatUsdRounded(offer.total!, view.locale))}</span
          >`
        : ''
    }`;
}

/**
 * A disclosure that lists every offer in a table of three columns (the model with what it is best for, its provider,
 * the price at the right), across the families, and where they span several, a choice of the family listed (each
 * with its count, all of them first). Those that can make the request come first, ranked by the most each can cost,
 * which is the figure that reads first (bold: a bound as "at most $0.0541", rounded up, with "about" the expected price
 * quiet under it; else the price), rounded as the decision row rounds it; the cheapest of those listed is marked. Each
 * line switches to its offer, its model's button the one stop the keyboard makes on it (`data-provider`,
 * `data-model` on the line). Those that cannot make it are listed last, on one line each, their button disabled, why
 * in place of what the model is best for; first among them, one that only wants the user's image to edit, priced
 * (where the image does not change its price) and chosen as the others are, "Edits your image: add it next" in place
 * of what it is for. A button shows the model's name and is named by it and its provider ("FLUX.2 [pro] BFL": the
 * words it shows first, WCAG 2.5.3, and one name for each of a model's lines), pressed for the offer in force, and
 * described by its price (or the reason, then its price), with "cheapest" where it is.
 */
export function renderCompare(view: CompareView, on: CompareHandlers) {
  const all = rankOffers(view.offers);
  if (all.length < 2) return nothing;
  const line: LineNeeds = {
    view,
    on,
    offersText: wordsIn(view.translation, 'offers', offers),
    compareText: wordsIn(view.translation, 'compare', compare),
    wordsText: wordsIn(view.translation, 'words', words),
    most: (offer: Offer) => mostSaid(offer, view.locale, view.translation),
  };
  const { offersText, most } = line;
  const families = new Map<string, number>();
  for (const { model } of view.offers) families.set(familyOf(model), (families.get(familyOf(model)) ?? 0) + 1);
  // A family no longer among the offers (another request, another provider) lists every one again.
  const family = families.has(view.family!) ? view.family : '';
  const ranked = family ? rankOffers(view.offers.filter(({ model }) => familyOf(model) === family)) : all;
  // The cheapest of those listed, as their badge marks it: of the family chosen, said so, where one is.
  const best = ranked[0]?.cheapest ? ranked[0] : undefined;
  return html`<details part="compare" class="compare">
    <summary>
      ${
        best
          ? offersText.compareSummary(modelName(best.model), best.payee, most(best), family || undefined)
          : offersText.compareLabel()
      }
    </summary>
    ${families.size > 1 ? renderFamilies(families, family, line) : nothing}
    <table>
      <thead>
        <tr>
          <th>${wordsIn(view.translation, 'widget', widget).modelLabel()}</th>
          <th class="provider">${offersText.providerColumn()}</th>
          <th class="price">${offersText.priceColumn()}</th>
        </tr>
      </thead>
      ${
        view.editing
          ? renderEditOffers(ranked, line)
          : html`<tbody>
              ${ranked.map((offer, index) => renderOffer(offer, index, line))}
            </tbody>`
      }
    </table>
  </details>`;
}

/**
 * The offers for an edit, in groups: those priced before the click (exact, or an estimate), then those priced "at most"
 * (an image billed in tokens, its charge known only after), each under its heading where both are listed, then those
 * that cannot make it; each group ranked as the whole is, the cheapest marked across all of them.
 */
function renderEditOffers(ranked: readonly Ranked<ComparedOffer>[], line: LineNeeds) {
  const { compareText } = line;
  const able = (offer: Offer) => offer.total !== undefined && !offer.problem;
  const groups: [string, Ranked<ComparedOffer>[]][] = [
    [compareText.pricedBefore(), ranked.filter((offer) => able(offer) && !offer.atMost)],
    [compareText.pricedAtMost(), ranked.filter((offer) => able(offer) && offer.atMost)],
    ['', ranked.filter((offer) => !able(offer))],
  ];
  const headed = groups[0][1].length > 0 && groups[1][1].length > 0;
  let index = 0;
  return groups.map(([heading, offers]) =>
    offers.length
      ? html`<tbody>
          ${
            headed && heading
              ? html`<tr class="group">
                  <th colspan="3" scope="rowgroup">${heading}</th>
                </tr>`
              : nothing
          }
          ${offers.map((offer) => renderOffer(offer, index++, line))}
        </tbody>`
      : nothing,
  );
}

/**
 * The comparison, in the price details: the family listed, then a compact table as wide as the controls, a line for
 * each offer, its prices at the right in figures of one width, the offer in force tinted as a chosen model is in the
 * picker, the line under the pointer shaded, the cheapest marked.
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
    font-size: 0.8125rem;
  }
  .compare .price {
    padding-right: 0;
    text-align: end;
  }
  .compare td {
    white-space: nowrap;
  }
  /* A bound's words may break from its figure ("at most" above "$0.0541"): the prices' column keeps to the width of
     the figures, and the models' has the room. */
  .compare .price strong {
    white-space: normal;
  }
  /*
   * The model's column takes what the provider and the price leave it (they keep to their narrowest): the expected
   * price ("about $0.0338") is a quiet line under its bound rather than beside it.
   */
  .compare thead th:first-child {
    width: 100%;
  }
  .compare .expected {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .compare .families {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin-top: 0.4rem;
  }
  .compare select {
    font: inherit;
    color: inherit;
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.2rem 0.4rem;
    min-height: 28px;
    max-width: 100%;
  }
  .compare .unable {
    color: var(--_muted);
  }
  /* An edit's groups: the offers priced before the click, then those priced "at most". */
  .compare tbody tr.group th {
    padding-top: 0.6rem;
    color: var(--_muted);
    font-size: 0.8125rem;
    cursor: default;
  }
  .compare tbody tr.group:hover {
    background: none;
  }
  /* A line that switches to its offer, all of it. */
  .compare tbody tr:not(.unable) {
    cursor: pointer;
  }
  .compare tbody tr:not(.unable):hover {
    background: var(--_field);
  }
  .compare .current,
  .compare .current:hover {
    background: var(--_selected);
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
  .compare .about {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
    padding-bottom: 0.15rem;
  }
  /* That choosing it needs an account not here yet: first under its name, in the text's colour, not the muted one. */
  .compare .about .needs-account {
    color: var(--_text);
  }
  .compare .about .needs-account:not(:last-child)::after {
    content: ' · ';
    color: var(--_muted);
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
  /* Where the controls are narrow (a phone's, 280–479 px): smaller, closer columns, a price and its bound in two lines,
     all within the edge; at 390 px a provider's own column left a model's name some 120 px, in two lines. */
  @container (width < 480px) {
    .compare table {
      font-size: 0.8125rem;
    }
    .compare th,
    .compare td {
      padding-right: 0.5rem;
      white-space: normal;
    }
    /* Two columns: the provider under the model's name, on one line with what the model is best for ("Puter · Fast,
       high volume"); its cell still names the model's button, out of sight. */
    .compare .provider {
      display: none;
    }
    .compare .via {
      display: inline;
    }
    .compare .via:not(:last-child)::after {
      content: ' · ';
    }
  }
  .badge {
    font-size: 0.8125rem;
    white-space: nowrap;
    color: var(--_accent-text);
    background: var(--_accent);
    border-radius: 1em;
    padding: 0 0.6em;
  }
`;

import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatUsd } from '../../../../pricing/index.js';
import { moreOptions, type MoreOptionsStrings } from '../../../../strings/more-options.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { icon } from '../../shared/icons.js';
import { segmented } from '../../../shared/choices/choices.js';

/** What "More options" holds: how many images, the seed, and the reference images where the model takes them. */
export interface MoreView {
  count: number;
  /** The model's quality tiers, where it has them (GPT Image), and the one priced and sent. */
  quality?: { values: readonly string[]; value: string };
  /** The seed set; undefined for a random one per submission. */
  seed?: number;
  /** Undefined where the model or provider takes no reference images. */
  references?: {
    max: number;
    required: boolean;
    /** Whether they add to the price (a flat price includes them). */
    billed: boolean;
    /** Each as chosen; the size it is sent at where it is resized; what it adds where references are billed. */
    images: readonly {
      dataUrl: string;
      width: number;
      height: number;
      sent?: { width: number; height: number };
      adds?: { megapixels: number; amount: string };
    }[];
    /** Why files of the last choice were refused (not an image, too large), each in the element's words. */
    refused: readonly string[];
  };
  /**
   * Under the seed, the prompt's rewriting or why a seed may not repeat; after the reference images, the model's other
   * controls: drawn by the controls part, where the provider in force shows them.
   */
  seedControls?: unknown;
  controls?: unknown;
  /**
   * Where a model of the provider in force edits images: the way to edit one of the user's own (its label), and what
   * the provider says it keeps of an image it is sent, where it says.
   */
  editOwn?: { label: string; kept?: string };
  /**
   * Where the page allows editing but no model of the provider in force edits images: why no image has Edit, in words
   * (in place of `editOwn`).
   */
  editNotHere?: string;
  locale?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/** The handlers the options use (a subset of the widget's). */
export interface MoreHandlers {
  pickerChange(event: Event): void;
  numberInput(event: Event): void;
  referencesChosen(event: Event): void;
  referenceRemove(event: Event): void;
  /** An image of the user's own chosen to edit. */
  editOwnChosen(event: Event): void;
}

/**
 * A drop zone for reference images: drop or paste them (heard by the image router, shared/image-router.ts, which
 * decides once whether an image is a reference or the image to edit), or choose files (the file input itself is
 * hidden behind its label, so no "No file chosen" stands beside the thumbnails); each chosen image as a thumbnail with
 * its size, the size it is sent at, and what it adds to the price; under it, why a file chosen was refused (where the
 * eye is).
 */
function renderReferences({ references, locale }: MoreView, on: MoreHandlers, moreText: MoreOptionsStrings) {
  if (!references) return nothing;
  const full = references.images.length >= references.max;
  const refused = references.refused.length > 0;
  return html`<div class="refs">
    <p class="label">
      ${moreText.referencesLabel()}
      <span class="muted">${moreText.referencesNote(references.required, references.max, references.billed)}</span>
    </p>
    <div class="drop">
      <ul class="thumbs">
        ${references.images.map(
          (image, index) =>
            html`<li>
              <img src=${image.dataUrl} alt=${moreText.referenceAlt(index + 1)} />
              <span class="muted"
                >${image.width}×${image.height}${image.sent ? ` → ${image.sent.width}×${image.sent.height}` : ''}${
                  image.adds
                    ? html`<br />${moreText.referenceAdds(image.adds.megapixels, formatUsd(image.adds.amount, locale))}`
                    : nothing
                }</span
              >
              <button
                type="button"
                class="tool"
                aria-label=${moreText.referenceRemove(index + 1)}
                data-index=${index}
                @click=${on.referenceRemove}
              >
                ${icon('close')}
              </button>
            </li>`,
        )}
      </ul>
      ${
        full
          ? html`<span class="muted">${moreText.referencesCount(references.images.length, references.max)}</span>`
          : html`<span class="muted">${moreText.dropReferences()}</span>
              <label class="choose"
                >${moreText.chooseReferences()}<input
                  id="references-input"
                  type="file"
                  accept="image/png,image/jpeg,image/webp"
                  multiple
                  aria-describedby=${refused ? 'references-refused' : nothing}
                  @change=${on.referencesChosen}
              /></label>`
      }
    </div>
    ${
      refused
        ? html`<p id="references-refused" class="refused" role="alert">${references.refused.join(' ')}</p>`
        : nothing
    }
  </div>`;
}

/**
 * How many images (a segmented radio group), the model's quality where it has one, the seed, whether the provider may rewrite the prompt (and what that
 * means for the seed), the reference images, and the model's own controls.
 */
export function renderMore(view: MoreView, on: MoreHandlers) {
  const moreText = wordsIn(view.translation, 'moreOptions', moreOptions);
  const { quality } = view;
  // The model's quality tiers where it has them, each priced as it is chosen.
  const choices = <T extends string | number>(values: readonly T[], chosen: T, label: (value: T) => unknown) =>
    values.map((value) => ({ value, label: label(value), selected: value === chosen }));
  return html`${segmented('count', moreText.countLabel(), choices([1, 2, 3, 4], view.count, String), on.pickerChange)}
    ${
      quality
        ? segmented(
            'quality',
            moreText.qualityLabel(),
            choices(quality.values, quality.value, moreText.qualityName),
            on.pickerChange,
          )
        : nothing
    }
    <label class="dimension"
      >${moreText.seedLabel()}
      <input
        part="seed"
        name="seed"
        type="number"
        min="0"
        step="1"
        inputmode="numeric"
        placeholder=${moreText.randomSeed()}
        .value=${live(view.seed === undefined ? '' : String(view.seed))}
        @input=${on.numberInput}
    /></label>
    ${view.seedControls ?? nothing} ${renderReferences(view, on, moreText)} ${view.controls ?? nothing}
    ${
      view.editOwn
        ? html`<p class="edit-own">
            <label class="choose"
              >${view.editOwn.label}<input
                type="file"
                accept="image/png,image/jpeg,image/webp"
                @change=${on.editOwnChosen}
            /></label>
            ${view.editOwn.kept ? html`<span class="kept">${view.editOwn.kept}</span>` : nothing}
          </p>`
        : view.editNotHere
          ? html`<p class="edit-not-here">${view.editNotHere}</p>`
          : nothing
    }`;
}

/**
 * More options' reference images: the drop zone, the thumbnails (each with a tool of the image toolbar's look, Remove:
 * icons.ts), the file chooser. The count and the seed are drawn as the sizes and the custom size are (pickers.ts).
 */
export const moreStyles = css`
  /*
   * More options' fields, 0.75rem apart, as the form's: where the browser lays a <details>' content out in a box of its
   * own (::details-content, Chromium 131 on), the grid of .more[open] (image-template.ts) spaces only the summary from
   * that box, and the fields inside it stood flush (Seed right under the Images buttons). Elsewhere this rule is not
   * read, and that grid spaces the fields themselves.
   */
  .more[open]::details-content {
    display: grid;
    gap: 0.75rem;
  }
  .drop:hover {
    border-color: var(--_accent);
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
    font-size: 0.875rem;
  }
  /* Why a file chosen was refused: close under the drop zone it was dropped on. */
  .refused {
    margin: 0.35rem 0 0;
    font-size: 0.875rem;
    color: var(--_danger);
  }
  .thumbs {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .thumbs li {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.8125rem;
  }
  .thumbs img {
    width: 44px;
    height: 44px;
    object-fit: cover;
    border-radius: 6px;
  }
  .choose {
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    position: relative;
  }
  .choose input {
    position: absolute;
    inset: 0;
    opacity: 0;
    cursor: pointer;
    width: 100%;
  }
  /* What the provider keeps of an image it is sent, said quietly under the way to choose one. */
  .edit-not-here {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .edit-own .kept {
    display: block;
    margin-top: 0.25rem;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .choose:has(:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;

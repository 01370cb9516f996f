import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatUsd } from '../../pricing/index.js';
import * as pricesText from '../../strings/prices.js';
import * as widgetText from '../../strings/widget.js';
import type { ErrorDetail, ProgressDetail, Quote, Tally } from '../../base/types.js';
import { renderQuote } from '../shared/quote-view.js';
import { renderTallySummary } from '../tally/tally-summary.js';

/** Everything the widget's markup shows, read-only: built by the element before each render. */
export interface ImageView {
  locale?: string;
  prompt: string;
  model: string;
  /** The models offered, each with the request's total on it where it can make it. */
  models: readonly { id: string; label: string; price?: string }[];
  size: {
    /** The sizes by shape (value `WxH`); empty where the size is not chosen (a model that edits an image). */
    groups: readonly { label: string; options: readonly { value: string; label: string }[] }[];
    /** The shapes the provider can make, widest to tallest: each picks `value`; `selected` is the one in force. */
    shapes: readonly { ratio: string; shape: string; value: string; selected: boolean }[];
    /** An option's `value`, or 'custom'. */
    selected: string;
    /** Whether a size may be typed (not where the provider takes only ratios). */
    custom: boolean;
    width: number;
    height: number;
  };
  count: number;
  /** The seed set; undefined for a random one per submission. */
  seed?: number;
  /** Undefined where the model or provider takes no reference images. */
  references?: {
    max: number;
    required: boolean;
    /** Whether they add to the price (a flat price includes them). */
    billed: boolean;
    /**
     * Each as chosen; the size it is sent at (resized to fit the provider) when that differs; what it adds to
     * the price where references are billed.
     */
    images: readonly {
      dataUrl: string;
      width: number;
      height: number;
      sent?: { width: number; height: number };
      adds?: { megapixels: number; amount: string };
    }[];
  };
  /** Undefined for providers that need no key (Puter). `left`: USD the key's account has, where its provider says. */
  key?: { provider: string; value: string; remembered: boolean; waiting: number; left?: string };
  /**
   * Undefined unless the provider is Puter. `left`: USD left, where known; else `note` says what is left in the
   * credits Puter reports, and that the price cannot be checked against them.
   */
  account?: { user?: string; left?: string; note?: string };
  quote?: Quote;
  /** Shown instead of the price when set. */
  problem: string;
  busy: boolean;
  /** Whole seconds since the running submission started. */
  elapsed: number;
  progress?: ProgressDetail;
  /** Set while asking whether to stop waiting for an image the provider has billed: what it charged (USD). */
  confirmCancel?: { provider: string; billed: string };
  /** Said once, politely, when a submission's images are ready. */
  announcement: string;
  error?: ErrorDetail;
  /** With a short-balance error: where the user adds funds, and to whom. */
  funds?: { url: string; provider: string };
  chargeNote: string;
  tally?: Tally;
  /** The page's `budget` is not an amount: nothing can be spent until it is fixed. */
  budgetProblem: string;
  /** The panels, drawn by elements/panels/ once loaded (after the first paint). */
  gallery?: unknown;
  compare?: unknown;
  projection?: unknown;
}

/**
 * The widget's event handlers, by what they respond to. Lit calls each with `this` set to the element.
 * Controls that stand for one of several things say which in `name` or `data-index`.
 */
export interface ImageHandlers {
  /** `input` of the prompt, the seed, the custom width or height (`name` = the property). */
  fieldInput(event: Event): void;
  /** `change` of the model, size or count picker (`name` = what it picks). */
  pickerChange(event: Event): void;
  /** Click on a shape swatch (`value` = the size it picks). */
  shapeChoose(event: Event): void;
  /** Reference images chosen in the picker (`change`), dropped (`dragover`, `drop`) or pasted (`paste`). */
  referencesChosen(event: Event): void;
  /** Click on a reference's remove button (`data-index`). */
  referenceRemove(event: Event): void;
  keyInput(event: Event): void;
  keyCommit(event: Event): void;
  rememberChange(event: Event): void;
  signIn(): void;
  signOut(): void;
  submit(event: Event): void;
  /** Click on an action of a gallery image (`data-action`: copy, reuse, vary, reference, finalize, delete; `data-id`). */
  imageAction(event: Event): void;
  /** Click on an offer of the comparison (`data-provider`, `data-model`). */
  offerChoose(event: Event): void;
  /** `keydown` anywhere in the form: Enter never spends; Ctrl/Cmd+Enter submits. */
  formKeydown(event: KeyboardEvent): void;
  cancel(): void;
  /** Stop waiting for a billed image (it is still saved when done), or keep waiting. */
  stopWaiting(): void;
  keepWaiting(): void;
  dismissError(): void;
}

const valueOf = (id: string, label: string, selected: boolean) =>
  html`<option value=${id} ?selected=${selected}>${label}</option>`;

function renderSize({ size }: ImageView, on: ImageHandlers) {
  if (!size.groups.length) return html`<p class="field muted">${widgetText.sizeFromInput()}</p>`;
  const custom = size.selected === 'custom';
  const dimension = (label: string, name: 'width' | 'height') =>
    html`<label class="field small"
      >${label}
      <input
        part=${name}
        name=${name}
        type="number"
        min="64"
        step="16"
        inputmode="numeric"
        .value=${String(size[name])}
        @input=${on.fieldInput}
    /></label>`;
  // Swatches for the shape (a radio group: one is in force), the select for the size of it (or any other).
  return html`<div class="field shapes" role="radiogroup" aria-label=${widgetText.shapeLabel()}>
      ${size.shapes.map(
        (shape) =>
          html`<button
            type="button"
            part="shape"
            role="radio"
            aria-checked=${shape.selected}
            value=${shape.value}
            title=${shape.ratio}
            @click=${on.shapeChoose}
          >
            <svg class="swatch" viewBox=${`0 0 ${shape.ratio.replace(':', ' ')}`} aria-hidden="true">
              <rect width="100%" height="100%"></rect></svg
            >${shape.ratio}
          </button>`,
      )}
    </div>
    <label class="field"
      >${widgetText.sizeLabel()}
      <select part="size" name="size" @change=${on.pickerChange}>
        ${size.groups.map(
          (group) =>
            html`<optgroup label=${group.label}>
              ${group.options.map((option) => valueOf(option.value, option.label, option.value === size.selected))}
            </optgroup>`,
        )}
        ${size.custom ? valueOf('custom', widgetText.customSize(), custom) : nothing}
      </select></label
    >${custom ? html`${dimension(widgetText.widthLabel(), 'width')}${dimension(widgetText.heightLabel(), 'height')}` : nothing}`;
}

function renderReferences({ references, locale }: ImageView, on: ImageHandlers) {
  if (!references) return nothing;
  // Images may also be dropped on this area, or pasted anywhere in the form (the same handler).
  return html`<div class="refs" @dragover=${on.referencesChosen} @drop=${on.referencesChosen}>
    <label class="field"
      >${widgetText.referencesLabel()}
      <span class="muted">${widgetText.referencesNote(references.required, references.max, references.billed)}</span>
      <input
        type="file"
        accept="image/png,image/jpeg,image/webp"
        multiple
        ?disabled=${references.images.length >= references.max}
        @change=${on.referencesChosen}
      />
    </label>
    <ul class="chips">
      ${references.images.map(
        (image, index) =>
          html`<li>
            <img src=${image.dataUrl} alt=${widgetText.referenceAlt(index + 1)} />
            <span class="muted"
              >${image.width}×${image.height}${image.sent ? ` → ${image.sent.width}×${image.sent.height}` : ''}${
                image.adds
                  ? html`<br />${widgetText.referenceAdds(image.adds.megapixels, formatUsd(image.adds.amount, locale))}`
                  : nothing
              }</span
            >
            <button
              type="button"
              aria-label=${widgetText.referenceRemove(index + 1)}
              data-index=${index}
              @click=${on.referenceRemove}
            >
              ×
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** "$0.03 of your $4.20 left": the price beside what the account has left. */
const ofLeft = ({ quote, locale }: ImageView, left?: string) =>
  quote && left ? widgetText.priceOfLeft(formatUsd(quote.total, locale), formatUsd(left, locale)) : '';

function renderKey(view: ImageView, on: ImageHandlers) {
  const { key } = view;
  if (!key) return nothing;
  const left = ofLeft(view, key.left);
  return html`<div class="field">
    <label for="key">${widgetText.keyLabel(key.provider)}</label>
    <input
      id="key"
      part="key"
      type="password"
      autocomplete="off"
      spellcheck="false"
      .value=${live(key.value) /* another provider's key may still be in the field: compare with it */}
      @input=${on.keyInput}
      @change=${on.keyCommit}
    />
    ${key.waiting ? html`<span class="error">${widgetText.waitingForKey(key.waiting, key.provider)}</span>` : nothing}
    ${left ? html`<span class="muted">${left}</span>` : nothing}
    <label class="muted"
      ><input part="remember" type="checkbox" .checked=${live(key.remembered)} @change=${on.rememberChange} />
      ${widgetText.rememberKey(key.provider)}</label
    >
  </div>`;
}

/** Puter's account area, beside the preview: Sign in (its popup needs this very click), or who pays and what is left. */
function renderAccount(view: ImageView, on: ImageHandlers) {
  const { account } = view;
  if (!account) return nothing;
  const left = ofLeft(view, account.left) || account.note;
  // One line each: whitespace inside a template is not minified.
  // prettier-ignore
  return html`<p part="account" class="account">${account.user
    ? html`${widgetText.puterAccount()} <strong>${account.user}</strong>${left ? ` · ${left}` : ''} <button type="button" class="secondary" @click=${on.signOut}>${widgetText.signOut()}</button>`
    : html`<button part="sign-in" type="button" class="secondary" @click=${on.signIn}>${widgetText.signIn()}</button> ${widgetText.signInWhy()}`}</p>`;
}

function renderProgress({ busy, progress, elapsed, confirmCancel, locale }: ImageView, on: ImageHandlers) {
  if (!busy) return nothing;
  if (confirmCancel) {
    return html`<div part="progress" class="progress confirm" role="group" aria-labelledby="stop">
      <p id="stop">
        ${widgetText.stopWaitingQuestion(confirmCancel.provider, formatUsd(confirmCancel.billed, locale))}
      </p>
      <button type="button" data-focus="cancel" @click=${on.stopWaiting}>${widgetText.stopWaiting()}</button>
      <button type="button" class="secondary" @click=${on.keepWaiting}>${widgetText.keepWaiting()}</button>
    </div>`;
  }
  // Not a live region: a status that changes every poll would be read out every poll. The end is announced.
  return html`<div part="progress" class="progress">
    <!-- No value while the provider reports none: an indeterminate bar, not one stuck at 0 %. -->
    <progress
      max="1"
      value=${ifDefined(progress?.progress?.toString())}
      aria-label=${widgetText.progressLabel()}
    ></progress>
    <span>${progress?.status ?? widgetText.sending()} · ${widgetText.elapsed(elapsed)}</span>
    <button type="button" class="secondary" data-focus="cancel" @click=${on.cancel}>${widgetText.cancel()}</button>
  </div>`;
}

/** The widget's markup: draws `view`, wires `on`, and changes nothing itself. */
export function renderImageWidget(view: ImageView, on: ImageHandlers) {
  const { quote, problem, locale } = view;
  const priced = quote && !problem;
  return html`<form
      class="card"
      @submit=${on.submit}
      @keydown=${on.formKeydown}
      @paste=${view.references ? on.referencesChosen : nothing}
      novalidate
    >
      <label class="field" for="prompt">${widgetText.promptLabel()}</label>
      <textarea
        id="prompt"
        part="prompt"
        name="prompt"
        rows="3"
        placeholder=${widgetText.promptPlaceholder()}
        .value=${view.prompt}
        @input=${on.fieldInput}
      ></textarea>
      <div class="row">
        <label class="field"
          >${widgetText.modelLabel()}
          <select part="model" name="model" @change=${on.pickerChange}>
            ${view.models.map((model) =>
              valueOf(
                model.id,
                model.price ? widgetText.modelWithPrice(model.label, formatUsd(model.price, locale)) : model.label,
                model.id === view.model,
              ),
            )}
          </select></label
        >
        ${renderSize(view, on)}
        <label class="field small"
          >${widgetText.countLabel()}
          <select part="count" name="count" @change=${on.pickerChange}>
            ${[1, 2, 3, 4].map((n) => valueOf(String(n), String(n), n === view.count))}
          </select></label
        >
        <label class="field small"
          >${widgetText.seedLabel()}
          <input
            part="seed"
            name="seed"
            type="number"
            min="0"
            step="1"
            inputmode="numeric"
            placeholder=${widgetText.randomSeed()}
            .value=${live(view.seed === undefined ? '' : String(view.seed))}
            @input=${on.fieldInput}
        /></label>
      </div>
      ${renderReferences(view, on)} ${renderKey(view, on)}
      <div part="cost" class="cost">
        ${quote ? renderQuote(quote, locale) : nothing} ${problem ? html`<p class="error">${problem}</p>` : nothing}
      </div>
      <!-- What a screen reader hears of the price: its total, once per change, not the whole breakdown. -->
      <span class="announce" role="status"
        >${priced ? `${formatUsd(quote.total, locale)} ${pricesText.forImages(quote.count)}` : problem}</span
      >
      <span class="announce" role="status">${view.announcement}</span>
      ${view.projection ?? nothing} ${view.compare ?? nothing} ${renderAccount(view, on)}
      <div class="actions">
        <button part="submit" type="submit" ?disabled=${view.busy}>
          ${view.busy ? widgetText.generating() : widgetText.generate(priced ? formatUsd(quote.total, locale) : '')}
        </button>
      </div>
      ${renderProgress(view, on)}
      ${
        view.error
          ? html`<div part="error" class="error-box" tabindex="-1" data-focus="error">
              <p>
                ${view.error.message}
                ${
                  view.funds
                    ? html`<a href=${view.funds.url} target="_blank" rel="noopener"
                        >${widgetText.addFunds(view.funds.provider)}</a
                      >`
                    : nothing
                }
              </p>
              <button type="button" class="secondary" @click=${on.dismissError}>${widgetText.dismiss()}</button>
            </div>`
          : nothing
      }
      ${view.chargeNote ? html`<p class="muted">${view.chargeNote}</p>` : nothing}
      ${view.tally ? html`<p part="tally" class="tally">${renderTallySummary(view.tally, locale)}</p>` : nothing}
      ${view.budgetProblem ? html`<p class="error">${view.budgetProblem}</p>` : nothing}
    </form>
    ${view.gallery ?? nothing}`;
}

import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatUsd, modelInfo } from '../../pricing/index.js';
import * as text from '../../strings/page.js';
import type { ErrorDetail, ProgressDetail, Quote, Tally } from '../../types.js';
import type { GalleryImage } from '../controllers/gallery.js';
import { renderQuote } from '../shared/quote-view.js';
import { renderTallySummary } from '../shared/tally-view.js';

/** Everything the widget's markup shows, read-only: built by the element before each render. */
export interface ImageView {
  locale?: string;
  prompt: string;
  model: string;
  models: readonly { id: string; label: string }[];
  size: {
    /** Empty where the size is not chosen (a model that edits an image keeps its size). */
    presets: readonly { value: string; label: string }[];
    /** A preset's `value`, or 'custom'. */
    selected: string;
    /** Whether a size may be typed (not where the provider takes only ratios). */
    custom: boolean;
    width: number;
    height: number;
  };
  count: number;
  /** Undefined where the model or provider takes no reference images. */
  references?: {
    max: number;
    required: boolean;
    /** Each as chosen, and the size it is sent at (resized to fit the provider), when that differs. */
    images: readonly { dataUrl: string; width: number; height: number; sent?: { width: number; height: number } }[];
  };
  /** Undefined for providers that need no key (Puter). */
  key?: { provider: string; value: string; remembered: boolean; waiting: number };
  /** Undefined unless the provider is Puter. */
  account?: { user?: string; left?: string };
  quote?: Quote;
  /** Shown instead of the price when set. */
  problem: string;
  busy: boolean;
  progress?: ProgressDetail;
  error?: ErrorDetail;
  chargeNote: string;
  tally?: Tally;
  /** The page's `budget` is not an amount: nothing can be spent until it is fixed. */
  budgetProblem: string;
  gallery: readonly GalleryImage[];
}

/**
 * The widget's event handlers, by what they respond to. Lit calls each with `this` set to the element.
 * Controls that stand for one of several things say which in `name` or `data-index`.
 */
export interface ImageHandlers {
  /** `input` of the prompt, the custom width or height (`name` = the property). */
  fieldInput(event: Event): void;
  /** `change` of the model, size or count picker (`name` = what it picks). */
  pickerChange(event: Event): void;
  referencesChosen(event: Event): void;
  /** Click on a reference's remove button (`data-index`). */
  referenceRemove(event: Event): void;
  keyInput(event: Event): void;
  keyCommit(event: Event): void;
  rememberChange(event: Event): void;
  signIn(): void;
  signOut(): void;
  submit(event: Event): void;
  cancel(): void;
  dismissError(): void;
}

const valueOf = (id: string, label: string, selected: boolean) =>
  html`<option value=${id} ?selected=${selected}>${label}</option>`;

function renderSize({ size }: ImageView, on: ImageHandlers) {
  if (!size.presets.length) return html`<p class="field muted">${text.sizeFromInput()}</p>`;
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
  return html`<label class="field"
      >${text.sizeLabel()}
      <select part="size" name="size" @change=${on.pickerChange}>
        ${size.presets.map((preset) => valueOf(preset.value, preset.label, preset.value === size.selected))}
        ${size.custom ? valueOf('custom', text.customSize(), custom) : nothing}
      </select></label
    >${custom ? html`${dimension(text.widthLabel(), 'width')}${dimension(text.heightLabel(), 'height')}` : nothing}`;
}

function renderReferences({ references }: ImageView, on: ImageHandlers) {
  if (!references) return nothing;
  return html`<div class="refs">
    <label class="field"
      >${text.referencesLabel()}
      <span class="muted">${text.referencesNote(references.required, references.max)}</span>
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
            <img src=${image.dataUrl} alt=${text.referenceAlt(index + 1)} />
            <span class="muted"
              >${image.width}×${image.height}${image.sent ? ` → ${image.sent.width}×${image.sent.height}` : ''}</span
            >
            <button
              type="button"
              aria-label=${text.referenceRemove(index + 1)}
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

function renderKey({ key }: ImageView, on: ImageHandlers) {
  if (!key) return nothing;
  return html`<div class="field">
    <label for="key">${text.keyLabel(key.provider)}</label>
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
    ${key.waiting ? html`<span class="error">${text.waitingForKey(key.waiting, key.provider)}</span>` : nothing}
    <label class="muted"
      ><input part="remember" type="checkbox" .checked=${live(key.remembered)} @change=${on.rememberChange} />
      ${text.rememberKey(key.provider)}</label
    >
  </div>`;
}

/** Puter's account area, beside the preview: Sign in (its popup needs this very click), or who pays and what is left. */
function renderAccount({ account, quote, locale }: ImageView, on: ImageHandlers) {
  if (!account) return nothing;
  // One line each: whitespace inside a template is not minified.
  // prettier-ignore
  return html`<p part="account" class="account">${account.user
    ? html`${text.puterAccount()} <strong>${account.user}</strong>${quote && account.left ? ` · ${text.priceOfLeft(formatUsd(quote.total, locale), formatUsd(account.left, locale))}` : ''} <button type="button" class="secondary" @click=${on.signOut}>${text.signOut()}</button>`
    : html`<button part="sign-in" type="button" class="secondary" @click=${on.signIn}>${text.signIn()}</button> ${text.signInWhy()}`}</p>`;
}

function renderProgress({ busy, progress }: ImageView, on: ImageHandlers) {
  if (!busy) return nothing;
  return html`<div part="progress" class="progress">
    <!-- No value while the provider reports none: an indeterminate bar, not one stuck at 0 %. -->
    <progress max="1" value=${ifDefined(progress?.progress?.toString())} aria-label=${text.progressLabel()}></progress>
    <span role="status"
      >${progress?.status ?? text.sending()}${progress ? ` · ${Math.round(progress.elapsedMs / 1000)} s` : nothing}</span
    >
    <button type="button" class="secondary" @click=${on.cancel}>${text.cancel()}</button>
  </div>`;
}

/** What the user must know of an image shown from the provider's link: it is not kept, and when the link ends. */
function renderNotSaved({ notSaved, url, provider, id }: GalleryImage, locale?: string) {
  const at =
    notSaved!.expiresAt === undefined
      ? undefined
      : new Date(notSaved!.expiresAt).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
  if (!url) return html`<span part="not-saved" class="notice">${text.linkExpired(provider, at)}</span>`;
  return html`<span part="not-saved" class="notice">${text.notSaved(provider, at)}</span>
    <span class="links">
      <a href=${url} target="_blank" rel="noopener noreferrer">${text.open()}</a> ·
      <a href=${url} download="userpays-${id}.png" target="_blank" rel="noopener noreferrer">${text.save()}</a>
    </span>`;
}

function renderGallery({ gallery, locale }: ImageView) {
  if (!gallery.length) return nothing;
  const label = (id: string) => modelInfo(id)?.label ?? id;
  return html`<ul part="gallery" class="gallery" aria-label=${text.galleryLabel()}>
    ${gallery.map(
      (image) =>
        html`<li>
          <figure>
            ${
              image.url
                ? html`<img
                    part="image"
                    src=${image.url}
                    alt=${image.prompt}
                    width=${image.width}
                    height=${image.height}
                    referrerpolicy="no-referrer"
                  />`
                : html`<div
                    part="image"
                    class="expired"
                    role="img"
                    aria-label=${text.expiredImage(image.prompt)}
                  ></div>`
            }
            <figcaption>
              <span class="prompt">${image.prompt}</span>
              <span class="muted"
                >${label(image.model)} · ${image.width}×${image.height} · ${formatUsd(image.charged, locale)}</span
              >
              ${
                image.notSaved
                  ? renderNotSaved(image, locale)
                  : html`<a href=${image.url!} download="userpays-${image.id}.png">${text.download()}</a>`
              }
            </figcaption>
          </figure>
        </li>`,
    )}
  </ul>`;
}

/** The widget's markup: draws `view`, wires `on`, and changes nothing itself. */
export function renderImageWidget(view: ImageView, on: ImageHandlers) {
  const { quote, problem, locale } = view;
  const priced = quote && !problem;
  return html`<form class="card" @submit=${on.submit} novalidate>
      <label class="field" for="prompt">${text.promptLabel()}</label>
      <textarea
        id="prompt"
        part="prompt"
        name="prompt"
        rows="3"
        placeholder=${text.promptPlaceholder()}
        .value=${view.prompt}
        @input=${on.fieldInput}
      ></textarea>
      <div class="row">
        <label class="field"
          >${text.modelLabel()}
          <select part="model" name="model" @change=${on.pickerChange}>
            ${view.models.map((model) => valueOf(model.id, model.label, model.id === view.model))}
          </select></label
        >
        ${renderSize(view, on)}
        <label class="field small"
          >${text.countLabel()}
          <select part="count" name="count" @change=${on.pickerChange}>
            ${[1, 2, 3, 4].map((n) => valueOf(String(n), String(n), n === view.count))}
          </select></label
        >
      </div>
      ${renderReferences(view, on)} ${renderKey(view, on)}
      <div part="cost" class="cost" role="status" aria-live="polite" aria-atomic="true">
        ${quote ? renderQuote(quote, locale) : nothing} ${problem ? html`<p class="error">${problem}</p>` : nothing}
      </div>
      ${renderAccount(view, on)}
      <div class="actions">
        <button part="submit" type="submit" ?disabled=${view.busy}>
          ${view.busy ? text.generating() : text.generate(priced ? formatUsd(quote.total, locale) : '')}
        </button>
      </div>
      ${renderProgress(view, on)}
      ${
        view.error
          ? html`<div part="error" class="error-box" role="alert">
              <p>${view.error.message}</p>
              <button type="button" class="secondary" @click=${on.dismissError}>${text.dismiss()}</button>
            </div>`
          : nothing
      }
      ${view.chargeNote ? html`<p class="muted">${view.chargeNote}</p>` : nothing}
      ${view.tally ? html`<p part="tally" class="tally">${renderTallySummary(view.tally, locale)}</p>` : nothing}
      ${view.budgetProblem ? html`<p class="error">${view.budgetProblem}</p>` : nothing}
    </form>
    ${renderGallery(view)}`;
}

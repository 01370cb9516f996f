import { html, nothing } from 'lit';
import { asUserPaysError } from '../../errors.js';
import { formatUsd, modelInfo } from '../../pricing/index.js';
import { providerFor } from '../../providers/registry.js';
import { renderQuote } from '../shared/quote-view.js';
import { renderTallySummary } from '../shared/tally-view.js';
import { renderAccount } from './account-view.js';
import { readReferenceImage } from './reference-images.js';
import { rememberKey, rememberedKey } from './remembered-key.js';
import { presetKey, presetsFor } from './size-presets.js';
import type { ProviderId } from '../../types.js';
import type { UserPaysImage } from './userpays-image.js';

const PROVIDER_NAMES: Record<string, string> = { puter: 'Puter', bfl: 'BFL', fal: 'fal', openai: 'gateway' };
/** The adapter, or undefined for a provider this build does not have (the preview says so). */
const providerOf = (id: ProviderId) => {
  try {
    return providerFor(id);
  } catch {
    return undefined;
  }
};
const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

function renderSize(el: UserPaysImage) {
  const presets = presetsFor(modelInfo(el.model));
  const current = presetKey(el.width, el.height);
  const custom = el.customSize || !presets.some((p) => presetKey(p.width, p.height) === current);
  const pick = (e: Event) => {
    const choice = value(e);
    el.customSize = choice === 'custom';
    if (choice === 'custom') return;
    [el.width, el.height] = choice.split('x').map(Number);
  };
  const dimension = (label: string, key: 'width' | 'height') =>
    html`<label class="field small"
      >${label}
      <input
        part=${key}
        type="number"
        min="64"
        step="16"
        inputmode="numeric"
        .value=${String(el[key])}
        @input=${(e: Event) => (el[key] = Number(value(e)))}
    /></label>`;
  return html`<label class="field"
      >Size
      <select part="size" @change=${pick}>
        ${presets.map(
          (p) =>
            html`<option
              value=${presetKey(p.width, p.height)}
              ?selected=${!custom && presetKey(p.width, p.height) === current}
            >
              ${p.label} · ${p.width}×${p.height}
            </option>`,
        )}
        <option value="custom" ?selected=${custom}>Custom…</option>
      </select></label
    >${custom ? html`${dimension('Width', 'width')}${dimension('Height', 'height')}` : nothing}`;
}

function renderReferences(el: UserPaysImage) {
  const model = modelInfo(el.model);
  if (!model?.maxInputs || providerOf(el.provider)?.takesReferences == false) return nothing;
  const add = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    try {
      const read = await Promise.all(files.map(readReferenceImage));
      el.inputs = [...el.inputs, ...read].slice(0, model.maxInputs);
    } catch (error) {
      el.error = asUserPaysError(error).toDetail();
    }
  };
  const full = el.inputs.length >= model.maxInputs;
  return html`<div class="refs">
    <label class="field"
      >Reference images
      <span class="muted"
        >(${model.requiresInput ? 'required' : 'optional'}, up to ${model.maxInputs}; billed too)</span
      >
      <input type="file" accept="image/png,image/jpeg,image/webp" multiple ?disabled=${full} @change=${add} />
    </label>
    <ul class="chips">
      ${el.inputs.map(
        (ref, i) =>
          html`<li>
            <img src=${ref.dataUrl} alt="Reference image ${i + 1}" />
            <span class="muted">${ref.width}×${ref.height}</span>
            <button
              type="button"
              aria-label="Remove reference image ${i + 1}"
              @click=${() => (el.inputs = el.inputs.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

function renderKey(el: UserPaysImage) {
  if (!providerOf(el.provider)?.needsKey) return nothing;
  const name = PROVIDER_NAMES[el.provider];
  const remembered = !!rememberedKey(el.storageKey, el.provider);
  const setKey = (e: Event) => {
    el.apiKey = value(e).trim();
    if (remembered) rememberKey(el.storageKey, el.provider, el.apiKey);
  };
  return html`<div class="field">
    <label for="key">Your ${name} API key</label>
    <input
      id="key"
      part="key"
      type="password"
      autocomplete="off"
      spellcheck="false"
      .value=${el.apiKey}
      @input=${setKey}
    />
    ${
      el.waiting
        ? html`<span class="error"
            >${el.waiting} paid image(s) from an earlier visit are waiting at ${name}: enter your key to fetch
            them.</span
          >`
        : nothing
    }
    <label class="muted"
      ><input
        part="remember"
        type="checkbox"
        .checked=${remembered}
        @change=${(e: Event) => rememberKey(el.storageKey, el.provider, (e.target as HTMLInputElement).checked ? el.apiKey : '')}
      />
      Remember my key on this device (otherwise it is kept in this page's memory only). It is sent only to ${name}; you
      pay ${name} directly.</label
    >
  </div>`;
}

function renderProgress(el: UserPaysImage) {
  if (!el.busy) return nothing;
  const p = el.progress;
  return html`<div part="progress" class="progress">
    <progress max="1" .value=${p?.progress ?? null} aria-label="Generation progress"></progress>
    <span role="status">${p?.status ?? 'Sending'}${p ? ` · ${Math.round(p.elapsedMs / 1000)} s` : nothing}</span>
    <button type="button" class="secondary" @click=${() => el.cancel()}>Cancel</button>
  </div>`;
}

function renderGallery(el: UserPaysImage) {
  if (!el.gallery.length) return nothing;
  const locale = el.locale || undefined;
  return html`<ul part="gallery" class="gallery" aria-label="Your generated images">
    ${el.gallery.map(
      (image) =>
        html`<li>
          <figure>
            <img part="image" src=${image.url} alt=${image.prompt} width=${image.width} height=${image.height} />
            <figcaption>
              <span class="prompt">${image.prompt}</span>
              <span class="muted"
                >${modelInfo(image.model)?.label ?? image.model} · ${image.width}×${image.height} ·
                ${formatUsd(image.charged, locale)}</span
              >
              <a href=${image.url} download="userpays-${image.id}.png">Download</a>
            </figcaption>
          </figure>
        </li>`,
    )}
  </ul>`;
}

/** The widget's markup; `UserPaysImage` owns the state and the flow. */
export function renderImageWidget(el: UserPaysImage) {
  const locale = el.locale || undefined;
  const quote = el.quote;
  const offered = el.offeredModels;
  const submit = (e: Event) => {
    e.preventDefault();
    el.generate().catch(() => {});
  };
  return html`<form class="card" @submit=${submit} novalidate>
      <label class="field" for="prompt">Describe the image</label>
      <textarea
        id="prompt"
        part="prompt"
        rows="3"
        placeholder="A lighthouse on a cliff at dawn, watercolour"
        .value=${el.prompt}
        @input=${(e: Event) => (el.prompt = value(e))}
      ></textarea>
      <div class="row">
        <label class="field"
          >Model
          <select part="model" @change=${(e: Event) => (el.model = value(e))}>
            ${offered.map(
              (id) => html`<option value=${id} ?selected=${id === el.model}>${modelInfo(id)?.label ?? id}</option>`,
            )}
          </select></label
        >
        ${renderSize(el)}
        <label class="field small"
          >Images
          <select part="count" @change=${(e: Event) => (el.count = Number(value(e)))}>
            ${[1, 2, 3, 4].map((n) => html`<option ?selected=${n === el.count}>${n}</option>`)}
          </select></label
        >
      </div>
      ${renderReferences(el)} ${renderKey(el)}
      <div part="cost" class="cost" role="status" aria-live="polite" aria-atomic="true">
        ${quote && !el.problem ? renderQuote(quote, locale) : html`<p class="error">${el.problem}</p>`}
      </div>
      ${renderAccount(el)}
      <div class="actions">
        <button part="submit" type="submit" ?disabled=${el.busy}>
          ${el.busy ? 'Generating…' : `Generate${quote && !el.problem ? ` · ${formatUsd(quote.total, locale)}` : ''}`}
        </button>
      </div>
      ${renderProgress(el)}
      ${
        el.error
          ? html`<div part="error" class="error-box" role="alert">
              <p>${el.error.message}</p>
              <button type="button" class="secondary" @click=${() => (el.error = undefined)}>Dismiss</button>
            </div>`
          : nothing
      }
      ${el.chargeNote ? html`<p class="muted">${el.chargeNote}</p>` : nothing}
      ${el.tally ? html`<p part="tally" class="tally">${renderTallySummary(el.tally, locale)}</p>` : nothing}
    </form>
    ${renderGallery(el)}`;
}

import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ErrorDetail } from '../../base/types.js';
import * as pricesText from '../../strings/prices.js';
import * as widgetText from '../../strings/widget.js';
import { renderModels, renderPrompt, renderSize, slot } from './form-template.js';
import type { SizeView } from './size-presets.js';

/** Why Generate cannot succeed now, where (the field it concerns), and the fix it offers. */
export interface Blocked {
  reason: string;
  /**
   * The control the reason concerns: marked and described by it. At `price` the request cannot be priced, made or
   * paid as it stands (an error, shown as one: part `error`); at `prompt` and `key` the form asks for its next step.
   */
  at: 'prompt' | 'key' | 'price';
  fix?: { label: string; focus: 'prompt' | 'key' } | { label: string; model: string } | { label: string; url: string };
}

/** Everything the widget's markup shows, read-only: built by the element before each render. */
export interface ImageView {
  locale?: string;
  /** The platform writes shortcuts with ⌘ (Apple) or Ctrl. */
  mac: boolean;
  prompt: string;
  /** The models of the provider, in picker order, each with what it is best for and the request's price on it. */
  models: readonly { id: string; label: string; bestFor: string; price?: string; selected: boolean }[];
  /** Whether every model is shown (the user unfolded them), or the first five and the one in force. */
  allModels: boolean;
  size: SizeView & { megapixels: string };
  /** Undefined for providers that need no key (Puter). */
  key?: {
    /** The user may sign in to the provider for a key (its button is drawn with the panels, above the field). */
    signIn: boolean;
    /** The provider's name after "your" ("your BFL key"). */
    provider: string;
    /** Whom the key pays, as a sentence names it: "BFL", or a gateway's host. */
    payee: string;
    /** The host the key is for, where it is not the provider's public one (a gateway, a regional host, a proxy). */
    host?: string;
    /** Where to make a key (the provider's key page). */
    url?: string;
    value: string;
    remembered: boolean;
    waiting: number;
    /** The last submission failed for the key: said here, beside it. */
    error?: string;
    /** What the key's account has left ("$4.20 left"), where its provider says (BFL's credits, fal's billing). */
    left?: string;
  };
  /** The price, what it buys, and Generate: the row that stays in view. */
  decision: {
    /** The total as a person reads it (every digit in `exact`), or undefined where there is no payable price. */
    price?: string;
    exact?: string;
    /** "1 image · 1 MP", and whether the price is an estimate. */
    buys?: string;
    estimate: boolean;
    blocked?: Blocked;
  };
  busy: boolean;
  /** Said once, politely, when a submission's images are ready. */
  announcement: string;
  /** The error of the last submission, where it is not the key's (shown beside the key). */
  error?: ErrorDetail;
  /** With a short-balance error: where the user adds funds, and to whom. */
  funds?: { url: string; provider: string };
  chargeNote: string;
  /** Drawn by elements/panels/ once loaded (after the first paint). */
  panels: {
    /** While a submission runs: placeholders at its shape, the progress, Cancel. */
    running?: unknown;
    /** The session's spend in one line (the tally's summary), once the ledger is read. */
    tally?: unknown;
    /** Sign in instead of pasting a key (OpenRouter, Hugging Face), or who pays and what is left: above the key. */
    signIn?: unknown;
    /** Puter's account: Sign in, or who pays and what is left. */
    account?: unknown;
    /** The key field (under its sign-in), drawn from this whole view. */
    keyField?: (view: ImageView) => unknown;
    /** What the last submission came to (its error, what it charged), drawn from this whole view. */
    outcome?: (view: ImageView) => unknown;
    /** A change just made for the user (Vary, Reuse, Delete…), said beside an Undo. */
    undo?: unknown;
    /** The latest submission, large: `part="result"`. */
    result?: unknown;
    /** The earlier images, grouped by submission. */
    history?: unknown;
    /** The breakdown, source, estimate note, projection and comparison. */
    details?: unknown;
    /** Count, seed, reference images. */
    more?: unknown;
    /** Example prompts to start from, while the prompt is empty. */
    examples?: unknown;
    /** Images pasted anywhere in the form become reference images (where the model takes them). */
    paste?: (event: Event) => void;
  };
}

/**
 * The widget's event handlers, by what they respond to. Lit calls each with `this` set to the element.
 * Controls that stand for one of several things say which in `name`, `value` or `data-*`.
 */
export interface ImageHandlers {
  /** `input` of the prompt, the seed, the custom width or height (`name` = the property). */
  fieldInput(event: Event): void;
  /** `change` of the model or count (`name` = what it picks). */
  pickerChange(event: Event): void;
  /** A shape or a size chosen (`value` = the size it picks, `WxH`). */
  shapeChoose(event: Event): void;
  /** "Custom size" / "Preset sizes". */
  customToggle(): void;
  /** "5 more models" / "Fewer models". */
  modelsToggle(): void;
  keyInput(event: Event): void;
  keyCommit(event: Event): void;
  rememberChange(event: Event): void;
  signIn(): void;
  signOut(): void;
  submit(event: Event): void;
  /** The fix the decision row offers (`data-focus` or `data-model`). */
  fix(event: Event): void;
  /** `keydown` anywhere in the form: Enter never spends; Ctrl/Cmd+Enter submits. */
  formKeydown(event: KeyboardEvent): void;
  /** A pointer press anywhere in the form: part of a gesture (see GestureGuard). */
  press(): void;
  cancel(): void;
  /** Stop waiting for a billed image (it is still saved when done), or keep waiting. */
  stopWaiting(): void;
  keepWaiting(): void;
  dismissError(): void;
  /** Try again: a submission of the same request. */
  retry(): void;
  /** Undo the change just made (Vary, Reuse, Finalize, Delete). */
  undo(): void;
}

/**
 * The row that stays in view at the bottom of the controls: the price and what it buys (the details fold out
 * beside it), Generate with its shortcut, and, when a click cannot succeed, why, with the fix.
 */
function renderDecision(view: ImageView, on: ImageHandlers) {
  const { decision, busy } = view;
  const blocked = !busy && decision.blocked;
  return html`<div part="decision" class="decision">
    <div part="cost" class="cost">
      <p class="total">
        ${
          decision.price
            ? html`<strong title=${ifDefined(decision.exact)}>${decision.price}</strong>`
            : html`<strong class="muted">—</strong>`
        }
        <span class="muted">${decision.buys ?? ''}${decision.estimate ? pricesText.estimate() : ''}</span>
      </p>
      <details class="details">
        <summary>${widgetText.priceDetails()}</summary>
        ${view.panels.details ?? nothing}
      </details>
    </div>
    <button
      part="submit"
      type="submit"
      data-focus="submit"
      ?disabled=${busy || !!blocked}
      aria-describedby=${blocked ? 'reason' : nothing}
      aria-keyshortcuts=${view.mac ? 'Meta+Enter' : 'Control+Enter'}
    >
      ${busy ? widgetText.generating() : widgetText.generateLabel()}
      <kbd aria-hidden="true">${widgetText.shortcut(view.mac)}</kbd>
    </button>
    ${
      blocked
        ? html`<p id="reason" class="reason" part=${ifDefined(blocked.at === 'price' ? 'error' : undefined)}>
            <span>${blocked.reason}</span>
            ${
              blocked.fix
                ? 'url' in blocked.fix
                  ? html`<a href=${blocked.fix.url} target="_blank" rel="noopener noreferrer">${blocked.fix.label}</a>`
                  : html`<button
                      type="button"
                      class="link"
                      data-focus-target=${ifDefined('focus' in blocked.fix ? blocked.fix.focus : undefined)}
                      data-model=${ifDefined('model' in blocked.fix ? blocked.fix.model : undefined)}
                      @click=${on.fix}
                    >
                      ${blocked.fix.label}
                    </button>`
                : nothing
            }
          </p>`
        : nothing
    }
  </div>`;
}

/**
 * The frame of the empty canvas, at the shape chosen: an SVG whose view box is that shape sizes itself to it (no
 * inline style, which a strict Content-Security-Policy refuses).
 */
const frame = (size: { width: number; height: number }) =>
  html`<svg
    class="frame idle"
    width=${size.width || 1024}
    height=${size.height || 1024}
    viewBox="0 0 ${size.width || 1} ${size.height || 1}"
    aria-hidden="true"
  ></svg>`;

/** The canvas: what runs, else the latest submission (both the panels'), else an inviting empty state. */
function renderCanvas(view: ImageView) {
  const content = view.busy
    ? view.panels.running
    : (view.panels.result ??
      html`<div class="empty">
        ${frame(view.size)}
        <p><strong>${widgetText.emptyTitle()}</strong><br /><span class="muted">${widgetText.emptyHint()}</span></p>
      </div>`);
  return html`<section class="canvas" aria-label=${widgetText.resultLabel()}>${content}</section>`;
}

/** The widget's markup: draws `view`, wires `on`, and changes nothing itself. */
export function renderImageWidget(view: ImageView, on: ImageHandlers) {
  const { decision } = view;
  const hasResult = view.busy || !!view.panels.result;
  return html`<div class="widget ${hasResult ? 'has-result' : ''}">
      <form
        class="controls"
        @submit=${on.submit}
        @keydown=${on.formKeydown}
        @pointerdown=${on.press}
        @paste=${view.panels.paste ?? nothing}
        novalidate
      >
        ${renderPrompt(view, on)} ${renderModels(view, on)} ${renderSize(view, on)}
        <details part="more" class="more">
          <summary>${widgetText.moreOptions()}</summary>
          ${view.panels.more ?? nothing}
        </details>
        ${view.panels.undo ?? nothing}
        ${
          view.key
            ? (view.panels.keyField?.(view) ?? slot(view.key.signIn ? 'key-field signs-in' : 'key-field'))
            : (view.panels.account ?? slot('account'))
        }
        ${renderDecision(view, on)}
        ${
          view.panels.outcome?.(view) ??
          // Where the panels could not load (offline): the error's words all the same.
          (view.error ? html`<p part="error" class="error">${view.error.message}</p>` : nothing)
        }
        <p part="tally" class="tally muted">${view.panels.tally ?? nothing}</p>
        <!-- What a screen reader hears of the price: its total, once per change, not the whole breakdown. -->
        <span class="announce" role="status">${decision.price ? `${decision.price} ${decision.buys}` : ''}</span>
        <span class="announce" role="status">${view.announcement}</span>
      </form>
      ${renderCanvas(view)}
    </div>
    ${view.panels.history ?? nothing}`;
}

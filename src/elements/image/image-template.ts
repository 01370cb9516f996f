import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { prices } from '../../strings/prices.js';
import { wordsIn } from '../../strings/strings.js';
import { renderModels, renderPrompt, renderSize, slot } from './form-template.js';
import type { PanelSlots } from './panels/slots.js';
import type { ImageHandlers, ImageView } from './view.js';

/**
 * The row that stays in view at the bottom of the controls: the price and what it buys (the details fold out
 * beside it), Generate with its shortcut, and, when a click cannot succeed, why, with the fix.
 */
function renderDecision(view: ImageView, slots: PanelSlots | undefined, on: ImageHandlers) {
  const { decision, busy, translation, widget: widgetText } = view;
  const blocked = !busy && decision.blocked;
  return html`<div part="decision" class="decision">
    <div part="cost" class="cost">
      <p class="total">
        ${
          decision.price
            ? html`<strong title=${ifDefined(decision.exact)}>${decision.price}</strong>`
            : html`<strong class="muted">—</strong>`
        }
        <span class="muted"
          >${decision.buys ?? ''}${decision.estimate ? wordsIn(translation, 'prices', prices).estimate() : ''}</span
        >
      </p>
      <details class="details">
        <summary>${widgetText.priceDetails()}</summary>
        ${slots?.details}
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

/**
 * The canvas: what runs, else the last submission's error where its image would have been, else the latest submission
 * (all the panels'), else an inviting empty state with prompts to start from (in a wide container: a narrow one shows
 * no canvas before a result, and has them under the prompt).
 */
function renderCanvas(view: ImageView, slots: PanelSlots | undefined) {
  const widgetText = view.widget;
  const empty = html`<div class="empty">
    ${frame(view.size)}
    <div class="start">
      <p><strong>${widgetText.emptyTitle()}</strong><br /><span class="muted">${widgetText.emptyHint()}</span></p>
      ${slots ? slots.examples : slot('examples')}
    </div>
  </div>`;
  const content = !slots
    ? empty
    : view.busy
      ? slots.running
      : view.error
        ? slots.failure
        : slots.result === nothing
          ? empty
          : slots.result;
  return html`<section class="canvas" aria-label=${widgetText.resultLabel()}>${content}</section>`;
}

/**
 * The widget's markup: draws `view`, with what the panels draw into its places (`slots`, once they have loaded: until
 * then each place is kept at its size, empty), wires `on`, and changes nothing itself.
 */
export function renderImageWidget(view: ImageView, slots: PanelSlots | undefined, on: ImageHandlers) {
  const widgetText = view.widget;
  const { decision } = view;
  const hasResult = view.busy || (!!slots && slots.result !== nothing);
  return html`<div class="widget ${hasResult ? 'has-result' : ''}">
      <form
        class="controls"
        @submit=${on.submit}
        @keydown=${on.formKeydown}
        @pointerdown=${on.press}
        @paste=${on.paste}
        novalidate
      >
        ${renderPrompt(view, slots, on)} ${renderModels(view, on)} ${renderSize(view, on)}
        <details part="more" class="more" @toggle=${on.moreToggle}>
          <summary @pointerenter=${on.morePrefetch} @focus=${on.morePrefetch}>${widgetText.moreOptions()}</summary>
          ${slots?.more}
        </details>
        ${slots?.undo} ${renderAccount(view, slots)} ${renderDecision(view, slots, on)}
        ${
          slots
            ? slots.outcome
            : // Where the panels could not load (offline): the error's words all the same.
              view.error
              ? html`<p part="error" class="error">${view.error.message}</p>`
              : nothing
        }
        <p part="tally" class="tally muted">${slots?.tally}</p>
        <!-- What a screen reader hears of the price: its total, once per change, not the whole breakdown. -->
        <span class="announce" role="status">${decision.price ? `${decision.price} ${decision.buys}` : ''}</span>
        <span class="announce" role="status">${view.announcement}</span>
      </form>
      ${renderCanvas(view, slots)}
    </div>
    ${slots?.history}`;
}

/** Who pays: the key field (under its sign-in, where the provider has one), or Puter's account. */
function renderAccount(view: ImageView, slots: PanelSlots | undefined) {
  if (view.key) return slots ? slots.keyField : slot(view.key.signIn ? 'key-field signs-in' : 'key-field');
  return slots ? slots.account : slot('account');
}

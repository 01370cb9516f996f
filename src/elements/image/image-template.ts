import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { prices } from '../../strings/prices.js';
import { wordsIn } from '../../strings/strings.js';
import { renderPrompt } from './prompt/prompt-template.js';
import { slot } from './shared/slots.js';
import { renderReason } from './shared/reason-fix.js';
import { renderModels } from './models/model-picker.js';
import { renderSize } from './shape/shape-picker.js';
import type { PanelSlots } from './shared/slots.js';
import type { ImageHandlers, ImageView } from './shared/view.js';
import { renderFrame } from './shared/frame.js';

/**
 * The price details, which open over the controls above their summary, moving nothing (details/panel/details.ts),
 * and under them the row that stays in view at the bottom of
 * the controls: a change just made to the form (Reuse…) with its Undo, the price and what it buys, Generate with its
 * shortcut, and, when a click cannot succeed, why, with the fix. While an image is edited, the price and Generate are
 * the editor's (one Generate): the row says so instead (`editingDecision`).
 */
function renderDecision(view: ImageView, slots: PanelSlots | undefined, on: ImageHandlers) {
  const { decision, busy, widget: widgetText } = view;
  const blocked = !busy && decision.blocked;
  const away = slots && slots.editingDecision !== nothing ? slots.editingDecision : undefined;
  return html`<details class="details">
      <summary>${widgetText.priceDetails()}</summary>
      ${slots?.details}
    </details>
    <div part="decision" class="decision">
      ${slots?.note} ${away ?? renderPriceAndGenerate(view)} ${slots?.spent}
      ${away ? nothing : renderReason(blocked, on)}
    </div>`;
}

/** The price and what it buys, and Generate with its shortcut: the decision row's own. */
function renderPriceAndGenerate(view: ImageView) {
  const { decision, busy, translation, widget: widgetText } = view;
  const blocked = !busy && decision.blocked;
  return html`<p part="cost" class="total">
      ${
        decision.price
          ? html`<strong title=${ifDefined(decision.exact)}>${decision.price}</strong>`
          : html`<strong class="muted">—</strong>`
      }
      <span class="muted"
        >${decision.buys ?? ''}${decision.estimate ? wordsIn(translation, 'prices', prices).estimate() : ''}</span
      >
    </p>
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
    </button>`;
}

/** The frame of the empty canvas, at the shape chosen. */
const frame = (size: { width: number; height: number }) => renderFrame(size, 'frame idle');

/**
 * The canvas: what runs, else the last submission's error where its image would have been, above the latest
 * submission, which stays in view (all the panels'), else an inviting empty state with prompts to start from (in a wide container: a narrow one shows
 * no canvas before a result, and has them under the prompt).
 */
function renderCanvas(view: ImageView, slots: PanelSlots | undefined) {
  const widgetText = view.widget;
  const empty = html`<div class="empty">
    ${frame(view.made)}
    <div class="start">
      <p><strong>${widgetText.emptyTitle()}</strong><br /><span class="muted">${widgetText.emptyHint()}</span></p>
      ${slots ? slots.examples : slot('examples')}
    </div>
  </div>`;
  // The error (none: nothing) and the result in the same places, so that Dismiss leaves the result's nodes as they are.
  // An error with no result yet keeps the empty state under it: the pane still shows where the image will come, and
  // the prompts to start from.
  const content = !slots
    ? empty
    : view.busy
      ? slots.running
      : [slots.notices, slots.result === nothing ? empty : slots.result];
  return html`<section class="canvas" aria-label=${widgetText.resultLabel()}>${content}</section>`;
}

/**
 * The widget's markup: draws `view`, with what the panels draw into its places (`slots`, once they have loaded: until
 * then each place is kept at its size, empty), wires `on`, and changes nothing itself.
 */
export function renderImageWidget(view: ImageView, slots: PanelSlots | undefined, on: ImageHandlers) {
  const widgetText = view.widget;
  const { decision } = view;
  // A narrow widget shows the canvas once it has something to show: a submission under way, its error, or a result.
  const hasResult = view.busy || (!!slots && (!!view.error || slots.result !== nothing));
  return html`<div class="widget ${hasResult ? 'has-result' : ''}">
      <form class="controls" @submit=${on.submit} @keydown=${on.formKeydown} @pointerdown=${on.press} novalidate>
        ${view.key ? nothing : renderAccount(view, slots)}
        ${
          // While an image is edited, its instruction and model are the editor's: the form says so in their place.
          slots && slots.editing !== nothing ? slots.editing : [renderPrompt(view, slots, on), renderModels(view, on)]
        }
        ${renderSize(view.size, widgetText, on, view.translation)}
        <details part="more" class="more" @toggle=${on.moreToggle}>
          <summary @pointerenter=${on.morePrefetch} @focus=${on.morePrefetch}>${widgetText.moreOptions()}</summary>
          ${slots?.more}
        </details>
        ${view.key ? renderAccount(view, slots) : nothing} ${renderDecision(view, slots, on)}
        ${
          slots
            ? slots.outcome
            : // Where the panels could not load (offline): the error's words all the same.
              view.error
              ? html`<p part="error" class="error">${view.error.message}</p>`
              : nothing
        }
        <p part="tally" class="tally muted">${slots?.tally}</p>
        ${slots?.uncertain}
        <!-- What a screen reader hears of the price: its total, once per change, not the whole breakdown. -->
        <span class="announce" role="status">${decision.price ? `${decision.price} ${decision.buys}` : ''}</span>
        <span class="announce" role="status">${view.announcement}</span>
      </form>
      ${renderCanvas(view, slots)}
    </div>
    ${slots?.history}`;
}

/**
 * Who pays: the key field (under its sign-in, where the provider has one), over the decision row; or Puter's account, a
 * line, first in the controls, where its sign-in is in view before anything is asked (at 1280×800 it was under the fold).
 */
function renderAccount(view: ImageView, slots: PanelSlots | undefined) {
  if (view.key) return slots ? slots.keyField : slot(view.key.signIn ? 'key-field signs-in' : 'key-field');
  return slots ? slots.account : slot('account');
}

/**
 * The widget's look: the controls and a result canvas side by side in a wide container, the result above the
 * controls in a narrow one once there is one (a container query: the widget sits in sidebars as well as pages); the
 * decision row, which sticks to the bottom of the controls, so the price and Generate stay in view; the canvas's
 * empty state; and the places kept for what the panels draw.
 */
export const widgetStyles = css`
  /* Paint containment isolates the widget's inside from the page's paint properties, so that a page with many
     widgets, which grow as their panels arrive, is not walked whole for each one that does (100 widgets: 176
     frames with over 30 ms of Chromium's PrePaint → 1). Layout is not contained: the decision row is sticky
     within the page's scroll. Nothing is drawn outside the box: the cards' padding holds the focus rings. */
  :host {
    contain: paint;
    container-type: inline-size;
  }
  /* The controls' column as wide as the card, never as wide as a line that will not wrap (the key field's label is
     cut short with "…" instead): at 390 px, a German label pushed the controls 96 px past the card's edge. */
  .widget,
  .controls {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }
  .controls,
  .canvas {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    min-width: 0;
  }
  .controls {
    padding: 1rem 1rem 0;
  }
  .canvas {
    display: grid;
    align-content: start;
    gap: 0.75rem;
    padding: 0.75rem;
  }
  /* Narrow: the controls alone before there is a result (then the result above them: shared/slots.ts). */
  @container (width < 720px) {
    .widget:not(.has-result) .canvas {
      display: none;
    }
  }
  /* Wide: side by side; the canvas shows the prompts to start from, so the prompt does not. The controls' column
     grows with a page-wide widget (45 %), where its model cards take one line each (models/model-picker.ts): at 1280 px the
     shapes were under the fold beside an empty canvas wider than the largest image it frames. */
  @container (min-width: 720px) {
    .widget {
      grid-template-columns: minmax(320px, max(420px, 45%)) minmax(0, 1fr);
      align-items: start;
    }
    .canvas {
      position: sticky;
      top: 0.5rem;
      min-height: 420px;
    }
    /* The canvas shows the examples, so the prompt does not. */
    .prompt-field .examples {
      display: none;
    }
  }
  .more[open] {
    display: grid;
    gap: 0.75rem;
  }
  kbd {
    font: inherit;
    font-size: 0.8125rem;
    opacity: 0.8;
    margin-left: 0.4rem;
  }
  @media (hover: none) {
    kbd {
      display: none; /* a touch screen has no Ctrl+Enter */
    }
  }
  /* No shortcut where Generate cannot run (while generating, or blocked), nor where the row needs the room. */
  button[disabled] kbd {
    display: none;
  }
  @container (max-width: 479px) {
    kbd {
      display: none;
    }
  }
  /* The decision row: in view at the bottom of the controls (and of the viewport), over what scrolls under it; the
     price details' summary close over it (open, they come over the controls: details/panel/details.ts). */
  .details {
    margin-bottom: -0.75rem;
  }
  .decision {
    position: sticky;
    bottom: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 -1rem;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-top: 1px solid var(--_border);
    border-radius: 0 0 var(--_radius) var(--_radius);
    z-index: 1;
  }
  .total {
    margin: 0;
    display: grid;
  }
  .total strong {
    font-size: 1.5rem;
    font-variant-numeric: tabular-nums;
  }
  /* A bound's "at most", over its figure beside Generate (shared/price-words.ts, \`boundSaid\`). */
  .total small {
    display: block;
    font-size: 0.875rem;
  }
  /* What it buys, in as many lines as it takes beside a wider Generate (a longer language). */
  .total .muted {
    font-size: 0.875rem;
  }
  /* Why Generate cannot, its fix after it in the same flow: on the last line of the reason where it fits. */
  .reason {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  /* An em space between them, which a line break takes: the fix starts its own line flush where it wraps. */
  .reason > span::after {
    content: '\\2003';
  }
  .reason > :is(a, button) {
    white-space: nowrap;
  }
  /* The form's next step (a prompt, a key) is a hint; what cannot be priced, made or paid is an error (part error). */
  .reason[part] {
    color: var(--_danger);
  }
  .tally {
    margin: 0 0 1rem;
    font-size: 0.875rem;
    min-height: calc(2 * 1.45em);
  }
  /*
   * Places kept for what the panels draw (slot() in prompt/prompt-template.ts), as tall as what comes into them
   * (panels/accounts/ draws to these heights): the key field (a label line, the field, the opt-in line, the note's
   * two lines), under its sign-in where the provider has one; Puter's account line or a sign-in (the button, a line
   * under it). Only their heights: how what comes lays out comes with it (accounts/panel/accounts.ts).
   */
  .key-field {
    --_key-lines: calc(5.5rem + 3 * 0.35rem + 2 * 1.45 * 0.8125rem);
    min-height: var(--_key-lines);
  }
  .key-field.signs-in {
    min-height: calc(var(--_key-lines) + 0.35rem + 2.9rem + 1.45 * 0.875rem);
  }
  .account {
    min-height: calc(2.9rem + 1.45 * 0.875rem);
  }
  /*
   * Where the sign-in and its words fit on one row (accounts.ts), its line is that high: Puter's, first in the
   * controls, and the one over the key field.
   */
  @container (min-width: 480px) {
    .account {
      min-height: 2.5rem;
    }
    .key-field.signs-in {
      min-height: calc(var(--_key-lines) + 0.35rem + 2.5rem);
    }
  }
  /*
   * The examples' place on the wide canvas (under the prompt: prompt/prompt-template.ts): the label above them, one under
   * another, rows of a fixed height, where the empty state's text is centered over the frame: without its place, the
   * text moved up 100 px when they came.
   */
  .start .examples {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: repeat(5, 32px);
    grid-auto-rows: 32px;
    width: 100%;
    margin: 0;
  }
  .start .examples > span {
    grid-row: auto;
    text-align: center;
  }
  /* Narrow: Generate under the price, which is smaller (a bound beside it reads in two lines at most), and why
     Generate cannot with its fix after it, as at every width: the row at most a third of a folded phone's screen. */
  /* A phone's widget: a price said as a bound ("at most $0.00854") stays on one line beside Generate. */
  @container (max-width: 419px) {
    .total strong {
      font-size: 1.25rem;
    }
  }
  @container (max-width: 359px) {
    .decision {
      grid-template-columns: minmax(0, 1fr);
    }
    /* Generate under the price: the bound's words and its figure on one line, in any language. */
    .total small {
      display: inline;
    }
    .key-field {
      /* the label and the opt-in in two lines each, the note in three */
      --_key-lines: calc(2.5rem + 3 * 0.35rem + 4 * 1.45 * 0.875rem + 3 * 1.45 * 0.8125rem);
    }
  }
  /* A frame has the image's pixels as its own size: it scales down as an image does, keeping its shape (the empty
     canvas's, and a running submission's placeholders: gallery/panel/running.ts). */
  .frame {
    justify-self: center;
    max-width: 100%;
    max-height: min(65vh, 36rem);
    width: auto;
    height: auto;
    border-radius: var(--_radius);
  }
  .empty {
    display: grid;
  }
  .empty > * {
    grid-area: 1 / 1;
  }
  /* At the shape chosen, but never shorter than what it holds: a narrow canvas's "Try" prompts crossed its edge. */
  .idle {
    min-height: 100%;
    background: var(--_field);
    outline: 1px dashed var(--_border);
    outline-offset: -1px;
  }
  .start {
    align-self: center;
    justify-self: center;
    display: grid;
    justify-items: center;
    gap: 1rem;
    max-width: 24rem;
    padding: 1.5rem;
  }
  .start p {
    margin: 0;
    text-align: center;
  }
  .announce {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

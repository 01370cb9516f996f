import { css } from 'lit';
import { theme } from '../shared/theme.js';

/**
 * `<userpays-image>`: the controls and a result canvas side by side in a wide container, the result above the
 * controls in a narrow one once there is one (a container query: the widget sits in sidebars as well as pages).
 * The decision row sticks to the bottom of the controls, so the price and Generate stay in view.
 *
 * No layout shift: until a user acts, the widget's height changes with its width only at its container widths
 * (360 px and 720 px), never with how a line of text wraps (one line each, cut short with "…", or a fixed number of
 * lines), and what the panels draw after the first paint comes into a place kept at its size (`slot()` in
 * form-template.ts). So the page's reservation (src/userpays.css) can hold exactly the first paint's height.
 */
export const imageStyles = [
  theme,
  css`
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
    /* Narrow: the controls alone before there is a result (then the result above them: panels/styles.ts). */
    @container (width < 720px) {
      .widget:not(.has-result) .canvas {
        display: none;
      }
    }
    /* Wide: side by side; the canvas shows the prompts to start from, so the prompt does not. */
    @container (min-width: 720px) {
      .widget {
        grid-template-columns: minmax(320px, 420px) minmax(0, 1fr);
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
    .label {
      font-size: 0.875rem;
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.35rem;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    textarea,
    input[type='number'],
    input[type='password'],
    input[type='text'] {
      font: inherit;
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 0.5rem 0.65rem;
      box-sizing: border-box;
      width: 100%;
    }
    textarea {
      display: block;
      resize: vertical;
      font-size: 1.0625rem;
      line-height: 1.45;
      min-height: 6.5em;
      scroll-margin-top: 2.5rem; /* brought into view (Vary, Reuse…) with its label */
    }
    /* Choices are native radios (one Tab stop, arrows move), drawn as cards; the radio itself is hidden but
       focusable, and its focus ring is drawn on the card: focus and selection look different. */
    .choices {
      display: grid;
      gap: 0.4rem;
    }
    .choices label {
      position: relative;
      cursor: pointer;
    }
    .choices input {
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
      cursor: pointer;
    }
    .models .choices,
    .shapes .choices {
      gap: 0.3rem;
    }
    /* The shapes in one row, up to nine; more (OpenRouter's eleven) in rows of six; five to a row when compact. The
       sizes and counts in one row. */
    .shapes .choices,
    .segmented {
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
    }
    /* The choices drawn as cards. */
    .model-choice,
    .shape,
    .segmented label {
      box-sizing: border-box;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_field);
    }
    /* One line each: the name, what it is best for (cut short where the line is narrow), the price. */
    .model-choice {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto;
      align-items: baseline;
      gap: 0.6rem;
      padding: 0.4rem 0.65rem;
      min-height: 36px;
      background: var(--_surface);
    }
    .model-choice .name {
      white-space: nowrap;
      font-size: 0.875rem;
      font-weight: 600;
    }
    .model-choice .best {
      font-size: 0.8125rem;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .model-choice .price {
      font-size: 0.875rem;
      font-variant-numeric: tabular-nums;
    }
    .choices label:has(:checked) {
      border-color: var(--_accent);
      background: var(--_selected);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .choices label:has(:focus-visible) {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .shapes .choices:has(> :nth-child(10)) {
      grid-auto-flow: row;
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
    .shape {
      display: grid;
      justify-items: center;
      align-content: end;
      gap: 0.2rem;
      min-height: 3.25rem;
      padding: 0.3rem 0.1rem;
      font-size: 0.8125rem;
    }
    .swatch {
      height: 1.4rem;
      max-width: 2.4rem;
      fill: color-mix(in srgb, var(--_accent) 18%, transparent);
      stroke: var(--_muted);
      stroke-width: 1.5px;
    }
    .shape:has(:checked) .swatch {
      stroke: var(--_accent);
    }
    .swatch rect {
      vector-effect: non-scaling-stroke;
    }
    .pixels {
      display: flex;
      white-space: nowrap;
      overflow: hidden;
      justify-content: space-between;
      gap: 1rem;
      margin: 0.4rem 0 0;
      font-size: 0.8125rem;
    }
    .segmented label {
      padding: 0.35rem 0.25rem;
      text-align: center;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-height: 32px;
      font-size: 0.875rem;
    }
    .custom {
      display: flex;
      gap: 0.75rem;
    }
    .dimension {
      display: grid;
      gap: 0.2rem;
      font-size: 0.875rem;
      font-weight: 600;
      flex: 1;
    }
    details > summary {
      cursor: pointer;
      font-size: 0.875rem;
      font-weight: 600;
      color: var(--_accent);
      min-height: 24px;
      list-style-position: inside;
    }
    .more[open] {
      display: grid;
      gap: 0.75rem;
    }
    a {
      color: var(--_accent);
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    button[type='submit'],
    .primary {
      border-radius: calc(var(--_radius) * 0.75);
      border: 1px solid var(--_accent);
      padding: 0.45rem 1rem;
      min-height: 36px;
      background: var(--_accent);
      color: var(--_accent-text);
      font-weight: 600;
    }
    button.link {
      border: 0;
      background: none;
      color: var(--_accent);
      padding: 0.2rem 0;
      min-height: 24px;
      text-decoration: underline;
      text-underline-offset: 2px;
      font-size: 0.875rem;
    }
    button[disabled] {
      cursor: not-allowed;
      background: var(--_disabled);
      border-color: var(--_disabled);
      color: var(--_muted);
    }
    kbd {
      font: inherit;
      font-size: 0.75rem;
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
    /* The decision row: in view at the bottom of the controls (and of the viewport), over what scrolls under it. */
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
    .total .muted {
      font-size: 0.875rem;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .details[open] {
      padding-top: 0.4rem;
    }
    .reason {
      grid-column: 1 / -1;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      font-size: 0.875rem;
      color: var(--_danger);
    }
    .tally {
      margin: 0 0 1rem;
      font-size: 0.875rem;
      min-height: calc(2 * 1.45em);
    }
    /*
     * Places kept for what the panels draw (see the top), as tall as what comes into them (accounts.ts, more.ts draw
     * to these heights): the key field (a label line, the field, the opt-in line, the note's two lines), under its
     * sign-in where the provider has one; Puter's account line or a sign-in (the button, a line under it). Only their
     * heights: how what comes lays out comes with it (panels/styles.ts).
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
     * The examples to start from (more.ts) are laid out here, not with the panels: their place (slot() in
     * form-template.ts) has this layout before they come, rows of a fixed height as many as they will fill, so it is
     * as tall as they will be. Under the prompt, their label beside two rows of two; on the wide canvas, the label
     * above them, one under another, where the empty state's text is centered over the frame: without its place, the
     * text moved up 100 px when they came.
     */
    .examples {
      display: grid;
      grid-template-columns: auto repeat(2, minmax(0, 1fr));
      grid-template-rows: repeat(2, 28px);
      grid-auto-rows: 28px;
      gap: 0.4rem;
      margin-top: 0.5rem;
    }
    .examples > span {
      grid-row: span 2;
      align-self: center;
    }
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
    @container (max-width: 359px) {
      .shapes .choices {
        grid-auto-flow: row;
        grid-template-columns: repeat(5, minmax(0, 1fr));
      }
      .examples {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: repeat(4, 28px);
      }
      .examples > span {
        display: none; /* the group keeps its name */
      }
      .decision {
        grid-template-columns: minmax(0, 1fr);
      }
      /* Why Generate cannot, then its fix, below it. */
      .reason {
        flex-direction: column;
        align-items: start;
      }
      .key-field {
        /* the opt-in in two lines, the note in three */
        --_key-lines: calc(4rem + 3 * 0.35rem + 2 * 1.45 * 0.875rem + 3 * 1.45 * 0.8125rem);
      }
      .segmented label {
        padding-inline: 0;
        font-size: 0.8125rem;
      }
    }
    /* A frame has the image's pixels as its own size: it scales down as an image does, keeping its shape. */
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
    .idle {
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
  `,
];

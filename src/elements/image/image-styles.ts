import { css } from 'lit';
import { quoteStyles } from '../shared/quote-view.js';
import { theme } from '../shared/theme.js';

export const imageStyles = [
  theme,
  quoteStyles,
  css`
    /* Paint containment isolates the widget's inside from the page's paint properties, so that a page with many
       widgets, which grow as their panels arrive, is not walked whole for each one that does (100 widgets: 176
       frames with over 30 ms of Chromium's PrePaint → 1). Nothing of it is drawn outside its box: the card's
       padding holds the focus rings. */
    :host {
      contain: layout paint;
    }
    .card {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75em;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 1em;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: end;
    }
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.2em;
      font-weight: 600;
      font-size: 0.9em;
    }
    .field .muted {
      font-weight: 400;
    }
    textarea,
    select,
    input {
      font: inherit;
      font-weight: 400;
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      padding: 0.4em 0.5em;
    }
    select,
    input[type='file'] {
      max-width: 100%;
    }
    .row > * {
      min-width: 0;
    }
    textarea {
      resize: vertical;
      width: 100%;
      box-sizing: border-box;
    }
    .shapes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3em;
      flex-basis: 100%;
    }
    .shapes button {
      display: grid;
      justify-items: center;
      align-content: end;
      gap: 0.15em;
      min-width: 3.2em;
      padding: 0.25em 0.3em;
      font-size: 0.8em;
      color: var(--_text);
      background: var(--_surface);
      border-color: var(--_border);
    }
    .shapes [aria-checked='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .swatch {
      height: 1.6em;
      max-width: 2.8em;
      fill: color-mix(in srgb, var(--_accent) 20%, transparent);
      stroke: var(--_accent);
      stroke-width: 1.5px;
    }
    .swatch rect {
      vector-effect: non-scaling-stroke;
    }
    .small input {
      width: 6em;
    }
    .cost {
      border-left: 4px solid var(--_accent);
      padding: 0.3em 0.8em;
      background: color-mix(in srgb, var(--_accent) 6%, transparent);
    }
    button {
      font: inherit;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_accent-text);
      padding: 0.5em 1.2em;
      cursor: pointer;
    }
    button.secondary {
      background: transparent;
      color: var(--_accent);
      padding: 0.2em 0.8em;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    .progress {
      display: flex;
      gap: 0.75em;
      align-items: center;
    }
    .confirm {
      flex-wrap: wrap;
    }
    .confirm p {
      margin: 0;
      flex-basis: 100%;
    }
    progress {
      flex: 1;
      accent-color: var(--_accent);
    }
    .error-box {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1em;
      color: var(--_danger);
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      padding: 0.4em 0.8em;
    }
    .error-box p {
      margin: 0;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chips li {
      display: flex;
      align-items: center;
      gap: 0.3em;
    }
    .chips img {
      width: 40px;
      height: 40px;
      object-fit: cover;
      border-radius: 4px;
    }
    .chips button {
      padding: 0 0.5em;
    }
    .tally,
    .account {
      margin: 0;
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

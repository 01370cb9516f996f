import { css } from 'lit';
import { uncertainStyles } from '../uncertain-list/index.js';

/** `<userpays-tally>` beyond its summary line: budget, meter, lists, chart, export, reset. */
export const tallyPanelStyles = css`
  :host {
    /* The budget meter close to the limit; ≥ 3:1 on the surface in both schemes, as the accent and danger are. */
    --_warning: var(--userpays-warning, light-dark(#b45309, #fcd34d));
  }
  section {
    overflow-wrap: anywhere;
  }
  /* The summary line never leaves a word alone on its last line ("… budget ⏎ left"), as the widget's does. */
  [part='tally'] {
    text-wrap: pretty;
  }
  /*
   * The budget meter in the theme's colours, its regions set by its low and high (tally-template.ts): the accent,
   * the warning colour close to the limit, the danger colour at and past it. Chromium and WebKit, then Firefox
   * (a rule with a pseudo-element the browser does not know is dropped whole, so each has its own).
   */
  meter {
    width: 100%;
  }
  meter::-webkit-meter-bar {
    background: var(--_surface);
    border: 1px solid var(--_muted);
  }
  meter::-webkit-meter-optimum-value {
    background: var(--_accent);
  }
  meter::-webkit-meter-suboptimum-value {
    background: var(--_warning);
  }
  meter::-webkit-meter-even-less-good-value {
    background: var(--_danger);
  }
  meter::-moz-meter-bar {
    background: var(--_accent);
  }
  meter:-moz-meter-sub-optimum::-moz-meter-bar {
    background: var(--_warning);
  }
  meter:-moz-meter-sub-sub-optimum::-moz-meter-bar {
    background: var(--_danger);
  }
  /* The exports and the import wrap as whole controls on a narrow screen. */
  [part='export'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-block: 1em;
  }
  [part='export'] p {
    flex-basis: 100%;
    margin: 0;
  }
  /* What reconciling said: a paragraph per record settled, an item per provider. */
  [part='reconcile'] {
    margin-block: 1em;
  }
  [part='reconcile'] .said > * {
    margin-block: 0.5em 0;
  }
  [part='reconcile'] ul {
    padding-inline-start: 1.2em;
  }
  .history {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  /* The file field is drawn as a button (its label), focusable and announced as the field it is. */
  .import {
    position: relative;
    color: var(--_accent);
    border: 1px solid;
    border-radius: var(--_radius);
    padding: 0.2em 0.8em;
    cursor: pointer;
  }
  .import:focus-within {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .import input {
    position: absolute;
    inset: 0;
    opacity: 0;
    width: 100%;
    cursor: pointer;
  }
  button,
  input:not([type]),
  summary {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid;
    border-radius: var(--_radius);
    padding: 0.2em 0.8em;
  }
  input:not([type]) {
    color: inherit;
    border-color: var(--_border);
  }
  /* What was typed is refused (the words under the field say why): the field in the danger colour too. */
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  summary {
    display: inline-block;
  }
  .danger {
    background: var(--_danger);
    color: var(--_surface);
  }
  svg {
    width: 100%;
    fill: var(--_accent);
    border-bottom: 1px solid;
  }
  .x {
    display: flex;
    justify-content: space-between;
  }
  ${uncertainStyles}
`;

import { css } from 'lit';

/*
 * The panels' styles, adopted by the element beside its own once the panels load (PanelsController): a
 * constructed stylesheet, which a strict Content-Security-Policy allows where a <style> would not be.
 */

/** `<userpays-image>`'s panels: the gallery, the comparison, the projection. */
export const imagePanelStyles = css`
  /* A card of its own, like the form: its text is read on the widget's surface, whatever the page's. */
  .gallery,
  .failures {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
    margin: 0.75em 0 0;
  }
  .gallery {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
    gap: 0.75em;
    list-style: none;
  }
  figure {
    margin: 0;
  }
  figure img {
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
    display: block;
  }
  figcaption {
    display: grid;
    font-size: 0.85em;
    padding-top: 0.3em;
  }
  .prompt {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.7em;
  }
  .actions a,
  button.link {
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    font-size: inherit;
    text-align: start;
    text-decoration: underline;
  }
  .failures h3 {
    font-size: 0.95em;
    margin: 0 0 0.2em;
  }
  figure .expired {
    aspect-ratio: 1;
    border-radius: var(--_radius);
    border: 1px dashed var(--_border);
  }
  .projection {
    margin: 0;
  }
  .compare ul {
    list-style: none;
    padding: 0;
    margin: 0.4em 0 0;
  }
  .compare li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.6em;
    padding: 0.15em 0;
  }
  .compare [aria-pressed='true'] {
    font-weight: 600;
  }
  .badge {
    font-size: 0.8em;
    color: var(--_accent-text);
    background: var(--_accent);
    border-radius: 1em;
    padding: 0 0.6em;
  }
  .notice {
    color: var(--_muted);
    margin: 0.2em 0;
  }
`;

/** `<userpays-tally>` beyond its summary line: budget, meter, lists, chart, export, reset. */
export const tallyPanelStyles = css`
  :host {
    /* The budget meter close to the limit; ≥ 3:1 on the surface in both schemes, as the accent and danger are. */
    --_warning: var(--userpays-warning, light-dark(#b45309, #fcd34d));
  }
  section {
    overflow-wrap: anywhere;
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
  button,
  input,
  summary {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid;
    border-radius: var(--_radius);
    padding: 0.2em 0.8em;
  }
  input {
    color: inherit;
    border-color: var(--_border);
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
`;

import { css } from 'lit';
import { theme } from '../shared/theme.js';
import { formStyles } from './prompt/prompt-template.js';
import { choicesStyles } from '../shared/choices/choices.js';
import { modelPickerStyles } from './models/model-picker.js';
import { shapePickerStyles } from './shape/shape-picker.js';
import { widgetStyles } from './image-template.js';

/**
 * What every part of `<userpays-image>` draws its controls with, over the theme (../shared/theme.ts: the tokens, the
 * focus ring, `.muted`): labels, fields, disclosures, links and buttons. Each template has its own styles beside it,
 * of what it draws; the panels' come with them (panels/styles.ts).
 */
const baseStyles = css`
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
  details > summary {
    cursor: pointer;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_accent);
    min-height: 24px;
    list-style-position: inside;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  /* Generate, and Keep waiting (gallery/panel/running.ts). */
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
`;

/**
 * `<userpays-image>`'s styles for its first paint: the theme, the base above, the form's (prompt/prompt-template.ts and the features' templates: the prompt,
 * the models, the shapes and sizes, the examples' place) and the widget's (image-template.ts: the controls beside the
 * canvas, the decision row, the canvas's empty state, the places kept for what the panels draw). Their order is the
 * cascade's. What only the panels draw is styled beside it, and adopted when they load (panels/styles.ts).
 *
 * No layout shift: until a user acts, the widget's height changes with its width only at its container widths
 * (360, 420 and 720 px), never with how a line of text wraps (one line each, cut short with "…", or a fixed number of
 * lines), and what the panels draw after the first paint comes into a place kept at its size (`slot()` in
 * prompt/prompt-template.ts). So the page's reservation (src/userpays.css) can hold exactly the first paint's height.
 */
export const imageStyles = [
  theme,
  baseStyles,
  formStyles,
  choicesStyles,
  modelPickerStyles,
  shapePickerStyles,
  widgetStyles,
];

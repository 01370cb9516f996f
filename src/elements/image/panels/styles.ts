import { css } from 'lit';
import { accountStyles } from '../accounts/panel/accounts.js';
import { imageDropStyles } from '../editor/panel/image-drop.js';
import { evidenceStyles } from '../price/panel/balance-evidence.js';
import { iconStyles } from '../shared/icons.js';
import { moreStyles } from '../options/panel/more.js';
import { examplesStyles } from '../prompt/panel/examples.js';
import { pinnedRowStyles } from '../price/panel/pinned-row.js';

/*
 * The panels' styles, adopted by the element beside its own once the panels load (PanelsController): a
 * constructed stylesheet, which a strict Content-Security-Policy allows where a <style> would not be. Each template
 * has its own beside it, of what it draws; the lazy parts' (the sign-in's, the model's controls', the gallery's view,
 * the list of uncertain charges) are adopted when those load (accounts/panel/sign-in/index.ts, options/panel/controls/index.ts,
 * gallery/panel/index.ts, shared/panel-part.ts).
 */

/** What the panels change of the widget's places (image-template.ts) as they draw into them. */
const placeStyles = css`
  /* Narrow: the result above the controls (while a submission runs too). */
  @container (width < 720px) {
    .has-result .canvas {
      order: -1;
    }
  }
  /*
   * No sentence the panels say (an error, a notice, a setting's reason, the tally line) leaves a word alone on its
   * last line ("… from 1 to ⏎ 50.", "… budget ⏎ left"): the first screen's short labels have none to leave.
   */
  p {
    text-wrap: pretty;
  }
  .tally strong {
    color: var(--_text);
  }
  /*
   * The pinned row's note over the price (price/panel/notes.ts): what the provider asks in its own box, or a change just made with
   * its Undo (which a deleted image's place says too: gallery/panel/result.ts).
   */
  .asking,
  .undo {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.875rem;
  }
  /* The session's spend under Generate, beside what the price buys: the price's two lines span both rows. */
  .spent {
    grid-column: -2;
    margin: 0;
    font-size: 0.875rem;
    text-align: end;
  }
  .decision:has(> .spent) > .total {
    grid-row: span 2;
  }
  .spent.muted strong {
    color: var(--_text);
  }
`;

/**
 * The controls only the panels draw, over the widget's own (../image-styles.ts). Sign-in, Continue, Cancel, Retry,
 * Stop waiting: outlined in the accent (Keep waiting is .primary, as Generate).
 */
const panelControls = css`
  .secondary {
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_accent);
    padding: 0.45rem 1rem;
    min-height: 36px;
    background: none;
    color: var(--_accent);
  }
  /* A field the provider or the form refused (the key, the cap). */
  [aria-invalid='true'] {
    box-shadow: 0 0 0 1px var(--_danger);
  }
  /* What may have been charged, under the tally line, to be settled (tally/uncertain-charges.ts). */
  .uncertain {
    margin: -0.5rem 0 1rem;
    font-size: 0.875rem;
  }
  .uncertain > p {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  /* A row of buttons: under an error (gallery/panel/failure.ts), in the form before a capped sign-in. */
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
`;

/**
 * `<userpays-image>`'s panels, in one stylesheet: the accounts, what they change of the widget's places, the examples and More options, the icons, the decision
 * row's. What runs, a submission's error and its images are the gallery's view's (gallery/panel/index.ts). Their order is
 * the cascade's.
 */
export const imagePanelStyles = css`
  ${panelControls}
  ${accountStyles}
  ${placeStyles}
  ${examplesStyles}
  ${moreStyles}
  ${iconStyles}
  ${pinnedRowStyles}
  ${evidenceStyles}
  ${imageDropStyles}
`;

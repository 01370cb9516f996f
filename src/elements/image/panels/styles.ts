import { css } from 'lit';
import { accountStyles } from '../accounts/panel/accounts.js';
import { evidenceStyles } from '../price/panel/balance-evidence.js';
import { iconStyles } from '../gallery/panel/icons.js';
import { moreStyles } from '../options/panel/more.js';
import { slotStyles } from './panel-slots.js';
import { pinnedRowStyles } from '../price/panel/pinned-row.js';

/*
 * The panels' styles, adopted by the element beside its own once the panels load (PanelsController): a
 * constructed stylesheet, which a strict Content-Security-Policy allows where a <style> would not be. Each template
 * has its own beside it, of what it draws; the lazy parts' (the sign-in's, the model's controls', the gallery's view,
 * the list of uncertain charges) are adopted when those load (accounts/sign-in/index.ts, controls/index.ts,
 * gallery/index.ts, panel-controllers.ts).
 */

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
  /* A row of buttons: under an error (gallery/failure.ts), in the form before a capped sign-in. */
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
`;

/**
 * `<userpays-image>`'s panels, in one stylesheet: the accounts, what they change of the widget's places, the examples and More options, the icons, the decision
 * row's. What runs, a submission's error and its images are the gallery's view's (gallery/index.ts). Their order is
 * the cascade's.
 */
export const imagePanelStyles = css`
  ${panelControls}
  ${accountStyles}
  ${slotStyles}
  ${moreStyles}
  ${iconStyles}
  ${pinnedRowStyles}
  ${evidenceStyles}
`;

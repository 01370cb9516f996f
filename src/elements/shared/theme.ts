import { css } from 'lit';

/** The custom properties every element themes through, with their defaults. */
export const theme = css`
  :host {
    --_accent: var(--userpays-accent, #4f46e5);
    --_accent-text: var(--userpays-accent-text, #fff);
    --_text: var(--userpays-text, #1f2937);
    --_muted: var(--userpays-muted, #4b5563);
    --_surface: var(--userpays-surface, #fff);
    --_border: var(--userpays-border, #d1d5db);
    --_danger: var(--userpays-danger, #b91c1c);
    --_radius: var(--userpays-radius, 8px);
    display: block;
    color: var(--_text);
    font: var(--userpays-font, 15px/1.45 system-ui, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  *:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.87em;
  }
  .error {
    color: var(--_danger);
  }
`;

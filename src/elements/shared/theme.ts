import { css } from 'lit';

/**
 * The custom properties every element themes through, with their defaults, light and dark. Each element paints
 * its own surface, so its text is readable on any host background. The scheme follows the user's
 * `prefers-color-scheme`; a page that is always dark (or light) says so with `color-scheme` on the element
 * (`userpays-image { color-scheme: dark }`), and a page with its own palette sets the `--userpays-*` tokens
 * (docs/theming.md). Contrast of every pair is at least 4.5:1 in both schemes.
 */
export const theme = css`
  :host {
    color-scheme: light dark;
    --_accent: var(--userpays-accent, light-dark(#4f46e5, #a5b4fc));
    --_accent-text: var(--userpays-accent-text, light-dark(#fff, #1e1b4b));
    --_text: var(--userpays-text, light-dark(#1f2937, #e5e7eb));
    --_muted: var(--userpays-muted, light-dark(#4b5563, #a1a9b8));
    --_surface: var(--userpays-surface, light-dark(#fff, #151b28));
    --_border: var(--userpays-border, light-dark(#d1d5db, #3b4558));
    --_danger: var(--userpays-danger, light-dark(#b91c1c, #fca5a5));
    --_radius: var(--userpays-radius, 10px);
    /* Derived: fields a step off the surface, the choice in force tinted with the accent, what cannot be used. */
    --_field: color-mix(in srgb, var(--_surface) 96%, var(--_text));
    --_selected: color-mix(in srgb, var(--_surface) 88%, var(--_accent));
    --_disabled: color-mix(in srgb, var(--_surface) 85%, var(--_text));
    --_shadow: light-dark(0 1px 2px rgb(15 23 42 / 6%), 0 1px 2px rgb(0 0 0 / 40%));
    display: block;
    min-width: 0;
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
  /* Quieter, and smaller than what it speaks of, but never under 13 px (the sign-in's "or paste your own key below"). */
  .muted {
    color: var(--_muted);
    font-size: max(0.87em, 0.8125rem);
  }
  .error {
    color: var(--_danger);
  }
`;

/** For an element without a card of its own (cost, tally): its host paints the surface its text is read on. */
export const surface = css`
  :host {
    background: var(--_surface);
  }
`;

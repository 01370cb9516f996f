import { css, html } from 'lit';

/**
 * The gallery's icons, inline SVG drawn with the current text colour (no icon font, no request; a strict CSP allows
 * them), 24 units square, strokes only. Each stands beside a name a screen reader reads (`aria-label`).
 */
const ICONS = {
  download: 'M12 4v11m-5-5 5 5 5-5M5 19h14',
  copy: 'M9 9h10v10H9zM5 15V5h10',
  vary: 'M4 7h11l-3-3m3 3-3 3M20 17H9l3 3m-3-3 3-3',
  reference: 'M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9h.01',
  more: 'M4.5 12h1M11.5 12h1M18.5 12h1',
  reuse: 'M4 12a8 8 0 1 0 3-6.2M4 4v4h4',
  finalize: 'M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.9z',
  remove: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13',
  close: 'M6 6l12 12M18 6 6 18',
  previous: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
} as const;

export type IconName = keyof typeof ICONS;

export const icon = (name: IconName) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${ICONS[name]}></path></svg>`;

/**
 * The icons, and the buttons that are only an icon (`.tool`: the image toolbar's, gallery/panel/result.ts, and a reference
 * image's Remove, more.ts), each a target 32 px square.
 */
export const iconStyles = css`
  .tool {
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) * 0.6);
    background: none;
    color: var(--_text);
    cursor: pointer;
    list-style: none;
  }
  .tool::-webkit-details-marker {
    display: none;
  }
  .tool:hover {
    background: var(--_selected);
    color: var(--_accent);
  }
  .icon {
    width: 20px;
    height: 20px;
    flex-shrink: 0;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;

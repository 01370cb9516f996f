import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A frame at the shape of `size` (the empty canvas's, a running submission's placeholder): an SVG whose view box is
 * that shape sizes itself to it (no inline style, which a strict Content-Security-Policy refuses); a size of none
 * (0) draws a square.
 */
export const renderFrame = (size: { width: number; height: number }, className: string, part?: string) =>
  html`<svg
    part=${ifDefined(part)}
    class=${className}
    width=${size.width || 1024}
    height=${size.height || 1024}
    viewBox="0 0 ${size.width || 1} ${size.height || 1}"
    aria-hidden="true"
  ></svg>`;

import { css } from 'lit';

/**
 * The extension: the picture at the width it has, as tall as its shape makes it (its `viewBox` gives the shape; no
 * size is set on the element itself), no taller than most of the screen; the area it adds tinted in the accent,
 * dashed at its edge; the image's own edge drawn over it; an edge to take on each side; the four fields in a row that
 * wraps.
 */
export const extendStyles = css`
  .extend {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  .extend-picture {
    display: block;
    inline-size: 100%;
    block-size: auto;
    max-block-size: min(70vh, 36rem);
    border-radius: var(--_radius);
    background: var(--_field);
    user-select: none;
  }
  .extend-canvas {
    fill: color-mix(in srgb, var(--_accent) 16%, transparent);
    stroke: var(--_accent);
    stroke-width: 2px;
    stroke-dasharray: 6 4;
    vector-effect: non-scaling-stroke;
  }
  .extend-image-edge {
    fill: none;
    stroke: var(--_text);
    stroke-opacity: 0.6;
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }
  /* An edge is dragged, never panned: a finger elsewhere on the picture still scrolls the page. */
  .extend-edge {
    fill: transparent;
    cursor: ns-resize;
    touch-action: none;
  }
  .extend-edge-left,
  .extend-edge-right {
    cursor: ew-resize;
  }
  .extend-handle {
    fill: var(--_accent);
    pointer-events: none;
  }
  .extend-instructions,
  .extend-said {
    margin: 0;
  }
  .extend-sides {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    min-width: 0;
  }
  .extend-sides legend {
    margin-bottom: 0.35rem;
  }
  .extend-side {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.875rem;
  }
  .extend-side input {
    inline-size: 6.5rem;
    min-height: 32px;
    font-variant-numeric: tabular-nums;
  }
`;

import { css } from 'lit';

/**
 * The mask painter: the image and its overlay at the same box (both fitted, letterboxed alike), the tools in a
 * wrapping row below, and what is painted said under them.
 */
export const maskPainterStyles = css`
  .mask-painter {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  /* The image's own shape (its ratio given on the element), no taller than most of the screen: on a phone it is not
     framed in a tall box of empty field above and below it. */
  .mask-area {
    position: relative;
    inline-size: 100%;
    aspect-ratio: var(--_mask-ratio, 1);
    max-block-size: min(70vh, 36rem);
    border-radius: var(--_radius);
    background: var(--_field);
    overflow: hidden;
  }
  .mask-image,
  .mask-overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .mask-image {
    pointer-events: none;
    user-select: none;
  }
  /* Its colour is the tint the painter paints with (read from it): the accent, light or dark. */
  .mask-overlay {
    color: var(--_accent);
    cursor: crosshair;
    touch-action: none;
  }
  .mask-instructions,
  .mask-said {
    margin: 0;
  }
  .mask-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .mask-tools button {
    min-height: 32px;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_field);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .mask-tools button:hover:not(:disabled) {
    background: var(--_selected);
  }
  .mask-tools button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_selected);
    font-weight: 600;
  }
  .mask-tools button:disabled {
    background: var(--_disabled);
    color: var(--_muted);
    cursor: not-allowed;
  }
  .mask-size {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  /* A target of 24 px at least (WCAG 2.5.8), as the tools beside it: the editor's decision line may stand close under
     it, over the foot of the screen. */
  .mask-size input {
    accent-color: var(--_accent);
    min-block-size: 24px;
  }
  /* A touch screen alone (no hover, a coarse pointer) paints with a finger: the keyboard's way comes after the tools
     and what is painted, never pushing the tools below the screen. */
  @media (hover: none) and (pointer: coarse) {
    .mask-instructions {
      order: 1;
    }
  }
`;

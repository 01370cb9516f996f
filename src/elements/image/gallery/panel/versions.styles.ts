import { css } from 'lit';

/**
 * Under an edit: which image it edits, and before and after, the two images in one box, the source on top cut off at
 * the divider, the range laid over both as the control.
 */
export const versionsStyles = css`
  .versions {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
  }
  .edit-of {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .edit-of button.link {
    text-align: start;
  }
  .compare summary {
    width: fit-content;
    color: var(--_muted);
  }
  /* Both images in the same box, each whole (contain): their shapes may differ (an extended image), not their place. */
  /* At the edit's shape (\`--_ratio\`, set by the template): the images are laid over the frame, and give it no height. */
  .versions-frame {
    position: relative;
    width: 100%;
    aspect-ratio: var(--_ratio, 1);
    max-height: 65vh;
    margin-top: 0.35rem;
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_field);
  }
  .versions-frame img,
  .versions-frame input[type='range'] {
    position: absolute;
    inset: 0;
  }
  .versions-frame img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  /* The source, left of the divider: its right part cut off, as much as the range leaves to the edit. */
  .versions-frame .before {
    clip-path: inset(0 calc(100% - var(--_before, 50%)) 0 0);
  }
  .divider {
    position: absolute;
    inset-block: 0;
    left: var(--_before, 50%);
    width: 2px;
    margin-left: -1px;
    background: var(--_surface);
    box-shadow: 0 0 0 1px var(--_text);
    pointer-events: none;
  }
  /* The range is the control: all of the box, its track unseen, its thumb the divider's width; dragged anywhere across
     the images, by pointer or finger, and by the arrows once focused. Its focus ring is the box's. */
  .versions-frame input[type='range'] {
    appearance: none;
    margin: 0;
    width: 100%;
    height: 100%;
    background: transparent;
    cursor: ew-resize;
    touch-action: pan-y;
  }
  .versions-frame input[type='range']::-webkit-slider-thumb {
    appearance: none;
    width: 24px;
    height: 100%;
    min-height: 24px;
    background: transparent;
  }
  .versions-frame input[type='range']::-moz-range-thumb {
    width: 24px;
    height: 100%;
    border: 0;
    background: transparent;
  }
  .versions-frame input[type='range']:focus-visible {
    outline-offset: -4px;
  }
`;

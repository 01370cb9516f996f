import { css } from 'lit';

/**
 * The editor: the kinds of edit over the image, the image large, the instruction and the models under it, and its
 * decision line at its foot, held at the foot of the screen while the editor is in view.
 */
export const editorStyles = css`
  .editor {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .editor-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    justify-content: space-between;
  }
  .edit-kinds,
  .edit-models {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    min-width: 0;
  }
  .edit-kinds legend,
  .edit-models legend {
    margin-bottom: 0.35rem;
  }
  .edit-kind,
  .edit-model {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_field);
    font-size: 0.875rem;
    cursor: pointer;
  }
  .edit-kind:has(:checked),
  .edit-model:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .edit-kind:has(:disabled) {
    opacity: 0.55;
    cursor: not-allowed;
  }
  /* Why a kind cannot be chosen: quiet, on its own line under the choices. */
  .edit-kinds-not-here {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .edit-kind:has(:focus-visible),
  .edit-model:has(:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .edit-model .price {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .edit-image {
    display: block;
    width: 100%;
    max-height: min(70vh, 640px);
    object-fit: contain;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
  }
  #edit-instruction {
    width: 100%;
    resize: vertical;
  }
  .edit-instruction-hint,
  .edit-no-instruction {
    margin: 0;
  }
  /* Send it whole: a choice of price, read beside the models it prices, its box a full target. */
  /* What the provider keeps of an image of the user's own, quiet under the image. */
  .editor .kept {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .edit-whole {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 32px;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .edit-whole input {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_accent);
  }
  /*
   * The decision line: what will be done over the price and Generate, sticking to the foot of the screen while any of
   * the editor is in view (the painting area in use, the models below scrolled to), over what scrolls under it, as
   * wide as the canvas. In the canvas, which sticks to the top of a wide widget, it sticks all the same.
   */
  .edit-decision {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.25rem 1rem;
    margin: 0 -0.75rem;
    padding: 0.6rem 0.75rem;
    background: var(--_surface);
    border-top: 1px solid var(--_border);
  }
  /* A bound's "at most" beside its figure, on one line: the line stays low over the painting area on a phone. */
  .edit-decision .total small {
    display: inline;
  }
  .edit-doing {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }
  /* In the form, where the prompt and models stand while an image is edited: what that means, and Stop editing. */
  .editing-in-form {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
  }
  .editing-in-form p {
    margin: 0;
    font-size: 0.875rem;
  }
  /* The form's decision row while an image is edited holds no Generate (the editor's line does): it is not pinned over
     the form, where it would cover the fields at the foot of the screen. */
  .decision:has(.editing-away) {
    position: static;
  }
`;

import { html, nothing } from 'lit';
import type { ImageView, Slot } from './view.js';

/**
 * What the panels draw into the places the widget's first paint keeps for them (image-template.ts, prompt/prompt-template.ts),
 * once they have loaded. Until then the first paint draws each place empty, at the size it will have.
 */
export interface PanelSlots {
  /** While a submission runs (or what closed pages left is finished): placeholders at its shape, progress, Cancel. */
  running: Slot;
  /** The session's spend in one line (the tally's summary), once the ledger is read. */
  tally: Slot;
  /** The session's spend in a few words, under Generate in the pinned row, once anything is spent. */
  spent: Slot;
  /** The charges no reply confirmed or denied, each with "It was charged" / "It was not", under the tally line. */
  uncertain: Slot;
  /** Puter's account (Sign in, or who pays and what is left), where the provider is Puter. */
  account: Slot;
  /** The key field, under the sign-in of the account systems a key comes from, where the provider takes a key. */
  keyField: Slot;
  /** What the last submission charged where that differs from the preview, beside the decision row. */
  outcome: Slot;
  /**
   * Over the canvas's result: the images the user stopped waiting for, which their provider still makes (they land
   * here), and the last submission's error, where its image would have been. In one column, where there is a result,
   * these come under it instead (in `result`), just above the controls.
   */
  notices: Slot;
  /**
   * Over the price in the pinned row: what the provider asks in a box of its own over the page, while it does; else a
   * change just made for the user (Vary, Reuse, Delete…), said beside an Undo.
   */
  note: Slot;
  /** The latest submission, large: `part="result"`; before any, a paid image still being made after Stop waiting. */
  result: Slot;
  /** The earlier images, grouped by submission. */
  history: Slot;
  /** The breakdown, source, estimate note, projection and comparison. */
  details: Slot;
  /** Count, seed, the prompt's rewriting, reference images, the model's own controls. */
  more: Slot;
  /** Example prompts to start from, while the prompt is empty. */
  examples: Slot;
  /**
   * While an image is edited, in the place of the prompt and the models: that the editor holds the edit's instruction
   * and model (its own), the form's kept for when editing stops; `nothing` otherwise, and the form draws its own.
   */
  editing: Slot;
  /**
   * While the editor is drawn, in the decision row's place of the price and Generate: that they are the editor's (one
   * Generate), with the way there; `nothing` otherwise.
   */
  editingDecision: Slot;
}

/**
 * The place of what the panels draw after the first paint (Puter's account line, the examples, the key field), at the
 * size it will have, so that nothing moves when it comes (docs/theming.md, "No layout shift"): the examples' place is
 * laid out by `formStyles` (prompt/prompt-template.ts), the account's and the key field's have their heights in image-template.ts.
 */
export const slot = (name: string) => html`<div class="${name}" aria-hidden="true"></div>`;

/** What a feature draws its places from: the widget's view, and what every control does (`on`). */
export interface Drawing<On> {
  readonly view: ImageView;
  readonly on: On;
}

/** Every place empty: what a feature that draws nothing into its places leaves there. */
export const NO_SLOTS: PanelSlots = {
  running: nothing,
  tally: nothing,
  spent: nothing,
  uncertain: nothing,
  account: nothing,
  keyField: nothing,
  outcome: nothing,
  notices: nothing,
  note: nothing,
  result: nothing,
  history: nothing,
  details: nothing,
  more: nothing,
  examples: nothing,
  editing: nothing,
  editingDecision: nothing,
};

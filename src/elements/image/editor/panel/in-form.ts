import { html, nothing } from 'lit';
import { modelName } from '../../../../pricing/index.js';
import type { EditKind } from '../../../../base/types.js';
import { prices } from '../../../../strings/prices.js';
import { editor } from '../../../../strings/image/editor.js';
import { wordsIn } from '../../../../strings/strings.js';
import type { ImageView, Slot } from '../../shared/view.js';
import type { EditorDecisionView } from './view/editor-template.js';

/**
 * The editor's decision line (`renderEditor`'s foot): what Generate will do (the kind of edit and the model chosen),
 * the price as the form's row says it (a bound led by "at most"), Generate's words and its shortcut, why it cannot.
 */
export function editorDecision(view: ImageView, kind: EditKind, model: string): EditorDecisionView {
  const { decision, busy, widget, mac, translation } = view;
  const estimate = decision.estimate ? wordsIn(translation, 'prices', prices).estimate() : '';
  return {
    doing: wordsIn(translation, 'editor', editor).willDo(kind, modelName(model)),
    price: decision.price,
    exact: decision.exact,
    buys: `${decision.buys ?? ''}${estimate}`,
    blocked: decision.blocked,
    busy,
    generate: busy ? widget.generating() : widget.generateLabel(),
    shortcut: widget.shortcut(mac),
    keys: mac ? 'Meta+Enter' : 'Control+Enter',
  };
}

/** What the form's own places show while an image is edited (its panels' `editing` and `editingDecision`). */
export interface InForm {
  /** Leaves the editor (the form's prompt, model and size given back). */
  stop(): void;
  /** Takes the keyboard to the editor's Generate, or where it cannot, to the fix beside its reason. */
  toDecision(): void;
}

/**
 * While an image is edited, the form says so where its prompt and models stand (the editor's instruction and models
 * are the edit's: one of each), that the prompt and model there are kept, with Stop editing; and in its decision row,
 * that the price and Generate are the editor's (one Generate), with the way there. Its row draws itself again while
 * the edit runs (the editor then gives way to the progress).
 */
export function inForm(view: ImageView, on: InForm): { editing: Slot; editingDecision: Slot } {
  const text = wordsIn(view.translation, 'editor', editor);
  return {
    editing: html`<div class="editing-in-form">
      <p>${text.editingInForm()}</p>
      <button type="button" class="secondary" @click=${on.stop}>${text.stopEditing()}</button>
    </div>`,
    editingDecision: view.busy
      ? nothing
      : html`<p class="reason editing-away">
          <span>${text.decisionInEditor()}</span>
          <button type="button" class="link" @click=${on.toDecision}>${text.toEditorDecision()}</button>
        </p>`,
  };
}

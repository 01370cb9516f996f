import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { EditKind } from '../../../../../base/types.js';
import { editor, type EditorStrings } from '../../../../../strings/image/editor.js';
import { wordsIn } from '../../../../../strings/strings.js';
import type { Spoken } from '../../../../shared/language-controller.js';
import { renderReason } from '../../../shared/reason-fix.js';
import type { Blocked, ImageHandlers, Phrase } from '../../../shared/view.js';
import { renderMaskPainter, type MaskPainterHandlers } from './mask-painter-template.js';
import type { MaskPainterState } from './mask-view.js';

/** A kind of edit as the editor offers it: whether a model of the provider in force makes it. */
export interface EditorKindView {
  kind: EditKind;
  available: boolean;
}

/** A model that makes the kind of edit chosen, with its price for this image (`price`, in words). */
export interface EditorModelView {
  id: string;
  label: string;
  price: string;
  selected: boolean;
}

/**
 * The editor's own decision line, where the hands are while editing: what Generate will do, its price (a bound led by
 * "at most"), Generate itself, and where it cannot, why, with the fix; the form's row says it is here meanwhile.
 */
export interface EditorDecisionView {
  /** What will be done, in words: the kind of edit and the model that makes it. */
  doing: string;
  /** The price as a person reads it (every digit in `exact`), and what it buys; none where it cannot be paid. */
  price?: Phrase;
  exact?: string;
  buys?: string;
  blocked?: Blocked;
  busy: boolean;
  /** Generate's words ("Generate", or "Running…" while it runs), its shortcut as the platform writes it and names it. */
  generate: string;
  shortcut: string;
  keys: string;
}

/** What the editor shows: the image, the kind of edit, the instruction, the models that make it, the painter. */
export interface EditorView extends Spoken {
  /** The image edited, as the browser shows it, and its words. */
  src: string;
  alt: string;
  kind: EditKind;
  kinds: readonly EditorKindView[];
  /** The provider in force, named as the words name it (why a kind cannot be chosen). */
  provider: string;
  instruction: string;
  models: readonly EditorModelView[];
  /** The painter's state, for the kinds that paint (a mask, an erase). */
  painter: MaskPainterState;
  /** An extend's picture and fields (its own part's), once that part is here; the image meanwhile. */
  extension?: unknown;
  /** Whether the model chosen takes an instruction for this kind (an extend's may not), and its name. */
  instructionTaken: boolean;
  modelLabel: string;
  /** Where it takes none and one was typed: that it is not sent, in words. */
  unsent?: string;
  /**
   * Where the model bills each input megapixel and the image is larger than it sends by default (1 MP): whether it is
   * sent whole, its size in megapixels and what that adds, in the locale's words.
   */
  whole?: { checked: boolean; megapixels: string; more: string };
  /**
   * Where the edit may go on with the conversation that made the image (Nano Banana at Google): whether it does, how
   * many earlier images that sends again, and the most it adds in the locale's words (absent where it cannot).
   */
  goesOn?: { checked: boolean; images: number; more?: string };
  /** Where the image is the user's own: what the provider says it keeps of an image it is sent. */
  kept?: string;
  decision: EditorDecisionView;
}

/**
 * The form's handlers the editor's own line and keys use: Generate, the fix beside its reason, a gesture's presses,
 * and where Generate is refused, the reason said and the keyboard taken to its fix (Ctrl/⌘+Enter).
 */
export interface EditorFormHandlers extends Pick<ImageHandlers, 'submit' | 'fix' | 'press'> {
  refusedSubmit(event: Event, target: HTMLElement): boolean;
}

/** What the editor's controls do, the painter's among them. */
export interface EditorHandlers extends MaskPainterHandlers, Pick<EditorFormHandlers, 'submit' | 'fix' | 'press'> {
  /** A key anywhere in the editor: Ctrl/⌘+Enter sends the edit (from the instruction, the painting area…). */
  editKeydown(event: KeyboardEvent): void;
  /** A kind of edit chosen (`value`). */
  editKind(event: Event): void;
  /** The instruction typed: the edit's prompt. */
  editInstruction(event: Event): void;
  /** A model chosen (`value`). */
  editModel(event: Event): void;
  /** The image sent whole, or at 1 MP (`checked`). */
  editWhole(event: Event): void;
  /** The edit goes on with the image's conversation, or starts afresh (`checked`). */
  editGoesOn(event: Event): void;
  editClose(): void;
}

const KIND_WORDS = {
  instruction: 'kindInstruction',
  mask: 'kindMask',
  erase: 'kindErase',
  extend: 'kindExtend',
} as const;

/**
 * The editor (part `editor`), where the result is shown: what to do (an instruction over the whole image, a change of
 * the painted area, an erase of it, an extend; where one cannot be chosen, why), the image large (with the mask
 * painter where the kind paints, the extension where it extends), the instruction, the models that make this kind of
 * edit, each priced for this image, and its own decision line, whose Generate sends it.
 */
export function renderEditor(view: EditorView, on: EditorHandlers) {
  const text = wordsIn(view.translation, 'editor', editor);
  const paints = view.kind === 'mask' || view.kind === 'erase';
  return html`<section
    part="editor"
    class="editor"
    aria-label=${text.editorLabel()}
    @keydown=${on.editKeydown}
    @pointerdown=${on.press}
  >
    <div class="editor-head">
      <fieldset class="edit-kinds">
        <legend class="label">${text.kindLabel()}</legend>
        ${view.kinds.map(
          ({ kind, available }) =>
            html`<label class="edit-kind">
              <input
                type="radio"
                name="edit-kind"
                value=${kind}
                .checked=${live(kind === view.kind)}
                ?disabled=${!available}
                aria-describedby=${ifDefined(available ? undefined : 'edit-kinds-not-here')}
                @change=${on.editKind}
              />
              <span>${text[KIND_WORDS[kind]]()}</span>
            </label>`,
        )}
        ${renderKindsNotHere(view, text)}
      </fieldset>
      <button type="button" class="secondary" @click=${on.editClose}>${text.stopEditing()}</button>
    </div>
    ${
      paints
        ? renderMaskPainter({ ...view, painter: view.painter }, on)
        : (view.extension ?? html`<img class="edit-image" src=${view.src} alt=${view.alt} />`)
    }
    ${view.kept ? html`<p class="kept">${view.kept}</p>` : nothing} ${renderInstruction(view, on, text)}
    ${renderModels(view, on, text.editModelsLabel())}
    ${view.whole && renderCheck('edit-whole', view.whole.checked, on.editWhole, text.sendWhole(view.whole.megapixels, view.whole.more))}
    ${view.goesOn && renderCheck('edit-whole edit-goes-on', view.goesOn.checked, on.editGoesOn, text.goesOn(view.goesOn.images, view.goesOn.more))}
    ${renderDecision(view.decision, on)}
  </section>`;
}

/**
 * The editor's decision line, at its foot and held in view at the foot of the screen while any of the editor is (the
 * painting area in use among it): what will be done, the price, Generate (the one there is while editing: the form's
 * row points here), and why it cannot, with the fix.
 */
function renderDecision(decision: EditorDecisionView, on: EditorHandlers) {
  const blocked = !decision.busy && decision.blocked;
  return html`<div part="edit-decision" class="edit-decision">
    <p class="edit-doing">${decision.doing}</p>
    <p part="cost" class="total">
      ${
        decision.price
          ? html`<strong title=${ifDefined(decision.exact)}>${decision.price}</strong>`
          : html`<strong class="muted">—</strong>`
      }
      <span class="muted">${decision.buys ?? ''}</span>
    </p>
    <button
      part="submit"
      type="button"
      class="primary"
      data-focus="submit"
      ?disabled=${decision.busy || !!blocked}
      aria-describedby=${ifDefined(blocked ? 'reason' : undefined)}
      aria-keyshortcuts=${decision.keys}
      @click=${on.submit}
    >
      ${decision.generate}
      <kbd aria-hidden="true">${decision.shortcut}</kbd>
    </button>
    ${renderReason(blocked, on)}
  </div>`;
}

/**
 * Why the kinds that cannot be chosen cannot, in words under the choices (a title is never seen on touch, and a
 * disabled choice takes no focus to show one): no model of the provider in force makes them. Each such choice is
 * described by it.
 */
function renderKindsNotHere(view: EditorView, text: EditorStrings) {
  const missing = view.kinds.filter(({ available }) => !available).map(({ kind }) => text[KIND_WORDS[kind]]());
  return missing.length
    ? html`<p id="edit-kinds-not-here" class="edit-kinds-not-here">${text.kindsNotHere(missing, view.provider)}</p>`
    : nothing;
}

/**
 * The instruction box: none for an erase; for an extend, what to put in the new area (optional, and the model may not
 * follow it), or where the model chosen takes none, that it continues the image by itself and a prompt typed is not
 * sent; otherwise what to change.
 */
function renderInstruction(view: EditorView, on: EditorHandlers, text: EditorStrings) {
  if (view.kind === 'erase') return nothing;
  const extend = view.kind === 'extend';
  if (extend && !view.instructionTaken)
    return html`<p class="muted edit-no-instruction">${view.unsent ?? text.noInstruction(view.modelLabel)}</p>`;
  return html`<label class="label" for="edit-instruction">
      ${extend ? text.extendPromptLabel() : text.instructionLabel()}
    </label>
    <textarea
      id="edit-instruction"
      rows="2"
      placeholder=${extend ? text.extendPromptPlaceholder() : text.instructionPlaceholder()}
      aria-describedby=${ifDefined(extend ? 'edit-instruction-hint' : undefined)}
      .value=${live(view.instruction)}
      @input=${on.editInstruction}
    ></textarea>
    ${
      extend
        ? html`<p id="edit-instruction-hint" class="muted edit-instruction-hint">
            ${text.extendPromptHint(view.modelLabel)}
          </p>`
        : nothing
    }`;
}

/** The models that make the kind of edit chosen here, each with its price for this image. */
function renderModels(view: EditorView, on: EditorHandlers, label: string) {
  if (!view.models.length) return nothing;
  return html`<fieldset class="edit-models">
    <legend class="label">${label}</legend>
    ${view.models.map(
      (model) =>
        html`<label class="edit-model">
          <input
            type="radio"
            name="edit-model"
            value=${model.id}
            .checked=${live(model.selected)}
            @change=${on.editModel}
          />
          <span class="name">${model.label}</span>
          <span class="price">${model.price}</span>
        </label>`,
    )}
  </fieldset>`;
}

/** A choice of the edit's own, ticked or not (`checked`), said by `label`: what goes with the image sent. */
const renderCheck = (className: string, checked: boolean, change: (event: Event) => void, label: string) =>
  html`<label class=${className}>
    <input type="checkbox" .checked=${live(checked)} @change=${change} />
    <span>${label}</span>
  </label>`;

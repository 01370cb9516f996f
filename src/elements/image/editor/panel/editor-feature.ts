import { nothing } from 'lit';
import { invalid } from '../../../../base/checks.js';
import { pixelsOf } from '../../../../base/image-bytes.js';
import type { EditKind, GenerationResult, PublicEdit, Quote, Size } from '../../../../base/types.js';
import type { GalleryImage } from '../../../../images/gallery.js';
import { loadEngine } from '../../../../lazy/index.js';
import { EDIT_KINDS, editSize, extendedSize } from '../../../../pricing/edit-pricing.js';
import { payeeAt } from '../../../../providers/registry/catalog.js';
import { editsLoaded } from '../../../../providers/registry/edits-loader.js';
import type { ReferenceImage } from '../../../../providers/provider.js';
import { generation as generationWords } from '../../../../strings/generation.js';
import { editor } from '../../../../strings/image/editor.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import { imageRouter } from '../../shared/image-router.js';
import type { EditorContract, Features } from '../../shared/features.js';
import { PanelPart } from '../../shared/panel-part.js';
import type { Drawing, PanelSlots } from '../../shared/slots.js';
import type { Blocked, ImageView, Slot } from '../../shared/view.js';
import { againRequest, paints } from './again.js';
import { instructionMissing, notReady } from './editor-blocked.js';
import { goesOnView, goingOn, type GoingOn } from './conversation.js';
import { submitAsAsked, openPageImage } from './page-edits.js';
import { entryInForce, instructionView, keptSaid, modelsFor, modelsView, wholeView } from './editor-views.js';
import { editorDecision, inForm, type InForm } from './in-form.js';
import { Extension, UNEXTENDED } from './extension.js';
import type { EditorPart } from './view/index.js';
import type { EditorFormHandlers, EditorHandlers } from './view/editor-template.js';
import type { MaskPainter } from './view/mask-painter.js';
import { valueOf, checkedOf } from '../../../shared/fields.js';

/** An image being edited: the image as read (its pixels, its size), where it came from, and how it is edited. */
interface EditSession {
  image: ReferenceImage;
  /** The gallery's id of the image, where it is one of the widget's. */
  editOf?: string;
  /** The image's own words (its prompt, where it is one of the gallery's): what describes it, and an erase's prompt. */
  label: string;
  /**
   * The instruction: the edit's prompt, its own field (empty when the editor opens; a page's `generate({ edit })`, the
   * element's prompt). The form's prompt is kept for new images, untouched.
   */
  instruction: string;
  /** The conversation that made it, where it keeps one; `afresh`: the user chose not to go on with it. */
  conversation?: GoingOn;
  afresh?: boolean;
  kind: EditKind;
  painter: MaskPainter;
  /** Its controls' handlers (the form's Generate, its fix and presses are added as it is drawn). */
  on: Omit<EditorHandlers, keyof EditorFormHandlers>;
  /** The model and size the form had before the editor took them, given back when editing stops and after an edit. */
  before: { model: string } & Size;
  /** The size the editor last asked for, and for which model: the image's, as that model makes it. */
  sized?: Size;
  sizedFor?: string;
  /** Sent at its full size where each input megapixel is billed (by default at 1 MP at most). */
  whole?: boolean;
  /** Vary of an edit (`again`): one image, a new seed, at the quality tier it was made at. */
  again?: { quality?: string };
  /** The mask the last submission of this edit read (`mask()`), kept with its results for their Vary. */
  sentMask?: Blob;
}

/**
 * Editing an image (SPEC §13), once the panels are here: Edit on an image opens it where the result is shown, with the
 * editor's own part (loaded at that click); the request is then an edit of it (its first input, its kind, its mask at
 * the click, the editor's own instruction as its prompt), priced and sent as every request is, from the editor's own
 * decision line; a result is the new version, shown with its Edit to go on, the form as it was before the editor.
 */
export class EditorFeature implements EditorContract {
  /** The image being edited, while the editor is open. */
  session?: EditSession;
  readonly part: PanelPart<EditorPart>;
  /** How far an extend takes each side, and its own part, loaded when an extend is chosen. */
  readonly extension: Extension;
  readonly #parts: ImageParts;
  readonly #features: Features;
  /** The masks the edits made on this page were sent with, by the id of each image they made: their Vary's. */
  readonly #masks = new Map<string, Blob>();
  /** The form's handlers, as the editor was last drawn with them (its keys send through them). */
  #form?: EditorFormHandlers;
  /** What the form's own places do while an image is edited. */
  readonly #inForm: InForm;

  constructor(parts: ImageParts, features: Features) {
    const { host } = parts;
    this.#parts = parts;
    this.#features = features;
    this.part = new PanelPart(host, {
      wanted: () => this.session,
      load: () => import('./view/index.js').then(({ editorPart }) => editorPart(host)),
    });
    this.extension = new Extension(host, {
      wanted: () => this.session?.kind === 'extend',
      most: () => entryInForce(this.#parts)?.extend?.most,
      changed: () => {
        features.edited();
        this.#fitSize();
        host.requestUpdate();
      },
    });
    this.#inForm = {
      stop: () => this.session?.on.editClose(),
      toDecision: () =>
        features.flow.focusAt('[part~=edit-decision] :is([data-focus=submit]:enabled, #reason :is(a, button))'),
    };
    // The page may turn editing off, and on again, at any time (`edit="off"`): what offers it is drawn again, and an
    // editor open closes. An attribute the panels read alone: the first paint offers no editing.
    new MutationObserver(() => {
      if (!this.allowed()) this.close();
      host.requestUpdate();
    }).observe(host, { attributes: true, attributeFilter: ['edit'] });
    // Another model chosen while an image is edited asks for the image's size as that model makes it.
    host.addController({ hostUpdate: () => this.session?.sizedFor !== host.model && this.#fitSize() });
    // An image of the user's own, dropped where results are shown, or pasted while an image is edited, is edited there
    // (SPEC §13: "drop, paste or choose"; choosing is More options' "Edit an image of your own").
    imageRouter(host.renderRoot).edit = {
      wanted: () => this.canEdit(),
      editing: () => !!this.session,
      open: (file) => void this.edit(file),
    };
  }

  ownImageOffer(providerName: string) {
    const text = wordsIn(this.#parts.language.translation, 'editor', editor);
    const can = this.canEdit();
    return {
      editOwn: can && !this.session ? { label: text.editOwn(), kept: this.keptSaid() } : undefined,
      editNotHere: this.allowed() && !can ? text.nothingEditsHere(providerName) : undefined,
    };
  }

  /** The image kept under `id` in the gallery's store (an image shown, or one of the user's own an edit was made of). */
  #kept(id: string) {
    return this.#features.gallery.kept(id);
  }

  /** Whether the page allows editing (`edit`, `on` or absent; `off` hides it). */
  allowed(): boolean {
    return this.#parts.host.getAttribute('edit') !== 'off';
  }

  /**
   * Opens the editor on `blob` (an image of the gallery, `editOf`, or one of the user's own), its instruction empty;
   * an image of the gallery that keeps the conversation that made it goes on with it, where its model edits it
   * (`#goingOn`). `focus`: the keyboard goes to the kinds of edit (not where Vary sends the edit at once).
   */
  async open(blob: Blob, editOf?: string, focus = true) {
    const [engine, part, kept] = await Promise.all([
      loadEngine(),
      this.part.load(),
      editOf === undefined ? undefined : this.#kept(editOf),
    ]);
    // A file keeps its name: a refusal names the file the user chose.
    const file = blob instanceof File ? blob : new File([blob], 'edit', { type: blob.type });
    const image = await engine.readReferenceImage(file);
    const { host } = this.#parts;
    const { painter, on } = part.painterFor({ width: image.width, height: image.height }, () => host.requestUpdate());
    // Editing another image (a new version's Edit): the form's model and size before the first are still to give back.
    const before = this.session?.before ?? { model: host.model, width: host.width, height: host.height };
    const handlers = { ...on, ...this.#handlers() };
    const read = kept?.conversation && (await engine.readConversation(kept.conversation));
    const conversation = read && { kept: read, earlier: engine.earlierOf(read) };
    this.session = {
      image,
      editOf,
      label: kept?.prompt ?? '',
      instruction: '',
      kind: 'instruction',
      painter,
      on: handlers,
      before,
      ...(conversation && { conversation }),
    };
    this.extension.sides = UNEXTENDED;
    this.#fitSize();
    this.#choose('instruction');
    this.#features.edited();
    host.requestUpdate();
    await host.updateComplete;
    if (focus) host.renderRoot.querySelector<HTMLElement>('[part~=editor] input:checked')?.focus();
  }

  /**
   * `generate(options)` with options (SPEC §13): with `edit`, once a submission running has ended, the edit opened as
   * asked (`begin`) and sent; without, the widget's submission as it stands.
   */
  submitAsAsked(options: unknown): Promise<GenerationResult> {
    return submitAsAsked(this, this.#features, () => this.#parts.host.generate(), options);
  }

  /** Opens the editor on `blob` (image `editOf` of the gallery, or one of the user's own); what keeps it from opening is said. */
  edit(blob: Blob, editOf?: string): Promise<void> {
    return this.open(blob, editOf).catch((error) => this.#features.report(error));
  }

  /** `editImage(image)`: the editor opened on the page's image, as a user's drop opens it (`openPageImage`). */
  openImage(image: unknown): Promise<void> {
    return openPageImage(this, this.#parts, this.#features, image);
  }

  /**
   * The image a page names to edit (a Blob, a gallery id, an address), read as a file, with the gallery id it is where it
   * is one of the widget's.
   */
  async imageToEdit(image: Blob | string): Promise<{ file: File; editOf?: string }> {
    const engine = await loadEngine();
    return engine.editedImage(image, (id) => this.#kept(id));
  }

  /**
   * `generate({ edit })`: the editor opened on the page's image (a Blob, a gallery id, an address) as asked, its kind
   * chosen, its mask painted, the element's prompt its instruction, ready to send; a request the widget cannot make
   * refused in words (`invalid-input`).
   */
  async begin(input: unknown) {
    const engine = await loadEngine();
    const edit = engine.checkEditInput(input, editsLoaded());
    const text = wordsIn(this.#parts.language.translation, 'editor', editor);
    if (!this.allowed()) invalid(text.editingOff());
    const { file, editOf } = await this.imageToEdit(edit.image);
    const mask = edit.mask && (await pixelsOf(edit.mask).catch(() => invalid(text.maskNotAnImage())));
    await this.open(file, editOf);
    const { session } = this;
    if (!session) return;
    session.instruction = this.#parts.host.prompt;
    if (mask) {
      const { width, height } = session.image;
      if (mask.width !== width || mask.height !== height) {
        this.close();
        invalid(
          wordsIn(this.#parts.language.translation, 'generation', generationWords).maskOfAnotherSize(
            mask.width,
            mask.height,
            width,
            height,
          ),
        );
      }
      session.painter.paintPicture(mask);
    }
    this.#choose(edit.kind);
    if (edit.extend) this.extension.sides = edit.extend;
    this.#fitSize();
    session.whole = edit.whole;
    this.#parts.host.requestUpdate();
  }

  /**
   * Vary on an edit, image `id` (`againQuote` priced it): the same edit again on its source, as it was sent (its kind,
   * mask, sides, model, instruction and size), one image with a new seed, sent at once, once a submission running has
   * ended; the form as it was before, once it is made. What fails is said where the widget shows errors.
   */
  async again(id: string) {
    const image = this.#features.gallery.images().find((shown) => shown.id === id);
    const edit = image?.edit;
    if (!image || !edit?.editOf) return;
    const mask = this.#masks.get(id);
    try {
      if (this.#features.shown.pending) await this.#parts.host.generate().catch(() => {});
      const blob = (await this.#kept(edit.editOf))?.blob;
      if (!blob) invalid(wordsIn(this.#parts.language.translation, 'editor', editor).notReadable());
      await this.open(blob, edit.editOf, false);
      const { session } = this;
      if (!session) return;
      if (mask) session.painter.paintPicture(await pixelsOf(mask));
      const size = { width: image.width, height: image.height };
      Object.assign(session, {
        kind: edit.kind,
        instruction: image.prompt,
        afresh: !edit.earlier,
        whole: edit.whole,
        again: { quality: image.quality },
        sized: size,
        sizedFor: image.model,
      });
      this.extension.sides = edit.extend ?? UNEXTENDED;
      Object.assign(this.#parts.host, { model: image.model, ...size });
    } catch (thrown) {
      this.#features.report(thrown);
      return;
    }
    await this.#parts.host.generate().catch(() => {}); // its error is shown where its image would have been
  }

  /**
   * What Vary on `image`, an edit, costs: the same edit again on its source (`againRequest`), priced with its inputs;
   * undefined where it cannot be made here, or cannot be priced (Vary is then not offered).
   */
  againQuote(image: GalleryImage, source: { width: number; height: number }): Quote | undefined {
    const { host, pricing } = this.#parts;
    const kind = image.edit?.kind;
    if (!kind || !this.allowed()) return undefined;
    const asked = againRequest({
      image,
      source,
      form: this.#parts.request(),
      provider: host.provider,
      models: modelsFor(this.#parts, kind),
      masked: this.#masks.has(image.id),
    });
    const quote = asked && pricing.price(asked).quote;
    return quote && !quote.problem ? quote : undefined;
  }

  /** An edit was made (`ids`, the images it made): its mask kept for their Vary, the form given back as it was. */
  made(ids: readonly string[]) {
    const mask = this.session?.sentMask;
    if (mask) for (const id of ids) this.#masks.set(id, mask);
    this.close();
  }

  /** Leaves the editor: the form's model and size as they were before it opened (its prompt was never taken). */
  close() {
    const { session } = this;
    if (!session) return;
    this.session = undefined;
    const { host } = this.#parts;
    Object.assign(host, session.before);
    host.requestUpdate();
  }

  canEdit(): boolean {
    return this.allowed() && EDIT_KINDS.some((kind) => modelsFor(this.#parts, kind).length > 0);
  }

  /**
   * What an edit adds to the request: the image as its first input, the kind and which image it edits, its prompt (the
   * instruction; an erase, which takes none, the image's own words), and where it goes on with the conversation that
   * made the image, that conversation and what it sends again; Vary's one image with a new seed.
   */
  asked() {
    const { session } = this;
    if (!session) return undefined;
    const going = this.#goingOn(this.#parts.host.model);
    const edit: PublicEdit = {
      kind: session.kind,
      ...(session.editOf && { editOf: session.editOf }),
      ...(session.whole && { whole: true }),
      ...(session.kind === 'extend' && { extend: this.extension.sides }),
      ...(going && { earlier: going.earlier }),
    };
    return {
      prompt: session.kind === 'erase' ? session.label : session.instruction,
      inputs: [session.image],
      edit,
      ...(going && { conversation: going.kept }),
      ...(session.again && { count: 1, seed: undefined, quality: session.again.quality || undefined }),
    };
  }

  /** The conversation an edit by `model` goes on with (`goingOn`), unless the user chose to edit afresh. */
  #goingOn(model: string) {
    return this.session?.afresh ? undefined : goingOn(this.session?.conversation, this.#parts, model);
  }

  /** Where the user painted, at the image's size, for an edit that paints; read when a submission starts. */
  async mask(): Promise<ReferenceImage | undefined> {
    const { session } = this;
    if (!session || !paints(session.kind)) return undefined;
    const { blob, dataUrl, width, height } = await session.painter.mask();
    session.sentMask = blob;
    return { dataUrl, width, height };
  }

  /**
   * Why Generate cannot send the edit yet: nothing painted for a kind that paints (the fix goes to the painting), no
   * side extended for an extend (to the first side's field).
   */
  blocked(): Blocked | undefined {
    return notReady(this.session, this.extension.extended, this.#parts.language.translation);
  }

  /**
   * Where the edit waits for its instruction (a kind that takes one, none typed): why, and the way to its box; what it
   * waits for above it first (the painting, over the instruction in the editor).
   */
  instructionMissing(): Blocked | undefined {
    return instructionMissing(this.session, this.extension.extended, this.#parts.language.translation);
  }

  /** What the form's own places show while an image is edited (its prompt's and models', its row's price and Generate). */
  slots({ view }: Drawing<unknown>): Pick<PanelSlots, 'editing' | 'editingDecision'> {
    if (!this.session || !this.part.loaded) return { editing: nothing, editingDecision: nothing };
    return inForm(view, this.#inForm);
  }

  /** The editor, drawn where the result is shown while an image is edited, with the form's Generate; `nothing` else. */
  render(view: ImageView, form: EditorFormHandlers): Slot {
    const { session } = this;
    const part = this.part.loaded;
    if (!session || !part) return nothing;
    this.#form = form;
    const { host, language } = this.#parts;
    const payee = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
    const { dataUrl: src, width, height } = session.image;
    const spoken = { locale: language.locale, translation: language.translation };
    const alt = session.label || wordsIn(language.translation, 'editor', editor).imageAlt();
    return part.render(
      {
        src,
        alt,
        kind: session.kind,
        kinds: EDIT_KINDS.map((kind) => ({ kind, available: modelsFor(this.#parts, kind).length > 0 })),
        provider: payee,
        instruction: session.instruction,
        ...instructionView(this.#parts, session.kind, session.instruction),
        models: modelsView(this.#parts, view, session.kind, (model) => this.#goingOn(model)),
        whole: wholeView(this.#parts, session.image, !!session.whole),
        goesOn: this.#goesOnView(),
        kept: this.keptSaid(session.editOf === undefined),
        painter: session.painter.view(),
        ...(session.kind === 'extend' && {
          extension: this.extension.render({ src, alt, image: { width, height }, ...spoken }),
        }),
        decision: editorDecision(view, session.kind, host.model),
        ...spoken,
      },
      { ...session.on, submit: form.submit, fix: form.fix, press: form.press },
    );
  }

  /** What the provider in force keeps of an image of the user's own it is sent (`own`), in words, where it says. */
  keptSaid(own = true): string | undefined {
    return keptSaid(this.#parts, own);
  }

  /** The editor's line where the edit may go on with the conversation that made the image (`goesOnView`). */
  #goesOnView() {
    const { session } = this;
    const going = goingOn(session?.conversation, this.#parts, this.#parts.host.model);
    return session && going ? goesOnView(this.#parts, going, !!session.afresh) : undefined;
  }

  /**
   * An edit keeps the image's shape and size: the form asks for them, as the model in force makes them (`editSize`;
   * an extend, the image with its sides around it), unless the user has asked for another size since the editor last
   * set it.
   */
  #fitSize() {
    const { session } = this;
    const { host, pricing } = this.#parts;
    const { sized } = session ?? {};
    if (!session || (sized && (sized.width !== host.width || sized.height !== host.height))) return;
    // An extend makes the image with its sides around it: the form says that size.
    const { capability } = session.kind === 'extend' ? {} : pricing.price(this.#parts.request());
    const size = capability
      ? editSize(capability.sizes, session.image)
      : session.kind === 'extend' && extendedSize(this.extension.sides, session.image);
    if (!size) return;
    Object.assign(session, { sized: size, sizedFor: host.model });
    Object.assign(host, size);
  }

  /** `kind` chosen: the model in force kept where it makes it, else the first that does. */
  #choose(kind: EditKind) {
    const { session } = this;
    if (!session) return;
    session.kind = kind;
    const models = modelsFor(this.#parts, kind);
    const { host } = this.#parts;
    if (models.length && !models.includes(host.model)) host.model = models[0];
  }

  /** The user changed `change` of the edit open (a change of what would be sent), drawn again. */
  #setSession(change: Partial<Pick<EditSession, 'instruction' | 'whole' | 'afresh'>>) {
    this.#features.edited();
    if (this.session) Object.assign(this.session, change);
    this.#parts.host.requestUpdate();
  }

  /**
   * The editor's own controls: the kind, the instruction (the edit's prompt), the model, Stop editing, and its keys
   * (Ctrl/⌘+Enter sends, as in the form: where Generate is refused, the reason is said and the keyboard goes to its fix).
   */
  #handlers(): Omit<EditorHandlers, keyof ReturnType<EditorPart['painterFor']>['on'] | keyof EditorFormHandlers> {
    const { host } = this.#parts;
    const edited = () => this.#features.edited();
    return {
      editKeydown: (event) => {
        this.#parts.gesture.input();
        const form = this.#form;
        if (!form || event.key !== 'Enter' || event.isComposing || !(event.ctrlKey || event.metaKey)) return;
        if (!form.refusedSubmit(event, event.composedPath()[0] as HTMLElement)) form.submit(event);
      },
      editKind: (event) => {
        edited();
        const kind = EDIT_KINDS.find((known) => known === valueOf(event));
        if (kind) this.#choose(kind);
        this.#fitSize();
        host.requestUpdate();
      },
      editInstruction: (event) => this.#setSession({ instruction: valueOf(event) }),
      editModel: (event) => {
        edited();
        host.model = valueOf(event);
      },
      editWhole: (event) => this.#setSession({ whole: checkedOf(event) }),
      editGoesOn: (event) => this.#setSession({ afresh: !checkedOf(event) }),
      editClose: () => {
        this.close();
        this.#features.flow.focusAt('#prompt');
      },
    };
  }
}

import Decimal from 'decimal.js';
import { nothing } from 'lit';
import { invalid, isRecord } from '../../../../base/checks.js';
import { asUserPaysError } from '../../../../base/errors.js';
import type { EditKind, GenerationResult, PublicEdit, Size } from '../../../../base/types.js';
import { loadEngine } from '../../../../lazy/index.js';
import { EDIT_KINDS, editSize, extendedSize } from '../../../../pricing/edit-pricing.js';
import { formatUsd, megapixelsOf, modelName } from '../../../../pricing/index.js';
import { withEditFacts } from '../../../../pricing/edit-hook.js';
import { payeeAt } from '../../../../providers/catalog.js';
import { imageKeptAt } from '../../../../providers/image-kept.js';
import type { Conversation, ReferenceImage } from '../../../../providers/provider.js';
import { editPrices } from '../../../../strings/edit-prices.js';
import { generation as generationWords } from '../../../../strings/generation.js';
import { editNotAnImage } from '../../../../strings/edit-input.js';
import { editor } from '../../../../strings/image/editor.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../image-parts.js';
import { mostSaid } from '../../models/price-words.js';
import type { EditorShared, Features } from '../../panels/features.js';
import { PanelPart } from '../../panels/panel-part.js';
import type { Blocked, ImageView, Slot } from '../../view.js';
import { editGoingOn, goesOnView, goingOn, type GoingOn } from './conversation.js';
import { Extension, UNEXTENDED } from './extension.js';
import { listenForImages } from './image-drop.js';
import type { EditorPart } from './view/index.js';
import type { EditorHandlers } from './view/editor-template.js';
import type { MaskPainter } from './view/mask-painter.js';

/** An image being edited: the image as read (its pixels, its size), where it came from, and how it is edited. */
interface EditSession {
  image: ReferenceImage;
  /** The gallery's id of the image, where it is one of the widget's. */
  editOf?: string;
  /** The conversation that made it, where it keeps one; `afresh`: the user chose not to go on with it. */
  conversation?: GoingOn;
  afresh?: boolean;
  kind: EditKind;
  painter: MaskPainter;
  on: EditorHandlers;
  /** The model and size the form had before the editor took them, given back when editing stops. */
  modelBefore: string;
  sizeBefore: Size;
  /** The size the editor last asked for, and for which model: the image's, as that model makes it. */
  sized?: Size;
  sizedFor?: string;
  /** Sent at its full size where each input megapixel is billed (by default at 1 MP at most). */
  whole?: boolean;
}

/**
 * Editing an image (SPEC §13), once the panels are here: Edit on an image opens it where the result is shown, with the
 * editor's own part (loaded at that click); the request is then an edit of it (its first input, its kind, its mask at
 * the click), priced and sent as every request is; a result is the new version, shown with its Edit to go on.
 */
export class EditorFeature implements EditorShared {
  /** The image being edited, while the editor is open. */
  session?: EditSession;
  readonly part: PanelPart<EditorPart>;
  /** How far an extend takes each side, and its own part, loaded when an extend is chosen. */
  readonly extension: Extension;
  readonly #parts: ImageParts;
  readonly #features: Features;

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
      most: () => this.#entry()?.extend?.most,
      changed: () => {
        features.submission.edited();
        this.#fitSize();
        host.requestUpdate();
      },
    });
    // The page may turn editing off, and on again, at any time (`edit="off"`): what offers it is drawn again, and an
    // editor open closes. An attribute the panels read alone: the first paint offers no editing.
    new MutationObserver(() => {
      if (!this.allowed()) this.close();
      host.requestUpdate();
    }).observe(host, { attributes: true, attributeFilter: ['edit'] });
    // Another model chosen while an image is edited asks for the image's size as that model makes it.
    host.addController({ hostUpdate: () => this.session?.sizedFor !== host.model && this.#fitSize() });
    listenForImages(host.renderRoot, {
      wanted: () => this.canEdit(),
      editing: () => !!this.session,
      open: (file) =>
        void this.open(file).catch((error) => features.submission.controller.report(asUserPaysError(error))),
    });
  }

  /** Whether the page allows editing (`edit`, `on` or absent; `off` hides it). */
  allowed(): boolean {
    return this.#parts.host.getAttribute('edit') !== 'off';
  }

  /**
   * Opens the editor on `blob` (an image of the gallery, `editOf`, or one of the user's own); an image of the gallery
   * that keeps the conversation that made it goes on with it, where its model edits it (`#goingOn`).
   */
  async open(blob: Blob, editOf?: string) {
    const gallery = this.#features.gallery.controller;
    const [engine, part, kept] = await Promise.all([
      loadEngine(),
      this.part.load(),
      editOf === undefined ? undefined : gallery.kept(editOf),
    ]);
    // A file keeps its name: a refusal names the file the user chose.
    const file = blob instanceof File ? blob : new File([blob], 'edit', { type: blob.type });
    const image = await engine.readReferenceImage(file);
    const { host } = this.#parts;
    const { painter, on } = part.painterFor({ width: image.width, height: image.height }, () => host.requestUpdate());
    // Editing another image (a new version's Edit): the form's model before the first is still the one to give back.
    const modelBefore = this.session?.modelBefore ?? host.model;
    const sizeBefore = this.session?.sizeBefore ?? { width: host.width, height: host.height };
    const handlers = { ...on, ...this.#handlers() };
    const read = kept?.conversation && (await engine.readConversation(kept.conversation));
    const conversation = read && { kept: read, earlier: engine.earlierOf(read) };
    this.session = {
      image,
      editOf,
      kind: 'instruction',
      painter,
      on: handlers,
      modelBefore,
      sizeBefore,
      ...(conversation && { conversation }),
    };
    this.extension.sides = UNEXTENDED;
    this.#fitSize();
    this.#choose('instruction');
    this.#features.submission.edited();
    host.requestUpdate();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('[part~=editor] input:checked')?.focus();
  }

  /**
   * `generate(options)` with options (SPEC §13): with `edit`, once a submission running has ended, the edit opened as
   * asked (`begin`) and sent; without, the widget's submission as it stands. What fails before the submission starts
   * is said where the widget shows errors, as the submission says its own.
   */
  async generate(options: unknown): Promise<GenerationResult> {
    const { submission } = this.#features;
    try {
      if (!isRecord(options)) invalid(editNotAnImage());
      if (options.edit !== undefined) {
        if (submission.controller.pending) await submission.generate().catch(() => {});
        await this.begin(options.edit);
      }
    } catch (thrown) {
      const failure = asUserPaysError(thrown);
      submission.controller.report(failure);
      throw failure;
    }
    return submission.generate();
  }

  /**
   * `editImage(image)`: the editor opened on the page's image (a Blob, a gallery id, an address), as a user's drop
   * opens it: the user chooses what to do and sends it. Refused in words (`invalid-input`, shown where the widget shows
   * errors) where editing is off, no model here edits, or the image cannot be read.
   */
  async openImage(image: unknown): Promise<void> {
    try {
      const { language, host } = this.#parts;
      const text = wordsIn(language.translation, 'editor', editor);
      if (!this.allowed()) invalid(text.editingOff());
      if (!(image instanceof Blob || typeof image === 'string')) invalid(editNotAnImage());
      const payee = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
      if (!this.canEdit()) invalid(text.nothingEditsHere(payee));
      const engine = await loadEngine();
      const gallery = this.#features.gallery.controller;
      const { file, editOf } = await engine.editedImage(image, (id) => gallery.kept(id));
      await this.open(file, editOf);
    } catch (thrown) {
      const failure = asUserPaysError(thrown);
      this.#features.submission.controller.report(failure);
      throw failure;
    }
  }

  /**
   * `generate({ edit })`: the editor opened on the page's image (a Blob, a gallery id, an address) as asked, its kind
   * chosen, its mask painted, ready to send; a request the widget cannot make refused in words (`invalid-input`).
   */
  async begin(input: unknown) {
    const engine = await loadEngine();
    const edit = engine.checkEditInput(input);
    const text = wordsIn(this.#parts.language.translation, 'editor', editor);
    if (!this.allowed()) invalid(text.editingOff());
    const gallery = this.#features.gallery.controller;
    const { file, editOf } = await engine.editedImage(edit.image, (id) => gallery.kept(id));
    const mask = edit.mask && (await pixelsOf(edit.mask).catch(() => invalid(text.maskNotAnImage())));
    await this.open(file, editOf);
    const { session } = this;
    if (!session) return;
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

  /** Leaves the editor; `giveBack`: the form's model and size as they were before (not where the result of an edit is shown). */
  close(giveBack = true) {
    const { session } = this;
    if (!session) return;
    this.session = undefined;
    const { host } = this.#parts;
    if (giveBack) Object.assign(host, { model: session.modelBefore, ...session.sizeBefore });
    host.requestUpdate();
  }

  canEdit(): boolean {
    return this.allowed() && EDIT_KINDS.some((kind) => this.#modelsFor(kind).length > 0);
  }

  /**
   * What an edit adds to the request: the image as its first input, the kind and which image it edits, and where it goes
   * on with the conversation that made the image, that conversation and what it sends again.
   */
  asked(): { inputs: ReferenceImage[]; edit: PublicEdit; conversation?: Conversation } | undefined {
    const { session } = this;
    if (!session) return undefined;
    const going = this.#goingOn(this.#parts.host.model);
    return {
      inputs: [session.image],
      edit: {
        kind: session.kind,
        ...(session.editOf && { editOf: session.editOf }),
        ...(session.whole && { whole: true }),
        ...(session.kind === 'extend' && { extend: this.extension.sides }),
        ...(going && { earlier: going.earlier }),
      },
      ...(going && { conversation: going.kept }),
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
    const { dataUrl, width, height } = await session.painter.mask();
    return { dataUrl, width, height };
  }

  /**
   * Why Generate cannot send the edit yet: nothing painted for a kind that paints (the fix goes to the painting), no
   * side extended for an extend (to the first side's field).
   */
  blocked(): Blocked | undefined {
    const { session } = this;
    const { translation } = this.#parts.language;
    if (session?.kind === 'extend' && !this.extension.extended) {
      const reason = wordsIn(translation, 'editPrices', editPrices).extendNothing();
      return {
        reason,
        at: 'image',
        fix: { label: wordsIn(translation, 'editor', editor).toExtending(), focus: 'extend-top' },
      };
    }
    if (!session || !paints(session.kind) || session.painter.painted) return undefined;
    // Said as the pipeline says it where a page sends an edit with nothing painted.
    const reason = wordsIn(translation, 'generation', generationWords).maskMissing();
    return {
      reason,
      at: 'image',
      fix: { label: wordsIn(translation, 'editor', editor).toPainting(), focus: 'mask-area' },
    };
  }

  /** The editor, drawn where the result is shown while an image is edited; `nothing` else. */
  render(view: ImageView): Slot {
    const { session } = this;
    const part = this.part.loaded;
    if (!session || !part) return nothing;
    const { host, language } = this.#parts;
    const payee = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
    const { dataUrl: src, width, height } = session.image;
    const spoken = { locale: language.locale, translation: language.translation };
    return part.render(
      {
        src,
        alt: host.prompt,
        kind: session.kind,
        kinds: EDIT_KINDS.map((kind) => ({ kind, available: this.#modelsFor(kind).length > 0 })),
        provider: payee,
        instruction: host.prompt,
        ...this.#instructionView(),
        models: this.#modelsView(view),
        whole: this.#wholeView(),
        goesOn: this.#goesOnView(),
        kept: this.keptSaid(session.editOf === undefined),
        painter: session.painter.view(),
        ...(session.kind === 'extend' && {
          extension: this.extension.render({ src, alt: host.prompt, image: { width, height }, ...spoken }),
        }),
        ...spoken,
      },
      session.on,
    );
  }

  /**
   * The price-book entry of the model in force, with its edit facts, where it has a price here: read from the book, as
   * a request that cannot be priced yet (no side extended) has none.
   */
  #entry() {
    const { host, pricing } = this.#parts;
    const entry = pricing.prices()[host.model]?.[host.provider];
    return entry && withEditFacts(entry, host.provider, host.model);
  }

  /**
   * Whether the model in force takes an instruction for this kind of edit (an extend's may not: fal's outpaint takes
   * none), and where it takes none, what becomes of one typed: it is said not to be sent, never dropped in silence.
   */
  #instructionView() {
    const { host, language } = this.#parts;
    const model = modelName(host.model);
    const taken = this.session?.kind !== 'extend' || this.#entry()?.extend?.prompt !== false;
    const prompt = host.prompt.trim();
    const unsent =
      taken || !prompt
        ? undefined
        : wordsIn(language.translation, 'editPrices', editPrices).promptNotSent(model, prompt);
    return { instructionTaken: taken, modelLabel: model, ...(unsent && { unsent }) };
  }

  /**
   * What the provider in force says it keeps of an image it is sent, in the element's words, said beside the upload of
   * an image of the user's own (`own`): not of one it made, which it has already.
   */
  keptSaid(own = true): string | undefined {
    const { host, language } = this.#parts;
    const kept = own ? imageKeptAt(host.provider, host.endpoint) : undefined;
    if (!kept) return undefined;
    const payee = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
    return wordsIn(language.translation, 'editor', editor).imageKept(payee, kept);
  }

  /** The models of the provider in force that make `kind` of edit, in the price book's order. */
  #modelsFor(kind: EditKind): string[] {
    const { host, pricing } = this.#parts;
    const book = pricing.prices();
    const { provider } = host;
    return pricing.models(provider, '').filter((model) => {
      const entry = book[model]?.[provider];
      return entry && withEditFacts(entry, provider, model).edits?.includes(kind);
    });
  }

  /** The models that make this kind of edit here, each priced for this image as the request stands. */
  #modelsView(view: ImageView) {
    const { host, pricing, language } = this.#parts;
    const kind = this.session?.kind ?? 'instruction';
    const { edit, ...request } = this.#parts.request();
    return this.#modelsFor(kind).map((model) => {
      // Each model priced as it would be sent: going on with the image's conversation where that model made it.
      const { quote } = pricing.price({ ...request, model, edit: editGoingOn(edit ?? { kind }, this.#goingOn(model)) });
      return {
        id: model,
        label: modelName(model),
        price: quote ? mostSaid(quote, language.locale, view.translation) : '',
        selected: model === host.model,
      };
    });
  }

  /**
   * Where the model bills each input megapixel and the image is larger than it sends by default (1 MP): its size and
   * what sending it whole adds, for the user to choose; undefined where that changes nothing.
   */
  #wholeView() {
    const { session } = this;
    const request = this.#parts.request();
    if (!session || !request.edit) return undefined;
    const { pricing, language } = this.#parts;
    const resized = pricing.price({ ...request, edit: { ...request.edit, whole: false } }).quote;
    const whole = pricing.price({ ...request, edit: { ...request.edit, whole: true } }).quote;
    if (!resized || !whole || resized.problem || whole.problem) return undefined;
    const more = new Decimal(whole.total).minus(resized.total);
    if (more.lte(0)) return undefined;
    const megapixels = megapixelsOf(session.image.width, session.image.height).toLocaleString(language.locale);
    return { checked: !!session.whole, megapixels, more: formatUsd(more, language.locale) };
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
    const models = this.#modelsFor(kind);
    const { host } = this.#parts;
    if (models.length && !models.includes(host.model)) host.model = models[0];
  }

  /** The editor's own controls: the kind, the instruction (the edit's prompt), the model, Stop editing. */
  #handlers(): Omit<EditorHandlers, keyof ReturnType<EditorPart['painterFor']>['on']> {
    const { host } = this.#parts;
    const edited = () => this.#features.submission.edited();
    return {
      editKind: (event) => {
        edited();
        this.#choose((event.target as HTMLInputElement).value as EditKind);
        this.#fitSize();
        host.requestUpdate();
      },
      editInstruction: (event) => {
        edited();
        host.prompt = (event.target as HTMLTextAreaElement).value;
      },
      editModel: (event) => {
        edited();
        host.model = (event.target as HTMLInputElement).value;
      },
      editWhole: (event) => {
        edited();
        if (this.session) this.session.whole = (event.target as HTMLInputElement).checked;
        host.requestUpdate();
      },
      editGoesOn: (event) => {
        edited();
        if (this.session) this.session.afresh = !(event.target as HTMLInputElement).checked;
        host.requestUpdate();
      },
      editClose: () => {
        this.close();
        this.#features.submission.flow.focusAt('#prompt');
      },
    };
  }
}

/** A mask the page gave, as pixels (its size, to hold it to the image's). */
async function pixelsOf(mask: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(mask);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('A new canvas gave no 2D context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Whether an edit of `kind` paints what it changes: a repaint and an erase do; an instruction and an extend do not. */
const paints = (kind: EditKind) => kind === 'mask' || kind === 'erase';

import { nothing, type PropertyDeclarations } from 'lit';
import { DEFAULT_MODEL, modelInfo, MODELS } from '../../pricing/index.js';
import type { EditInput, GenerationResult, Quote, Tally } from '../../base/types.js';
import { asUserPaysError, type UserPaysError } from '../../base/errors.js';
import { prices } from '../../strings/prices.js';
import { wordsIn } from '../../strings/strings.js';
import { emit } from '../shared/events.js';
import { PanelsController } from '../shared/panels-controller.js';
import { loadEdits } from '../../providers/registry/edits-loader.js';
import { ImageProperties } from './shared/image-properties.js';
import { imageStyles } from './image-styles.js';
import { renderImageWidget } from './image-template.js';
import { imageHandlers } from './image-handlers.js';
import { ImageParts, settingsOf, type SubmissionRequest } from './shared/image-parts.js';
import { keySlot, readKey, type KeyRoute } from './shared/key-slots.js';
import { imageView } from './image-view.js';
import type { ImagePanels } from './panels/image-panels.js';
import type * as Panels from './panels/index.js';

/**
 * The whole widget: the prompt, the model, the shape and size, the user's key or Puter account, one decision row
 * with the exact price and Generate, then the result large beside the controls (in a wide container) or above them
 * (in a narrow one), the history below, and the session tally.
 *
 * @summary Text-to-image generation paid from the end user's own account, with an exact price before every click.
 * @tagname userpays-image
 * @event userpays-quote - The quote changed; `detail` is the `Quote`.
 * @event userpays-submit - About to submit; `detail` is `{ quote, request }`. Cancelable: `preventDefault()` stops it.
 * @event userpays-progress - While generating; `detail` is `{ status, elapsedMs, progress? }`.
 * @event userpays-result - Images are persisted; `detail` is `{ images, charged, quote }`.
 * @event userpays-error - Something failed; `detail` is `{ code, message, retryable }`.
 * @event userpays-tally - The tally changed (here or in another tab); `detail` is the `Tally`.
 * @event userpays-bound - The provider charged more for an image than the quote's "at most"; `detail` is `{ provider, model, quality?, width, height, bound, charged }`. Booked as charged; that model and size is quoted at least `charged` from then on.
 * @csspart prompt - The prompt text box.
 * @csspart model - The models: a radio group, each with what it is best for and the request's price on it.
 * @csspart shape - Each shape (21:9 … 9:21, those the provider can make of the model): a radio of one group.
 * @csspart size - The sizes of the shape in force (about 0.25, 1, 2 and 4 MP): a radio group.
 * @csspart width - The custom width input (after "Custom size").
 * @csspart height - The custom height input (after "Custom size").
 * @csspart more - More options (a disclosure): the count, the seed, the prompt's rewriting, the reference images' drop
 *   zone and the model's own controls.
 * @csspart count - The number of images per submission: a radio group.
 * @csspart seed - The seed input (empty: a random seed for each submission).
 * @csspart key - The API key input (providers paid with the user's own key), with "Get a key ↗".
 * @csspart remember - The "Remember my key on this device" opt-in box.
 * @csspart balance - What the key's account has left, where its provider says (BFL's credits, fal's billing).
 * @csspart account - Puter's account area (provider "puter"): who pays and what is left, Sign in / Sign out.
 * @csspart sign-in - A sign-in button (`data-provider` names the account system: `puter`, `openrouter`, `huggingface`,
 *   `pollinations`).
 * @csspart grant - Before a sign-in whose key the provider caps (OpenRouter): how much this site may spend, with Continue.
 * @csspart revoke - After such a sign-in: the link to revoke the key at the provider.
 * @csspart decision - The row that stays in view: the price, what it buys, Generate, and why Generate cannot, with the fix (the price details open above it, over the controls, and move nothing).
 * @csspart cost - The price and what it buys, in the decision row; the price details above the row unfold the breakdown, source, projection and compare.
 * @csspart submit - The Generate button: the decision row's, or while an image is edited, the editor's own line's.
 * @csspart compare - The request priced on every model and provider the page allows, across the families (loaded when the price details open): a table of model with what it is best for, provider and price, ranked by the most each can cost (a bound said as "at most" first, the expected price under it), a choice of the family listed where there are several; choosing a line switches to its model.
 * @csspart projection - What 100 such submissions cost, how many $1 buys, how many more fit the budget, and this month's pace.
 * @csspart placeholder - While generating: the space each image will take, at the shape asked.
 * @csspart progress - Progress while generating, with Cancel.
 * @csspart error - Every error the widget shows: the last submission's (with Try again where trying again can succeed), the key's beside the key field, and why the request cannot be priced, made or paid beside Generate.
 * @csspart tally - The session tally line.
 * @csspart uncertain - Under the tally line: each charge no reply confirmed or denied, with "It was charged" / "It was not" (the user's word from their provider account settles it).
 * @csspart result - The latest submission, large (a grid for more than one image).
 * @csspart lightbox - An image full size (a modal dialog: arrows step, Escape closes).
 * @csspart gallery - The earlier images, grouped by submission.
 * @csspart image - One generated image.
 * @csspart receipt - An image's receipt: quoted, charged (and how that is known), what was left at the provider after it.
 * @csspart image-actions - An image's toolbar, under each image (each action's word beside its icon where the latest image is large): Download, Copy, Vary, Use as reference, Edit, and a menu of Reuse, Finalize, Delete.
 * @attr edit - `off` hides editing (Edit on the images, "Edit an image of your own"); `on`, the default, offers it where a model of the provider in force edits images.
 * @csspart editor - The image editor, where the result is shown while an image is edited: what to do (follow an instruction, change the painted area, erase it, extend the image; where one cannot be chosen, why, in words), the image large, the instruction (its own field: the form's prompt is kept), the models that make this kind of edit, each priced for this image, and its own decision line.
 * @csspart edit-decision - The editor's decision line, at its foot and held at the foot of the screen while the editor is in view: what will be done ("Fill the painted area with FLUX.1 Fill [pro]"), the price (part `cost`), Generate (part `submit`, the one there is while editing: the form's decision row says so) and why it cannot, with the fix.
 * @csspart mask - The editor's painting area: the image with what is painted tinted over it; focusable, painted with the pointer, a finger or the keyboard's rectangle.
 * @csspart mask-tools - The mask painter's tools: brush, eraser, brush size, undo, redo, clear, invert, mark a rectangle.
 * @csspart extend - The editor's extension: the image on its larger canvas (SVG), the area added tinted around it, an edge on each side to drag outwards; under it a field per side (how many pixels it adds) and the size it comes to, said as it changes.
 * @csspart versions - Under an edit of an image still in the gallery: "Edit of: <its prompt>", a button to that version (free: nothing is sent), and "Before and after", the edit over its source divided by a slider (a native range, by pointer, touch or keys).
 * @csspart kept-outside - Under an edit laid over its original through the mask (GPT Image takes a mask as advice): that outside the painted area is the original, and the way to what the provider made.
 * @csspart not-saved - Right under an image shown from the provider's link (its host refused the page its bytes), in the warning colour, with its Download: download it before its link expires (when), as it is not saved.
 * @csspart failures - Paid generations that brought no image, each with what it cost and why.
 * @cssproperty --userpays-accent - Accent colour (button, focus ring).
 * @cssproperty --userpays-accent-text - Text on the accent colour.
 * @cssproperty --userpays-text - Text colour.
 * @cssproperty --userpays-muted - Secondary text colour.
 * @cssproperty --userpays-surface - Background of the card and controls.
 * @cssproperty --userpays-border - Line colour.
 * @cssproperty --userpays-danger - Error colour.
 * @cssproperty --userpays-warning - The notice under an image not saved, whose provider's link expires.
 * @cssproperty --userpays-radius - Corner radius.
 * @cssproperty --userpays-font - Font shorthand.
 */
export class UserPaysImage extends ImageProperties {
  static override properties: PropertyDeclarations = { apiKey: { attribute: false } };
  static override styles = imageStyles;
  protected static override rehearseFirstRender = true;
  protected static override drawWhenNear = true;

  /** What its first paint has: its controllers, what the form has unfolded, the request as it stands. */
  readonly #parts = new ImageParts(this, this.language, this.startup, { request: () => this.#request() });
  /**
   * The widget's other half (its submissions, images, accounts…: `ImagePanels`), made when its panels arrive, after
   * its first paint, with the edits' pricing (an edit, and images sent to a model that bills them in tokens, are
   * priced from the panels on); there from then on.
   */
  #panels?: ImagePanels;
  readonly #panelsLoader = new PanelsController<typeof Panels>(
    this,
    () => Promise.all([import('./panels/index.js'), loadEdits()]).then(([panels]) => panels),
    (module) => module.imagePanelStyles,
    this.startup,
    (module) => (this.#panels = new module.ImagePanels(this.#parts)),
  );
  /** What the template's controls do (Lit calls each with the event). */
  readonly #handlers = imageHandlers(this.#parts, () => this.#panels);
  /** A click before the panels: Cancel stops it before it is submitted. */
  #early?: AbortController;
  /** A key the page gave before the element's first update (see `apiKey`). */
  #unroutedKey?: string;
  /** The model last said to be none there is (`userpays-error`), so that it is said once per value. */
  #unknownModelSaid = '';

  /**
   * The end user's own key for the current provider (BYO-key providers). Memory only, never an attribute.
   * Each provider has its own: a key belongs to the provider in force when it is set (or, when set before
   * the element's first update, to the provider of that update), and is never sent to another.
   */
  get apiKey(): string {
    if (this.#panels) return this.#panels.accounts.keys.current;
    // Before the panels: the one given before the first update, else the one given for the route in force, else
    // the one remembered on this device (the panels hold the keys: accounts/panel/provider-keys.ts).
    const where = keySlot(this.storageKey, ...this.#route());
    return this.#unroutedKey ?? this.#parts.keysGiven.get(where)?.key ?? readKey(where);
  }
  set apiKey(key: string) {
    if (this.#panels) {
      this.#panels.accounts.keys.current = key;
      this.#panels.submission.resume.keyEntered();
    } else if (this.hasUpdated) this.#give(key);
    else this.#unroutedKey = key;
  }

  /** The current quote (read-only); undefined while the inputs cannot be priced. */
  get quote(): Quote | undefined {
    return this.#parts.pricing.quote;
  }

  /** The session tally (read-only); undefined until the ledger has been read, just after the first paint. */
  get tally(): Tally | undefined {
    this.#parts.ledger.opened();
    return this.#parts.ledger.tally;
  }

  /**
   * Submits the current inputs, priced as they are at the call. While a submission runs, calling it
   * again returns the same promise: a double click is one submission. With `edit` (SPEC §13; docs/editing.md), an
   * edit of `edit.image` instead, the prompt its instruction: the editor opens on it as asked, and it is sent once a
   * submission running has ended.
   */
  generate(options?: { edit?: EditInput }): Promise<GenerationResult> {
    if (this.#panels) return this.#panels.submit(options);
    // A click before the panels: as it stands now, submitted once they are here (a second click joins it then).
    const standing = this.#parts.asItStands();
    const early = (this.#early ??= new AbortController());
    return this.#panelsLoader.loaded().then(() => {
      if (this.#early === early) this.#early = undefined;
      if (this.#panels && !early.signal.aborted) return this.#panels.submit(options, standing);
      // Cancelled while they loaded, or they could not load (offline): said as an engine that could not load is.
      const failure = asUserPaysError(early.signal.aborted ? early.signal.reason : new TypeError('no panels'));
      this.#report(failure);
      throw failure;
    });
  }

  /**
   * Opens the editor on `image` (SPEC §13; docs/editing.md): a Blob, the id of an image of the gallery, or its address,
   * as an image the user drops is opened; the user then chooses what to do and sends it. Rejects with
   * `UserPaysError('invalid-input')`, said where the widget shows errors too, where the page turned editing off
   * (`edit="off"`), no model of the provider in force edits images, or the image cannot be read.
   */
  async editImage(image: Blob | string): Promise<void> {
    await this.#panelsLoader.loaded();
    // They could not load (offline): said as an engine that could not load is.
    if (!this.#panels) {
      const failure = asUserPaysError(new TypeError('no panels'));
      this.#report(failure);
      throw failure;
    }
    return this.#panels.editor.openImage(image);
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.#early?.abort();
    this.#panels?.submission.controller.cancel();
  }

  /** Starts a new tally session. Images are kept. */
  resetTally() {
    this.#parts.ledger.use((ledger) => ledger.reset());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // An attribute a framework stops setting is removed (the property null), and a page may set what is not text:
    // no text then (the default model), never met later as a TypeError in a render.
    for (const name of ['prompt', 'providers', 'models', 'budget'] as const)
      if (typeof this[name] !== 'string') this[name] = '';
    this.model ??= DEFAULT_MODEL;
    // A key given before the first update is that update's route's (a framework may set `apiKey` before `provider` or
    // `endpoint`); an empty one is a page that gives none (`api-key=""`), and the key remembered on this device stands.
    if (this.#unroutedKey) this.#give(this.#unroutedKey);
    this.#unroutedKey = undefined;
    // A picker that cannot show the selected model would silently price something else: a model the provider does
    // not sell becomes another (a model it sells is kept across a change of provider). So does one it sold, at any
    // update: shut down by now (its replacement, said), or no longer named by the account's own list, which may arrive
    // later. A model there is none of is the page's mistake: said (below), never made into another behind its back.
    const asked = changed.has('models') || changed.has('provider') || changed.has('priceBook');
    if (asked || this.#parts.soldHere(this.model)) {
      const offered = this.#parts.pricing.models(this.provider, this.models);
      if (offered.length && !offered.includes(this.model) && modelInfo(this.model))
        this.model = this.#parts.modelInForce(this.model, offered);
    }
    this.#checkModel();
  }

  protected override render() {
    // Far from the viewport, not yet drawn: nothing, its place kept by the page's reservation (NearController).
    if (this.near?.held) return nothing;
    const view = imageView(this.#parts, this.#panels);
    return renderImageWidget(view, this.#panels?.slots(view, this.#handlers), this.#handlers);
  }

  /**
   * A model there is none of is the page's mistake (docs/contract.md, Errors): the widget keeps it (it never makes
   * another model behind the page's back), says why there is no price beside Generate, and tells the page, with
   * `userpays-error` (`invalid-input`), once for each such value it is set to.
   */
  #checkModel() {
    const { model } = this;
    if (model !== this.#unknownModelSaid && !modelInfo(model)) {
      const text = wordsIn(this.language.translation, 'prices', prices);
      emit(this, 'userpays-error', {
        code: 'invalid-input',
        message: text.noSuchModel(String(model), MODELS[0].label),
        retryable: false,
      });
    }
    this.#unknownModelSaid = model;
  }

  /** An error of the widget's: shown with the panels (and fired as `userpays-error`), else fired alone. */
  #report(error: UserPaysError) {
    if (this.#panels) this.#panels.submission.controller.report(error);
    else emit(this, 'userpays-error', error.toDetail(this.language.translation));
  }

  /** A key the page gives before the panels are here, for the route in force: they take it over. */
  #give(key: string) {
    const route = this.#route();
    this.#parts.keysGiven.set(keySlot(this.storageKey, ...route), { route, key });
  }

  /** The provider, endpoint and relay in force: the route of a key set now. */
  #route(): KeyRoute {
    return [this.provider, this.endpoint, this.relay];
  }

  /**
   * The request as the element's properties say now, with what the panels add (the reference images and the model's
   * own controls of More options, or the image being edited and the edit).
   */
  #request(): SubmissionRequest {
    const { provider, model, prompt, width, height, count, endpoint, quality } = this;
    const { settings, ...added } = this.#panels?.asked() ?? { inputs: [] };
    return {
      provider,
      model,
      prompt,
      width,
      height,
      count,
      seed: this.seed ?? undefined, // a removed attribute is null
      endpoint,
      quality: quality || undefined,
      earnings: this.pollinationsEarnings || undefined,
      settings: settingsOf(this, settings),
      ...added,
    };
  }
}

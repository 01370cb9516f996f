import type { GenerationResult, ModelSettings, PublicEdit, Quote } from '../../../base/types.js';
import type { Conversation, ReferenceImage } from '../../../providers/provider.js';
import { AccountsFeature } from '../accounts/panel/accounts-feature.js';
import { DetailsFeature } from '../details/panel/details-feature.js';
import { EditorFeature } from '../editor/panel/editor-feature.js';
import { GalleryFeature } from '../gallery/panel/gallery-feature.js';
import { ModelsFeature } from '../models/panel/models-feature.js';
import { OptionsFeature } from '../options/panel/options-feature.js';
import { PriceFeature } from '../price/panel/price-feature.js';
import { PromptFeature } from '../prompt/panel/prompt-feature.js';
import { SubmissionFeature } from '../submission/panel/submission-feature.js';
import type { Features } from '../shared/features.js';
import { FlowController } from '../shared/flow-controller.js';
import type { ImageParts, SubmissionAsItStands } from '../shared/image-parts.js';
import { NO_SLOTS, type PanelSlots } from '../shared/slots.js';
import type { Blocked, ImageHandlers, ImageView } from '../shared/view.js';
import { canvasSlots, runningSlot } from './canvas.js';
import { flowOf } from './flow.js';
import { imageAction } from './image-actions.js';
import { mergeHandlers, type PanelFeature } from './panel-feature.js';

/**
 * `<userpays-image>`'s other half, made when its panels load (after the first paint): its features, each in its folder
 * (`<feature>/panel/`) with its controllers, handlers and what it draws into the places the first paint keeps for it.
 * Each is handed this (`Features`: the others' contracts, the widget's flow, `edited`) and asks them only as it runs;
 * what each adds of the optional members of `PanelFeature` (handlers, slots, why Generate is blocked, what to prefetch)
 * is looped over here, so that adding a feature is one line in `#features`. The canvas, where the result, the editor
 * and a submission's progress take turns, is composed here from several (canvas.ts).
 */
export class ImagePanels implements Features {
  /** Where the keyboard and the screen reader are: made first, as the features take it at their making. */
  readonly flow: FlowController;
  readonly accounts: AccountsFeature;
  readonly price: PriceFeature;
  readonly options: OptionsFeature;
  readonly gallery: GalleryFeature;
  readonly submission: SubmissionFeature;
  readonly details: DetailsFeature;
  readonly prompt: PromptFeature;
  readonly editor: EditorFeature;
  readonly models: ModelsFeature;
  /** What the panels' controls do, each feature's. */
  readonly handlers;
  readonly #parts: ImageParts;
  /** The features, in the order their reasons to block Generate are asked. */
  readonly #features: readonly PanelFeature<ImageHandlers & ImagePanels['handlers']>[];

  constructor(parts: ImageParts) {
    this.#parts = parts;
    this.flow = flowOf(parts, this);
    this.accounts = new AccountsFeature(parts, this, { keyEntered: () => this.submission.resume.keyEntered() });
    this.price = new PriceFeature(parts, this);
    this.options = new OptionsFeature(parts, this);
    this.gallery = new GalleryFeature(parts, this, { opened: () => void this.submission.resume.resume() });
    this.submission = new SubmissionFeature(parts, this);
    this.details = new DetailsFeature(parts, this);
    this.prompt = new PromptFeature(parts, this);
    this.editor = new EditorFeature(parts, this);
    this.models = new ModelsFeature(parts, this);
    const { editor, options, accounts, price, submission, gallery, details, prompt } = this;
    const features = [editor, options, accounts, price, submission, gallery, details, prompt];
    this.#features = features;
    this.handlers = {
      ...mergeHandlers(features),
      // Drawn by the gallery's view only: it is here whenever one of its images is clicked.
      imageAction: imageAction(parts, gallery, this),
    };
    // What a submission needs and what draws its result, ahead of the click: loaded when the pointer or the focus comes
    // to Generate; the price details' part when it comes to their summary; the sign-in's when it comes to Sign in.
    const prefetch = (event: Event) => {
      if (!(event.target instanceof Element)) return;
      for (const feature of this.#features) feature.prefetch?.(event.target);
    };
    parts.host.renderRoot.addEventListener('pointerover', prefetch);
    parts.host.renderRoot.addEventListener('focusin', prefetch);
  }

  report(error: unknown) {
    this.submission.report(error);
  }

  dismissError() {
    this.submission.controller.dismissError();
  }

  get shown() {
    return this.submission.shown;
  }

  edited() {
    this.submission.edited();
    this.price.withdrawFormUndo();
  }

  /**
   * Why Generate cannot succeed for `quote` as things stand: the image edited not ready, a model's own control set as
   * the provider would refuse it (More options), the key the sign-in gave refused, or the budget or the account leaving
   * no room; undefined where nothing stands in the way.
   */
  blocked(quote: Quote): Blocked | undefined {
    for (const feature of this.#features) {
      const blocked = feature.blocked?.(quote);
      if (blocked) return blocked;
    }
    return undefined;
  }

  /**
   * The element's `generate()`: the widget's submission as it stands (or as it stood at a click made before the panels,
   * `standing`), or, with `options` (`edit`), as they ask.
   */
  submit(options?: unknown, standing?: SubmissionAsItStands): Promise<GenerationResult> {
    if (options !== undefined) return this.editor.submitAsAsked(options);
    // What an answer booked is in the tally now; a change to the form (Vary's, Reuse's) was what this one sends.
    this.price.submitting();
    return this.submission.submit(standing);
  }

  /** Why a request cannot be made as it stands (`problem`), with its fix where More options has one. */
  problemBlocked(problem: string, priced: boolean): Blocked {
    // The editor's own, where it says that very problem with its fix (an extend with no side extended: to its fields).
    const editing = this.editor.blocked();
    return editing?.reason === problem ? editing : this.options.problemBlocked(problem, priced);
  }

  /**
   * What the panels add to the request as it stands: the reference images attached and the model's own controls as
   * set (More options), or, while an image is edited, that image and the edit, its instruction the prompt.
   */
  asked(): {
    inputs: ReferenceImage[];
    settings?: ModelSettings;
    edit?: PublicEdit;
    conversation?: Conversation;
    /** While an image is edited: the edit's instruction, and Vary's one image with a new seed at its quality. */
    prompt?: string;
    count?: number;
    seed?: number;
    quality?: string;
  } {
    const own = this.options.ownSettings();
    return { ...(own && { settings: own }), ...(this.editor.asked() ?? { inputs: this.options.referenceImages() }) };
  }

  /** What the features draw into the widget's places, from its view. */
  slots(view: ImageView, first: ImageHandlers): PanelSlots {
    const on = { ...first, ...this.handlers };
    const drawn: PanelSlots = {
      ...NO_SLOTS,
      ...canvasSlots(this.#parts, this, view, on),
      ...runningSlot(this.#parts, this, on),
    };
    for (const feature of this.#features) Object.assign(drawn, feature.slots?.({ view, on }));
    return drawn;
  }
}

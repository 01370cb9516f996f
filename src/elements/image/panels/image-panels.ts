import type { GenerationResult, ModelSettings, PublicEdit, Quote } from '../../../base/types.js';
import type { Conversation, ReferenceImage } from '../../../providers/provider.js';
import { EditorFeature } from '../editor/panel/editor-feature.js';
import { AccountsFeature } from '../accounts/panel/accounts-feature.js';
import { DetailsFeature } from '../details/panel/details-feature.js';
import { GalleryFeature } from '../gallery/panel/gallery-feature.js';
import type { ImageParts, SubmissionAsItStands } from '../image-parts.js';
import { ModelsFeature } from '../models/panel/models-feature.js';
import { OptionsFeature } from '../options/panel/options-feature.js';
import { PriceFeature } from '../price/panel/price-feature.js';
import { PromptFeature } from '../prompt/panel/prompt-feature.js';
import { SubmissionFeature } from '../submission/panel/submission-feature.js';
import type { Blocked, ImageHandlers, ImageView } from '../view.js';
import type { Features } from './features.js';
import type { PanelSlots } from './slots.js';

/**
 * `<userpays-image>`'s other half, made when its panels load (after the first paint): its features as they stand once
 * the panels are here, each in its folder (`<feature>/panel/`) with its controllers, handlers and what it draws into
 * the places the first paint keeps for it. Each is handed the others (`Features`) and asks them only as it runs, but
 * for what it takes at its making from one made before it (the submission's resume takes the gallery's images).
 */
export class ImagePanels implements Features {
  readonly accounts: AccountsFeature;
  readonly price: PriceFeature;
  readonly options: OptionsFeature;
  readonly gallery: GalleryFeature;
  readonly submission: SubmissionFeature;
  readonly details: DetailsFeature;
  readonly prompt: PromptFeature;
  readonly editor: EditorFeature;
  /** What the panels' controls do, each feature's. */
  readonly handlers;

  constructor(parts: ImageParts) {
    this.accounts = new AccountsFeature(parts, this);
    this.price = new PriceFeature(parts, this);
    this.options = new OptionsFeature(parts, this);
    this.gallery = new GalleryFeature(parts, this);
    this.submission = new SubmissionFeature(parts, this);
    this.details = new DetailsFeature(parts, this);
    this.prompt = new PromptFeature(parts, this);
    this.editor = new EditorFeature(parts, this);
    new ModelsFeature(parts, this);
    this.handlers = {
      ...this.accounts.handlers,
      ...this.price.handlers,
      ...this.options.handlers,
      ...this.gallery.handlers,
      ...this.submission.handlers,
      ...this.prompt.handlers,
    };
    // What a submission needs and what draws its result, ahead of the click: loaded when the pointer or the focus comes
    // to Generate; the price details' part when it comes to their summary; the sign-in's when it comes to Sign in.
    const prefetch = (event: Event) => {
      if (!(event.target instanceof Element)) return;
      for (const feature of [this.submission, this.gallery, this.details, this.accounts])
        feature.prefetch(event.target);
    };
    parts.host.renderRoot.addEventListener('pointerover', prefetch);
    parts.host.renderRoot.addEventListener('focusin', prefetch);
  }

  /**
   * Why Generate cannot succeed for `quote` as things stand: a model's own control set as the provider would refuse it
   * (More options), the key the sign-in gave refused, or the budget or the account leaving no room; undefined where
   * nothing stands in the way.
   */
  blocked(quote: Quote): Blocked | undefined {
    const { cannotPay, capped } = this.accounts.spending();
    return (
      this.editor.blocked() ??
      this.options.blocked() ??
      this.accounts.blocked() ??
      this.price.blocked(quote, cannotPay, capped)
    );
  }

  /**
   * The element's `generate()`: the widget's submission as it stands (or as it stood at a click made before the panels,
   * `standing`), or, with `options` (`edit`), as they ask.
   */
  generate(options?: unknown, standing?: SubmissionAsItStands): Promise<GenerationResult> {
    return options === undefined ? this.submission.generate(standing) : this.editor.generate(options);
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
    const own = this.options.controls.loaded?.controller.settings;
    return { ...(own && { settings: own }), ...(this.editor.asked() ?? { inputs: this.options.references.images }) };
  }

  /** What the features draw into the widget's places, from its view. */
  slots(view: ImageView, first: ImageHandlers): PanelSlots {
    const on = { ...first, ...this.handlers };
    return {
      ...this.price.slots(on),
      ...this.accounts.slots(view, on),
      ...this.submission.slots(on),
      ...this.gallery.slots(view, on),
      ...this.details.slots(view, on),
      ...this.prompt.slots(on),
      ...this.options.slots(on),
      ...this.editor.slots(view),
    };
  }
}

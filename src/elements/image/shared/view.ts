// What `<userpays-image>`'s templates draw and wire: the view (read-only, built by the element before each render) and
// the handlers, by what they respond to. Types only, below everything that draws or builds them (prompt/prompt-template.ts,
// image-template.ts, the panels, image-view.ts), so that none of them imports another in a circle. What the panels
// draw into the view's places is theirs (`PanelSlots`, shared/slots.ts).
import type { nothing, TemplateResult } from 'lit';
import type { ErrorDetail } from '../../../base/types.js';
import type { Offer } from '../../../pricing/compare.js';
import type { Translation } from '../../../strings/strings.js';
import type { WidgetStrings } from '../../../strings/image/widget.js';

/**
 * Words drawn with markup of their own (a bound's "at most", set small: `boundSaid`, shared/price-words.ts), which read as the plain
 * words where words are wanted (the announcement, "Try again, at most $0.0733"): a string, or a template whose
 * `toString` says it.
 */
export type Phrase = string | (TemplateResult & { toString(): string });

/** What one place of the widget shows: a template, or nothing (Lit draws no node for it). */
export type Slot = TemplateResult | typeof nothing;

/** Why Generate cannot succeed now, where (the field it concerns), and the fix it offers. */
export interface Blocked {
  reason: string;
  /**
   * The control the reason concerns: marked and described by it. At `price` the request cannot be priced, made or
   * paid as it stands (an error, shown as one: part `error`), a model's own control set out of its range among them
   * (its field marked in More options); at `prompt`, `key` and `image` (a model that edits the user's image, with none
   * attached: its price stands) the form asks for its next step, a hint in the muted colour with no field marked: the
   * first screen greets a visitor with what to do, not with an error.
   */
  at: 'prompt' | 'key' | 'image' | 'price';
  fix?:
    /**
     * The id of the field to focus (a model's control, `setting-<name>`, or the reference images' file field,
     * `references-input`: in More options, which opens; the file field opens its chooser too; the words of the
     * first charge that may have been made, `uncertain-first`; the editor's painting area, `mask-area`, its first
     * side to extend, `extend-top`, or its instruction, `edit-instruction`).
     */
    | {
        label: string;
        focus:
          | 'prompt'
          | 'key'
          | 'sign-in'
          | 'references-input'
          | 'uncertain-first'
          | 'mask-area'
          | 'extend-top'
          | 'edit-instruction'
          | `setting-${string}`;
      }
    | { label: string; model: string }
    | { label: string; url: string }
    /** The answer a lost reply's balance points to, booked as the tally's (price/panel/balance-evidence.ts). */
    | { label: string; answer: { entry: string; value: string } };
}

/** Everything the widget's markup shows, read-only: built by the element before each render. */
export interface ImageView {
  /** The element's words over English (see `wordsIn`), the form's among them, and the locale of its amounts and dates. */
  translation?: Translation;
  widget: WidgetStrings;
  locale?: string;
  /** The platform writes shortcuts with ⌘ (Apple) or Ctrl. */
  mac: boolean;
  prompt: string;
  /** The request priced on every model and provider the page allows (the picker's prices, the comparison). */
  offers: readonly Offer[];
  /**
   * The models of the provider the picker shows, in its order (the first five and the one in force, or every one
   * where the user unfolded them), each with what it is best for and the request's price on it (USD, which the picker
   * words): its total, and the most it can cost where the price is a bound (`Quote.atMost`).
   */
  models: readonly {
    id: string;
    label: string;
    family: string;
    bestFor: string;
    total?: string;
    atMost?: string;
    selected: boolean;
  }[];
  /**
   * The step under the models, in words: to the provider's other families (named), to the models not shown, or back
   * to the first five (`expanded`); none where every model is shown.
   */
  modelsStep?: { label: string; expanded: boolean };
  /**
   * Why the model in force is not the one the page or the user chose: the provider shut that one down (and what
   * replaces it), or its list no longer names it for this account; none otherwise.
   */
  modelNote?: string;
  /** The shapes, the sizes and the typed size; undefined where the image to edit sets the size. */
  size?: SizeView;
  /** The size the provider makes and bills of what is asked. */
  made: { width: number; height: number };
  /** Undefined for providers that need no key (Puter). */
  key?: {
    /** The user may sign in to the provider for a key (its button is drawn with the panels, above the field). */
    signIn: boolean;
    /** The provider's name after "your" ("your BFL key"). */
    provider: string;
    /** The key in force ('' for none). What the key field says of it is the panels' (accounts/panel/accounts.ts). */
    value: string;
  };
  /** The price, what it buys, and Generate: the row that stays in view. */
  decision: {
    /** The total as a person reads it (every digit in `exact`), or undefined where there is no payable price. */
    price?: Phrase;
    exact?: string;
    /** "1 image · 1 MP", and whether the price is an estimate. */
    buys?: string;
    estimate: boolean;
    blocked?: Blocked;
  };
  busy: boolean;
  /** Said once, politely, when a submission's images are ready. */
  announcement: string;
  /** The error of the last submission, where it is not the key's (shown beside the key), in the element's words. */
  error?: ErrorDetail;
}

/** What the model picker's controls do (image-handlers.ts; models/model-picker.ts draws them). */
export interface ModelHandlers {
  /** `change` of the model, or of More options' count or quality (`name` = what it picks). */
  pickerChange(event: Event): void;
  /** The step under the models: every model, or the first few again. */
  modelsToggle(): void;
}

/** What the shape picker's controls do (image-handlers.ts; shape/shape-picker.ts draws them). */
export interface ShapeHandlers {
  /** A shape or a size chosen (`value` = the size it picks, `WxH`). */
  shapeChoose(event: Event): void;
  /** "Custom size" / "Preset sizes". */
  customToggle(): void;
  /** `input` of the custom width or height, or More options' seed (`name` = the property). */
  numberInput(event: Event): void;
}

/**
 * The widget's event handlers, by what they respond to. Lit calls each with `this` set to the element.
 * Controls that stand for one of several things say which in `name`, `value` or `data-*`.
 */
export interface ImageHandlers extends ModelHandlers, ShapeHandlers {
  /** `input` of the prompt. */
  promptInput(event: Event): void;
  /** More options opened or closed (`toggle` of its disclosure). */
  moreToggle(event: Event): void;
  /** The pointer or the focus on More options' summary: what opening it shows starts loading. */
  morePrefetch(): void;
  submit(event: Event): void;
  /** The fix the decision row offers (`data-focus`, `data-model`, or an answer's `value` and `data-id`). */
  fix(event: Event): void;
  /** `keydown` anywhere in the form: Enter never spends; Ctrl/Cmd+Enter submits. */
  formKeydown(event: KeyboardEvent): void;
  /** A pointer press anywhere in the form: part of a gesture (see GestureGuard). */
  press(): void;
  /** Try again: a submission of the same request. */
  retry(): void;
}

export interface SizeChoice {
  label: string;
  value: string;
  selected: boolean;
}

/** What the size controls show for the provider's rule and the size set. */
export interface SizeView {
  /** The shapes the provider makes, widest to tallest; empty where the image to edit sets the size. */
  shapes: SizeChoice[];
  /**
   * The sizes of the shape in force (about 0.25, 1, 2, 4 MP) the model accepts, each called by its megapixels;
   * empty where the provider picks.
   */
  sizes: (Omit<SizeChoice, 'label'> & { megapixels: number })[];
  /** Width and height may be typed (pixel rules), and the user chose to (or the size is none of the choices). */
  custom: boolean;
  customAllowed: boolean;
  /** The provider picks the pixels from the ratio (about 1 MP). */
  providerPicks: boolean;
  width: number;
  height: number;
  /** Why the model cannot make the size typed, said under the width and height, which it marks; '' where it can. */
  problem?: string;
}

/** Where the focus goes when the way is clear again: Generate, or where it is still refused, what the refusal offers. */
export const NEXT_STEP = '[data-focus=submit]:enabled, #reason :is(a, button)';

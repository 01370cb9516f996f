// What `<userpays-image>`'s templates draw and wire: the view (read-only, built by the element before each render) and
// the handlers, by what they respond to. Types only, below everything that draws or builds them (form-template.ts,
// image-template.ts, the panels, image-view.ts), so that none of them imports another in a circle.
import type { ErrorDetail } from '../../base/types.js';
import type { Translation } from '../../strings/strings.js';
import type { WidgetStrings } from '../../strings/image/widget.js';
import type { SizeView } from './size-presets.js';

/** Why Generate cannot succeed now, where (the field it concerns), and the fix it offers. */
export interface Blocked {
  reason: string;
  /**
   * The control the reason concerns: marked and described by it. At `price` the request cannot be priced, made or
   * paid as it stands (an error, shown as one: part `error`); at `prompt` and `key` the form asks for its next step.
   */
  at: 'prompt' | 'key' | 'price';
  fix?:
    | { label: string; focus: 'prompt' | 'key' | 'sign-in' }
    | { label: string; model: string }
    | { label: string; url: string };
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
  /** The models of the provider, in picker order, each with what it is best for and the request's price on it. */
  models: readonly { id: string; label: string; bestFor: string; price?: string; selected: boolean }[];
  /** Whether every model is shown (the user unfolded them), or the first five and the one in force. */
  allModels: boolean;
  size: SizeView & { megapixels: number };
  /** Undefined for providers that need no key (Puter). */
  key?: {
    /** The user may sign in to the provider for a key (its button is drawn with the panels, above the field). */
    signIn: boolean;
    /** The provider's name after "your" ("your BFL key"). */
    provider: string;
    /** Whom the key pays, as a sentence names it: "BFL", or a gateway's host. */
    payee: string;
    /** The host the key is for, where it is not the provider's public one (a gateway, a regional host, a proxy). */
    host?: string;
    /** Where to make a key (the provider's key page). */
    url?: string;
    value: string;
    remembered: boolean;
    waiting: number;
    /** The last submission failed for the key: said here, beside it. */
    error?: string;
    /** What the key's account has left ("$4.20"), where its provider says (BFL's credits, fal's billing). */
    left?: string;
  };
  /** The price, what it buys, and Generate: the row that stays in view. */
  decision: {
    /** The total as a person reads it (every digit in `exact`), or undefined where there is no payable price. */
    price?: string;
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
  /** With a short-balance error: where the user adds funds, and to whom. */
  funds?: { url: string; provider: string };
  /** What the provider charged, where the preview did not say it (see `Submitted.chargeNote`). */
  chargeNote: string;
  /** Drawn by the panels (./panels/) once they have loaded, after the first paint. */
  panels: {
    /** While a submission runs: placeholders at its shape, the progress, Cancel. */
    running?: unknown;
    /** The session's spend in one line (the tally's summary), once the ledger is read. */
    tally?: unknown;
    /** Sign in instead of pasting a key (OpenRouter, Hugging Face), or who pays and what is left: above the key. */
    signIn?: unknown;
    /** Puter's account: Sign in, or who pays and what is left. */
    account?: unknown;
    /** The key field (under its sign-in), drawn from this whole view. */
    keyField?: (view: ImageView) => unknown;
    /** What the last submission charged where that differs from the preview, drawn from this whole view. */
    outcome?: (view: ImageView) => unknown;
    /** The last submission's error, where its image would have been (the canvas), drawn from this whole view. */
    failure?: (view: ImageView) => unknown;
    /** A change just made for the user (Vary, Reuse, Delete…), said beside an Undo. */
    undo?: unknown;
    /** The latest submission, large: `part="result"`. */
    result?: unknown;
    /** The earlier images, grouped by submission. */
    history?: unknown;
    /** The breakdown, source, estimate note, projection and comparison. */
    details?: unknown;
    /** Count, seed, reference images. */
    more?: unknown;
    /** Example prompts to start from, while the prompt is empty. */
    examples?: unknown;
    /** Images pasted anywhere in the form become reference images (where the model takes them). */
    paste?: (event: Event) => void;
  };
}

/**
 * The widget's event handlers, by what they respond to. Lit calls each with `this` set to the element.
 * Controls that stand for one of several things say which in `name`, `value` or `data-*`.
 */
export interface ImageHandlers {
  /** `input` of the prompt, the seed, the custom width or height (`name` = the property). */
  fieldInput(event: Event): void;
  /** `change` of the model or count (`name` = what it picks). */
  pickerChange(event: Event): void;
  /** A shape or a size chosen (`value` = the size it picks, `WxH`). */
  shapeChoose(event: Event): void;
  /** "Custom size" / "Preset sizes". */
  customToggle(): void;
  /** "5 more models" / "Fewer models". */
  modelsToggle(): void;
  /** More options opened or closed (`toggle` of its disclosure). */
  moreToggle(event: Event): void;
  /** The pointer or the focus on More options' summary: what opening it shows starts loading. */
  morePrefetch(): void;
  submit(event: Event): void;
  /** The fix the decision row offers (`data-focus` or `data-model`). */
  fix(event: Event): void;
  /** `keydown` anywhere in the form: Enter never spends; Ctrl/Cmd+Enter submits. */
  formKeydown(event: KeyboardEvent): void;
  /** A pointer press anywhere in the form: part of a gesture (see GestureGuard). */
  press(): void;
  /** Try again: a submission of the same request. */
  retry(): void;
}

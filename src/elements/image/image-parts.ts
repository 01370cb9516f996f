import type { ReactiveControllerHost } from 'lit';
import type { GenerationResult, ModelSettings, OutputFormat, ProviderId } from '../../base/types.js';
import type { LedgerController } from '../shared/ledger-controller.js';
import type { QuoteController } from '../shared/quote-controller.js';
import type { StartupController } from '../shared/startup-controller.js';
import type { GestureGuard } from '../shared/gesture.js';
import type { LanguageController } from '../shared/language-controller.js';
import type { ProviderKeys } from './provider-keys.js';
import type { Asked, Submission } from '../../generation/submit.js';

/** What the user asked for, as the element's properties say at this moment (the click's: `Submission.asked`). */
export interface SubmissionRequest extends Asked {
  endpoint?: string;
}

/**
 * A submission of the widget as it stands at the click (its fields, read then): what the submission controller's task
 * works on (`args`), with the run's own signal, veto and stages.
 */
export type SubmissionAsItStands = Omit<
  Submission,
  'signal' | 'onSubmit' | 'onStage' | 'beforeSend' | 'images' | 'urlOf'
>;

/**
 * What the view, the handlers and the panels read and set of `<userpays-image>` itself: its public properties, read
 * when they are needed (never a stale copy).
 */
export interface ImageHost extends ReactiveControllerHost, HTMLElement {
  provider: ProviderId;
  providers: string;
  endpoint: string;
  relay: string;
  model: string;
  models: string;
  width: number;
  height: number;
  count: number;
  seed?: number;
  prompt: string;
  apiKey: string;
  storageKey: string;
  keepImages: number;
  huggingfaceClientId: string;
  pollinationsAppKey: string;
  pollinationsEarnings: boolean;
  enhancePrompt: string;
  safetyTolerance?: number;
  outputFormat: string;
  /** The page's `budget` attribute, as written ('' for none). */
  budget: string;
  puterSrc: string;
  generate(): Promise<GenerationResult>;
}

/**
 * The working parts of a `<userpays-image>` that its first paint has (its controllers and its own state), for the
 * modules that build its view (image-view.ts), its handlers (image-handlers.ts) and, once they load, its panels
 * (`panels/`: what they add is `LazyParts`, panels/lazy-parts.ts); private to the element.
 */
export interface ImageCore {
  host: ImageHost;
  keys: ProviderKeys;
  ledger: LedgerController;
  pricing: QuoteController;
  startup: StartupController;
  /** The words the widget speaks, and the locale of its amounts and dates. */
  language: LanguageController;
  /** One submission per gesture of the user's. */
  gesture: GestureGuard;
  /** The user chose to type a size. */
  customSize: boolean;
  setCustomSize(custom: boolean): boolean;
  /** The user unfolded every model. */
  allModels: boolean;
  setAllModels(all: boolean): void;
  /** More options is open: the model's own controls load then (and are drawn in it). */
  moreOpen: boolean;
  setMoreOpen(open: boolean): void;
  /** A change just made for the user (Vary, Reuse, Delete…), said with an Undo; undefined when there is none. */
  undo?: string;
  offerUndo(sentence: string, undo: () => unknown): void;
  /** Undo: runs what undoes the change, or, with `run` false, lets it stand. */
  endUndo(run: boolean): void;
  /** The user changed what would be sent: an error about the last attempt no longer describes it. */
  edited(): void;
  /** The request as the element's properties say now. */
  request(): SubmissionRequest;
  /** The submission as it stands now (read at the click). */
  asItStands(): SubmissionAsItStands;
}

/** What the offers are asked for (a comparison, a cheaper model): the request as set, on what the page allows. */
export const offersAsk = (host: ImageHost, core: ImageCore) => ({
  request: core.request(),
  provider: host.provider,
  providers: host.providers,
  models: host.models,
});

/**
 * The model's own settings as the page and the user set them: the attributes (`enhance-prompt`, `safety-tolerance`,
 * `output-format`) and what only More options sets (`own`: ControlsController); undefined where none is.
 * An `enhance-prompt` other than on or off is passed on as written, for the submission to refuse in words.
 */
export function settingsOf(host: ImageHost, own?: ModelSettings): ModelSettings | undefined {
  const { enhancePrompt: enhance, safetyTolerance, outputFormat } = host;
  const settings: ModelSettings = { ...own };
  if (enhance) settings.enhancePrompt = enhance === 'on' || (enhance === 'off' ? false : (enhance as never));
  if (safetyTolerance != null) settings.safetyTolerance = safetyTolerance;
  if (outputFormat) settings.outputFormat = outputFormat as OutputFormat;
  return Object.keys(settings).length ? settings : undefined;
}

import type { ProviderId, GenerationResult } from '../../base/types.js';
import type { FlowController } from '../panels/flow-controller.js';
import type { GalleryController } from '../panels/gallery-controller.js';
import type { LedgerController } from '../controllers/ledger-controller.js';
import type { PanelsController } from '../controllers/panels-controller.js';
import type { PuterAccountController } from '../controllers/puter-account-controller.js';
import type { QuoteController } from '../controllers/quote-controller.js';
import type { SignInController } from '../panels/sign-in-controller.js';
import type { ResumeController } from '../panels/resume-controller.js';
import type { SubmissionController, SubmissionRequest } from '../controllers/submission-controller.js';
import type { ProviderKeys } from './provider-keys.js';
import type { ReferenceImages } from './reference-images.js';
import type { GestureGuard } from '../shared/gesture.js';

/**
 * The working parts of a `<userpays-image>` (its controllers and its own state), handed by the element to the
 * modules that build its view (image-view.ts) and its handlers (image-handlers.ts); private to the element.
 */
export interface ImageParts {
  keys: ProviderKeys;
  /** Signing in to get a key (OpenRouter, Hugging Face): there once the panels have loaded. */
  readonly signIn?: SignInController;
  ledger: LedgerController;
  pricing: QuoteController;
  account: PuterAccountController;
  submission: SubmissionController;
  /** The gallery and what closed pages left: there once the panels have loaded. */
  readonly gallery?: GalleryController;
  readonly resume?: ResumeController;
  references: ReferenceImages;
  panels: PanelsController;
  /** Focus and announcements around a submission: there once the panels have loaded, as a submission needs. */
  readonly flow?: FlowController;
  /** One submission per gesture of the user's. */
  gesture: GestureGuard;
  /** The user chose to type a size. */
  customSize: boolean;
  setCustomSize(custom: boolean): boolean;
  /** The user unfolded every model. */
  allModels: boolean;
  setAllModels(all: boolean): void;
  /** A change just made for the user (Vary, Reuse, Delete…), said with an Undo; undefined when there is none. */
  undo?: string;
  offerUndo(sentence: string, undo: () => unknown): void;
  /** Undo: runs what undoes the change, or, with `run` false, lets it stand. */
  endUndo(run: boolean): void;
  /** The user changed what would be sent: an error about the last attempt no longer describes it. */
  edited(): void;
  /** The request as the element's properties say now. */
  request(): SubmissionRequest;
}

/** What the view and the handlers read and set of the element itself: its public properties. */
export interface ImageHost {
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
  locale: string;
  apiKey: string;
  generate(): Promise<GenerationResult>;
  requestUpdate(): void;
}

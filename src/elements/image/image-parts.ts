import type { ProviderId, GenerationResult } from '../../base/types.js';
import type { FlowController } from '../controllers/flow-controller.js';
import type { GalleryController } from '../controllers/gallery-controller.js';
import type { LedgerController } from '../controllers/ledger-controller.js';
import type { PanelsController } from '../controllers/panels-controller.js';
import type { PuterAccountController } from '../controllers/puter-account-controller.js';
import type { QuoteController } from '../controllers/quote-controller.js';
import type { ResumeController } from '../controllers/resume-controller.js';
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
  ledger: LedgerController;
  pricing: QuoteController;
  account: PuterAccountController;
  submission: SubmissionController;
  gallery: GalleryController;
  resume: ResumeController;
  references: ReferenceImages;
  panels: PanelsController;
  flow: FlowController;
  /** One submission per gesture of the user's. */
  gesture: GestureGuard;
  /** The user chose Custom in the size picker. */
  customSize: boolean;
  setCustomSize(custom: boolean): boolean;
  /** The request as the element's properties say now. */
  request(): SubmissionRequest;
}

/** What the view and the handlers read and set of the element itself: its public properties. */
export interface ImageHost {
  provider: ProviderId;
  providers: string;
  endpoint: string;
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

import type { ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../base/types.js';
import type { LedgerController } from '../controllers/ledger-controller.js';
import type { StartupController } from '../controllers/startup-controller.js';
import type { ProviderKeys } from '../image/provider-keys.js';
import * as text from '../../strings/widget.js';
import type { SubmissionController } from '../controllers/submission-controller.js';
import { FlowController } from './flow-controller.js';
import { GalleryController } from './gallery-controller.js';
import { ResumeController } from './resume-controller.js';

/** The widget's images, what closed pages left, and the focus and words around a submission: made with the panels. */
export interface GalleryParts {
  gallery: GalleryController;
  resume: ResumeController;
  flow: FlowController;
}

/** What of `<userpays-image>` its gallery reads, when it reads it (never a stale copy). */
export interface GalleryHost extends ReactiveControllerHost, HTMLElement {
  storageKey: string;
  keepImages: number;
  provider: ProviderId;
  endpoint: string;
  relay: string;
}

/**
 * The gallery and the resume of a `<userpays-image>`, made when the panels load (after the first paint): the store of
 * its images opens then, and what closed pages left pending is finished once it is open, each task where it was
 * accepted, with that origin's key.
 */
export function galleryParts(
  host: GalleryHost,
  keys: ProviderKeys,
  ledger: LedgerController,
  submission: SubmissionController,
  startup: StartupController,
): GalleryParts {
  const gallery: GalleryController = new GalleryController(
    host,
    {
      storageKey: () => host.storageKey,
      keepImages: () => host.keepImages,
      opened: () => void resume.resume(),
    },
    startup,
  );
  const resume = new ResumeController(
    host,
    {
      ledger: () => ledger.ready(),
      endpoint: (provider) => (provider === host.provider ? host.endpoint : ''),
      relay: () => host.relay,
      apiKey: (provider, endpoint) => keys.get(provider, endpoint),
    },
    gallery,
  );
  const flow = new FlowController(host, {
    busy: () => submission.status !== 'idle' || resume.resuming,
    submitted: () => submission.status !== 'idle',
    failure: () => submission.error?.message,
    shown: () => gallery.images.map((image) => image.id),
    ready: (count) => text.imagesReady(count, gallery.images[0].prompt),
  });
  return { gallery, resume, flow };
}

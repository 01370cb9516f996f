import type { ReactiveControllerHost } from 'lit';
import { asUserPaysError } from '../../base/errors.js';
import type { ProviderId } from '../../base/types.js';
import { MODELS, modelInfo } from '../../pricing/index.js';
import * as pricesText from '../../strings/prices.js';
import { emit } from '../shared/events.js';
import type { LedgerController } from '../controllers/ledger-controller.js';
import type { StartupController } from '../controllers/startup-controller.js';
import type { ProviderKeys } from '../image/provider-keys.js';
import * as text from '../../strings/gallery.js';
import type { SubmissionController } from '../controllers/submission-controller.js';
import { FlowController } from './flow-controller.js';
import { GalleryController } from './gallery-controller.js';
import { KeysChannel } from './keys-channel.js';
import { ResumeController } from './resume-controller.js';
import { SignInController } from './sign-in-controller.js';

/**
 * The widget's images, what closed pages left, the focus and words around a submission, signing in to get a key
 * (OpenRouter, Hugging Face) and the word that a key was forgotten (KeysChannel): made with the panels.
 */
export interface GalleryParts {
  gallery: GalleryController;
  resume: ResumeController;
  flow: FlowController;
  signIn: SignInController;
}

/** The form a sign-in by redirect keeps while the page goes to the account system and back. */
const KEPT = ['prompt', 'model', 'width', 'height', 'count'] as const;

/** What of `<userpays-image>` its gallery reads, when it reads it (never a stale copy). */
export interface GalleryHost extends ReactiveControllerHost, HTMLElement {
  storageKey: string;
  keepImages: number;
  provider: ProviderId;
  endpoint: string;
  relay: string;
  huggingfaceClientId: string;
  prompt: string;
  model: string;
  width: number;
  height: number;
  count: number;
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
      apiKey: (provider, endpoint, relay) => keys.get(provider, endpoint, relay),
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
  // Sign out and "Remember" unticked, drawn with the panels, reach every widget and tab of the storage key.
  new KeysChannel(host, keys, () => host.storageKey);
  const signIn = new SignInController(host, {
    provider: () => host.provider,
    endpoint: () => host.endpoint,
    relay: () => host.relay,
    clientId: () => (host.provider === 'huggingface' ? host.huggingfaceClientId : ''),
    keys,
    keep: () => Object.fromEntries(KEPT.map((name) => [name, host[name]])),
    restore: (kept) => {
      for (const name of KEPT) if (typeof kept[name] === typeof host[name]) Object.assign(host, { [name]: kept[name] });
    },
    report: (error) => submission.report(asUserPaysError(error)),
  });
  modelCheck(host);
  return { gallery, resume, flow, signIn };
}

/**
 * A model there is none of is the page's mistake (docs/contract.md, Errors): the widget keeps it (it never makes
 * another model behind the page's back), says why there is no price beside Generate, and tells the page, with
 * `userpays-error` (`invalid-input`), once for each such value it is set to (from the panels on: after the first paint).
 */
function modelCheck(host: GalleryHost) {
  let told = '';
  host.addController({
    hostUpdated() {
      const { model } = host;
      if (model !== told && !modelInfo(model)) {
        const message = pricesText.noSuchModel(String(model), MODELS[0].label);
        emit(host, 'userpays-error', { code: 'invalid-input', message, retryable: false });
      }
      told = model;
    },
  });
}

import type Decimal from 'decimal.js';
import { asUserPaysError } from '../../../base/errors.js';
import type { LedgerStore } from '../../../ledger/ledger.js';
import { MODELS, modelInfo } from '../../../pricing/index.js';
import { prices } from '../../../strings/prices.js';
import { wordsIn } from '../../../strings/strings.js';
import { emit } from '../../shared/events.js';
import type { ImageCore, SubmissionAsItStands } from '../image-parts.js';
import { gallery as galleryWords } from '../../../strings/image/gallery.js';
import type { PaidFailure } from './gallery/result.js';
import { FlowController } from './submission/flow-controller.js';
import { GalleryController } from './gallery/gallery-controller.js';
import { KeysChannel } from './accounts/keys-channel.js';
import { ResumeController } from './submission/resume-controller.js';
import { AccountController } from './accounts/account-controller.js';
import { PanelPart } from './panel-part.js';
import { providerInfo } from '../../../providers/catalog.js';
import type { PuterAccountPart } from './accounts/puter/index.js';
import type { SignInPart } from './accounts/sign-in/index.js';
import type { ModelControlsPart } from './controls/index.js';
import { SubmissionController } from './submission/submission-controller.js';
import { ReferenceImages } from './reference-images.js';
import type { Submitted } from '../../../generation/submit.js';
import type { SubmissionRun } from './submission/submission-controller.js';

/**
 * What the panels add to the widget's parts when they load (after the first paint): its images, what closed pages
 * left, the focus and words around a submission, the accounts the user pays from (what the key's account has left;
 * Puter's account and the sign-in, each loaded where the provider in force has it), the word that a key was forgotten
 * (KeysChannel), and what the history and the projection read of the ledger, read again only when
 * the tally changed.
 */
export interface LazyParts {
  /** The widget's submissions: their work, and what they show, come with the panels. */
  submission: SubmissionController<SubmissionAsItStands>;
  /** The reference images the user attached (More options, a paste, Vary or Reuse of an image). */
  references: ReferenceImages;
  /** What the account of the key in force has left, where its provider says. */
  account: AccountController;
  /** Puter's account (who pays, what is left, the check before sending): a part loaded where the widget uses Puter. */
  puter: PanelPart<PuterAccountPart>;
  /**
   * The sign-in of the account systems a key comes from (OpenRouter, Hugging Face, Pollinations), with its form: a
   * part loaded where the provider in force has one.
   */
  signIn: PanelPart<SignInPart>;
  gallery: GalleryController;
  resume: ResumeController;
  flow: FlowController;
  /**
   * The model's own controls (More options): a part loaded when the user opens More options where the provider in
   * force shows them (BFL, fal, Pollinations), prefetched when the pointer or the focus comes to it.
   */
  controls: PanelPart<ModelControlsPart>;
  /** The paid generations that brought no image (newest first, at most 5). */
  paidFailures(ledger: LedgerStore, version: object): readonly PaidFailure[];
  /** The ledger's spending per local day. */
  spentByDay(ledger: LedgerStore, version: object): ReadonlyMap<number, Decimal>;
}

/** The widget's parts as its view and its handlers read them: the lazy ones there once the panels have loaded. */
export type ImageParts = ImageCore & Partial<LazyParts>;

/**
 * The gallery and the resume of a `<userpays-image>`, made when the panels load (after the first paint): the store of
 * its images opens then, and what closed pages left pending is finished once it is open, each task where it was
 * accepted, with that origin's key.
 */
export function lazyParts(
  core: ImageCore,
  submit: (standing: SubmissionAsItStands, run: SubmissionRun) => Promise<Submitted>,
): LazyParts {
  const { host, keys, ledger, startup } = core;
  const submission = new SubmissionController(host, submit, core.asItStands, core.language);
  const references = new ReferenceImages(host, (error) => submission.report(error));
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
    busy: () => submission.pending || resume.resuming,
    submitted: () => submission.pending,
    failure: () => submission.error?.message,
    shown: () => gallery.images.map((image) => image.id),
    ready: (count) =>
      wordsIn(core.language.translation, 'gallery', galleryWords).imagesReady(count, gallery.images[0].prompt),
  });
  // Sign out and "Remember" unticked, drawn with the panels, reach every widget and tab of the storage key.
  new KeysChannel(host, keys, () => host.storageKey);
  modelCheck(core);
  const account = new AccountController(host, () =>
    host.provider !== 'puter' && host.apiKey ? [host.provider, host.endpoint, host.relay, host.apiKey] : undefined,
  );
  const report = (error: unknown) => submission.report(asUserPaysError(error));
  // What only some providers have, each a part of its own loaded where the provider in force has it.
  const info = () => providerInfo(host.provider);
  return {
    submission,
    references,
    account,
    puter: new PanelPart(host, {
      wanted: () => host.provider === 'puter',
      load: () => import('./accounts/puter/index.js').then(({ puterAccountPart }) => puterAccountPart(core, report)),
    }),
    signIn: new PanelPart(host, {
      wanted: () => info()?.signIn,
      load: () =>
        import('./accounts/sign-in/index.js').then(({ signInPart }) => signInPart(core, { account, flow, report })),
    }),
    gallery,
    resume,
    flow,
    controls: new PanelPart(host, {
      wanted: () => info()?.showsControls && core.moreOpen,
      worthPrefetching: () => info()?.showsControls,
      load: () => import('./controls/index.js').then(({ modelControlsPart }) => modelControlsPart(host, core.edited)),
    }),
    paidFailures: perTally(lastFailures),
    spentByDay: perTally((ledger) => ledger.spentByDay()),
  };
}

/** What `read` makes of the ledger, made again only when its tally (`version`) changed. */
function perTally<T>(read: (ledger: LedgerStore) => T) {
  let readFor: object | undefined;
  let value: T;
  return (ledger: LedgerStore, version: object): T => {
    if (version !== readFor) [value, readFor] = [read(ledger), version];
    return value;
  };
}

/** The paid generations that brought no image (newest first, at most 5). */
const lastFailures = (ledger: LedgerStore): readonly PaidFailure[] =>
  ledger
    .entries()
    .filter((entry) => entry.status === 'charged' && entry.error && Number(entry.charged) > 0)
    .map(({ model, provider, settledAt, charged, error }) => ({
      model,
      provider,
      at: settledAt!,
      charged: charged!,
      error: error!,
    }))
    .sort((a, b) => b.at - a.at)
    .slice(0, 5);

/**
 * A model there is none of is the page's mistake (docs/contract.md, Errors): the widget keeps it (it never makes
 * another model behind the page's back), says why there is no price beside Generate, and tells the page, with
 * `userpays-error` (`invalid-input`), once for each such value it is set to (from the panels on: after the first paint).
 */
function modelCheck({ host, language }: ImageCore) {
  let told = '';
  host.addController({
    hostUpdated() {
      const { model } = host;
      if (model !== told && !modelInfo(model)) {
        const message = wordsIn(language.translation, 'prices', prices).noSuchModel(String(model), MODELS[0].label);
        emit(host, 'userpays-error', { code: 'invalid-input', message, retryable: false });
      }
      told = model;
    },
  });
}

import { asUserPaysError } from '../../../base/errors.js';
import type Decimal from 'decimal.js';
import type { GenerationResult } from '../../../base/types.js';
import type { Submitted } from '../../../generation/submit.js';
import type { LedgerStore } from '../../../ledger/ledger.js';
import { loadEngine } from '../../../lazy/index.js';
import { providerInfo } from '../../../providers/catalog.js';
import { progress as progressWords } from '../../../strings/image/progress.js';
import { wordsIn } from '../../../strings/strings.js';
import type { ImageParts, SubmissionAsItStands } from '../image-parts.js';
import type { PuterAccountPart } from '../accounts/panel/puter/index.js';
import { AccountController } from '../accounts/panel/account-controller.js';
import { SignInOnDemand } from '../accounts/panel/sign-in-on-demand.js';
import { KeysChannel } from '../accounts/panel/keys-channel.js';
import { ProviderKeys } from '../accounts/panel/provider-keys.js';
import { SignedKeys } from '../accounts/panel/signed-keys.js';
import type { ModelControlsPart } from '../options/panel/controls/index.js';
import type { PriceDetailsPart } from '../details/panel/index.js';
import { GalleryController } from '../gallery/panel/gallery-controller.js';
import type { GalleryViewPart } from '../gallery/panel/index.js';
import type { PaidFailure } from '../gallery/panel/result.js';
import type * as UncertainList from '../../tally/uncertain-list/index.js';
import { PanelPart } from './panel-part.js';
import { adoptBeside } from '../../shared/adopted-styles.js';
import { PinnedRowController } from '../price/panel/pinned-row.js';
import { ColumnsController } from '../gallery/panel/columns.js';
import { BalanceEvidence } from '../price/panel/balance-evidence.js';
import { RequiredImageController } from '../options/panel/required-image.js';
import { carryQuality } from '../models/panel/quality-carried.js';
import { ReferenceImages } from '../options/panel/reference-images.js';
import { FlowController, NEXT_STEP } from '../submission/panel/flow-controller.js';
import { isKeyError } from '../../../base/errors.js';
import { ResumeController } from '../submission/panel/resume-controller.js';
import { SubmissionController, type SubmissionRun } from '../submission/panel/submission-controller.js';

/** The work of one submission of the widget: what it stood at the click, the run's own signal, veto and stages. */
export type SubmissionTask = (
  controllers: PanelControllers,
  standing: SubmissionAsItStands,
  run: SubmissionRun,
) => Promise<Submitted>;

/**
 * The controllers of `<userpays-image>`'s other half, made when its panels load (after the first paint) from the parts
 * its first paint has: its submissions, the reference images, its images (the gallery) and what closed pages left
 * (resume), the focus and words around a submission, the accounts the user pays from (what the key's account has
 * left; Puter's account, the sign-in and More options' controls, each a part of its own loaded where and when it is
 * wanted), and the word that a key was forgotten elsewhere. What draws them and what their controls do build on them
 * (`ImagePanels`, image-panels.ts).
 */
export class PanelControllers {
  /** The widget's submissions: their work, and what they show. */
  readonly submission: SubmissionController<SubmissionAsItStands>;
  /** The reference images the user attached (More options, a paste, Vary or Reuse of an image). */
  readonly references: ReferenceImages;
  /** What the account of the key in force has left, where its provider says. */
  readonly account: AccountController;
  /**
   * The user's own keys, one per provider and route (the key field's, the sign-in's, what a submission sends): the
   * first paint reads the key in force only (../key-slots.ts).
   */
  readonly keys: ProviderKeys;
  /** Which of the user's keys this site's sign-in made (their balance is this ledger's alone; no key field for them). */
  readonly signedKeys: SignedKeys;
  /** Puter's account (who pays, what is left, the check before sending): loaded where the widget uses Puter. */
  readonly puter: PanelPart<PuterAccountPart>;
  /** The sign-in of the account systems a key comes from, with its form: loaded when it is needed (SignInOnDemand). */
  readonly signIn: SignInOnDemand;
  /**
   * The model's own controls (More options): loaded when the user opens More options where the provider in force
   * shows them (BFL, fal, Pollinations), prefetched when the pointer or the focus comes to it.
   */
  readonly controls: PanelPart<ModelControlsPart>;
  /**
   * The price details (the breakdown, the projection, the comparison): loaded when the user opens them, prefetched
   * when the pointer or the focus comes to their summary (image-panels.ts).
   */
  readonly details: PanelPart<PriceDetailsPart>;
  /** The price details are open (their disclosure's `toggle`, heard by image-panels.ts). */
  detailsOpen = false;
  /** The images kept in this browser: the image store of the storage key, opened after the first paint. */
  readonly gallery: GalleryController;
  /**
   * What draws a submission in the canvas (what runs, its error, the images it made, large, and the earlier ones with
   * the paid failures) and what a click on them does: loaded when there is something to show (an image kept, a
   * submission, an error, a paid failure), prefetched when the pointer or the focus comes to Generate.
   */
  readonly galleryView: PanelPart<GalleryViewPart>;
  /**
   * The list of charges no reply confirmed or denied, with their answers (under the tally line): loaded once the ledger
   * holds one, as it may from an earlier visit; most visits never do.
   */
  readonly uncertainList: PanelPart<typeof UncertainList>;
  readonly resume: ResumeController;
  /** The answer a lost reply's balance points to, offered beside Generate and in a budget's refusal. */
  readonly evidence: BalanceEvidence;
  readonly flow: FlowController;
  /** Keeps what the keyboard reaches, and what the widget says above the pinned decision row, clear of it. */
  readonly pinnedRow: PinnedRowController;
  /** Whether the controls and the canvas stand in one column (a phone), where what a click brought is said lower. */
  readonly columns: ColumnsController;
  /**
   * A change just made for the user (Vary, Reuse, Finalize, Delete), said with an Undo, and what undoes it; `near`: the
   * image beside whose toolbar it is said (the one clicked, or the one that took a deleted image's place). Without
   * `undo`, a booking that cannot be taken back (`noteDone`), said until the next submission.
   */
  undoable?: { sentence: string; undo?: () => unknown; near?: string; route?: string };
  /** The paid generations that brought no image (newest first, at most 5), read again when the tally changes. */
  readonly paidFailures = perTally(lastFailures);
  /** The ledger's spending per local day, read again when the tally changes. */
  readonly spentByDay = perTally((ledger) => ledger.spentByDay());

  constructor(
    protected readonly parts: ImageParts,
    task: SubmissionTask,
  ) {
    const { host, language } = parts;
    this.keys = this.#keysOf();
    this.signedKeys = new SignedKeys(this.keys);
    this.submission = new SubmissionController(
      host,
      (standing, run) => task(this, standing, run),
      () => parts.asItStands(),
      language,
    );
    this.references = new ReferenceImages(host, (error) => this.submission.report(error));
    this.evidence = new BalanceEvidence(parts, () => this.submission.lastUncertainCharge);
    this.gallery = new GalleryController(
      host,
      {
        storageKey: () => host.storageKey,
        keepImages: () => host.keepImages,
        opened: () => void this.resume.resume(),
      },
      parts.startup,
    );
    this.resume = this.#resumeOf();
    this.flow = this.#flowOf();
    this.#sayWhatMoved();
    // What the keyboard reaches above the decision row is brought into view clear of it.
    this.pinnedRow = new PinnedRowController(host);
    this.columns = new ColumnsController(host);
    this.#followTheForm();
    this.account = new AccountController(host, () =>
      host.provider !== 'puter' && host.apiKey ? [host.provider, host.endpoint, host.relay, host.apiKey] : undefined,
    );
    const report = (error: unknown) => this.submission.report(asUserPaysError(error));
    this.puter = new PanelPart(host, {
      wanted: () => host.provider === 'puter',
      load: () =>
        import('../accounts/panel/puter/index.js').then(({ puterAccountPart }) => puterAccountPart(parts, report)),
    });
    this.signIn = this.#signInOnDemand(report);
    this.details = new PanelPart(host, {
      wanted: () => this.detailsOpen,
      worthPrefetching: () => true,
      load: () => import('../details/panel/index.js').then(({ priceDetailsPart }) => priceDetailsPart(host)),
    });
    this.controls = this.#controlsOnDemand();
    this.galleryView = this.#galleryViewOnDemand();
    this.uncertainList = new PanelPart(host, {
      wanted: () => parts.ledger.tally?.uncertain,
      load: () =>
        import('../../tally/uncertain-list/index.js').then((list) => {
          adoptBeside(host, [list.uncertainStyles]);
          return list;
        }),
    });
  }

  /** The user's keys, one per provider and route, with those the first paint was given (../key-slots.ts). */
  #keysOf(): ProviderKeys {
    const { host } = this.parts;
    const keys = new ProviderKeys(host, {
      storageKey: () => host.storageKey,
      provider: () => host.provider,
      endpoint: () => host.endpoint,
      relay: () => host.relay,
    });
    keys.adopt(this.parts.keysGiven);
    return keys;
  }

  /** What closed pages left, finished with the key of its provider and route, into the gallery. */
  #resumeOf(): ResumeController {
    const { host, ledger } = this.parts;
    return new ResumeController(
      host,
      {
        ledger: () => ledger.ready(),
        endpoint: (provider) => (provider === host.provider ? host.endpoint : ''),
        relay: () => host.relay,
        apiKey: (provider, endpoint, relay) => this.keys.get(provider, endpoint, relay),
        keyMadeBySignIn: (provider, endpoint, relay) => this.signedKeys.madeBySignIn(provider, endpoint, relay),
      },
      this.gallery,
    );
  }

  /** The focus and the words around a submission. */
  #flowOf(): FlowController {
    const { host, language } = this.parts;
    return new FlowController(host, {
      busy: () => this.submission.pending || this.resume.resuming,
      submitted: () => this.submission.pending,
      failure: () => this.submission.error?.message,
      // Not the place of an image just deleted: gone at the next read, it would make every image shown new.
      shown: () => this.gallery.images.flatMap((image) => (image.gone ? [] : image.id)),
      ready: (count) =>
        wordsIn(language.translation, 'progress', progressWords).imagesReady(count, this.gallery.images[0].prompt),
    });
  }

  /** What is said beside Generate, or goes, once what it was said of has moved on (the tally, the provider). */
  #sayWhatMoved() {
    const { host } = this.parts;
    // A later read of the balance settled what the error shown left uncertain: the error goes, and what the read found
    // is said in its place, beside Generate (and read out), as an answer to the error's own question would be.
    host.addController({
      hostUpdate: () => {
        const settled = this.submission.takeSettledLater();
        if (!settled) return;
        if (host.shadowRoot?.activeElement?.closest('.error-box')) this.flow.focusNext('submit');
        this.noteDone(settled);
        this.flow.say(settled);
      },
    });
    // An error that this page's way to the provider was refused (no CORS, a relay that would not carry it) goes once
    // that way changes (a relay set, another endpoint or provider): it no longer says what a click would meet ("this
    // site has not set up the relay it needs" would stand beside the relay just chosen).
    this.#dismissWhenMoved(
      () => this.submission.pageRefused,
      () => [host.provider, host.endpoint, host.relay].join(' '),
    );
    // A budget's refusal says what was left of it and held at the click. Once the tally moves (an image under way in
    // another tab paid for, or failed and let go) those figures are gone by: the refusal goes, and the decision row
    // says, as it stands, whether the budget is still in the way ("($0.014 is held for images under way)" would stay
    // after that image was paid for). The keyboard in its box goes to Generate, or where the budget is still in the
    // way, to the row's fix.
    this.#dismissWhenMoved(
      () => this.submission.error?.code === 'budget-exceeded',
      () => this.parts.ledger.tally,
      NEXT_STEP,
    );
    // The page changed the provider (its own select): a change made to the form before it is not what the form holds
    // (Vary's note would stay over another provider's form).
    host.addController({
      hostUpdate: () => {
        if (this.undoable?.route !== undefined && this.undoable.route !== this.#route()) this.#withdrawFormUndo();
      },
    });
  }

  /** What follows the form's changes: a model that needs an image, a tier it does not make, the keys elsewhere. */
  #followTheForm() {
    const { parts } = this;
    const { host } = parts;
    // A model that edits the user's image, chosen with none: where images are added is opened.
    new RequiredImageController(
      host,
      () => !!parts.pricing.capability?.references.required && !this.references.images.length,
    );
    // A tier the next model does not make: read out, and said over the price with its Undo where a card was clicked.
    carryQuality(parts, (sentence, undo) => {
      this.flow.say(sentence);
      if (undo) this.offerUndo(sentence, undo);
    });
    // Sign out and "Remember" unticked, drawn with the panels, reach every widget and tab of the storage key.
    new KeysChannel(host, this.keys, () => host.storageKey);
  }

  /** The sign-in of the account systems a key comes from, with its form: loaded when it is needed. */
  #signInOnDemand(report: (error: unknown) => void): SignInOnDemand {
    const { parts } = this;
    const { host } = parts;
    return new SignInOnDemand(host, {
      provider: () => host.provider,
      madeBySignIn: () => this.signedKeys.madeBySignIn(),
      report,
      load: () =>
        import('../accounts/panel/sign-in/index.js').then(({ signInPart }) =>
          signInPart(parts, {
            keys: this.keys,
            account: this.account,
            flow: this.flow,
            signedKeys: this.signedKeys,
            report,
            keyRefusal: () => {
              const { error } = this.submission;
              return error && isKeyError(error) ? error.message : undefined;
            },
            keyReplaced: () => this.edited(),
          }),
        ),
    });
  }

  /** More options' model controls, where the provider shows them: with the adapter that says what the model takes. */
  #controlsOnDemand(): PanelPart<ModelControlsPart> {
    const { parts } = this;
    const { host } = parts;
    const info = () => providerInfo(host.provider);
    return new PanelPart(host, {
      wanted: () => info()?.showsControls && parts.form.moreOpen,
      worthPrefetching: () => info()?.showsControls,
      load: () => {
        // What the model takes comes from the provider's adapter: asked for with the part, not once it is here, so
        // that both arrive in one round trip.
        loadEngine()
          .then((engine) => engine.providerFor(host.provider))
          .catch(() => {}); // the controller asks again, and says nothing where it cannot load
        return import('../options/panel/controls/index.js').then(({ modelControlsPart }) =>
          modelControlsPart(host, () => this.edited()),
        );
      },
    });
  }

  /** What draws a submission in the canvas: wanted once there is something to show. */
  #galleryViewOnDemand(): PanelPart<GalleryViewPart> {
    const { parts } = this;
    const { host } = parts;
    return new PanelPart(host, {
      wanted: () => {
        const { ledger, tally } = parts.ledger;
        return (
          this.gallery.images.length ||
          this.submission.pending ||
          this.submission.error ||
          this.resume.resuming ||
          (ledger && tally && this.paidFailures(ledger, tally).length)
        );
      },
      worthPrefetching: () => true,
      load: () => import('../gallery/panel/index.js').then(({ galleryViewPart }) => galleryViewPart(host)),
    });
  }

  /** A submission of the widget as it stands now, or as it stood at a click made before the panels (`standing`). */
  generate(standing?: SubmissionAsItStands): Promise<GenerationResult> {
    // What an answer booked is in the tally now; a change to the form (Vary's, Reuse's) was what this one sends.
    this.#withdrawFormUndo();
    if (this.undoable && !this.undoable.undo) this.undoable = undefined;
    return this.submission.generate(standing);
  }

  /** Says that a change was just made for the user, with an Undo that runs `undo`, beside image `near`'s toolbar. */
  offerUndo(sentence: string, undo: () => unknown, near?: string) {
    this.undoable = { sentence, undo, near, route: this.#route() };
    this.parts.host.requestUpdate();
  }

  /**
   * Says what the user's answer just booked where it cannot be undone (a charge settled: the ledger's entries only ever
   * move on, so that every tab converges), in the pinned row, where the error that offered it was.
   */
  noteDone(sentence: string) {
    this.undoable = { sentence };
    this.parts.host.requestUpdate();
  }

  /** Undo: runs what undoes the change just made. */
  undo() {
    const undoable = this.undoable;
    this.undoable = undefined;
    this.parts.host.requestUpdate();
    void undoable?.undo?.();
  }

  /**
   * The user changed what would be sent: an error about the last attempt no longer describes it, and a change made to
   * the form for them (Vary's, Reuse's) is no longer what it holds.
   */
  edited() {
    if (!this.submission.pending) this.submission.dismissError();
    this.#withdrawFormUndo();
  }

  /**
   * Takes back the Undo of a change made to the form (said above Generate: no image `near`) once the user has edited
   * the form or sent it: its words would be false, and Undo would throw away what was typed since. Delete's Undo,
   * beside its image, stays.
   */
  #withdrawFormUndo() {
    if (!this.undoable?.undo || this.undoable.near) return;
    this.undoable = undefined;
    this.parts.host.requestUpdate();
  }

  /**
   * An error said of a moment (`says`) goes once what it was said of moves: `state` as the first update that showed it
   * found it, compared by identity. Where the keyboard was in its box, it goes to what `focus` finds.
   */
  #dismissWhenMoved(says: () => boolean, state: () => unknown, focus?: string) {
    let said: { at: unknown } | undefined;
    this.parts.host.addController({
      hostUpdate: () => {
        if (!says()) said = undefined;
        else if (!said) said = { at: state() };
        else if (said.at !== state()) {
          said = undefined;
          if (focus && this.parts.host.shadowRoot?.activeElement?.closest('.error-box')) this.flow.focusAt(focus);
          this.submission.dismissError();
        }
      },
    });
  }

  /** The provider the widget pays (not its endpoint, which a page moves with it, and with its scenarios: the demo). */
  #route() {
    return this.parts.host.provider;
  }

  /** What the account in force has left: Puter's (its part stays loaded after a switch), or the key's. */
  accountLeft(): Decimal | undefined {
    const account = this.parts.host.provider === 'puter' ? this.puter.loaded?.account : this.account;
    return account?.balance?.usd;
  }
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
    // Charged (so settled, at a time), for more than nothing, and with an error: paid for, and no image came.
    .flatMap(({ status, model, provider, settledAt, charged, error }) =>
      status === 'charged' && error && charged !== undefined && settledAt !== undefined && Number(charged) > 0
        ? [{ model, provider, at: settledAt, charged, error }]
        : [],
    )
    .sort((a, b) => b.at - a.at)
    .slice(0, 5);

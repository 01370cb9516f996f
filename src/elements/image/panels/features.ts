import type Decimal from 'decimal.js';
import type { TemplateResult } from 'lit';
import type { EditKind, GenerationResult, Quote } from '../../../base/types.js';
import type { ReferenceImage } from '../../../providers/provider.js';
import type { LedgerStore } from '../../../ledger/ledger.js';
import type * as UncertainList from '../../tally/uncertain-list/index.js';
import type { AccountController } from '../accounts/panel/account-controller.js';
import type { ProviderKeys } from '../accounts/panel/provider-keys.js';
import type { PuterAccountPart } from '../accounts/panel/puter/index.js';
import type { SignInOnDemand } from '../accounts/panel/sign-in-on-demand.js';
import type { SignedKeys } from '../accounts/panel/signed-keys.js';
import type { ColumnsController } from '../gallery/panel/columns.js';
import type { GalleryController } from '../gallery/panel/gallery-controller.js';
import type { GalleryViewPart } from '../gallery/panel/index.js';
import type { GalleryImage } from '../../../images/gallery.js';
import type { EditorFormHandlers } from '../editor/panel/view/editor-template.js';
import type { PaidFailure } from '../gallery/panel/result.js';
import type { SubmissionAsItStands } from '../image-parts.js';
import type { ModelControlsPart } from '../options/panel/controls/index.js';
import type { ReferenceImages } from '../options/panel/reference-images.js';
import type { BalanceEvidence } from '../price/panel/balance-evidence.js';
import type { PinnedRowController } from '../price/panel/pinned-row.js';
import type { FlowController } from '../submission/panel/flow-controller.js';
import type { ResumeController } from '../submission/panel/resume-controller.js';
import type { SubmissionController } from '../submission/panel/submission-controller.js';
import type { ImageView, Slot } from '../view.js';
import type { PanelPart } from './panel-part.js';

/** What the note over the price does: its Undo, and the answer a lost reply's balance points to. */
interface PriceNoteHandlers {
  undo(): void;
  uncertainChoice(event: Event): void;
}

// What the features of `<userpays-image>` share with one another once its panels are here: each feature's controllers
// and the few things others ask of it, typed here by the controllers alone, so that a feature names what it uses of
// another without importing it (an import circle, even of types, hides which feature owns what). Each feature
// implements its own interface (`accounts/panel/accounts-feature.ts` implements `AccountsShared`…); `ImagePanels`
// holds them all (`Features`) and hands itself to each.

/** The accounts the user pays from: the keys, the sign-in, what an account has left. */
export interface AccountsShared {
  /** The user's own keys, one per provider and route (the key field's, the sign-in's, what a submission sends). */
  readonly keys: ProviderKeys;
  /** Which of the user's keys this site's sign-in made (their balance is this ledger's alone; no key field for them). */
  readonly signedKeys: SignedKeys;
  /** What the account of the key in force has left, where its provider says. */
  readonly account: AccountController;
  /** Puter's account (who pays, what is left, the check before sending): loaded where the widget uses Puter. */
  readonly puter: PanelPart<PuterAccountPart>;
  /** The sign-in of the account systems a key comes from, with its form: loaded when it is needed. */
  readonly signIn: SignInOnDemand;
  /** What the account in force has left: Puter's (its part stays loaded after a switch), or the key's. */
  left(): Decimal | undefined;
}

/** The widget's submissions: their work and what they show, what closed pages left, the focus and words around. */
export interface SubmissionShared {
  readonly controller: SubmissionController<SubmissionAsItStands>;
  readonly resume: ResumeController;
  readonly flow: FlowController;
  /**
   * The user changed what would be sent: an error about the last attempt no longer describes it, and a change made to
   * the form for them (Vary's, Reuse's) is no longer what it holds.
   */
  edited(): void;
  /** A submission of the widget as it stands now (a second call while one runs joins it). */
  generate(): Promise<GenerationResult>;
}

/** The images kept in this browser, what draws them, and the widget's columns. */
export interface GalleryShared {
  readonly controller: GalleryController;
  readonly view: PanelPart<GalleryViewPart>;
  /** Whether the controls and the canvas stand in one column (a phone), where what a click brought is said lower. */
  readonly columns: ColumnsController;
  /** The paid generations that brought no image (newest first, at most 5), read again when the tally changes. */
  paidFailures(ledger: LedgerStore, version: object): readonly PaidFailure[];
}

/** More options: the reference images and the model's own controls. */
export interface OptionsShared {
  /** The reference images the user attached (More options, a paste, Vary or Reuse of an image). */
  readonly references: ReferenceImages;
  /** The model's own controls: loaded when More options opens where the provider in force shows them. */
  readonly controls: PanelPart<ModelControlsPart>;
}

/** A change made for the user, said over the price with its Undo; what the decision row offers and keeps clear. */
export interface PriceShared {
  /** Keeps what the keyboard reaches, and what the widget says above the pinned decision row, clear of it. */
  readonly pinnedRow: PinnedRowController;
  /** The answer a lost reply's balance points to, offered beside Generate and in a budget's refusal. */
  readonly evidence: BalanceEvidence;
  /** The list of charges no reply confirmed or denied, with their answers: loaded once the ledger holds one. */
  readonly uncertainList: PanelPart<typeof UncertainList>;
  /** A change just made for the user, with what undoes it; `near`: the image beside whose toolbar it is said. */
  readonly undoable?: { sentence: string; undo?: () => unknown; near?: string };
  /** The change just made with its Undo, drawn: where it is said is the canvas's to decide. */
  renderUndo(on: { undo(): void }): TemplateResult | undefined;
  /**
   * Over the price in the pinned row: what the provider asks in its own box (`asking`), else the change just made with
   * its Undo where it is not said beside its image (`undo`), else the answer a lost reply's balance points to.
   */
  note(asking: string | undefined, undo: TemplateResult | undefined, view: ImageView, on: PriceNoteHandlers): Slot;
  /** Says that a change was just made for the user, with an Undo that runs `undo`, beside image `near`'s toolbar. */
  offerUndo(sentence: string, undo: () => unknown, near?: string): void;
  /** Says what the user's answer just booked where it cannot be undone, in the pinned row. */
  noteDone(sentence: string): void;
  /**
   * Says what was booked for the user (a lost reply its balance settled), with an Undo that runs `undo`, in the pinned
   * row, until the next submission: an edit of the form leaves it, as it changes nothing of the booking.
   */
  noteBooked(sentence: string, undo: () => string | undefined): void;
  /** Takes back the Undo of a change made to the form once the user has edited or sent the form. */
  withdrawFormUndo(): void;
  /** Forgets what was booked (said with its Undo, or without one), as the next submission starts. */
  forgetDone(): void;
}

/** Editing an image: the image being edited, what it adds to the request and to a submission. */
export interface EditorShared {
  /** The image being edited, while the editor is open (its gallery id, where it is one of the widget's). */
  readonly session?: { readonly editOf?: string; readonly kind: EditKind };
  /** Opens the editor on `blob` (an image of the gallery, `editOf`, or one of the user's own). */
  open(blob: Blob, editOf?: string): Promise<void>;
  /** `generate(options)`: with `edit`, the editor opened on the page's image as asked, then the submission. */
  generate(options: unknown): Promise<GenerationResult>;
  /** Leaves the editor: the form's model and size as they were before it opened. */
  close(): void;
  /** An edit was made (`ids`, the images it made): kept for their Vary, the editor closed, the form as it was. */
  made(ids: readonly string[]): void;
  /** Vary on an edit, image `id`: the same edit again on its source, sent at once. */
  again(id: string): Promise<void>;
  /** What Vary on an edit costs (the same edit again on `source`), or undefined where it cannot be made here. */
  againQuote(image: GalleryImage, source: { width: number; height: number }): Quote | undefined;
  /** Whether the page allows editing (`edit="off"` hides it). */
  allowed(): boolean;
  /** Whether the page allows editing and a model of the provider in force makes any kind of edit. */
  canEdit(): boolean;
  /** What the provider in force says it keeps of an image of the user's own it is sent, in words, where it says. */
  keptSaid(): string | undefined;
  /** Where the user painted, at the image's size, for an edit that paints. */
  mask(): Promise<ReferenceImage | undefined>;
  /** The editor, drawn where the result is shown while an image is edited, its Generate the form's. */
  render(view: ImageView, form: EditorFormHandlers): Slot;
}

/** The features of `<userpays-image>` that others ask something of, once its panels are here. */
export interface Features {
  readonly editor: EditorShared;
  readonly accounts: AccountsShared;
  readonly submission: SubmissionShared;
  readonly gallery: GalleryShared;
  readonly options: OptionsShared;
  readonly price: PriceShared;
}

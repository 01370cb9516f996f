import type Decimal from 'decimal.js';
import type { EditKind, ErrorDetail, ProviderId } from '../../../base/types.js';
import type { Submission } from '../../../generation/submit.js';
import type { GalleryImage } from '../../../images/gallery.js';
import type { ImageStore, StoredImage } from '../../../images/image-store.js';
import type { ReferenceImage } from '../../../providers/provider.js';
import type { AccountFiles } from '../../../providers/account-files.js';
import type { Sentence } from '../../../strings/strings.js';

/**
 * What the features of `<userpays-image>` may ask of one another once its panels are here: each feature's contract,
 * its verbs and what it shows, never its controllers. A feature implements its own (`class AccountsFeature implements
 * AccountsContract`) and is handed the others typed by these alone (`Features`): what one asks of another is written
 * here, once, and a feature folder imports no other feature folder (.dependency-cruiser.cjs,
 * `features-import-no-feature`). `ImagePanels` (panels/) makes the features and is the `Features` each is handed.
 * docs/architecture.md, "Adding a feature", shows one.
 */

/** The accounts the user pays from. */
export interface AccountsContract {
  /** Whether `key` is the key in force and this site's sign-in made it (its balance is this ledger's alone). */
  signedKeyInForce(key: string | undefined): boolean;
  /**
   * The user's key for `provider` at `endpoint` through `relay` ('' where there is none), and whether this site's
   * sign-in made it.
   */
  keyAt(provider: ProviderId, endpoint: string, relay: string): { key: string; madeBySignIn: boolean };
  /** Whether the user has an account here to pay `provider` from: a key for it at the page's endpoint, or Puter's. */
  hasAccountFor(provider: ProviderId): boolean;
  /**
   * What the account in force can spend: what it has left (Puter's, its part loaded after a switch, or the key's),
   * whether the account signed in with cannot pay (its sign-in said so), and whether what is left is a key's own cap
   * (OpenRouter's `limit`), the sign-in's or a pasted key's, rather than the account's.
   */
  spending(): { left: Decimal | undefined; cannotPay: boolean; capped?: 'signed' | 'pasted' };
  /**
   * A submission ended, whatever its outcome: what the accounts have left is read again; `outOfCredit`, where the
   * provider said so: refused for want of credit (`true`), or an image paid for (`false`).
   */
  submissionEnded(outOfCredit?: boolean): void;
  /**
   * Puter's last step before sending `most`: signs in from the click, and refuses what its balance cannot cover, naming
   * what `cheaper` finds for what is left.
   */
  puterReady(most: string, cheaper: (left: Decimal) => string | undefined): Promise<void>;
}

/** What the widget shows of its submissions: the canvas, the decision row and the key field read it. */
export interface SubmissionShown {
  /** A submission of the user's runs. */
  readonly pending: boolean;
  /** What closed pages left is being finished. */
  readonly resuming: boolean;
  /** The error the widget shows, in the host's words. */
  readonly error?: ErrorDetail;
  /** What the provider asks in its own box while the submission waits on it. */
  readonly asking?: string;
  /** Paid images still being made after Stop waiting. */
  readonly finishing: readonly { provider: string; billed: string }[];
  /** The error shown says this page was refused (no CORS, or a relay that would not carry it). */
  readonly pageRefused: boolean;
  /** Where the user adds funds, as the provider's refusal named it. */
  readonly billingUrl?: string;
  /** The charge the error shown left uncertain, and how often its balance moved since. */
  readonly uncertainCharge?: { entry: string; timesMoved?: number };
  /** Paid images closed pages left at each provider, waiting for the user's key to be fetched. */
  readonly waiting: Partial<Record<ProviderId, number>>;
  /** The last charge a lost reply left uncertain (of the error shown, or of the last submission's). */
  readonly lastUncertainCharge?: { entry: string; timesMoved?: number };
  /** What the provider charged, where the preview did not say it (`Submitted.chargeNote`). */
  readonly chargeNote?: Sentence;
  /** The provider said in its reply that it retires the model within a month (`Submitted.retiringNote`). */
  readonly retiringNote?: Sentence;
}

/** What a submission hands its images to (the fields of the same names of `Submission`), and its end. */
export type ImageReceiver = Required<Pick<Submission, 'images' | 'onStage' | 'urlOf'>> & {
  /** The submission is over: images whose bytes came but that were never saved (refused, failed) are taken back. */
  done(): void;
};

/** What the gallery receives a submission with: its images, and what draws them, loading. */
export type SubmissionReceiver = ImageReceiver & {
  /**
   * What draws the submission in the canvas, loaded beside the work (never failing: where it cannot load, the images are
   * kept all the same and drawn once it has loaded; the error is said in its words alone): a submission ends once it
   * is here, so that its images, or its error, are drawn at once.
   */
  drawn: Promise<void>;
};

/** The images kept in this browser. */
export interface GalleryContract {
  /** The images shown, newest first. */
  images(): readonly GalleryImage[];
  /** The image kept under `id` (one of the gallery's, or one of the user's own an edit was made of), as stored. */
  kept(id: string): Promise<StoredImage | undefined>;
  /** Keeps `image`, one of the user's own being edited, for the edits of it: its id (none where no store opens). */
  keepOwn(image: ReferenceImage): Promise<string | undefined>;
  /** For one submission: its images shown as their bytes come, and saved, and what draws them loaded. */
  receive(): SubmissionReceiver;
  /** The image store open now, if any. */
  store(): ImageStore | undefined;
  /** Reads the images kept again (what closed pages left was finished into the store). */
  reload(): Promise<void>;
  /**
   * Keeps the images in the account of the user signed in (`who`) too, and lists what it holds; none: in this browser
   * alone. `accountFull`: the account refused an image for want of room.
   */
  useAccountFiles(files: AccountFiles | undefined, who: string): void;
  readonly accountFull: boolean;
}

/** The notes over the price: a change made for the user with its Undo, what an answer booked. */
export interface PriceContract {
  /** Says that a change was just made for the user, with an Undo that runs `undo`, beside image `near`'s toolbar. */
  offerUndo(sentence: string, undo: () => unknown, near?: string): void;
  /**
   * Says what was just booked (an answer the user gave, a lost reply its balance settled) in the pinned row, until the
   * next submission (an edit of the form leaves it, as it changes nothing of the booking); with an Undo that runs
   * `undo` where it can be taken back (what `undo` returns is said instead of "Undone").
   */
  noteBooked(sentence: string, undo?: () => string | undefined): void;
  /** Brings `element` into view clear of the pinned decision row. */
  bringClear(element: Element): void;
}

/** Editing an image. */
export interface EditorContract {
  /** The image being edited, while the editor is open (its gallery id, where it is one of the widget's). */
  readonly session?: { readonly editOf?: string; readonly kind: EditKind };
  /**
   * Opens the editor on `blob` (image `editOf` of the gallery, or one of the user's own); what keeps it from opening
   * (a file too large, one the browser cannot decode) is said where the widget says errors.
   */
  edit(blob: Blob, editOf?: string): Promise<void>;
  /** An edit was made (`ids`, the images it made): kept for their Vary, the editor closed, the form as it was. */
  made(ids: readonly string[]): void;
  /**
   * What More options offers of editing: where a model here edits images, the way to edit one of the user's own (not
   * while one is edited), with what `providerName` keeps of it; where the page allows editing and none does, why no
   * image has Edit, in words (a touch user sees no title).
   */
  ownImageOffer(providerName: string): {
    editOwn?: { label: string; kept: string | undefined };
    editNotHere?: string;
  };
  /** Where the user painted, at the image's size, for an edit that paints. */
  mask(): Promise<ReferenceImage | undefined>;
}

/** Where the keyboard and the screen reader are: the focus after a render, the polite live region. */
export interface Flow {
  /** Moves the focus to what `selector` finds in the shadow root once the next render has drawn it. */
  focusAt(selector: string): void;
  /** Says `sentence` once, politely. */
  say(sentence: string): void;
}

/** The features of `<userpays-image>` that others ask something of, and what all of them share, once its panels are here. */
export interface Features {
  readonly editor: EditorContract;
  readonly accounts: AccountsContract;
  readonly gallery: GalleryContract;
  readonly price: PriceContract;
  /** Where the keyboard and the screen reader are (the widget's, whichever feature moves them). */
  readonly flow: Flow;
  /**
   * Shows `error` where the widget says what went wrong, and fires `userpays-error`: a submission's, and a sign-in's,
   * an image that cannot be edited, a reference refused.
   */
  report(error: unknown): void;
  /** Takes the error shown away. */
  dismissError(): void;
  /** What the widget shows of its submissions: whether one runs, its error, what it charged (the canvas's). */
  readonly shown: SubmissionShown;
  /**
   * The user changed what would be sent: an error about the last attempt no longer describes it, and a change made to
   * the form for them (Vary's, Reuse's) is no longer what it holds. Every feature that keeps such a thing hears it.
   */
  edited(): void;
}

import type { StoredImage } from '../images/image-store.js';
import type { Charge } from '../providers/provider.js';
import type { ProgressDetail } from '../base/types.js';
import type { Sentence } from '../strings/strings.js';

/**
 * Progress as the pipeline reports it: `ProgressDetail` with its status as a `Sentence`, for the element to say in its
 * language (the headless API says its English), and whether the provider asks the user in a box of its own
 * (`ProviderProgress.asks`).
 */
export type Progress = Omit<ProgressDetail, 'status'> & { status: Sentence; asks?: true };

/**
 * What a submission has come to, told as it comes (`submit`, `runGeneration`): `started` once it is past every check,
 * the page's veto and the last step (the provider calls begin); then, for each image, `progress` while it is made,
 * `accepted` (with what the provider said it charged, where it says: BFL bills at acceptance), `bytes` (before they
 * are measured and saved: a page may start decoding them; they may yet be refused, as bytes no browser can read),
 * `downloaded` (measured and readable, about to be saved: a page may show it now, while it is saved and booked, which
 * nothing can stop once it is here), `saved` (saved and booked, before the other images are done); and `stored` once
 * every image is persisted and its entry settled, before the result is made.
 */
export type SubmissionStage =
  /** `usualWait`: how long such an image has usually taken here, request to bytes (ms), where one has been made. */
  | { stage: 'started'; usualWait?: number }
  | { stage: 'progress'; detail: Progress }
  | { stage: 'accepted'; charge?: Charge }
  /** `id`: the image's entry's, and its stored image's. */
  | { stage: 'bytes'; id: string; blob: Blob }
  | { stage: 'downloaded'; image: StoredImage }
  | { stage: 'saved'; image: StoredImage }
  | { stage: 'stored' }
  /**
   * After the submission failed, the later reads of the balance (on a key this ledger's alone) settled what it left
   * uncertain, or ended with it still open: what its error says next is `UserPaysError.settledLater`.
   */
  | { stage: 'checked' };

/**
 * The one listener of a submission's stages. Only `stored` is awaited (the widget reads its gallery back then);
 * a throw at `bytes`, `downloaded` or `saved` is the page's display failing, reported, never a failure of the image,
 * which is paid for and saved all the same.
 */
export type StageListener = (stage: SubmissionStage) => void | Promise<void>;

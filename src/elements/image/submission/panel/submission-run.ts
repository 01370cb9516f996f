import type Decimal from 'decimal.js';
import { isKeyError, UserPaysError } from '../../../../base/errors.js';
import { generationText } from '../../../../strings/generation.js';
import type { Quote } from '../../../../base/types.js';
import type { Asked, Submission, Submitted } from '../../../../generation/submit.js';
import { loadGeneration } from '../../../../lazy/generation.js';
import { modelName } from '../../../../pricing/index.js';
import { cheapestWithin } from '../../../../pricing/offer-choices.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import { mostOf } from '../../../../pricing/quote.js';
import { mostSaid } from '../../shared/price-words.js';

/**
 * The work of one submission of `<userpays-image>` after the click (loaded with the panels, as the gallery the images
 * go to), `submission` read at the click: the pipeline's `submit`, each stage to the controller (the run's own
 * `onStage`) and to the gallery (each image shown as its bytes come), Puter's check before sending, and the account
 * read again after it, whatever its outcome.
 */
export async function runSubmission(
  parts: ImageParts,
  features: Features,
  submission: Omit<Submission, 'images' | 'urlOf'>,
): Promise<Submitted> {
  /** Whether the provider said the account lacks credit (undefined where it said nothing of it). */
  let outOfCredit: boolean | undefined;
  // The gallery shows each image as its bytes come; what draws them loads beside the work (`drawn`).
  const { done, onStage, drawn, ...images } = features.gallery.receive();
  try {
    const { submit } = await loadGeneration();
    // An edit that paints sends where the user painted, as it stands as the submission starts.
    const mask = submission.asked.edit && (await features.editor.mask());
    const made: string[] = [];
    const submitted = await submit({
      ...submission,
      asked: await ownKept({ ...submission.asked, ...(mask && { mask }) }, features),
      ...images,
      beforeSend: submission.asked.provider === 'puter' ? (quote) => puterReady(parts, features, quote) : undefined,
      onStage: (stage) => {
        if (stage.stage === 'downloaded') made.push(stage.image.id);
        void submission.onStage?.(stage);
        return onStage(stage);
      },
    });
    // An image paid for says the account has credit, unless another was refused for want of it.
    outOfCredit = submitted.partialError?.code === 'insufficient-funds';
    // The edit made: its result, the new version, is shown where the editor stood (its Edit goes on from it), and the
    // form is as it was before the editor, ready for a new image.
    if (submission.asked.edit) features.editor.made(made);
    return submitted;
  } catch (error) {
    // Refused for want of credit: the account line stops saying what the key's cap leaves, as if it were money. Not
    // where the want is of this model alone (a model sold for bought pollen only): the account pays for others.
    if (!(error instanceof UserPaysError)) throw error;
    const { code, modelOnly } = error;
    if (code === 'insufficient-funds' && !modelOnly) outOfCredit = true;
    // A key the user never typed cannot be checked by them: the sign-in that gave it gives another. A provider whose
    // refusal already speaks of the sign-in (`auth-required`: Hugging Face's 403 asks to allow inference when signing
    // in again, which a new sign-in without it would not) keeps its words. What booking it said of money stays: a
    // refusal booked as not charged ends "Nothing was charged." (sayBooked), as every other refusal does, and in the
    // sign-in's words too.
    if (isKeyError(error) && code !== 'auth-required' && submission.keyMadeBySignIn) {
      const uncharged = /nothing was/i.test(error.message);
      error.say(
        generationText.signedKeyRefused(submission.asked.provider),
        ...(uncharged ? [generationText.nothingCharged()] : []),
      );
    }
    throw error;
  } finally {
    done();
    features.accounts.submissionEnded(outOfCredit);
    await drawn;
  }
}

/**
 * `asked`, where it edits an image of the user's own (one the gallery does not keep: it names none it edits), with that
 * image kept for its edits (`GalleryController.keepOwn`, stored with the first of them) and named as the image they
 * edit: the edit says "Edit of" and compares before and after as any other. Not counted as an image paid for, nor in
 * the tally: it has no ledger entry. Where no store opens, the edit goes as it is.
 */
async function ownKept(asked: Asked, features: Features): Promise<Asked> {
  const { edit, inputs } = asked;
  const image = edit && edit.editOf === undefined ? inputs[0] : undefined;
  const editOf = image && (await features.gallery.keepOwn(image).catch(() => undefined));
  return edit && editOf ? { ...asked, edit: { ...edit, editOf } } : asked;
}

/**
 * Puter's last step before sending: signs in from the click, and refuses what the balance cannot cover, saying both
 * amounts and the cheapest model of the provider in force that it covers, where there is one.
 */
const puterReady = (parts: ImageParts, features: Features, quote: Quote) =>
  features.accounts.puterReady(mostOf(quote), (left) => cheaperChoice(parts, left));

/**
 * The model of the provider in force that `left` covers (`cheapestWithin`: of the same family first), in words, its
 * price as the picker says it: "FLUX.2 [klein] 4B ($0.001)", "Nano Banana 2 (at most $0.0733)".
 */
function cheaperChoice(parts: ImageParts, left: Decimal): string | undefined {
  const best = cheapestWithin(parts.offersAsk(), parts.pricing, left);
  const { locale, translation } = parts.language;
  return best && `${modelName(best.model)} (${mostSaid(best, locale, translation)})`;
}

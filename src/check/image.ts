import { headless } from '../generation/headless.js';
import { checkText } from '../strings/check.js';
import {
  CHECK_PROMPT,
  recorded,
  spokenModel,
  stoppable,
  type CheckPlace,
  type CheckStep,
  type Offer,
} from './steps.js';

/**
 * The one image "Check this account" makes when asked, after its price was shown (`CheckReport.cheapest`): through the
 * widget's own generation (`UserPays.generate()`: the same pipeline, ledger and budget checks), booked in the tally of
 * the check's storage key as any image is, and reported quoted against charged.
 */

/**
 * The image the check made, or why not: the offer it was (its model and size, what was quoted, `said` now of what
 * came of it) and what was charged.
 */
export interface ImageReport extends Offer {
  status: 'made' | 'failed';
  /** USD: what the ledger booked (the provider's reported charge, else the quote); absent where nothing was made. */
  charged?: string;
  /** Where it failed: the error's code and its words. */
  error?: { code: string; message: string };
}

/**
 * Makes `offer`'s image at `place` (nothing where there is no offer), its exchanges recorded; resolves to its report
 * and step. A failure is reported, not thrown, unless the check was stopped (`cancelled`).
 */
export async function makeImage(place: CheckPlace, offer: Offer | undefined, signal?: AbortSignal) {
  const step: CheckStep = { step: 'image', said: [], exchanges: [] };
  if (!offer) return { step, image: undefined };
  const { model, width, height, quality } = offer;
  const asked = { model, width, height, ...(quality && { quality }) };
  const base = { ...asked, quoted: offer.quoted, ...(offer.atMost && { atMost: offer.atMost }) };
  const run = () =>
    headless(
      { provider: place.provider, prompt: CHECK_PROMPT, ...asked },
      {
        apiKey: place.givenKey,
        endpoint: place.given,
        relay: place.relay,
        storageKey: place.storageKey,
        puterSrc: place.puterSrc,
        priceBook: place.priceBook,
        signal,
      },
    );
  const read = await stoppable(recorded(place, run), signal);
  step.exchanges = read.exchanges;
  if (read.failure?.code === 'cancelled') throw read.failure;
  let image: ImageReport;
  if (read.failure) {
    const { code, message } = read.failure;
    image = {
      status: 'failed',
      ...base,
      error: { code, message },
      said: checkText.imageFailed(spokenModel(model), message),
    };
  } else {
    const result = read.answer;
    for (const { url } of result.images) if (url.startsWith('blob:')) URL.revokeObjectURL(url);
    image = {
      status: 'made',
      ...base,
      quoted: result.quote.total,
      ...(result.quote.atMost && { atMost: result.quote.atMost }),
      charged: result.charged,
      said: checkText.imageCharged(
        spokenModel(model),
        `$${result.quote.atMost ?? result.quote.total}`,
        `$${result.charged}`,
      ),
    };
  }
  step.said = [image.said];
  return { step, image };
}

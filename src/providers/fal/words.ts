import { words } from '../../strings/words.js';
import { sentences } from '../../strings/sentence.js';

/**
 * What fal's queue says (fal's own adapter, and Hugging Face's, whose router passes fal's queue through: queue.ts),
 * and only it: loaded with them. A place in fal's queue, and fal's safety checker's black image; an edit refused before
 * it is sent, and an image fal's CDN would not take (fal's adapter).
 */
export interface FalStrings {
  queuedAt(position: number): string;
  safetyWithheld(provider: string): string;
  /** An edit of a kind the model does not make (a mask to a model that would ignore it): refused before sending. */
  editNotMade(model: string): string;
  /** A repaint or an erase with nothing painted: fal's Fill and Erase need the mask beside the image. */
  maskMissing(): string;
  /** A mask of another size than the image it goes with: fal's Fill and Erase take none ("Needs to match"). */
  maskSize(maskWidth: number, maskHeight: number, width: number, height: number): string;
  /** fal's CDN did not take an image sent to it (its HTTP status), before anything that costs was sent. */
  uploadRefused(status: number): string;
}

export const falWords = sentences<FalStrings>({
  queuedAt: (position) => `Queued (position ${position})`,
  safetyWithheld: (provider) =>
    `${words.TheProvider(provider)}'s safety checker withheld this image (it sent a black one instead). Rephrase the prompt and try again.`,
  editNotMade: (model) => `${model} cannot make this kind of edit at fal. Choose a model that offers it.`,
  maskMissing: 'Nothing is painted on the image. Paint the part to change, then try again.',
  maskSize: (maskWidth, maskHeight, width, height) =>
    `The painted area is ${maskWidth}×${maskHeight} pixels but the image is ${width}×${height}. ` +
    'Paint it again on this image.',
  uploadRefused: (status) =>
    `fal's file storage did not take the image to send (HTTP ${status}), so the request was not sent. Try again.`,
});

declare module '../../strings/strings.js' {
  interface Strings {
    fal: FalStrings;
  }
}

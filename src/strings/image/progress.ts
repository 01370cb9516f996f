/**
 * What a running submission says (its progress, Cancel, and whether to stop waiting for an image paid for), what one
 * that failed offers (Try again, Dismiss), what is said once its images are here, and Undo beside what was just done.
 */

import { clockTime, pluralForm, words } from '../words.js';
import { sentences } from '../sentence.js';

export interface ProgressStrings {
  sending(): string;
  progressLabel(): string;
  cancel(): string;
  /**
   * Cancel was pressed and the request may have left: what it came to is being found out (its reply, where one still
   * comes, or the account's balance read again), before the widget says it.
   */
  stopping(): string;
  stopWaitingQuestion(provider: string, billed: string): string;
  stopWaiting(): string;
  /** After Stop waiting, until it lands: the image the provider still makes, and what it charged for it. */
  stillFinishing(provider: string, billed: string): string;
  resuming(): string;
  keepWaiting(): string;
  /** Try again, with what it costs (`price`, as the decision row says it): another request, charged again. */
  retry(price?: string): string;
  dismiss(): string;
  /** Read out once a submission's images are here (`prompt`: theirs). */
  imagesReady(count: number, prompt: string): string;
  /** Beside a change just made to the gallery or the form (Vary, Reuse, Delete…). */
  undo(): string;
  /**
   * Where the provider in force cannot be reached from this page (no CORS, no relay): the same model at another
   * provider the page allows, to switch to ("Use FLUX.2 [klein] 4B at fal, $0.005").
   */
  useElsewhere(model: string, provider: string, price: string): string;
  elapsed(seconds: number): string;
  /** Beside the seconds counted: how long such an image has usually taken in this browser (`time`, said by `elapsed`). */
  usually(time: string): string;
}

export const progress = sentences<ProgressStrings>({
  sending: 'Sending',
  progressLabel: 'Generation progress',
  cancel: 'Cancel',
  stopping: 'Stopping: finding out whether it was charged',
  stopWaitingQuestion: (provider, billed) =>
    `${words.TheProvider(provider)} has already charged ${billed} for this and finishes it whatever this page does. Stop waiting? It still appears here when it is done.`,
  stopWaiting: 'Stop waiting',
  stillFinishing: (provider, billed) =>
    `${words.TheProvider(provider)} is still making the image you paid ${billed} for: it appears here when it is done.`,
  resuming: 'Finishing a paid image from your earlier visit',
  keepWaiting: 'Keep waiting',
  retry: (price) => (price ? `Try again, ${price}` : 'Try again'),
  dismiss: 'Dismiss',
  imagesReady: (count, prompt) =>
    `${pluralForm('en', count, { one: 'Image', other: `${count} images` })} ready: ${prompt}`,
  undo: 'Undo',
  useElsewhere: (model, provider, price) => `Use ${model} at ${words.providerName(provider)}, ${price}`,
  elapsed: clockTime,
  usually: (time) => `usually ${time}`,
});

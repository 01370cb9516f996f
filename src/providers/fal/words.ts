import { words } from '../../strings/words.js';

/**
 * What fal's queue says (fal's own adapter, and Hugging Face's, whose router passes fal's queue through: queue.ts),
 * and only it: loaded with them. A place in fal's queue, and fal's safety checker's black image.
 */
export interface FalStrings {
  queuedAt(position: number): string;
  safetyWithheld(provider: string): string;
}

export const falWords: FalStrings = {
  queuedAt: (position) => `Queued (position ${position})`,
  safetyWithheld: (provider) =>
    `${words.TheProvider(provider)}'s safety checker withheld this image (it sent a black one instead). Rephrase the prompt and try again.`,
};

declare module '../../strings/strings.js' {
  interface Strings {
    fal: FalStrings;
  }
}

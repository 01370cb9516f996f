import { words } from '../../strings/words.js';
import { sentences } from '../../strings/sentence.js';

/**
 * What BFL's adapter says, and only it (src/strings/ holds the sentences several parts share; docs/architecture.md,
 * "Strings"): loaded with the adapter. How far along a task is, as BFL's polls say it, a task BFL forgot, and an
 * edit refused before it is sent.
 */
export interface BflStrings {
  /** A task Pending without progress: BFL does not say how far along (no recorded FLUX.2 task does). */
  underWay(): string;
  generatingPercent(percent: number): string;
  taskGone(): string;
  /** An edit of a kind the model does not make (a mask to a model that would ignore it): refused before sending. */
  editNotMade(model: string): string;
  /** A repaint or an erase with nothing painted: BFL needs the mask beside the image. */
  maskMissing(): string;
  /** A mask of another size than the image it goes with: BFL refuses it (FluxProFillInputs, Flux2EraseInputs). */
  maskSize(maskWidth: number, maskHeight: number, width: number, height: number): string;
}

export const bflWords = sentences<BflStrings>({
  underWay: `Under way at ${words.providerName('bfl')} (it does not say how far along)`,
  generatingPercent: (percent) => `Generating ${percent}%`,
  taskGone: 'The provider no longer knows this generation (it may have expired). Generate it again.',
  editNotMade: (model) => `${model} cannot make this kind of edit. Choose a model that offers it.`,
  maskMissing: 'Nothing is painted on the image. Paint the part to change, then try again.',
  maskSize: (maskWidth, maskHeight, width, height) =>
    `The painted area is ${maskWidth}×${maskHeight} pixels but the image is ${width}×${height}. ` +
    'Paint it again on this image.',
});

declare module '../../strings/strings.js' {
  interface Strings {
    bfl: BflStrings;
  }
}

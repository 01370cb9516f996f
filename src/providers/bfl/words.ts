import { words } from '../../strings/words.js';

/**
 * What BFL's adapter says, and only it (src/strings/ holds the sentences several parts share; docs/architecture.md,
 * "Strings"): loaded with the adapter. How far along a task is, as BFL's polls say it, and a task BFL forgot.
 */
export interface BflStrings {
  /** A task Pending without progress: BFL does not say how far along (no recorded FLUX.2 task does). */
  underWay(): string;
  generatingPercent(percent: number): string;
  taskGone(): string;
}

export const bflWords: BflStrings = {
  underWay: () => `Under way at ${words.providerName('bfl')} (it does not say how far along)`,
  generatingPercent: (percent) => `Generating ${percent}%`,
  taskGone: () => 'The provider no longer knows this generation (it may have expired). Generate it again.',
};

declare module '../../strings/strings.js' {
  interface Strings {
    bfl: BflStrings;
  }
}

import type { Quote } from '../../../base/types.js';
import type { Drawing, PanelSlots } from '../shared/slots.js';
import type { Blocked } from '../shared/view.js';

/**
 * What a feature of `<userpays-image>`'s panels may add, each member optional: `ImagePanels` loops over its features
 * for each, so that a feature adds what it has by having the member. `On`: the handlers of all of them.
 */
export interface PanelFeature<On> {
  /** What its controls do (merged with every other feature's: their names differ). */
  readonly handlers?: object;
  /** What it draws into the places the first paint keeps (its own places only), `on` what every control does. */
  slots?(drawing: Drawing<On>): Partial<PanelSlots>;
  /** Why Generate cannot succeed for `quote` as it stands, where the reason is this feature's. */
  blocked?(quote: Quote): Blocked | undefined;
  /** Loads what it will need ahead of the click, where the pointer or the focus came to `target`. */
  prefetch?(target: Element): void;
}

/** Each of a union's members, as one intersection (`A | B` → `A & B`). */
type Intersection<U> = (U extends unknown ? (member: U) => void : never) extends (all: infer I) => void ? I : never;

/** A feature's handlers, where it has any (none adds nothing to a union). */
type HandlersOf<T> = T extends { readonly handlers: infer Handlers } ? Handlers : never;

/** The handlers of those of `features` that have any, as one object: each feature's names are its own. */
export function mergeHandlers<T extends object>(features: readonly T[]) {
  const merged: Partial<Intersection<HandlersOf<T>>> = {};
  for (const feature of features) if ('handlers' in feature) Object.assign(merged, feature.handlers);
  return merged as Intersection<HandlersOf<T>>;
}

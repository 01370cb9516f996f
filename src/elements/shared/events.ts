import type {
  BoundDetail,
  ErrorDetail,
  GenerationResult,
  ProgressDetail,
  Quote,
  SubmitDetail,
  Tally,
} from '../../base/types.js';

declare global {
  /** The widgets' public events, each a `CustomEvent` with its detail: what a page's `addEventListener` is typed by. */
  interface HTMLElementEventMap {
    'userpays-quote': CustomEvent<Quote>;
    'userpays-submit': CustomEvent<SubmitDetail>;
    'userpays-progress': CustomEvent<ProgressDetail>;
    'userpays-result': CustomEvent<GenerationResult>;
    'userpays-error': CustomEvent<ErrorDetail>;
    'userpays-tally': CustomEvent<Tally>;
    'userpays-bound': CustomEvent<BoundDetail>;
  }
}

/** The name of a public event. */
export type UserPaysEvent = Extract<keyof HTMLElementEventMap, `userpays-${string}`>;

/** The detail event `type` carries, as the event map types it. */
type DetailOf<K extends UserPaysEvent> = HTMLElementEventMap[K] extends CustomEvent<infer Detail> ? Detail : never;

/**
 * Every public event: a `userpays-*` CustomEvent that bubbles out of shadow roots, its detail the one the event map
 * names for it. Returns false if cancelled.
 */
export function emit<K extends UserPaysEvent>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** Every public event: a `userpays-*` CustomEvent that bubbles out of shadow roots. Returns false if cancelled. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

import { clock } from '../../base/clock.js';

/**
 * How long a pause ends a gesture: about the double-click time of desktop systems (500 ms on Windows and GNOME by
 * default), so that the clicks of a double click, a third click at the same point, and a key pressed on the way are
 * one gesture.
 */
export const GESTURE_MS = 500;

/**
 * One intent, one submission: the pointer and key presses in the widget that follow each other with less than
 * `GESTURE_MS` between them are one gesture, and a gesture starts at most one submission, however soon Generate is
 * enabled again (a submission that fails at once, a fast provider). Times come from the widget's clock
 * (`clock.now()`), which tests control. `el.generate()` from script does not pass here.
 */
export class GestureGuard {
  #last = -Infinity;
  #spent = false;

  /** A pointer or key press in the widget: part of the current gesture, or the start of a new one. */
  input() {
    const now = clock.now();
    if (now - this.#last >= GESTURE_MS) this.#spent = false;
    this.#last = now;
  }

  /** Whether an activation of Generate (a click, Enter, Ctrl/Cmd+Enter) may start a submission: once per gesture. */
  claim(): boolean {
    this.input();
    if (this.#spent) return false;
    return (this.#spent = true);
  }
}

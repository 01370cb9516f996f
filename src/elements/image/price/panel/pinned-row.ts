import { css, type ReactiveController, type ReactiveElement } from 'lit';

/** A press, and its ends (heard on the window: a release may come outside the widget). */
const POINTER = ['pointerdown', 'pointerup', 'pointercancel'] as const;

/**
 * The decision row sticks over the foot of the screen (and of the controls): what the keyboard reaches above it must
 * not be hidden under it (WCAG 2.2, 2.4.11). A control focused under the row (the browser, which knows nothing of the
 * row, leaves one that is on the screen where it is, and brings one from below only to the screen's foot) is scrolled
 * clear of it by its scroll margin (`pinnedRowStyles`), the row's height as it is then, however tall (its price over a
 * bound, why Generate cannot, a narrow container where Generate is under the price), given to the controls as
 * `--_pinned` first. Not a control a pointer focuses: it is where the user pointed.
 */
export class PinnedRowController implements ReactiveController {
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** A pointer is down in the widget: the focus it gives is where the user pointed, already in view. */
  #pointing = false;

  // Not for the focus a press gives (a summary, a button): scrolled between the press and the release, the click would
  // miss what was pressed (a first click on "Compare prices" partly under the row would do nothing).
  readonly #focused = (event: Event) => {
    if (!this.#pointing) this.bringClear(event.target as Element);
  };

  readonly #pressed = (event: Event) => (this.#pointing = event.type === 'pointerdown');

  /**
   * Brings `shown` (a control, or what the widget just said above the row) into view clear of the row: with the group
   * it is in (`role=group`: the capped sign-in's amount, its days and Continue) where that fits above the row, so that
   * what the user does next is not left under it (as Continue would be, on a folded phone).
   */
  bringClear(control: Element) {
    // In the image editor, its own decision line is the row that sticks over the foot of the screen.
    const editor = control.closest('[part~=editor]');
    const row = editor
      ? editor.querySelector(':scope > [part~=edit-decision]')
      : this.#host.renderRoot.querySelector('.controls > [part~=decision]');
    if (!row || row.contains(control)) return;
    const pinned = row.getBoundingClientRect();
    const group = control.closest('[role=group]');
    const shown = group && group.getBoundingClientRect().height < pinned.top ? group : control;
    const box = shown.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= pinned.top) return;
    row.parentElement!.style.setProperty('--_pinned', `${Math.ceil(pinned.height)}px`);
    shown.scrollIntoView({ block: 'nearest' });
  }

  hostConnected() {
    const root = this.#host.renderRoot;
    root.addEventListener('focusin', this.#focused);
    for (const type of POINTER) (type === 'pointerdown' ? root : window).addEventListener(type, this.#pressed, true);
  }

  hostDisconnected() {
    const root = this.#host.renderRoot;
    root.removeEventListener('focusin', this.#focused);
    for (const type of POINTER) (type === 'pointerdown' ? root : window).removeEventListener(type, this.#pressed, true);
  }
}

/**
 * Each control above the decision row stops clear of the row's height (`PinnedRowController`) when it is brought into
 * view, and so does why a file chosen was refused; the row's own controls stay where they stick. In the image editor,
 * each of its controls above its own decision line likewise.
 */
export const pinnedRowStyles = css`
  .controls
    > :not([part~='decision'])
    :is(a, button, input, select, textarea, summary, [tabindex], [role='group'], #references-refused),
  .controls > :is(a, button, textarea, [tabindex]),
  .editor > :not([part~='edit-decision']) :is(a, button, input, select, textarea, summary, [tabindex], [role='group']),
  .editor > :is(a, button, textarea, [tabindex]) {
    scroll-margin-bottom: calc(var(--_pinned, 6rem) + 0.75rem);
  }
`;

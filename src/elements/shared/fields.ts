/**
 * What a form field's event says, read from the field it came from (its `target`), checked to be one: a handler bound
 * to a field reads it here rather than asserting what its target is.
 */

/** The text of the input, text area or select an event came from; '' where it came from none. */
export function valueOf(event: Event): string {
  const { target } = event;
  const field =
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
  return field ? target.value : '';
}

/** Whether the checkbox (or radio) an event came from is ticked; false where it came from none. */
export const checkedOf = (event: Event): boolean => event.target instanceof HTMLInputElement && event.target.checked;

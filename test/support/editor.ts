// What tests do with the image editor as a user does: type its instruction (the edit's own field), and read its own
// decision line (what will be done, the price, Generate).
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { part, words } from './widget.js';

/** Types `text` into the editor's instruction ("What to change"), as a user does, and waits for the update. */
export async function typeInstruction(el: UserPaysImage, text: string) {
  const box = part(el, 'editor')!.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The editor's own decision line: what it will do, its price as shown, and its Generate. */
export function editorDecision(el: UserPaysImage) {
  const line = part(el, 'edit-decision');
  return {
    line,
    doing: words(line?.querySelector('.edit-doing')),
    price: words(line?.querySelector('.total strong')),
    generate: line?.querySelector<HTMLButtonElement>('[part~=submit]') ?? null,
  };
}

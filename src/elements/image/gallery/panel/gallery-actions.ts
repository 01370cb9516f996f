import { editor } from '../../../../strings/image/editor.js';
import type { GalleryImage } from '../../../../images/gallery.js';
import { gallery, type GalleryStrings } from '../../../../strings/image/gallery.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { copyImage } from './copy-image.js';

/** The settings an image was made with, as the widget takes them back. */
export type ImageSettings = Pick<
  GalleryImage,
  'prompt' | 'provider' | 'model' | 'width' | 'height' | 'seed' | 'quality' | 'settings'
> & {
  count?: number;
  /** `off` where the prompt is one the provider already rewrote: it is not rewritten again. */
  enhancePrompt?: string;
};

/** What the gallery's actions do to the widget (its handler hands these in). */
export interface ImageActionTarget {
  /** The widget's words over English, for what the actions say. */
  translation?: Translation;
  /**
   * The saved bytes of an image, read from the image store: a page whose Content-Security-Policy has no `blob:` in
   * `connect-src` cannot `fetch()` even its own object URLs.
   */
  blob(id: string): Promise<Blob | undefined>;
  /** Deletes it from this browser (its charge stays in the ledger); resolves to what puts it back. */
  remove(id: string): Promise<() => Promise<void>>;
  /** Says a sentence once, politely. */
  say(sentence: string): void;
  /**
   * Shows `sentence` with an Undo that runs `undo`: in the place of image `near` (a deleted image's, where the click
   * was), else pinned above Generate, in view with the form.
   */
  offerUndo(sentence: string, undo: () => unknown, near?: string): void;
  addReference(file: File): Promise<void>;
  /** Opens the editor on the image's bytes (Edit). */
  edit(blob: Blob, id: string): Promise<void>;
  /** Vary on an edit, image `id`: the same edit again on its source, sent at once (the form left as it is). */
  again(id: string): Promise<void>;
  /**
   * Sets the widget to these settings (an image's quality and settings where it kept them, else the form's stay);
   * `final`: on the model a draft finalizes on. Resolves to what sets them back, and whether the form changed.
   */
  reuse(settings: ImageSettings, final: boolean): Promise<{ undo: () => void; changed: boolean }>;
  /** Brings the form into view, the focus on the prompt. */
  showForm(): void;
  /** Submits the form as it stands (its errors are the submission's to show). */
  submit(): void;
  /** Moves the focus to image `id` (after the next render), or without one to the Undo just offered. */
  focusImage(id?: string): void;
}

/** A prompt cut to its first 40 characters, to name its image in a sentence. */
export const shortPrompt = (prompt: string) => (prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt);

/** The lightbox of the widget the event came from, and the image it shows (`data-id`). */
function lightboxOf(event: Event) {
  const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
  return root.querySelector<HTMLDialogElement>('dialog.lightbox');
}

/**
 * Shows what the provider made of an edit laid over its original (`asMade`, all of it, outside the painted area too) in
 * the lightbox, from an object URL of its own, let go once the lightbox shows another image or closes.
 */
function showAsMade(dialog: HTMLDialogElement, image: GalleryImage, asMade: Blob) {
  const url = URL.createObjectURL(asMade);
  show(dialog, { ...image, url });
  const img = dialog.querySelector('img')!;
  const letGo = () => {
    if (img.src === url) return;
    URL.revokeObjectURL(url);
    dialog.removeEventListener('close', letGo);
  };
  dialog.addEventListener('close', () => (img.src = ''), { once: true });
  dialog.addEventListener('close', letGo);
}

/** Shows `image` in the lightbox (opening it when it is closed). */
function show(dialog: HTMLDialogElement, image: GalleryImage) {
  dialog.dataset.id = image.id;
  const img = dialog.querySelector('img')!;
  img.src = image.url ?? '';
  img.alt = image.prompt;
  dialog.querySelector('.caption')!.textContent = image.prompt;
  if (!dialog.open) dialog.showModal(); // modal: the keyboard stays in it; Escape closes it and focus goes back
}

/**
 * A click on an image's action (`data-action`; `data-id` for the image, the lightbox's own for previous, next and
 * close): open it full size and step through the images, copy it, use it as a reference, make a new image of it (vary:
 * its settings with a new seed, one image, at the price its button shows), set the widget to its settings (reuse;
 * finalize: on the final model, the price shown before anything runs) with Undo, or delete it from this browser with
 * Undo.
 */
export async function actOnImage(event: Event, shown: readonly GalleryImage[], target: ImageActionTarget) {
  const galleryText = wordsIn(target.translation, 'gallery', gallery);
  const images = shown.filter((image) => !image.gone); // a deleted image's place is no image to step to
  /** Says what was just done, and shows it with its Undo (`offerUndo`). */
  const offer = (sentence: string, undo: () => unknown, near?: string) => {
    target.say(sentence);
    target.offerUndo(sentence, undo, near);
  };
  const { action, id: own } = (event.currentTarget as HTMLElement).dataset;
  const dialog = lightboxOf(event);
  // The lightbox's own tools act on the image it shows.
  const id = own ?? dialog?.dataset.id;
  if (action === 'close') return dialog?.close();
  if (action === 'previous' || action === 'next') {
    const at = images.findIndex((image) => image.id === dialog?.dataset.id);
    const step = images[(at + (action === 'next' ? 1 : images.length - 1)) % images.length];
    return dialog && step?.url && show(dialog, step);
  }
  const image = images.find((shown) => shown.id === id);
  if (!image) return;
  (event.currentTarget as Element).closest('details')?.removeAttribute('open'); // a menu closes once used
  if (action === 'open') return dialog && image.url && show(dialog, image);
  if (action === 'copy') {
    const blob = await target.blob(image.id);
    return target.say(blob ? await copyImage(blob, galleryText) : galleryText.copyFailed());
  }
  // Back a version: the source, in the gallery with its own Edit and receipt, comes into view with the focus; nothing
  // is sent.
  if (action === 'source') return target.focusImage(image.id);
  if (action === 'as-made') return dialog && image.asMade && showAsMade(dialog, image, image.asMade);
  if (action === 'edit') {
    dialog?.close();
    const blob = await target.blob(image.id);
    if (!blob) return target.say(wordsIn(target.translation, 'editor', editor).notReadable());
    return target.edit(blob, image.id);
  }
  if (action === 'reference') {
    const blob = await target.blob(image.id);
    if (!blob) return target.say(galleryText.copyFailed());
    await target.addReference(new File([blob], 'reference', { type: blob.type }));
    return target.say(galleryText.referenceAdded());
  }
  if (action === 'delete') {
    const restore = await target.remove(image.id);
    target.focusImage(); // never to the page: to Undo, where the image was
    // Said in the deleted image's place (where its toolbar was clicked), naming it; Undo puts it back there.
    return offer(
      galleryText.deleted(shortPrompt(image.prompt)),
      async () => {
        await restore();
        target.focusImage(image.id);
      },
      image.id,
    );
  }
  const { prompt, provider, model, width, height, seed, quality, settings } = image;
  // What it was made at besides its size (Nano Banana's 4K, GPT Image's high…): else Vary at a form since set to 512
  // would make a 4K image at a 1K price.
  const madeAt = { prompt, provider, model, width, height, quality, settings };
  // An edit is varied as the same edit again on its source, as its button priced it (never its instruction alone, made
  // into a new image from text); the form is left as it is.
  if (action === 'vary' && image.edit) return target.again(image.id);
  if (action === 'vary') {
    // One click, priced on the button: the form takes its settings (so what is made is what it shows, and Try again
    // makes it again), then submits. A prompt or model the user was editing is one Undo away, said above Generate, so
    // that a half-written prompt does not go without a word.
    const { undo, changed } = await target.reuse({ ...madeAt, seed: undefined, count: 1 }, false);
    target.submit();
    if (changed)
      offer(galleryText.settingsFrom('vary'), () => {
        undo();
        target.showForm();
      });
    return;
  }
  const what = action === 'finalize' ? 'finalize' : action === 'reuse-revised' ? 'revised' : 'reuse';
  const { undo } = await target.reuse(
    what === 'revised'
      ? { ...madeAt, prompt: image.revisedPrompt ?? prompt, seed, enhancePrompt: 'off' }
      : // Finalize loads one image, as its button is priced (one draft made final, not the form's count of them).
        { ...madeAt, seed, ...(what === 'finalize' && { count: 1 }) },
    what === 'finalize',
  );
  // The form may be far from the image: it comes into view, the focus on the prompt, and what changed is said there,
  // with Undo, above Generate (pinned with it, in view wherever the form is scrolled).
  target.showForm();
  // Undone, the form is where the user was: the focus goes back to it, never to the page.
  offer(galleryText.settingsFrom(what), () => {
    undo();
    target.showForm();
  });
}

/** The lightbox's arrows step through the images (the dialog's own keydown). */
export function lightboxKeys(event: KeyboardEvent) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  dialog.querySelector<HTMLElement>(`[data-action=${event.key === 'ArrowLeft' ? 'previous' : 'next'}]`)?.click();
}

/**
 * The ⋯ menu's keys (its `details`' own keydown), as the WAI-ARIA Authoring Practices' menu button pattern has them
 * (w3.org/WAI/ARIA/apg/patterns/menu-button/, its menu's keys: …/patterns/menubar/): Down or Up on the button opens
 * the menu on its first or last item; in the menu, Down and Up move to the next and the previous item (wrapping), Home
 * and End to the first and the last; Escape closes it and gives the focus back to its button.
 */
export function menuKeys(event: KeyboardEvent) {
  const menu = event.currentTarget as HTMLDetailsElement;
  const items = [...menu.querySelectorAll<HTMLElement>('[role=menuitem]')];
  const at = items.indexOf(event.target as HTMLElement); // -1: on the button
  const go = (index: number) => {
    event.preventDefault();
    menu.open = true; // shown first: a hidden item takes no focus
    items.at(index % items.length)?.focus();
  };
  if (event.key === 'Escape' && menu.open) {
    event.preventDefault();
    event.stopPropagation(); // the menu's, not the lightbox's or the page's
    menu.open = false;
    menu.querySelector('summary')?.focus();
  } else if (event.key === 'ArrowDown') go(at + 1);
  else if (event.key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
  else if (at >= 0 && event.key === 'Home') go(0);
  else if (at >= 0 && event.key === 'End') go(-1);
}

/**
 * The ⋯ menu opened from its button (a click, Enter or Space): the focus goes to its first item, as the menu button
 * pattern says (see `menuKeys`), where the arrows move it.
 */
export function menuToggled(event: Event) {
  const menu = event.currentTarget as HTMLDetailsElement;
  const summary = menu.querySelector('summary');
  if (menu.open && summary && (menu.getRootNode() as ShadowRoot).activeElement === summary)
    menu.querySelector<HTMLElement>('[role=menuitem]')?.focus();
}

/** The focus left the ⋯ menu (Tab, a click elsewhere): it closes, as a menu does once left. */
export function menuLeft(event: FocusEvent) {
  const menu = event.currentTarget as HTMLDetailsElement;
  if (!menu.contains(event.relatedTarget as Node | null)) menu.open = false;
}

/**
 * The before-and-after range moved (by pointer, touch or keys): the source shows up to its value, from the left (the
 * frame's `--_before`), and its value is said in words. Set here, not drawn: moving the divider is no change to the
 * widget's state, so nothing renders, and nothing is sent.
 */
export function versionsSlid(event: Event, galleryText: GalleryStrings) {
  const range = event.currentTarget as HTMLInputElement;
  const before = Number(range.value);
  range.closest<HTMLElement>('.versions-frame')?.style.setProperty('--_before', `${before}%`);
  range.setAttribute('aria-valuetext', galleryText.compareValue(before));
}

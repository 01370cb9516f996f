import { html, nothing } from 'lit';
import { formatUsd, modelName } from '../../../../pricing/index.js';
import { editor } from '../../../../strings/image/editor.js';
import type { GalleryStrings } from '../../../../strings/image/gallery.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import type { Spoken } from '../../../shared/language-controller.js';
import { menuKeys, menuLeft, menuToggled } from './gallery-actions.js';
import type { GalleryItem } from './gallery-item.js';
import { icon, type IconName } from '../../shared/icons.js';

// An image's toolbar (Download, Copy, Vary, Use as reference, Edit, and a menu for Reuse, Finalize and Delete), and
// under an edit laid over its original, the way to what the provider made.

/**
 * A file name that says what the image is: the prompt's first words and the seed, and the extension of its type
 * ("a-red-fox-seed-42.jpg"; PNG where the type is not known: an image not saved, on its provider's link).
 */
export function downloadName(prompt: string, seed: number | undefined, type = 'image/png'): string {
  const words =
    prompt
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '') // accents come apart from their letters: drop them
      .match(/[a-z0-9]+/g) ?? [];
  const slug = words.slice(0, 8).join('-').slice(0, 60).replace(/-$/, '') || 'image';
  const extension = { 'image/jpeg': 'jpg', 'image/webp': 'webp' }[type] ?? 'png';
  return `${slug}${seed === undefined ? '' : `-seed-${seed}`}.${extension}`;
}

/**
 * The image's Download: a link to its file at `url`, named for what it is, an icon in the toolbar (`shown.words`: its
 * word instead, under an earlier image not kept; or, with `nudge`, the latest one's notice's own words, which are its
 * name). An image on the provider's host opens in a new tab, never away from the page, and its name says so.
 */
export function download(
  image: GalleryItem,
  url: string,
  galleryText: GalleryStrings,
  shown?: { words: string; nudge: boolean },
) {
  const text = shown?.words;
  const nudge = shown?.nudge ?? false;
  const file = downloadName(image.prompt, image.seed, image.type);
  // Its name, where its words are not: and, where it opens a new tab, the visible words and that.
  const name = shown?.nudge ? shown.words : galleryText.downloadLabel(file);
  return html`<a
    class=${text ? '' : 'tool'}
    href=${url}
    download=${file}
    target=${image.notSaved ? '_blank' : nothing}
    rel=${image.notSaved ? 'noopener noreferrer' : nothing}
    aria-label=${image.notSaved ? galleryText.inNewTab(name) : nudge ? nothing : name}
    title=${nudge ? galleryText.downloadLabel(file) : galleryText.download()}
    >${text ?? html`${icon('download')}<span class="word" aria-hidden="true">${galleryText.download()}</span>`}</a
  >`;
}

/**
 * A button of the toolbar: the action (`data-action`, drawn by the icon of its name) on which image (`data-id`), named
 * for both; `word`, the action in a word, shown beside the icon where the image is large (`.word`); `price`, what the
 * action costs (Vary), always shown, a space apart from the word: its visible text reads as its name begins ("Vary
 * $0.014", "Variieren 0,005 $"), as a voice user says it (WCAG 2.5.3).
 */
const tool = (
  image: GalleryItem,
  action: 'copy' | 'vary' | 'reference' | 'edit',
  name: string,
  word: string,
  act: (event: Event) => void,
  price?: string,
) =>
  html`<button
    type="button"
    class=${price ? 'tool priced' : 'tool'}
    data-action=${action}
    data-id=${image.id}
    aria-label=${name}
    title=${name}
    @click=${act}
  >
    ${icon(action)}<span class="word" aria-hidden="true">${word}</span>
    ${price ? html`<span>${price}</span>` : nothing}
  </button>`;

/**
 * An item of the toolbar's menu: the action (`data-action`) on which image (`data-id`), its icon and its words. Reached
 * with the arrows, not Tab (the menu button pattern: `menuKeys`).
 */
const menuItem = (image: GalleryItem, action: string, drawn: IconName, name: string, act: (event: Event) => void) =>
  html`<button type="button" role="menuitem" tabindex="-1" data-action=${action} data-id=${image.id} @click=${act}>
    ${icon(drawn)}${name}
  </button>`;

/**
 * The image's toolbar, under it: Download, Copy, Vary, Use as reference, and a menu for Reuse, Finalize and Delete.
 * Every target is at least 32 px square.
 */
export function renderToolbar(
  image: GalleryItem,
  act: (event: Event) => void,
  galleryText: GalleryStrings,
  { locale, translation }: Spoken,
) {
  const { prompt } = image;
  const finalize =
    image.finalize && galleryText.finalize(modelName(image.finalize.model), formatUsd(image.finalize.price, locale));
  const savedUrl = !image.notSaved && image.url; // the object URL of its saved bytes
  const varyPrice = image.vary;
  const editText = wordsIn(translation, 'editor', editor);
  return html`<div class="toolbar" part="image-actions">
    ${savedUrl ? download(image, savedUrl, galleryText) : nothing}
    ${savedUrl ? tool(image, 'copy', galleryText.copyLabel(prompt), galleryText.copy(), act) : nothing}
    ${
      varyPrice
        ? tool(
            image,
            'vary',
            // Its name begins with the words it shows, its price as shown (WCAG 2.5.3).
            (image.edit ? galleryText.varyEditLabel : galleryText.varyLabel)(prompt, varyPrice),
            galleryText.vary(),
            act,
            varyPrice,
          )
        : nothing
    }
    ${
      savedUrl && image.referable
        ? tool(image, 'reference', galleryText.referenceLabel(prompt), galleryText.asReference(), act)
        : nothing
    }
    ${savedUrl && image.editable ? tool(image, 'edit', editText.editLabel(prompt), editText.edit(), act) : nothing}
    <details class="menu" @keydown=${menuKeys} @toggle=${menuToggled} @focusout=${menuLeft}>
      <summary class="tool" aria-label=${galleryText.moreActions(prompt)} title=${galleryText.moreActions(prompt)}>
        ${icon('more')}
      </summary>
      <div class="menu-items" role="menu">
        ${menuItem(image, 'reuse', 'reuse', galleryText.reuse(), act)}
        ${
          image.revisedPrompt
            ? menuItem(image, 'reuse-revised', 'reuse', galleryText.reuseRevised(image.payee ?? image.provider), act)
            : nothing
        }
        ${finalize ? menuItem(image, 'finalize', 'finalize', finalize, act) : nothing}
        ${menuItem(image, 'delete', 'remove', galleryText.remove(), act)}
      </div>
    </details>
  </div>`;
}

/**
 * Under an edit laid over its original through the mask (the provider takes a mask as advice: GPT Image), that what
 * lies outside the painted area is the original, and the provider's own result one click away, in the lightbox.
 */
export function renderLaidOver(image: GalleryItem, act: (event: Event) => void, translation?: Translation) {
  if (!image.asMade) return nothing;
  const text = wordsIn(translation, 'editor', editor);
  return html`<p part="kept-outside" class="muted kept-outside">
    ${text.keptOutside()}
    <button type="button" class="link" data-action="as-made" data-id=${image.id} @click=${act}>
      ${text.showAsMade()}
    </button>
  </p>`;
}

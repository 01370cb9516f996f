import { html, nothing, render } from 'lit';
import { formatUsd, formatUsdRounded, modelName } from '../../pricing/index.js';
import * as text from '../../strings/panels.js';
import type { GalleryImage } from '../../images/gallery.js';
import { formatDate } from './dates.js';

/** An image of the gallery, with what the widget offers to do with it. */
export interface GalleryItem extends GalleryImage {
  /** The model to finalize it on (same prompt, size and seed) and that one's price; none where it is that model. */
  finalize?: { model: string; price: string };
  /** Whether the current model takes reference images (Use as reference). */
  referable: boolean;
}

/** A paid generation that brought no image: when, on what, what it cost, and why. */
export interface PaidFailure {
  model: string;
  provider: string;
  at: number;
  charged: string;
  error: string;
}

/** The gallery as the widget shows it: its images, newest first, and the paid failures. */
export interface GalleryView {
  images: readonly GalleryItem[];
  failures: readonly PaidFailure[];
  locale?: string;
}


/** A file name that says what the image is: the prompt's first words and the seed ("a-red-fox-seed-42.png"). */
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

/** What the user must know of an image shown from the provider's link: it is not kept, and when the link ends. */
function renderNotSaved({ notSaved, url, provider }: GalleryImage, locale?: string) {
  const at = notSaved!.expiresAt === undefined ? undefined : formatDate(notSaved!.expiresAt, locale, 'time');
  return html`<span part="not-saved" class="notice"
    >${url ? text.notSaved(provider, at) : text.linkExpired(provider, at)}</span
  >`;
}

/** The actions on one image (`data-action`, `data-id`), each a button named for what it does to which image. */
function renderActions(image: GalleryItem, act: (event: Event) => void, locale?: string) {
  const button = (action: string, name: string, words: string) =>
    html`<button type="button" class="link" data-action=${action} data-id=${image.id} aria-label=${name} @click=${act}>
      ${words}
    </button>`;
  const { prompt } = image;
  const download = downloadName(prompt, image.seed);
  const finalize = image.finalize && ([modelName(image.finalize.model), formatUsd(image.finalize.price, locale)] as const);
  return html`<span class="actions" part="image-actions">
    ${
      image.url
        ? html`<a href=${image.url} target="_blank" rel="noopener noreferrer" aria-label=${text.openLabel(prompt)}
              >${text.open()}</a
            >
            <a
              href=${image.url}
              download=${download}
              target=${image.notSaved ? '_blank' : nothing /* the provider's host: a new tab, never away from the page */}
              rel=${image.notSaved ? 'noopener noreferrer' : nothing}
              aria-label=${text.downloadLabel(download)}
              >${text.download()}</a
            >`
        : nothing
    }
    ${image.url && !image.notSaved ? button('copy', text.copyLabel(prompt), text.copy()) : nothing}
    ${button('reuse', text.reuseLabel(prompt), text.reuse())} ${button('vary', text.varyLabel(prompt), text.vary())}
    ${
      image.url && image.referable && !image.notSaved
        ? button('reference', text.referenceLabel(prompt), text.asReference())
        : nothing
    }
    ${finalize ? button('finalize', text.finalizeLabel(prompt, ...finalize), text.finalize(...finalize)) : nothing}
    ${button('delete', text.deleteLabel(prompt), text.remove())}
  </span>`;
}

/** One image of the gallery: `first` marks the one that takes focus when a result arrives. */
function renderItem(image: GalleryItem, first: boolean, act: (event: Event) => void, locale?: string) {
  return html`<figure tabindex="-1" data-focus=${first ? 'result' : nothing}>
    ${
      image.url
        ? html`<a href=${image.url} target="_blank" rel="noopener noreferrer" tabindex="-1"
            ><img
              part="image"
              src=${image.url}
              alt=${image.prompt}
              width=${image.width}
              height=${image.height}
              referrerpolicy="no-referrer"
          /></a>`
        : html`<div part="image" class="expired" role="img" aria-label=${text.expiredImage(image.prompt)}></div>`
    }
    <figcaption>
      <span class="prompt" title=${image.prompt}>${image.prompt}</span>
      <span class="muted"
        >${text.imageFacts(
          modelName(image.model),
          text.providerName(image.provider),
          `${image.width}×${image.height}`,
          image.seed,
        )}<br /><span title=${formatUsd(image.charged, locale)}>${formatUsdRounded(image.charged, locale)}</span> ·
        ${formatDate(image.createdAt, locale, 'moment')}</span
      >
      ${image.notSaved ? renderNotSaved(image, locale) : nothing} ${renderActions(image, act, locale)}
    </figcaption>
  </figure>`;
}

/**
 * The gallery's list: one `<li>` per image, kept by its id from one draw to the next, as Lit's `repeat` keeps
 * items (the panels cannot import it without a second copy of lit-html). A new image at the top is one `<li>`
 * inserted; the others keep their nodes and bindings. Without keys each item took the values of the one before
 * it: every `<img>` was given another image to load, and a focused button (Vary, Delete) passed to another
 * image. Measured (48 images, one widget alone): the provider's reply → the new `<img>` in the gallery, median
 * 44 ms before, 34 after. One per element (PanelsController).
 */
export class GalleryList {
  private list?: HTMLUListElement;
  private items = new Map<string, HTMLLIElement>();

  /** The `<ul>` showing `images` in their order (newest first), each item drawn afresh. */
  update(images: readonly GalleryItem[], act: (event: Event) => void, locale?: string): HTMLUListElement {
    const list = (this.list ??= Object.assign(document.createElement('ul'), { className: 'gallery' }));
    list.setAttribute('part', 'gallery');
    list.setAttribute('aria-label', text.galleryLabel());
    const items = new Map(images.map((image) => [image.id, this.items.get(image.id) ?? document.createElement('li')]));
    for (const [id, item] of this.items) if (!items.has(id)) item.remove();
    let next = list.firstChild;
    images.forEach((image, index) => {
      const item = items.get(image.id)!;
      render(renderItem(image, !index, act, locale), item);
      if (item === next) next = item.nextSibling;
      else list.insertBefore(item, next); // a new image, or one that moved: the rest stay where they are
    });
    this.items = items;
    return list;
  }
}

export function renderGallery(
  { images, failures, locale }: GalleryView,
  act: (event: Event) => void,
  list: GalleryList,
) {
  const shown = list.update(images, act, locale); // with no images: lets go of the items of the last ones
  if (!images.length && !failures.length) return nothing;
  return html`${images.length ? shown : nothing}
  ${
    failures.length
      ? html`<section part="failures" class="failures">
          <h3>${text.paidFailures()}</h3>
          <ul>
            ${failures.map(
              (failure) =>
                html`<li>
                  ${text.paidFailure(
                    modelName(failure.model),
                    text.providerName(failure.provider),
                    formatDate(failure.at, locale, 'moment'),
                    formatUsd(failure.charged, locale),
                    text.failureReason(failure.error),
                  )}
                </li>`,
            )}
          </ul>
        </section>`
      : nothing
  }`;
}

import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatUsd, formatUsdRounded, modelName } from '../../pricing/index.js';
import * as galleryText from '../../strings/gallery.js';
import * as wordsText from '../../strings/words.js';
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
    >${url ? galleryText.notSaved(provider, at) : galleryText.linkExpired(provider, at)}</span
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
  const finalize =
    image.finalize && ([modelName(image.finalize.model), formatUsd(image.finalize.price, locale)] as const);
  return html`<span class="actions" part="image-actions">
    ${
      image.url
        ? html`<a
              href=${image.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label=${galleryText.openLabel(prompt)}
              >${galleryText.open()}</a
            >
            <a
              href=${image.url}
              download=${download}
              target=${image.notSaved ? '_blank' : nothing /* the provider's host: a new tab, never away from the page */}
              rel=${image.notSaved ? 'noopener noreferrer' : nothing}
              aria-label=${galleryText.downloadLabel(download)}
              >${galleryText.download()}</a
            >`
        : nothing
    }
    ${image.url && !image.notSaved ? button('copy', galleryText.copyLabel(prompt), galleryText.copy()) : nothing}
    ${button('reuse', galleryText.reuseLabel(prompt), galleryText.reuse())}
    ${button('vary', galleryText.varyLabel(prompt), galleryText.vary())}
    ${
      image.url && image.referable && !image.notSaved
        ? button('reference', galleryText.referenceLabel(prompt), galleryText.asReference())
        : nothing
    }
    ${finalize ? button('finalize', galleryText.finalizeLabel(prompt, ...finalize), galleryText.finalize(...finalize)) : nothing}
    ${button('delete', galleryText.deleteLabel(prompt), galleryText.remove())}
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
        : html`<div part="image" class="expired" role="img" aria-label=${galleryText.expiredImage(image.prompt)}></div>`
    }
    <figcaption>
      <span class="prompt" title=${image.prompt}>${image.prompt}</span>
      <span class="muted"
        >${galleryText.imageFacts(
          modelName(image.model),
          wordsText.providerName(image.provider),
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
 * The gallery: its images, newest first, one `<li>` each kept by the image's id (`repeat`), so that a new image is
 * one item inserted and the others keep their nodes, their `<img>` and the focus (without keys, every `<img>` was
 * given another image to load, and a focused Vary or Delete passed to another image); then the paid failures.
 */
export function renderGallery({ images, failures, locale }: GalleryView, act: (event: Event) => void) {
  if (!images.length && !failures.length) return nothing;
  return html`${
    images.length
      ? html`<ul class="gallery" part="gallery" aria-label=${galleryText.galleryLabel()}>
          ${repeat(
            images,
            (image) => image.id,
            (image, index) => html`<li>${renderItem(image, !index, act, locale)}</li>`,
          )}
        </ul>`
      : nothing
  }
  ${
    failures.length
      ? html`<section part="failures" class="failures">
          <h3>${galleryText.paidFailures()}</h3>
          <ul>
            ${failures.map(
              (failure) =>
                html`<li>
                  ${galleryText.paidFailure(
                    modelName(failure.model),
                    wordsText.providerName(failure.provider),
                    formatDate(failure.at, locale, 'moment'),
                    formatUsd(failure.charged, locale),
                    galleryText.failureReason(failure.error),
                  )}
                </li>`,
            )}
          </ul>
        </section>`
      : nothing
  }`;
}

import { html, nothing } from 'lit';
import { formatUsd, formatUsdRounded, modelInfo } from '../../pricing/index.js';
import * as text from '../../strings/panels.js';
import type { GalleryImage } from '../../ledger/gallery.js';
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

const label = (id: string) => modelInfo(id)?.label ?? id;

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
  const finalize = image.finalize && ([label(image.finalize.model), formatUsd(image.finalize.price, locale)] as const);
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

export function renderGallery({ images, failures, locale }: GalleryView, act: (event: Event) => void) {
  if (!images.length && !failures.length) return nothing;
  return html`<ul part="gallery" class="gallery" aria-label=${text.galleryLabel()}>
      ${images.map(
        (image, index) =>
          html`<li>
            <figure tabindex="-1" data-focus=${index ? nothing : 'result'}>
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
                  : html`<div
                      part="image"
                      class="expired"
                      role="img"
                      aria-label=${text.expiredImage(image.prompt)}
                    ></div>`
              }
              <figcaption>
                <span class="prompt" title=${image.prompt}>${image.prompt}</span>
                <span class="muted"
                  >${text.imageFacts(
                    label(image.model),
                    text.providerName(image.provider),
                    `${image.width}×${image.height}`,
                    image.seed,
                  )}<br /><span title=${formatUsd(image.charged, locale)}
                    >${formatUsdRounded(image.charged, locale)}</span
                  >
                  · ${formatDate(image.createdAt, locale, 'moment')}</span
                >
                ${image.notSaved ? renderNotSaved(image, locale) : nothing} ${renderActions(image, act, locale)}
              </figcaption>
            </figure>
          </li>`,
      )}
    </ul>
    ${
      failures.length
        ? html`<section part="failures" class="failures">
            <h3>${text.paidFailures()}</h3>
            <ul>
              ${failures.map(
                (failure) =>
                  html`<li>
                    ${text.paidFailure(
                      label(failure.model),
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

import { html, nothing } from 'lit';
import Decimal from 'decimal.js';
import { isAmount } from '../../../../base/checks.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatUsd, formatUsdRounded, modelName } from '../../../../pricing/index.js';
import { gallery, type GalleryStrings } from '../../../../strings/image/gallery.js';
import { editor } from '../../../../strings/image/editor.js';
import { bounds } from '../../../../strings/image/bounds.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { Spoken } from '../../../shared/language-controller.js';
import { cssProperties, ratioOf } from '../../../shared/css-properties.js';
import { formatDate } from '../../../../base/dates.js';
import { lightboxKeys, shortPrompt } from './gallery-actions.js';
import type { GalleryItem } from './gallery-item.js';
import { download, renderLaidOver, renderToolbar } from './toolbar.js';
import { icon } from '../../shared/icons.js';
import { renderVersions } from './versions.js';

// The styles of what this draws, kept beside it, where the gallery's part takes them with its templates.
export { resultStyles } from './result.styles.js';

export type { GalleryItem } from './gallery-item.js';

/** A paid generation that brought no image: when, on what, what it cost, and why. */
export interface PaidFailure {
  model: string;
  provider: string;
  at: number;
  charged: string;
  error: string;
  /** Whom it was paid to, as the words name it (`payeeAt`); its provider where not given. */
  payee?: string;
}

/** A change just made to an image (Delete) said with its Undo (`bar`), in the place of image `at`. */
interface UndoNear {
  at: string;
  bar: unknown;
}

/** The latest submission's images, large. */
export interface ResultView extends Spoken {
  images: readonly GalleryItem[];
  undo?: UndoNear;
}

/** The earlier images, newest first, and the paid failures. */
export interface HistoryView extends Spoken {
  images: readonly GalleryItem[];
  failures: readonly PaidFailure[];
  undo?: UndoNear;
}

/**
 * What the user must know of an image shown from the provider's link, right under it, as a warning: it is not kept,
 * and when the link ends; while the link lasts, its first words ("Download it before 2:37 PM") are the image's
 * Download, its only one (the toolbar has none then): the action that keeps the image is where the warning begins,
 * on the first screen. Under an earlier image's small tile (`brief`), only when its link ends, the whole sentence in
 * its title: the same long warning under each tile of the history buried the images.
 */
function renderNotSaved(image: GalleryItem, galleryText: GalleryStrings, locale: string | undefined, brief: boolean) {
  const { notSaved, url } = image;
  if (!notSaved) return nothing; // saved: nothing to warn of
  const provider = image.payee ?? image.provider;
  const at = notSaved.expiresAt === undefined ? undefined : formatDate(notSaved.expiresAt, locale, 'time');
  if (!url) return html`<p part="not-saved" class="notice">${galleryText.linkExpired(provider, at)}</p>`;
  // The latest image's nudge is its Download link, first: a second line of the notice may fall below the fold.
  if (!brief)
    return html`<p part="not-saved" class="notice">
      ${galleryText.notSaved(provider, at, (words) => download(image, url, galleryText, { words, nudge: true }))}
    </p>`;
  return html`<p part="not-saved" class="notice" title=${galleryText.notSaved(provider, at, (words) => words).join('')}>
    ${galleryText.notSavedBrief(at)}
    ${download(image, url, galleryText, { words: galleryText.download(), nudge: false })}
  </p>`;
}

/**
 * What the image cost, as the card says it: where it was booked at its price's bound (no reply said what it came to),
 * as the preview said that ("at most $0.0733", rounded up); else as `usd`. The exact figure in its title.
 */
function chargedSaid({ charged, receipt }: GalleryItem, locale?: string, translation?: Translation) {
  if (receipt?.basis !== 'bound') return usd(charged, locale);
  const most = wordsIn(translation, 'bounds', bounds).atMostUnder(formatUsdRounded(charged, locale, true));
  return html`<span title=${formatUsd(charged, locale)}>${most}</span>`;
}

/** An amount as the card shows it (three significant digits), the exact figure in its title where they differ. */
function usd(amount: string | Decimal, locale?: string) {
  const [exact, rounded] = [formatUsd(amount, locale), formatUsdRounded(amount, locale)];
  return exact === rounded ? exact : html`<span title=${exact}>${rounded}</span>`;
}

/**
 * What the image cost (part `receipt`, closed until asked): one charge, the figure the tally counts, and how it is
 * known; the quote (a bound as the preview said it: "at most $0.166 · about $0.0527") and how the charge stands to it;
 * what was left at the provider after it. Where the balance fell by something else across the image (another use of
 * the account, or its accounting catching up), that is a footnote, never a second charge. Every amount is rounded as
 * the card shows it, the exact figure in its title. Stored figures that are no amounts (tampered storage) leave the
 * receipt out.
 */
function renderReceipt(image: GalleryItem, galleryText: GalleryStrings, locale?: string, translation?: Translation) {
  const { receipt, charged } = image;
  if (!receipt) return nothing; // booked before receipts were kept
  const provider = image.payee ?? image.provider;
  const { quoted, most, basis, credits, left, moved, reported } = receipt;
  if (![charged, quoted, most ?? '0', left ?? '0', credits ?? '0', moved ?? '0'].every(isAmount)) return nothing;
  return html`<details part="receipt" class="receipt">
    <summary>${galleryText.receipt()}</summary>
    <dl>
      <dt>${galleryText.receiptCharged()}</dt>
      <dd>${chargedSaid(image, locale, translation)} · ${galleryText.chargeBasis(basis, provider, credits)}</dd>
      <dt>${galleryText.receiptQuoted()}</dt>
      <dd>${most === undefined ? usd(quoted, locale) : boundQuoted(quoted, most, locale, translation)}</dd>
      ${
        left === undefined
          ? nothing
          : html`<dt>${galleryText.receiptLeft(provider)}</dt>
              <dd>${usd(left, locale)}</dd>`
      }
    </dl>
    ${differenceSaid(receipt, charged, galleryText, locale)}
    ${
      moved && !new Decimal(moved).eq(charged)
        ? html`<p class="footnote">${galleryText.receiptMoved(provider, formatUsdRounded(moved, locale))}</p>`
        : nothing
    }
    ${
      reported === undefined
        ? nothing
        : html`<p class="footnote">
            ${galleryText.receiptReported(provider, isAmount(reported.replace(/^-/, '')) ? formatUsd(reported, locale) : reported)}
          </p>`
    }
  </details>`;
}

/** A quote that was a bound, as the decision row said it: the most first, rounded up, then what it was expected to be. */
function boundQuoted(quoted: string, most: string, locale?: string, translation?: Translation) {
  const text = wordsIn(translation, 'bounds', bounds);
  const said = `${text.atMostUnder(formatUsdRounded(most, locale, true))} · ${text.about(formatUsdRounded(quoted, locale))}`;
  const exact = `${text.atMostUnder(formatUsd(most, locale))} · ${text.about(formatUsd(quoted, locale))}`;
  return said === exact ? said : html`<span title=${exact}>${said}</span>`;
}

/**
 * How the charge stands to the quote. Where the quote was a bound (`most`), a charge up to it is within it, however
 * far from what was expected, and only one above it is said as more, than its most; a charge booked at the bound itself
 * (no reply said what it came to: `bound`) is not known, so nothing is said of it. Otherwise, how much more or less
 * than quoted.
 */
function differenceSaid(
  receipt: NonNullable<GalleryItem['receipt']>,
  charged: string,
  text: GalleryStrings,
  locale?: string,
) {
  const { quoted, most, basis } = receipt;
  if (basis === 'bound') return nothing;
  if (most !== undefined) {
    const over = new Decimal(charged).minus(most);
    return html`<p>${text.receiptOfBound(over.gt(0) ? formatUsdRounded(over, locale) : undefined)}</p>`;
  }
  const difference = new Decimal(charged).minus(quoted);
  return html`<p>
    ${text.receiptDifference(difference.isZero() ? undefined : formatUsdRounded(difference.abs(), locale), difference.isPositive())}
  </p>`;
}

/**
 * One image: a button that opens it full size, its toolbar, and what it is (model, size, seed, price, when). The focus
 * after a result goes to the first image itself (`data-focus=result`), named by its prompt, not by its toolbar.
 * `galleryText`: the gallery's words, looked up once for every tile and handed on to its parts. An image just deleted
 * (`gone`) keeps its place, where what was deleted is said, with Undo while that is the change to undo.
 */
function renderTile(
  image: GalleryItem,
  act: (event: Event) => void,
  galleryText: GalleryStrings,
  { locale, translation, undo }: Spoken & { undo?: UndoNear },
  first: boolean,
  inHistory = false,
) {
  const focus = first ? 'result' : nothing;
  if (image.gone)
    return html`<div class="tile gone">
      ${undo?.at === image.id ? undo.bar : html`<p class="undo">${galleryText.deleted(shortPrompt(image.prompt))}</p>`}
    </div>`;
  return html`<figure class="tile" data-id=${image.id}>
    ${
      image.url
        ? html`<button
            type="button"
            class="open"
            data-focus=${focus}
            data-action="open"
            data-id=${image.id}
            aria-label=${galleryText.openLabel(image.prompt)}
            @click=${act}
          >
            <img
              part="image"
              src=${image.url}
              alt=${image.prompt}
              width=${image.width}
              height=${image.height}
              referrerpolicy="no-referrer"
            />
          </button>`
        : html`<div
            part="image"
            class="expired"
            tabindex="-1"
            data-focus=${focus}
            role="img"
            ${cssProperties({ '--_ratio': ratioOf(image) })}
            aria-label=${galleryText.expiredImage(image.prompt)}
          ></div>`
    }
    ${renderNotSaved(image, galleryText, locale, inHistory)}
    ${renderToolbar(image, act, galleryText, { locale, translation })} ${renderLaidOver(image, act, translation)}
    ${renderVersions(image, act, galleryText)}
    <figcaption class="muted">
      ${galleryText.imageFacts(
        modelName(image.model),
        wordsIn(translation, 'words', words).providerName(image.payee ?? image.provider),
        `${image.width}×${image.height}`,
        image.seed,
      )}
      · ${image.paidWith ? galleryText.paidWithOther() : chargedSaid(image, locale, translation)} ·
      ${formatDate(image.createdAt, locale, 'moment')}
      ${image.revisedPrompt ? html`<br />${galleryText.madeFrom(image.payee ?? image.provider, image.revisedPrompt)}` : nothing}
    </figcaption>
    ${renderReceipt(image, galleryText, locale, translation)}
  </figure>`;
}

/**
 * The latest submission, large (a grid for more than one image), under its prompt; and the lightbox a click on an
 * image opens (a modal `<dialog>`: the keyboard stays in it, Escape closes it, arrows step through the images).
 */
export function renderResult(view: ResultView, act: (event: Event) => void) {
  const galleryText = wordsIn(view.translation, 'gallery', gallery);
  const last = view.images.at(-1);
  if (!last) return nothing; // no images
  // A submission whose images were all deleted, said over the one before it, which came up (shared/slots.ts).

  const deleted = view.images.filter((image) => image.gone && image.batch !== last.batch);
  const images = view.images.slice(deleted.length);
  return html`<div part="result" class="result">
    ${
      deleted.length
        ? html`<p class="result-prompt">${deleted[0].prompt}</p>
            ${deleted.map((image) => renderTile(image, act, galleryText, view, false))}`
        : nothing
    }
    <p class="result-prompt">${images[0].prompt}</p>
    <div class="result-images count-${Math.min(images.length, 4)}">
      ${repeat(
        images,
        (image) => image.id,
        (image, index) => renderTile(image, act, galleryText, view, index === 0),
      )}
    </div>
    <dialog
      part="lightbox"
      class="lightbox"
      aria-label=${galleryText.lightboxLabel(images[0].prompt)}
      @keydown=${lightboxKeys}
    >
      <img alt="" />
      <p class="caption"></p>
      <div class="lightbox-tools">
        <button type="button" data-action="previous" aria-label=${galleryText.previousImage()} @click=${act}>
          ${icon('previous')}
        </button>
        <button type="button" data-action="next" aria-label=${galleryText.nextImage()} @click=${act}>
          ${icon('next')}
        </button>
        ${
          images.some((image) => image.editable)
            ? html`<button
                type="button"
                data-action="edit"
                aria-label=${wordsIn(view.translation, 'editor', editor).edit()}
                @click=${act}
              >
                ${icon('edit')}
              </button>`
            : nothing
        }
        <button type="button" data-action="close" aria-label=${galleryText.closeLightbox()} @click=${act}>
          ${icon('close')}
        </button>
      </div>
    </dialog>
  </div>`;
}

/** Images grouped by the submission that made them, the prompt once per group. */
function groups(images: readonly GalleryItem[]) {
  const byBatch: GalleryItem[][] = [];
  for (const image of images) {
    const last = byBatch.at(-1);
    if (last?.[0].batch === image.batch) last.push(image);
    else byBatch.push([image]);
  }
  return byBatch;
}

/**
 * The earlier images, grouped by submission (one `<li>` per image, kept by id so a new image moves none of the
 * others' nodes, their `<img>` or the focus), then the paid generations that brought no image.
 */
export function renderHistory(view: HistoryView, act: (event: Event) => void) {
  const { images, failures, locale, translation } = view;
  const galleryText = wordsIn(translation, 'gallery', gallery);
  if (!images.length && !failures.length) return nothing;
  return html`${
    images.length
      ? html`<section class="history" aria-labelledby="history">
          <h2 id="history">${galleryText.historyLabel()}</h2>
          <ul part="gallery" class="gallery" aria-label=${galleryText.galleryLabel()}>
            ${repeat(
              groups(images),
              (group) => group[0].batch,
              (group) =>
                html`<li class="group">
                  <p class="group-prompt" title=${group[0].prompt}>${group[0].prompt}</p>
                  <ul class="tiles">
                    ${repeat(
                      group,
                      (image) => image.id,
                      (image) => html`<li>${renderTile(image, act, galleryText, view, false, true)}</li>`,
                    )}
                  </ul>
                </li>`,
            )}
          </ul>
        </section>`
      : nothing
  }
  ${
    failures.length
      ? html`<section part="failures" class="failures" aria-labelledby="failures">
          <h2 id="failures">${galleryText.paidFailures()}</h2>
          <ul>
            ${failures.map(
              (failure) =>
                html`<li>
                  ${galleryText.paidFailure(
                    modelName(failure.model),
                    failure.payee ?? failure.provider,
                    formatDate(failure.at, locale, 'moment'),
                    formatUsdRounded(failure.charged, locale),
                    galleryText.failureReason(failure.error),
                  )}
                </li>`,
            )}
          </ul>
        </section>`
      : nothing
  }`;
}

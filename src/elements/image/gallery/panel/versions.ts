import { html, nothing } from 'lit';
import type { GalleryStrings } from '../../../../strings/image/gallery.js';
import { cssProperties, ratioOf } from '../../../shared/css-properties.js';
import { versionsSlid } from './gallery-actions.js';
import type { GalleryItem } from './gallery-item.js';

// Under an edit (a new version of an image still in the gallery, SPEC §13 "Versions"): which image it edits, the way
// back to it, and the two compared, one over the other.

/** Where the divider stands at first, in percent of the width from the left: half of each. */
const HALF = 50;

/**
 * The versions of an edit (part `versions`): "Edit of: <its source's prompt>", a button that brings the source into view
 * in the gallery, where it has its own toolbar, Edit and receipt (going back a version sends nothing, costs nothing);
 * of an image of the user's own, which the gallery does not show, "Edit of an image of your own" alone;
 * and, where both images can be drawn, "Before and after" (closed until asked, as the receipt: the edit is drawn large
 * just above it): the source on the left, the edit on the right, divided where a native range says. The range is the
 * control itself, laid over both images: keyboard operable, named and its value said in words by construction; moving
 * it sets the top image's clip (`--_before`, at first half of each: the styles'), never a request. The frame's shape is
 * the edit's, set through the CSSOM (`cssProperties`): a `style` attribute is refused under a strict
 * Content-Security-Policy, and the frame, whose images are laid over it, would be 0 px tall.
 */
export function renderVersions(image: GalleryItem, act: (event: Event) => void, galleryText: GalleryStrings) {
  const { before } = image;
  if (!before) return nothing; // an original, or an edit whose source was deleted
  const source = (prompt: string) =>
    html`<button
      type="button"
      class="link"
      data-action="source"
      data-id=${before.id}
      aria-label=${galleryText.editOf(prompt, (words) => words).join('')}
      @click=${act}
    >
      ${prompt}
    </button>`;
  return html`<div part="versions" class="versions">
    <p class="muted edit-of">${before.own ? galleryText.editOfOwn() : galleryText.editOf(before.prompt, source)}</p>
    ${
      before.url && image.url
        ? html`<details class="compare">
            <summary>${galleryText.beforeAndAfter()}</summary>
            <div class="versions-frame" ${cssProperties({ '--_ratio': ratioOf(image) })}>
              <img class="after" src=${image.url} alt="" referrerpolicy="no-referrer" />
              <img class="before" src=${before.url} alt="" referrerpolicy="no-referrer" />
              <span class="divider" aria-hidden="true"></span>
              <input
                type="range"
                min="0"
                max="100"
                step="1"
                .value=${String(HALF)}
                aria-label=${galleryText.compareLabel(image.prompt)}
                aria-valuetext=${galleryText.compareValue(HALF)}
                @input=${(event: Event) => versionsSlid(event, galleryText)}
              />
            </div>
          </details>`
        : nothing
    }
  </div>`;
}

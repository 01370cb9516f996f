import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ProgressDetail } from '../../../../base/types.js';
import type { GalleryImage } from '../../../../images/gallery.js';
import { formatUsd } from '../../../../pricing/index.js';
import { progress } from '../../../../strings/image/progress.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { renderFrame } from '../../shared/frame.js';

/** What the canvas shows while a submission runs (or what a closed page left is finished). */
export interface RunningView {
  progress?: ProgressDetail;
  /** Whole seconds since it started. */
  elapsed: number;
  /** How long such an image has usually taken here (ms), where one has been made. */
  usualWait?: number;
  /** The shape the images take, and how many: the placeholders' size. */
  placeholder: { width: number; height: number; count: number };
  /** The images of the submission that have arrived, in the order they came: each takes a placeholder's place. */
  arrived: readonly GalleryImage[];
  /** Set while asking whether to stop waiting for an image the provider has billed: who, and what it charged. */
  confirmCancel?: { provider: string; billed: string };
  /** Cancel was pressed: what the request came to is being found out. */
  stopping?: boolean;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/** The handlers of its controls (the widget's own). */
export interface RunningHandlers {
  cancel(): void;
  stopWaiting(): void;
  keepWaiting(): void;
}

/** The space a running submission's image will take, at its shape. */
const placeholder = (size: { width: number; height: number }) => renderFrame(size, 'frame placeholder', 'placeholder');

/** An image of the running submission, arrived: in the place of its placeholder, at its own shape. */
const arrived = (image: GalleryImage) =>
  html`<img
    part="image"
    class="frame"
    src=${ifDefined(image.url)}
    alt=${image.prompt}
    width=${image.width}
    height=${image.height}
    referrerpolicy="no-referrer"
  />`;

/**
 * While a submission runs: a placeholder at the shape it makes for each image, the progress and Cancel (in the
 * canvas, never where Generate is), or the question whether to stop waiting for an image the provider has billed.
 */
export function renderRunning(view: RunningView, on: RunningHandlers) {
  const { progress: at, elapsed, usualWait, confirmCancel } = view;
  const text = wordsIn(view.translation, 'progress', progress);
  // What it is doing, the seconds since it started, and how long such an image usually takes here, where one was made.
  const line = [view.stopping ? text.stopping() : (at?.status ?? text.sending()), text.elapsed(elapsed)];
  if (usualWait !== undefined && !view.stopping)
    line.push(text.usually(text.elapsed(Math.max(1, Math.round(usualWait / 1000)))));
  const status = confirmCancel
    ? html`<div class="confirm" role="group" aria-labelledby="stop">
        <p id="stop">${text.stopWaitingQuestion(confirmCancel.provider, confirmCancel.billed)}</p>
        <button type="button" class="secondary" @click=${on.stopWaiting}>${text.stopWaiting()}</button>
        <button type="button" class="primary" data-focus="keep-waiting" @click=${on.keepWaiting}>
          ${text.keepWaiting()}
        </button>
      </div>`
    : // Focused when a submission starts from Generate (FlowController): a place where a key pressed on the way does
      // nothing, where Cancel would cancel. Cancel is the next Tab stop.
      html`<div
        part="progress"
        class="progress"
        tabindex="-1"
        data-focus="progress"
        role="group"
        aria-label=${text.progressLabel()}
      >
        <!-- No value while the provider reports none: an indeterminate bar, not one stuck at 0 %. -->
        <progress
          max="1"
          value=${ifDefined(view.stopping ? undefined : at?.progress?.toString())}
          aria-hidden="true"
        ></progress>
        <span>${line.join(' · ')}</span>
        ${
          view.stopping
            ? nothing
            : html`<button type="button" class="secondary" @click=${on.cancel}>${text.cancel()}</button>`
        }
      </div>`;
  // An image is shown as it arrives (before it is saved, and before the others of its submission are made).
  const waiting = Math.max(0, view.placeholder.count - view.arrived.length);
  return html`<div class="frames count-${view.placeholder.count}">
      ${view.arrived.map(arrived)}${Array(waiting).fill(placeholder(view.placeholder))}
      ${confirmCancel ? nothing : status}
    </div>
    ${confirmCancel ? status : nothing}`;
}

/**
 * After Stop waiting, until each lands: the image its provider still makes, and what it charged, so that a visitor who
 * sees the widget free again does not pay for it twice. Read out as it comes. Where the canvas has no image yet
 * (`frame`: the shape it makes), in a placeholder at that shape, as while it ran; else a line over the images.
 */
export function renderFinishing(
  finishing: readonly { provider: string; billed: string }[],
  { translation, locale }: { translation?: Translation; locale?: string },
  frame?: { width: number; height: number },
) {
  if (!finishing.length) return nothing;
  const text = wordsIn(translation, 'progress', progress);
  const said = finishing.map(({ provider, billed }) => text.stillFinishing(provider, formatUsd(billed, locale)));
  return frame
    ? html`<div class="frames count-1">
        ${placeholder(frame)}
        <p class="progress" role="status">${said.join(' ')}</p>
      </div>`
    : html`<p class="finishing muted" role="status">${said.join(' ')}</p>`;
}

/**
 * The canvas while a submission runs: placeholders at the shape it makes (each a frame, as the empty canvas's:
 * image-template.ts), the images as they come in their places, the progress inside them, or the question whether to
 * stop waiting.
 */
export const runningStyles = css`
  .frames {
    position: relative;
    display: grid;
    gap: 0.5rem;
    justify-self: center; /* as wide as its frames: the progress sits inside them */
    max-width: 100%;
  }
  /* More than one image: two to a row (as the result's: gallery/panel/result.ts). */
  .frames:not(.count-1) {
    grid-template-columns: repeat(2, minmax(0, 1fr));
    justify-self: stretch;
  }
  .placeholder {
    background: linear-gradient(110deg, var(--_field) 30%, var(--_selected) 50%, var(--_field) 70%) 0 0 / 300% 100%;
    animation: shimmer 1.6s linear infinite;
  }
  .frames:not(.count-1) .frame {
    width: 100%;
    max-height: none;
  }
  /* The progress inside the placeholder, at its foot. */
  .frames > .progress {
    position: absolute;
    inset: auto 0.75rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) * 0.75);
    background: color-mix(in srgb, var(--_surface) 92%, transparent);
    box-shadow: var(--_shadow);
  }
  @keyframes shimmer {
    to {
      background-position: -300% 0;
    }
  }
  .progress,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  progress {
    flex: 1 1 100%;
    min-width: 6rem;
    accent-color: var(--_accent);
  }
  @media (prefers-reduced-motion: reduce) {
    .placeholder {
      animation: none;
    }
  }
`;

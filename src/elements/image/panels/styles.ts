import { css } from 'lit';

/*
 * The panels' styles, adopted by the element beside its own once the panels load (PanelsController): a
 * constructed stylesheet, which a strict Content-Security-Policy allows where a <style> would not be.
 */

/** `<userpays-image>`'s panels: the result and its lightbox, earlier images, more options, price details. */
export const imagePanelStyles = css`
  /*
   * The accounts the user pays from (sign-in.ts): signing in is the way in, the key field below it the other way.
   * Their lines come into places kept at their size (image-styles.ts, which has only the places' heights): one line
   * each, cut short. The examples come into a place laid out as they are (image-styles.ts).
   */
  .key-field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.35rem;
    align-content: start;
  }
  .account {
    margin: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.4rem 0.75rem;
    font-size: 0.875rem;
  }
  /* Narrow: the result above the controls (image-styles.ts). */
  @container (width < 720px) {
    .has-result .canvas {
      order: -1;
    }
  }
  /*
   * Sign-in, Continue, Cancel, Retry, Stop waiting, a comparison's offer: outlined in the accent (Keep waiting is
   * .primary, as Generate: image-styles.ts).
   */
  .secondary {
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_accent);
    padding: 0.45rem 1rem;
    min-height: 36px;
    background: none;
    color: var(--_accent);
  }
  /* A field the provider or the form refused (the key, the cap). */
  [aria-invalid='true'] {
    box-shadow: 0 0 0 1px var(--_danger);
  }
  /* The session's figures in the tally line. */
  .tally strong {
    color: var(--_text);
  }
  /* Notes, quiet, close under what they speak of: the key field's, the capped sign-in's. */
  .key-field p,
  .grant p {
    margin: 0;
    font-size: 0.8125rem;
  }
  /* The key field, to the heights its place has (image-styles.ts): one line each, the note at least two. */
  .label-row {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
    height: 1.5rem;
    white-space: nowrap;
  }
  .label-row .label,
  .grant .label {
    margin: 0;
  }
  #key {
    height: 2.5rem;
  }
  .key-field > p:last-child {
    min-height: calc(2 * 1.45 * 0.8125rem);
  }
  .check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    height: 1.5rem;
    font-size: 0.875rem;
  }
  .label-row .label,
  .check {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @container (max-width: 359px) {
    .check {
      height: auto;
      min-height: calc(2 * 1.45 * 0.875rem);
      white-space: normal;
    }
    .key-field > p:last-child {
      min-height: calc(3 * 1.45 * 0.8125rem);
    }
  }
  .account #sign-in {
    grid-column: 1 / -1;
    min-height: 2.5rem;
    font-weight: 600;
  }
  /* Before a capped sign-in (accounts.ts, renderGrant): how much the site may spend, after the user's click, so it may
     grow the widget. The amount narrow, Continue beside it. */
  .grant {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
  }
  .grant .row {
    gap: 0.5rem 0.75rem;
  }
  #grant-cap,
  #grant-days {
    width: 7rem;
    height: 2.5rem;
    /* Focused when the form opens: brought into view above the decision row, which sticks to the bottom. */
    scroll-margin-bottom: 12rem;
  }
  /* Signed in: who pays, with Revoke and Sign out on its right; what is left of the cap whole, on the line under it. */
  .account .actions {
    display: flex;
    gap: 0.75rem;
    white-space: nowrap;
  }
  .account .actions > * {
    font: inherit; /* the link and the button alike, at the line's size */
  }
  .account .share {
    grid-column: 1 / -1;
  }
  .account > span,
  .chip,
  .group-prompt {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip {
    font-size: 0.8125rem;
    border: 1px solid var(--_border);
    background: var(--_field);
    color: var(--_text);
    border-radius: 999px;
    padding: 0 0.75rem;
  }
  .chip:hover,
  .drop:hover {
    border-color: var(--_accent);
  }
  /* The canvas: placeholders at the shape the running submission makes, the empty state at the shape chosen. */
  .frames {
    position: relative;
    display: grid;
    gap: 0.5rem;
    justify-self: center; /* as wide as its frames: the progress sits inside them */
    max-width: 100%;
  }
  /* More than one image, running or come: two to a row. */
  .frames:not(.count-1),
  .result-images:not(.count-1) {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .frames:not(.count-1) {
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
  .confirm,
  .drop {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  /* A submission's error (only a submission, which waits for the panels, has one), with Retry and Dismiss. */
  .error-box {
    display: grid;
    gap: 0.5rem;
    color: var(--_danger);
    border: 1px solid;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.6rem 0.8rem;
    background: color-mix(in srgb, var(--_danger) 6%, transparent);
  }
  .error-box p {
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  progress {
    flex: 1 1 100%;
    min-width: 6rem;
    accent-color: var(--_accent);
  }
  /* The latest submission, large. */
  .result,
  .result-images {
    display: grid;
    gap: 0.5rem;
  }
  .result-prompt {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tile {
    position: relative;
    margin: 0;
    display: grid;
    gap: 0.3rem;
    animation: reveal 0.35s ease-out;
  }
  @keyframes reveal {
    from {
      opacity: 0;
      transform: scale(0.985);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .placeholder,
    .tile {
      animation: none;
    }
  }
  .open {
    display: block;
    padding: 0;
    border: 0;
    background: var(--_field);
    border-radius: var(--_radius);
    overflow: hidden;
    cursor: zoom-in;
  }
  .open img,
  .expired {
    display: block;
    width: 100%;
    height: auto;
    max-height: 65vh; /* as the placeholder before it: the whole image in the first screen */
    object-fit: contain;
  }
  .expired {
    border-radius: var(--_radius);
    border: 1px dashed var(--_border);
  }
  /* An image's receipt: one quiet line until opened, then its figures in two columns. */
  .receipt {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .receipt summary {
    width: fit-content;
  }
  .receipt dl {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.15rem 0.75rem;
    margin: 0.35rem 0 0;
  }
  .receipt dd {
    margin: 0;
    color: var(--_text);
  }
  .receipt p {
    margin: 0.35rem 0 0;
  }
  .notice {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  /* The toolbar: over the image's top corner, shown on hover and while anything in the tile has the focus. */
  .toolbar {
    position: absolute;
    top: 0.4rem;
    right: 0.4rem;
    display: flex;
    gap: 0.25rem;
    padding: 0.2rem;
    border-radius: calc(var(--_radius) * 0.75);
    background: color-mix(in srgb, var(--_surface) 88%, transparent);
    box-shadow: var(--_shadow);
    opacity: 0;
    transition: opacity 0.15s;
  }
  .tile:hover .toolbar,
  .tile:focus-within .toolbar,
  .toolbar:has([open]) {
    opacity: 1;
  }
  @media (hover: none) {
    .toolbar {
      opacity: 1;
    }
  }
  .tool {
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) * 0.6);
    background: none;
    color: var(--_text);
    cursor: pointer;
    list-style: none;
  }
  /* Vary makes an image at once: what that costs stands in its button. */
  .tool.priced {
    display: flex;
    gap: 0.25rem;
    width: auto;
    padding: 0 0.4rem;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  .tool::-webkit-details-marker {
    display: none;
  }
  .tool:hover {
    background: var(--_selected);
    color: var(--_accent);
  }
  .open:focus-visible {
    outline-offset: 4px;
  }
  .icon {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .menu {
    position: relative;
  }
  .menu-items {
    position: absolute;
    right: 0;
    top: calc(100% + 0.25rem);
    z-index: 2;
    display: grid;
    min-width: 12rem;
    padding: 0.25rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    box-shadow: var(--_shadow);
  }
  .menu-items button {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 32px;
    padding: 0.3rem 0.5rem;
    border: 0;
    border-radius: calc(var(--_radius) * 0.5);
    background: none;
    color: var(--_text);
    font-size: 0.875rem;
    text-align: start;
  }
  .menu-items button:hover {
    background: var(--_selected);
  }
  /* The lightbox: the image as large as the window allows, its tools beside it. */
  .lightbox {
    max-width: min(96vw, 1400px);
    max-height: 96vh;
    padding: 0.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .lightbox::backdrop {
    background: rgb(0 0 0 / 75%);
  }
  .lightbox img {
    display: block;
    max-width: 100%;
    max-height: calc(96vh - 6rem);
    margin: 0 auto;
    object-fit: contain;
  }
  .caption {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
  }
  .lightbox-tools {
    position: absolute;
    top: 0.75rem;
    right: 0.75rem;
    display: flex;
    gap: 0.25rem;
  }
  .lightbox-tools button {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border: 0;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_surface) 85%, transparent);
    color: var(--_text);
  }
  /* Earlier images, by submission, below the widget. */
  .history,
  .failures {
    margin-top: 1rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem 1rem;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
  .gallery,
  .tiles,
  .thumbs,
  .lines,
  .compare ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .gallery {
    display: grid;
    /* A group as wide as the gallery, however long its prompt (one line, cut with an ellipsis). */
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  .group-prompt {
    margin: 0 0 0.4rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
    gap: 0.75rem;
  }
  .tiles .open img {
    aspect-ratio: 1;
    object-fit: cover;
  }
  .failures ul {
    margin: 0;
    padding-left: 1.2rem;
  }
  /* More options: the count, the seed, the reference images' drop zone. */
  .drop {
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
    font-size: 0.875rem;
  }
  .thumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .thumbs li {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.8125rem;
  }
  .thumbs img {
    width: 44px;
    height: 44px;
    object-fit: cover;
    border-radius: 6px;
  }
  .choose {
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    position: relative;
  }
  .choose input {
    position: absolute;
    inset: 0;
    opacity: 0;
    cursor: pointer;
    width: 100%;
  }
  .choose:has(:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* The price details: the breakdown, its source, the projection, the comparison. */
  .details-body {
    display: grid;
    gap: 0.4rem;
    font-size: 0.875rem;
  }
  .lines li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    border-bottom: 1px dotted var(--_border);
    padding: 0.1rem 0;
  }
  .details-body p {
    margin: 0;
  }
  .compare ul {
    margin-top: 0.4rem;
  }
  .compare li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 0.6rem;
    padding: 0.15rem 0;
  }
  .compare [aria-pressed='true'] {
    font-weight: 600;
  }
  .compare button {
    color: var(--_accent);
    background: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.2rem 0.6rem;
    min-height: 28px;
    cursor: pointer;
  }
  .badge {
    font-size: 0.75rem;
    color: var(--_accent-text);
    background: var(--_accent);
    border-radius: 1em;
    padding: 0 0.6em;
  }
`;

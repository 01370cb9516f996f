import { css } from 'lit';

/**
 * The latest submission, large; each image's toolbar and menu, receipt and notice; the lightbox; the earlier images,
 * by submission, below the widget, and the paid generations that brought no image.
 */
export const resultStyles = css`
  .result,
  .result-images {
    display: grid;
    gap: 0.5rem;
  }
  /* More than one image: two to a row (as while they run: running.ts). */
  .result-images:not(.count-1) {
    grid-template-columns: repeat(2, minmax(0, 1fr));
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
  /* At the image's shape (\`--_ratio\`, set by the template through the CSSOM: a strict CSP refuses a style attribute);
     an image shown keeps its own, from its width and height. */
  .expired {
    aspect-ratio: var(--_ratio, 1);
  }
  .expired,
  .gone {
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
  .receipt .footnote {
    font-size: 0.8125rem;
  }
  /* An image not saved, whose link expires: a warning right under it (the page's --userpays-warning, as the tally's
     budget close to its limit), its words in the text colour, with its Download. */
  .notice {
    --_warning: var(--userpays-warning, light-dark(#b45309, #fcd34d));
    margin: 0;
    padding: 0.4rem 0.6rem;
    border-left: 4px solid var(--_warning);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_surface));
    font-size: 0.875rem;
  }
  .notice::before {
    content: '⚠ ' / '';
    color: var(--_warning);
  }
  .gone {
    align-content: center;
    min-height: 8rem;
    padding: 0.75rem;
    text-align: center;
  }
  /*
   * The toolbar: under the image, always shown, on as many rows as the tile needs, its menu opening above it, over the
   * image (below, the widget's paint containment clipped it under the last tile). Over the image, shown on hover, it
   * hid its top (a third of it on a phone), and a touch screen has no hover. Where the latest image is large, each
   * action says its word beside its icon (Vary was "⇄ $0.005", named only by its tooltip).
   */
  .toolbar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    width: fit-content;
    max-width: 100%;
    margin-top: 0.25rem;
  }
  .menu {
    position: static;
  }
  .toolbar .word {
    display: none;
  }
  .toolbar a {
    text-decoration: none;
  }
  .result figure.tile {
    container-type: inline-size;
  }
  /* On a folded phone (280 px) the five actions fit one line, closer together, Vary's price closer to its edges. */
  @container (width < 260px) {
    .result .toolbar {
      gap: 0.125rem;
    }
    .result .toolbar .tool.priced {
      padding: 0 0.25rem;
    }
  }
  /* On a phone the other actions are icons with their names, but Vary spends money at a click: its word stays, on a
     folded one too, where the toolbar takes two lines for it ("⇄ at most $0.0733" reads as a price beside an
     arrow). */
  @container (width < 480px) {
    .result .toolbar .priced .word {
      display: inline;
    }
  }
  @container (min-width: 480px) {
    .result .toolbar .tool {
      display: flex;
      gap: 0.35rem;
      width: auto;
      padding: 0 0.5rem;
      font-size: 0.875rem;
    }
    .result .toolbar .word {
      display: inline;
    }
    .result .toolbar summary.tool {
      width: 32px;
      padding: 0;
      justify-content: center;
    }
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
  .open:focus-visible {
    outline-offset: 4px;
  }
  /* Opening from where the toolbar starts, at the tile's edge, and never wider than the tile: from its end, a short
     toolbar (an image not kept has no Download) put the menu past the screen's left edge. */
  .menu-items {
    position: absolute;
    left: 0;
    bottom: calc(100% + 0.25rem);
    z-index: 2;
    display: grid;
    min-width: 12rem;
    max-width: 100cqw;
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
  /* Closed, the menu takes no place (a hidden box past the tile's edge would still count as overflow). */
  .menu:not([open]) .menu-items {
    display: none;
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
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* Submissions side by side in columns of a tile's width (as many as fit: two on most phones), in the order they
     came: one image's takes a column, two images' two on a widget wider than a phone's, more a whole row (their tiles
     as many to the row as fit); each prompt on one line, cut with an ellipsis (its title holds it whole). */
  .gallery {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
    gap: 1rem 0.75rem;
  }
  .group {
    grid-column: 1 / -1;
    min-width: 0;
  }
  .group:has(> .tiles > li:only-child) {
    grid-column: auto;
  }
  @container (min-width: 420px) {
    .group:has(> .tiles > li:nth-child(2):last-child) {
      grid-column: span 2;
    }
  }
  .group-prompt {
    margin: 0 0 0.4rem;
    font-size: 0.875rem;
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
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
  /* An earlier image is small: its toolbar starts where the tile does; its menu as wide as the tile (a wider one went
     past the screen's edge). */
  .tiles .toolbar {
    width: auto;
  }
  .tiles .menu-items {
    min-width: 0;
  }
  .failures ul {
    margin: 0;
    padding-left: 1.2rem;
  }
`;

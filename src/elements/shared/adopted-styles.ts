import type { CSSResult } from 'lit';

/**
 * Adopts `styles` in `host`'s shadow root after those it has (the element's own, then the panels'), and returns the
 * root. Lit opens the root when the element first connects, before anything loads a part to draw in it; and every
 * browser the elements run in adopts style sheets (Lit then makes each `styleSheet`). Without either, a part cannot
 * be drawn: that is a fault to see, not one to draw unstyled.
 */
export function adoptBeside(host: Element, styles: readonly CSSResult[]): ShadowRoot {
  const root = host.shadowRoot;
  if (!root) throw new Error('Styles adopted before the element opened its shadow root');
  const sheets = styles.map(({ styleSheet }) => {
    if (!styleSheet) throw new Error('This browser does not adopt style sheets');
    return styleSheet;
  });
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  return root;
}

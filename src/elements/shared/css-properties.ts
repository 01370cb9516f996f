import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Custom properties by name (`--_ratio`), each with its value (`1024 / 768`). */
export type CssProperties = Readonly<Record<`--${string}`, string>>;

/**
 * Sets custom properties on the element it stands in (`<div ${cssProperties({ '--_ratio': '4 / 3' })}>`) through the
 * CSSOM (`style.setProperty`), which a strict Content-Security-Policy allows: a `style` attribute, which Lit's `style=`
 * binding and `styleMap`'s first render write, is refused there without `'unsafe-inline'`, and what it carried is lost
 * (a box sized by its `aspect-ratio` is 0 px tall). A property no longer given is removed; one the element's own code
 * set meanwhile (a slider's position) is left as it is.
 */
class CssPropertiesDirective extends Directive {
  /** The properties this set last time, to remove those no longer given. */
  #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() stands in an element, not in an attribute');
  }

  render(_properties: CssProperties) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [CssProperties]) {
    const { element } = part;
    if (!(element instanceof HTMLElement || element instanceof SVGElement))
      throw new Error('cssProperties() stands in an HTML or SVG element');
    const { style } = element;
    for (const name of this.#set) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#set = new Set(Object.keys(properties));
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);

/** An image's shape as CSS takes it in `aspect-ratio` ("1024 / 768"). */
export const ratioOf = ({ width, height }: { width: number; height: number }) => `${width} / ${height}`;

import type { ReactiveElement, TemplateResult } from 'lit';
import type { ExtendSides } from '../../../../base/types.js';
import { PanelPart } from '../../shared/panel-part.js';
import type { ExtendPart, ExtensionHandlers, ExtensionView } from './extend/index.js';

/** No side extended: where an extend begins. */
export const UNEXTENDED: ExtendSides = { top: 0, right: 0, bottom: 0, left: 0 };

/** What the extension is asked to do besides its sides: the furthest a side may go, and what a change is told. */
export interface ExtensionOptions {
  /** Read before every update: an extend is chosen, and its part is wanted. */
  wanted(): boolean;
  /** The furthest one side may go at the model chosen, where it says (fal: 2048). */
  most(): number | undefined;
  /** The sides changed: the request is edited, and drawn again. */
  changed(): void;
}

/**
 * Extending the image being edited (SPEC §13), as the panels hold it: how far each side goes, and the extension's own
 * part (extend/, a chunk of its own), loaded when an extend is chosen, which draws it and takes the user's drags and
 * typing.
 */
export class Extension {
  /** How far each side goes, in pixels of the image. */
  sides: ExtendSides = UNEXTENDED;
  readonly part: PanelPart<ExtendPart>;
  readonly #options: ExtensionOptions;
  #on?: ExtensionHandlers;

  constructor(host: ReactiveElement, options: ExtensionOptions) {
    this.#options = options;
    this.part = new PanelPart(host, {
      wanted: options.wanted,
      load: () => import('./extend/index.js').then(({ extendPart }) => extendPart(host)),
    });
  }

  /** Whether a side is extended at all. */
  get extended(): boolean {
    const { top, right, bottom, left } = this.sides;
    return top + right + bottom + left > 0;
  }

  /** The extension drawn, once its part is here; undefined until then (the editor shows the image meanwhile). */
  render(view: Omit<ExtensionView, 'sides' | 'most'>): TemplateResult | undefined {
    const part = this.part.loaded;
    if (!part) return undefined;
    const { most, changed } = this.#options;
    this.#on ??= part.handlers(
      () => this.sides,
      (sides) => {
        this.sides = sides;
        changed();
      },
      most,
    );
    return part.render({ ...view, sides: this.sides, most: most() }, this.#on);
  }
}

import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import type { Drawing, PanelSlots } from '../../shared/slots.js';
import { renderExamples } from './examples.js';

/** What the prompt's examples do. */
export interface PromptHandlers {
  /** An example prompt (`value`). */
  exampleChoose(event: Event): void;
}

/**
 * How much wider than high a shape may be for the empty canvas's words to stand over its frame (their some 290 px over
 * a 730 px frame at 1280 px); wider, they stand under it. 21:9 (2.33) still holds them.
 */
const WIDE_SHAPE = 2.4;

/** The prompt, once the panels are here: example prompts to start from, while it is empty. */
export class PromptFeature {
  readonly handlers: PromptHandlers;
  readonly #parts: ImageParts;

  constructor(parts: ImageParts, features: Features) {
    this.#parts = parts;
    this.handlers = {
      exampleChoose: (event) => {
        features.edited();
        parts.host.prompt = (event.currentTarget as HTMLButtonElement).value;
        features.flow.focusAt('#prompt');
      },
    };
  }

  slots({ on }: Drawing<PromptHandlers>): Pick<PanelSlots, 'examples'> {
    const { pricing, host, language } = this.#parts;
    const shape = pricing.fitted ?? host; // the size made: of the empty canvas's frame
    return {
      examples: renderExamples(on.exampleChoose, shape.width > WIDE_SHAPE * shape.height, language.translation),
    };
  }
}

import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { DEFAULT_MODEL } from '../../pricing/index.js';
import type { PriceBook } from '../../pricing/index.js';
import type { ProviderId, Quote } from '../../base/types.js';
import { QuoteController } from '../shared/quote-controller.js';
import { quoteStyles, renderQuote } from '../shared/quote-view.js';
import { surface, theme } from '../shared/theme.js';
import { UserPaysElement } from '../shared/userpays-element.js';
import { parseSizes } from './parse-sizes.js';

/**
 * The cost preview alone, for pages that build their own UI around it.
 *
 * @summary Live, exact price of the image(s) described by its attributes.
 * @tagname userpays-cost
 * @event userpays-quote - The quote changed; `detail` is the new `Quote`.
 * @csspart cost - The live region holding the total, breakdown and source.
 * @csspart error - Why no price can be shown (invalid size, unknown model …).
 * @cssproperty --userpays-accent - Accent colour.
 * @cssproperty --userpays-text - Text colour.
 * @cssproperty --userpays-muted - Secondary text colour.
 * @cssproperty --userpays-border - Line colour.
 * @cssproperty --userpays-danger - Error colour.
 * @cssproperty --userpays-font - Font shorthand.
 */
export class UserPaysCost extends UserPaysElement {
  /**
   * The reactive properties, as Lit declares them without decorators: each public one with its attribute (kebab-case
   * where it has two words; none for objects and the key), the private ones as internal state.
   */
  static override properties: PropertyDeclarations = {
    provider: {},
    model: {},
    width: { type: Number },
    height: { type: Number },
    count: { type: Number },
    inputs: {},
    prompt: {},
    quality: {},
    endpoint: {},
    storageKey: { attribute: 'storage-key' },
    priceBook: { attribute: false },
  };
  static override styles = [theme, surface, quoteStyles];

  /** `puter` | `bfl` | `fal` | `openai` | `openrouter` | `huggingface` | `pollinations`. */
  provider: ProviderId = 'puter';
  /** Model id from the price book. */
  model = DEFAULT_MODEL;
  /** Output width in pixels. */
  width = 1024;
  /** Output height in pixels. */
  height = 1024;
  /** Images, 1–4. */
  count = 1;
  /** Space-separated `WxH` sizes of the reference images. */
  inputs = '';
  /** The prompt, where the model bills its tokens (GPT Image): the price is then a bound (`quote.atMost`). */
  prompt = '';
  /** The model's quality tier (GPT Image `low`, `medium`, `high`); the price book's default when empty. */
  quality = '';
  /** Provider "puter": the Puter API whose live prices apply (as on `<userpays-image>`); Puter's own when empty. */
  endpoint = '';
  /**
   * The ledger whose bounds apply (as the widget's `storage-key`): where a provider charged more for an image of a
   * model and size than its "at most" said, that is quoted as its bound from then on, in every tab.
   */
  storageKey = 'userpays';
  /** Overrides or extends the built-in prices. */
  priceBook: PriceBook | null = null;

  readonly #pricing = new QuoteController(
    this,
    {
      request: () => ({
        provider: this.provider,
        model: this.model,
        width: this.width,
        height: this.height,
        count: this.count,
        inputs: parseSizes(this.inputs),
        prompt: this.prompt,
        quality: this.quality || undefined,
      }),
      priceBook: () => this.priceBook,
      endpoint: () => this.endpoint,
      language: this.language,
      storageKey: () => this.storageKey,
    },
    this.startup,
  );

  /**
   * The current quote, or undefined while the attributes describe nothing that can be priced. A request that
   * cannot be sent as it is (a size the model cannot make) is still priced, with the reason in `quote.problem`.
   */
  get quote(): Quote | undefined {
    return this.#pricing.quote;
  }

  protected override render() {
    const { quote, problem } = this.#pricing;
    return html`<div part="cost" role="status" aria-live="polite" aria-atomic="true">
      ${quote ? renderQuote(quote, this.language) : nothing}
      ${problem ? html`<p part="error" class="error">${problem}</p>` : nothing}
    </div>`;
  }
}

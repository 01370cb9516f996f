import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BUILTIN_PRICE_BOOK, DEFAULT_MODEL, mergePriceBook } from '../../pricing/index.js';
import type { PriceBook } from '../../pricing/index.js';
import type { ProviderId, Quote, Size } from '../../types.js';
import { announceQuote, priceOf } from '../shared/price.js';
import { renderQuote, quoteStyles } from '../shared/quote-view.js';
import { theme } from '../shared/theme.js';

/** `inputs="1024x1024 512x768"` → sizes; anything unreadable is reported by the quote. */
export function parseSizes(value: string | null | undefined): Size[] {
  return (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const [width, height] = token.toLowerCase().split('x').map(Number);
      return { width, height };
    });
}

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
export class UserPaysCost extends LitElement {
  static override styles = [theme, quoteStyles];

  /** `puter` | `bfl` | `fal` | `openai`. */
  @property({ attribute: 'provider' }) provider: ProviderId = 'puter';
  @property({ attribute: 'model' }) model = DEFAULT_MODEL;
  @property({ attribute: 'width', type: Number }) width = 1024;
  @property({ attribute: 'height', type: Number }) height = 1024;
  @property({ attribute: 'count', type: Number }) count = 1;
  /** Space-separated `WxH` sizes of the reference images. */
  @property({ attribute: 'inputs' }) inputs = '';
  /** BCP 47 locale for formatting; the browser's when empty. */
  @property({ attribute: 'locale' }) locale = '';
  /** Overrides or extends the built-in prices (property only). */
  @property({ attribute: false }) priceBook: PriceBook | null = null;

  @state() private current?: Quote;
  @state() private problem = '';
  private announced = '';

  /**
   * The current quote, or undefined while the attributes describe nothing that can be priced.
   * A size the model cannot make is still priced; the preview shows the problem instead.
   */
  get quote(): Quote | undefined {
    return this.current;
  }

  override willUpdate() {
    ({ quote: this.current, problem: this.problem } = priceOf(
      {
        provider: this.provider,
        model: this.model,
        width: this.width,
        height: this.height,
        count: this.count,
        inputs: parseSizes(this.inputs),
      },
      this.priceBook ? mergePriceBook(BUILTIN_PRICE_BOOK, this.priceBook) : BUILTIN_PRICE_BOOK,
    ));
  }

  override updated() {
    this.announced = announceQuote(this, this.current, this.announced);
  }

  override render() {
    return html`<div part="cost" role="status" aria-live="polite" aria-atomic="true">
      ${
        this.problem
          ? html`<p part="error" class="error">${this.problem}</p>`
          : renderQuote(this.current!, this.locale || undefined)
      }
    </div>`;
  }
}

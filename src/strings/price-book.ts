// Said to the page's developer, never to its user: what is wrong with a price book the page gave (its `priceBook`), in
// the console. In English only, and no part of `Strings` (docs/translating.md, "What stays in English"); the user reads
// `prices.priceBookBroken` instead.

/** What is wrong with a price-book entry, as `src/pricing/quote.ts` finds it. */
export type PriceBookProblem =
  | { kind: 'price'; price: string }
  | { kind: 'rule' }
  | { kind: 'unit'; unit: string; units: readonly string[] }
  | { kind: 'source' }
  | { kind: 'exact' }
  | { kind: 'capability' }
  | { kind: 'topUpFee'; fee: string };

/** The developer's sentence for `problem` in the entry `where` of the book (`priceBook["flux-2-pro"].fal`). */
export function priceBookProblem(where: string, problem: PriceBookProblem): string {
  switch (problem.kind) {
    case 'price':
      return `The price set for ${where} is not a valid amount ("${problem.price}"): write it as a decimal string, such as "0.04". Fix the price book.`;
    case 'rule':
      return `The price set for ${where} has no rule this widget knows. Fix the price book.`;
    case 'unit':
      return `The price set for ${where} is in "${problem.unit}", which is not a unit (use ${problem.units.map((unit) => `"${unit}"`).join(' or ')}). Fix the price book.`;
    case 'source':
      return `The price set for ${where} does not say where it comes from (source: { name, asOf }). Fix the price book.`;
    case 'exact':
      return `The price set for ${where} must say whether it is exact (exact: true or false). Fix the price book.`;
    case 'capability':
      return `The sizes or reference images set for ${where} are not in a form this widget knows. Fix the price book.`;
    case 'topUpFee':
      return `The top-up fee set for ${where} must be less than 1 ("${problem.fee}"). Fix the price book.`;
  }
}

/**
 * What the widget made of a page's price-book entry other than as written (src/providers/registry/page-prices.ts): a model
 * shut down by the book's own dates, which the page's price cannot bring back, or a price below the provider's own
 * rates, which the user pays whatever the page says.
 */
export type PagePriceNotice =
  { kind: 'shut-down'; shutdown: string; replacement: string } | { kind: 'raised'; payee: string; source: string };

/** The developer's sentence for `notice` on the entry `where` of the page's book (`priceBook["gpt-image-1.5"].openai`). */
export function pagePriceNotice(where: string, notice: PagePriceNotice): string {
  switch (notice.kind) {
    case 'shut-down':
      return `${where} prices a model shut down on ${notice.shutdown}: it is neither offered nor sent, whatever the page prices${notice.replacement ? ` (a page naming it gets ${notice.replacement} where that is priced)` : ''}. A price book sets a price, not when a model ends: remove the entry.`;
    case 'raised':
      return `${where} prices the model below ${notice.payee}'s own rates (${notice.source}), which the user is charged whatever the page says: the quote and the budget use ${notice.payee}'s rates where they are higher.`;
  }
}

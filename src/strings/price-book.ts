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

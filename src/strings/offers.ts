/** The price comparison and the projection. */

// Compare
export const compareLabel = () => 'Compare prices';
export const compareSummary = (model: string, price: string) => `Compare prices · cheapest: ${model}, ${price}`;
export const cheapest = () => 'cheapest';
export const offerName = (model: string, provider: string) => `${model} · ${provider}`;
export const useOffer = (model: string, provider: string) => `Use ${model} at ${provider}`;
// Projection
export const hundredOf = (price: string) => `100 of these: ${price}`;
export const perDollar = (count: number) => ` · ${count} per $1`;
export const beforeBudget = (count: number) => ` · ${count} more before your budget runs out`;
export const monthPace = (price: string) => `At your pace, this month comes to about ${price}.`;

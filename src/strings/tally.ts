/** `<userpays-tally>`'s detail: budget, split, chart, what is generating or uncertain, export, reset. */
import { imageCount, providerName } from './words.js';

export const tallyLabel = () => 'Image generation spending';
export const budgetLabel = () => 'Budget (USD)';
export const siteLimit = (limit: unknown) => ['This site limits spending to ', limit, '.'];
export const ownLimit = () => 'Your budget applies.';
export const budgetUsed = (percent: number) => `${percent} % of budget used`;
export const modelSplit = (model: string, spent: unknown, images: number) => [
  `${model}: `,
  spent,
  ` on ${imageCount(images)}`,
];
export const chartLabel = (days: string) => `Spent per day: ${days}`;
export const last30Days = () => 'Last 30 days';
export const today = () => 'Today';
export const pendingLabel = (held: unknown) => ['Generating now: ', held, ' held until done'];
export const uncertainLabel = () => 'May have been charged: no reply said';
export const uncertainEntry = (model: string, sent: string, amount: unknown, provider: string) => [
  `${model}, sent ${sent}: `,
  amount,
  ` may have been charged. If your ${providerName(provider)} account shows it, say so; it stays counted until then.`,
];
export const uncertainCharged = () => 'It was charged';
export const uncertainNotCharged = () => 'It was not';
export const pendingEntry = (model: string, started: string, held: unknown) => [`${model}, started ${started}: `, held];
export const since = (when: string) => `Since ${when}`;
export const exportCsv = () => 'Export CSV';
export const exportJson = () => 'Export JSON';
export const resetOpen = () => 'Reset…';
export const resetQuestion = () => 'Start a new session? Spent and images go back to zero.';
export const reset = () => 'Reset';
export const keep = () => 'Keep';

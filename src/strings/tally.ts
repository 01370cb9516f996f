/** `<userpays-tally>`'s detail: budget, split, chart, what is generating or uncertain, export, reset. */
import { imageCount, providerName, theProvider, TheProvider } from './words.js';

export const tallyLabel = () => 'Image generation spending';
export const budgetLabel = () => 'Budget (USD)';
export const siteLimit = (limit: unknown) => ['This site limits spending to ', limit, '.'];
export const ownLimit = () => 'Your budget applies.';
export const budgetUsed = (percent: number) => `${percent} % of budget used`;
export const budgetNearlyUsed = (percent: number) => `${percent} % of budget used: close to the limit`;
export const budgetReached = () => '100 % of budget used: the budget is reached';
export const budgetPassed = (percent: number) => `${percent} % of budget used: over budget`;
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
export const orphanLabel = (held: unknown) => ['Left unfinished when their page closed: ', held, ' held'];
/** Where the next widget to open takes it: the provider accepted it, it was sent with no reply, or it never left. */
export type OrphanNext = 'fetch' | 'uncertain' | 'void';
const NEXT_TIME = 'the next time the image widget opens on this site';
export const orphanEntry = (
  model: string,
  started: string,
  held: unknown,
  next: OrphanNext,
  provider: string,
  keyed: boolean,
) => [
  `${model}, started ${started}: `,
  held,
  next === 'fetch'
    ? `. ${TheProvider(provider)} accepted it: the image is fetched ${NEXT_TIME}${keyed ? ` with your ${providerName(provider)} key` : ''}.`
    : next === 'uncertain'
      ? `. Its page closed before ${theProvider(provider)} replied: ${NEXT_TIME}, it is listed as may have been charged, for you to settle.`
      : `. Its request never left: nothing was charged, and it is cleared ${NEXT_TIME}.`,
];
/** A moment of the day it is, or of the day before ("today, 7:37 AM"); other days are dates (tally-view.ts). */
export const todayAt = (time: string) => `today, ${time}`;
export const yesterdayAt = (time: string) => `yesterday, ${time}`;
export const since = (when: string) => `Since ${when}`;
export const exportCsv = () => 'Export CSV';
export const exportJson = () => 'Export JSON';
export const resetOpen = () => 'Reset…';
export const resetQuestion = () => 'Start a new session? Spent and images go back to zero.';
export const reset = () => 'Reset';
export const keep = () => 'Keep';

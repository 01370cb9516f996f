/**
 * The panels' sentences (elements/panels/: comparison, projection, the gallery), loaded with the panels after the widget's
 * first paint; the page's own are in `page.ts`, re-exported here so that a panel reads every sentence from one
 * import. Each sentence exists once, in one file of src/strings/ (see page.ts).
 */
import { imageCount, providerName } from './page.js';

export * from './page.js';

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

// The gallery
export const galleryLabel = () => 'Your generated images';
export const download = () => 'Download';
export const notSaved = (provider: string, until?: string) =>
  `Not saved in this browser (${providerName(provider)} does not allow it): ` +
  (until ? `its link works until ${until}.` : 'save it while its link works.');
export const linkExpired = (provider: string, at?: string) =>
  `Not saved in this browser, and ${providerName(provider)}'s link to it expired${at ? ` at ${at}` : ''}. It was paid for; generate it again to have it.`;
export const expiredImage = (prompt: string) => `Expired image: ${prompt}`;
export const open = () => 'Open';
export const openLabel = (prompt: string) => `Open full size: ${prompt}`;
export const downloadLabel = (file: string) => `Download ${file}`;
export const copy = () => 'Copy';
export const copyLabel = (prompt: string) => `Copy image: ${prompt}`;
export const copied = () => 'Image copied.';
export const copyFailed = () => 'This browser did not let the page copy the image: use Download instead.';
export const reuse = () => 'Reuse';
export const reuseLabel = (prompt: string) => `Reuse the prompt, settings and seed of: ${prompt}`;
export const vary = () => 'Vary';
export const varyLabel = (prompt: string) => `Vary (same prompt and settings, a new seed): ${prompt}`;
export const asReference = () => 'Use as reference';
export const referenceLabel = (prompt: string) => `Use as reference: ${prompt}`;
export const finalize = (model: string, price: string) => `Finalize on ${model} · ${price}`;
export const finalizeLabel = (prompt: string, model: string, price: string) =>
  `${finalize(model, price)} (same prompt, size and seed; the price shows before it runs): ${prompt}`;
export const remove = () => 'Delete';
export const deleteLabel = (prompt: string) => `Delete from this browser: ${prompt}`;
export const imageFacts = (model: string, provider: string, size: string, seed?: number) =>
  `${model} · ${provider} · ${size}${seed === undefined ? '' : ` · seed ${seed}`}`;
export const paidFailures = () => 'Paid, but no image';
export const paidFailure = (model: string, provider: string, at: string, charged: string, reason: string) =>
  `${model} at ${provider}, ${at}: ${charged} charged. ${reason}`;
export const failureReason = (code: string) =>
  ({
    moderated: 'The provider declined it for safety reasons after starting.',
    cancelled: 'You stopped waiting after the provider had charged.',
    timeout: 'The provider took too long; it had charged when it accepted.',
  })[code] ?? 'The provider charged, then could not deliver the image.';

// The tally (beyond its summary line)
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

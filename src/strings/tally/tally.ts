/** `<userpays-tally>`'s detail: budget, split, chart, what is generating or uncertain, export, reset. */

import { plural, words } from '../words.js';
import { paidFor } from './tally-line.js';
import { parts, sentences } from '../sentence.js';

export interface TallyStrings {
  tallyLabel(): string;
  budgetLabel(): string;
  siteLimit(limit: unknown): unknown[];
  /** The user's own budget (`own`) is above a limit of the site's, which applies instead. */
  siteLimitBelowOwn(own: unknown, limit: unknown): unknown[];
  /**
   * Under the budget field, until it is typed in again: what was typed (`value`) is not an amount, and how to write
   * one, with 2.50 as the element's locale writes it (`example`: "2,50" in German).
   */
  budgetRefused(value: string, example: string): string;
  ownLimit(): string;
  /** Where the user's budget holds: this browser alone, or their Puter account (every device signed in to it). */
  budgetOnBrowser(): string;
  budgetOnAccount(): string;
  budgetUsed(percent: number): string;
  budgetNearlyUsed(percent: number): string;
  budgetReached(): string;
  budgetPassed(percent: number): string;
  modelSplit(model: string, spent: unknown, images: number, failures?: number): unknown[];
  chartLabel(days: string): string;
  last30Days(): string;
  today(): string;
  pendingLabel(held: unknown): unknown[];
  pendingEntry(model: string, started: string, held: unknown): unknown[];
  orphanLabel(held: unknown): unknown[];
  orphanEntry(
    model: string,
    started: string,
    held: unknown,
    next: OrphanNext,
    provider: string,
    keyed: boolean,
  ): unknown[];
  since(when: string): string;
  exportCsv(): string;
  /** The whole history as one file, to import on another device or browser (docs/ledger.md, "Export and import"). */
  exportHistory(): string;
  /** Beside Export history: the file carries the images kept too. */
  withImages(): string;
  importHistory(): string;
  /**
   * What an import did: entries new here, entries it settled that were uncertain here, images added, and what was
   * already here; `leftOut`: entries or day totals it left out, so that nothing is counted twice.
   */
  imported(added: number, settled: number, images: number, held: number, leftOut: number): string;
  /** `count` images stayed out of the exported file: with them it would pass `limit` (e.g. "100 MB"). */
  imagesLeftOut(count: number, limit: string): string;
  /** Images of an exported file whose bytes this browser could not read back: the rest of the file was written. */
  imagesUnreadable(count: number): string;
  /** The images kept could not be read at all: the file holds the spending alone. */
  imagesNotRead(): string;
  /** The images of an imported file could not be saved in this browser (its entries were imported). */
  importImagesNotSaved(): string;
  resetOpen(): string;
  resetQuestion(): string;
  reset(): string;
  /** Beside Reset where the history is kept in the user's Puter account: removes it there too. */
  deleteEverywhere(): string;
  /** The history is deleted here, but the account did not answer. */
  deleteFailed(): string;
  keep(): string;
}

/** Where the next widget to open takes it: the provider accepted it, it was sent with no reply, or it never left. */
export type OrphanNext = 'fetch' | 'uncertain' | 'void';

const NEXT_TIME = 'the next time the image widget opens on this site';

export const tally = sentences<TallyStrings>({
  tallyLabel: 'Image generation spending',
  budgetLabel: 'Budget (USD)',
  siteLimit: (limit) => parts`This site limits spending to ${limit}.`,
  siteLimitBelowOwn: (own, limit) =>
    parts`Your budget of ${own} is above this site’s limit of ${limit}, which applies.`,
  budgetRefused: (value, example) =>
    `“${value}” is not an amount: write it in digits, like ${example}, with no currency sign or thousands separator.`,
  ownLimit: 'Your budget applies.',
  budgetOnBrowser: 'Kept on this browser.',
  budgetOnAccount: 'Kept on your Puter account: it holds on every device signed in to it.',
  budgetUsed: (percent) => `${percent} % of budget used`,
  budgetNearlyUsed: (percent) => `${percent} % of budget used: close to the limit`,
  budgetReached: '100 % of budget used: the budget is reached',
  budgetPassed: (percent) => `${percent} % of budget used: over budget`,
  modelSplit: (model, spent, images, failures) => parts`${model}: ${spent} on ${paidFor(images, failures)}`,
  chartLabel: (days) => `Spent per day: ${days}`,
  last30Days: 'Last 30 days',
  today: 'Today',
  pendingLabel: (held) => parts`Generating now: ${held} held until done`,
  pendingEntry: (model, started, held) => parts`${model}, started ${started}: ${held}`,
  orphanLabel: (held) => parts`Left unfinished when their page closed: ${held} held`,
  orphanEntry: (model, started, held, next, provider, keyed) =>
    parts`${model}, started ${started}: ${held}. ${
      next === 'fetch'
        ? `${words.TheProvider(provider)} accepted it: the image is fetched ${NEXT_TIME}${keyed ? ` with your ${words.providerName(provider)} key` : ''}.`
        : next === 'uncertain'
          ? `Its page closed before ${words.theProvider(provider)} replied: ${NEXT_TIME}, it is listed as may have been charged, for you to settle.`
          : `Its request never left: nothing was charged, and it is cleared ${NEXT_TIME}.`
    }`,
  since: (when) => `Since ${when}`,
  exportCsv: 'Export CSV',
  exportHistory: 'Export history',
  withImages: 'with images',
  importHistory: 'Import history',
  imported: (added, settled, images, held, leftOut) =>
    `Imported ${plural(added, 'new entry', 'new entries')}` +
    `${settled ? `, ${plural(settled, 'charge')} settled that ${settled === 1 ? 'was' : 'were'} uncertain here` : ''}` +
    `${images ? ` and ${plural(images, 'image')}` : ''}; ${held} already here.` +
    (leftOut
      ? ` ${leftOut} left out so that nothing is counted twice: generations still under way where the file was ` +
        'made, or spending this tally already holds in its totals by day.'
      : ''),
  imagesLeftOut: (count, limit) =>
    `${plural(count, 'older image')} left out of the file: with ${count === 1 ? 'it' : 'them'} it would pass ${limit}.`,
  imagesUnreadable: (count) =>
    `${plural(count, 'image')} left out of the file: this browser could not read ${count === 1 ? 'it' : 'them'} back.`,
  imagesNotRead: 'The file holds your spending without images: this browser could not read the images it keeps.',
  importImagesNotSaved: 'The entries were imported, but this browser could not save the images.',
  resetOpen: 'Reset…',
  resetQuestion: 'Start a new session? Spent and images go back to zero.',
  reset: 'Reset',
  deleteEverywhere: 'Delete here and from my Puter account, images too',
  deleteFailed: 'The history is deleted on this browser, but your Puter account did not answer: try again.',
  keep: 'Keep',
});

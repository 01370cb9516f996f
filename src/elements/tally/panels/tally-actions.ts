import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Tally } from '../../../base/types.js';
import type { LedgerStore } from '../../../ledger/ledger.js';
import { typedAmount } from '../../../pricing/typed-amount.js';
import type { Spoken } from '../../shared/language-controller.js';
import { ledgerFile } from './export.js';
import { historyFile, importHistory } from './history-file.js';
import { asUserPaysError } from '../../../base/errors.js';
import { reword, wordsIn } from '../../../strings/strings.js';
import { tally as english } from '../../../strings/tally/tally.js';
import { settleUncertain } from '../uncertain-charges.js';
import { loadEngine, loadLedger } from '../../../lazy/index.js';
import type { TallyHandlers } from './tally-template.js';
import { reconcileHandlers } from './reconcile-actions.js';
import type { ReconcileView } from './reconcile.js';

/** What `<userpays-tally>`'s controls act on, read when they act (never a stale copy). */
export interface TallyActionTarget {
  /** The element: the watch of closed pages (`OrphanWatch`) lives and stops with it, and redraws it. */
  host: ReactiveControllerHost;
  ledger(): LedgerStore | undefined;
  tally(): Tally | undefined;
  storageKey(): string;
  /** The endpoint the page names for each provider, and its relay: where a key remembered for them may go. */
  endpoints(): Readonly<Record<string, string>>;
  relay(): string;
  /** The element's words over English. */
  language: Spoken;
}

/** What `<userpays-tally>` does beyond its summary line: its controls, and what it watches beside the ledger. */
export interface TallyActions extends TallyHandlers {
  /** The ids of the pending entries whose page is gone, as last seen (none until the lock manager answers). */
  readonly orphaned: ReadonlySet<string>;
  /** What was typed as the budget and refused, not an amount ('' where nothing is refused), until it is typed again. */
  readonly refused: string;
  /** What the last export or import said (an import refused: `error`), until the next one. */
  readonly said?: { words: string; error?: boolean };
  /** "Reconcile with my account", and the records asked on their own: what it last said is its `view`. */
  readonly reconciling: { readonly view?: ReconcileView };
}

/** How the size past which images stay out of a history file is said (`IMAGE_DATA_LIMIT`, portable-images.ts). */
const LIMIT_SAID = '100 MB';

/** Downloads `file` as `name`. */
function download(file: string, name: string, type: string) {
  const link = document.createElement('a');
  link.download = name;
  link.href = URL.createObjectURL(new Blob([file], { type }));
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000); // the download has long started by then
}

/**
 * Reset, Delete (where the ledger is kept in the user's account too) or Keep in the confirmation: each closes it, and
 * focus goes back to Reset…. Delete deletes here at once, then in the account, which may not answer (`failed`).
 */
function resetChoice(ledger: LedgerStore | undefined, { target: button }: Event, failed: () => void) {
  if (!(button instanceof HTMLButtonElement)) return;
  if (button.value === 'reset') ledger?.reset();
  // Deleting takes the spending history and the images kept, here and from the account, the images' account being
  // the one the page's widget keeps them in (ImageStore.clearEverywhere).
  if (button.value === 'delete' && ledger)
    void Promise.all([
      loadLedger().then(({ deleteHistory }) => deleteHistory(ledger.storageKey, ledger.storage)),
      loadEngine().then(({ ImageStore }) => new ImageStore({ storageKey: ledger.storageKey }).clearEverywhere()),
    ]).catch(failed);
  const details = button.closest('details');
  if (!details) return; // the buttons are drawn in the confirmation: never without it
  details.open = false;
  details.querySelector('summary')?.focus(); // Reset…, the confirmation's summary, which it is always drawn with
}

/**
 * What `<userpays-tally>`'s controls do beyond its summary line (budget, uncertain charges, export, reset), loaded
 * with the panels that draw them, as the gallery's actions are (gallery-actions.ts); and the watch of the pending
 * entries whose page closed.
 */
export function tallyHandlers(target: TallyActionTarget): TallyActions {
  const watch = new OrphanWatch(target.host, target.ledger);
  let refused = '';
  let said: TallyActions['said'];
  const say = (words?: string, error?: boolean) => {
    said = words ? { words, error } : undefined;
    target.host.requestUpdate();
  };
  const text = wordsIn(target.language.translation, 'tally', english);
  const refuse = (typed: string) => {
    if (typed === refused) return;
    refused = typed;
    target.host.requestUpdate();
  };
  return {
    get orphaned() {
      return watch.orphaned;
    },
    get refused() {
      return refused;
    },
    get said() {
      return said;
    },
    ...reconcileHandlers(target),
    /**
     * A new budget from the input (on Enter, or leaving it), read as the element's locale writes an amount ("2,50" in
     * German); one that is not an amount changes nothing, and is refused under the field, with what was typed, until
     * the field is typed in again. Nothing holds the focus: Tab goes on to the next control.
     */
    budgetChange({ target: field }) {
      if (!(field instanceof HTMLInputElement)) return;
      const typed = field.value.trim();
      const amount = typedAmount(typed, target.language.locale);
      if (typed && !amount) return refuse(typed.slice(0, 20));
      refuse('');
      const ledger = target.ledger();
      if (!ledger) return; // the field is drawn once the ledger is loaded: never without one
      ledger.budget = amount?.toFixed() ?? null;
    },
    /** The field typed in again: what it said of the text before no longer holds. */
    budgetInput: () => refuse(''),
    /**
     * Export CSV (for spreadsheets) or Export history (`value` json: the file to import elsewhere, with the images kept
     * where "with images" is ticked), downloaded as `{storage-key}-spending.csv` or `.json`.
     */
    async exportClick({ currentTarget }) {
      if (!(currentTarget instanceof HTMLButtonElement)) return;
      const ledger = target.ledger();
      const tally = target.tally();
      if (!ledger || !tally) return; // the buttons are drawn with the tally of a loaded ledger: never without them
      const name = `${target.storageKey()}-spending.`;
      if (currentTarget.value === 'csv') return download(ledgerFile(ledger), name + 'csv', 'text/csv');
      const withImages = currentTarget.parentElement?.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked;
      const { json, leftOut, unreadable, imagesNotRead } = await historyFile(ledger, tally, withImages);
      download(json, name + 'json', 'application/json');
      const said = [
        leftOut && text.imagesLeftOut(leftOut, LIMIT_SAID),
        unreadable && text.imagesUnreadable(unreadable),
        imagesNotRead && text.imagesNotRead(),
      ];
      say(said.filter(Boolean).join(' ') || undefined);
    },
    /**
     * A history file chosen to import: merged by entry id (the tally shows it as any write), or refused whole in plain
     * words. The field is emptied, so that the same file may be chosen again.
     */
    async importChange({ currentTarget: field }) {
      const ledger = target.ledger();
      const file = field instanceof HTMLInputElement ? field.files?.[0] : undefined;
      if (!ledger || !file || !(field instanceof HTMLInputElement)) return;
      field.value = '';
      try {
        const done = await importHistory(await file.text(), ledger);
        const { added, settled, images, held, leftOut } = done;
        const words = text.imported(added, settled, images, held, leftOut);
        say(done.imagesNotSaved ? `${words} ${text.importImagesNotSaved()}` : words);
      } catch (error) {
        // Refused whole in plain words (`invalid-input`), said in the element's language; nothing was written.
        const { said: sentences } = asUserPaysError(error);
        say(sentences.map((sentence) => reword(sentence, target.language.translation)).join(' '), true);
      }
    },
    /** Reset, Delete or Keep in the confirmation (`resetChoice`). */
    resetChoice: (event) => resetChoice(target.ledger(), event, () => say(text.deleteFailed(), true)),
    /**
     * The user's word on an uncertain charge, from their provider account: booked as charged (at the amount
     * counted apart) or void. Nothing else can settle a charge whose request has no task id to ask about.
     */
    uncertainChoice: (event) => void settleUncertain(target.ledger(), event),
  };
}

/**
 * How long a page may have been gone before the tally stops saying its generation is "generating now". A page that
 * closes or crashes tells no one, and a lock that is freed fires no event: the only way to know is to look again.
 */
const LOOK_AGAIN_MS = 2000;

/**
 * Which pending entries no page runs any more (docs/ledger.md, "Orphans"): the page that opened an entry holds its
 * Web Lock until it settles it, so an entry whose lock is free was left by a page that went. Asked of the lock
 * manager (`LedgerStore.orphans`) after each render that shows other pending entries than the last, and every
 * 2 s while a live page still runs one; only asked, never taken, even for a moment, which could keep a widget from
 * resuming the entry. A new entry is never an orphan (its lock is held before it is written); until the first
 * answer, a moment after the panels load, entries already pending are shown as generating.
 */
class OrphanWatch implements ReactiveController {
  orphaned: ReadonlySet<string> = new Set();
  /** The pending entries the last look was for, and which look is the latest. */
  #pending = '';
  #looks = 0;
  #timer?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveControllerHost;
  readonly #ledger: () => LedgerStore | undefined;

  constructor(host: ReactiveControllerHost, ledger: () => LedgerStore | undefined) {
    this.#host = host;
    this.#ledger = ledger;
    host.addController(this);
  }

  hostUpdated() {
    const pending =
      this.#ledger()
        ?.pending()
        .map((entry) => entry.id)
        .join() ?? '';
    if (pending === this.#pending) return;
    this.#pending = pending;
    void this.#look();
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
    this.#pending = ''; // looked at again once connected and drawn
    this.#looks++; // an answer on its way is for a host no longer shown
  }

  async #look() {
    clearTimeout(this.#timer);
    const look = ++this.#looks;
    const ledger = this.#ledger();
    const orphans = this.#pending && ledger ? (await ledger.orphans()).map((entry) => entry.id) : [];
    if (look !== this.#looks) return; // a later look has begun, or the host left
    if (orphans.join() !== [...this.orphaned].join()) {
      this.orphaned = new Set(orphans);
      this.#host.requestUpdate();
    }
    // A live page still runs one of them, and may go without a word too (without Web Locks there is no telling).
    if (ledger && navigator.locks && ledger.pending().length > orphans.length)
      this.#timer = setTimeout(() => void this.#look(), LOOK_AGAIN_MS);
  }
}

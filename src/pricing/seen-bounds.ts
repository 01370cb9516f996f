/**
 * The most a provider has charged here for one image of a model at a size, where that was above the bound its quote
 * said ("at most"): kept beside the ledger under `${storageKey}:ledger:bounds`, so that every tab, widget and visit of
 * the same key quotes that model and size with a bound at least as high (docs/ledger.md, "Bounds seen").
 *
 * Here, beside the prices, not in the ledger's modules: every quote reads it, from the first paint on, while the
 * ledger loads after it. A figure is only ever raised: each write takes the larger of what it saw and what storage
 * holds (another tab's), so tabs that write in turn agree, and a bound once seen is never lowered, by a reset of the
 * tally or otherwise. Storage that fails (full, off) keeps the figure for this page only; a stored value that is not
 * an amount is not read.
 */
import Decimal from 'decimal.js';
import { isAmount } from '../base/checks.js';

/** The amount `text` spells, or undefined where it is none. */
const decimalOf = (text: string) => (isAmount(text) ? new Decimal(text) : undefined);

/** What a bound is kept by: the provider, the model, the quality (a resolution tier) and the size made. */
export interface BoundOf {
  provider: string;
  model: string;
  quality?: string;
  width: number;
  height: number;
}

/** How many model and size pairs are kept: the newest raised stay. */
const KEPT = 200;

/** The key a bound is kept under. */
export const boundKey = ({ provider, model, quality, width, height }: BoundOf) =>
  `${provider} ${model} ${quality ?? ''} ${width}x${height}`;

/**
 * The figures a stored text holds, each amount checked: every quote of a bound price reads them, so the text last read
 * under each item is not parsed again while it is the same (another tab's write changes it, and is read anew).
 */
const lastRead = new Map<string, { text: string | null; figures: ReadonlyMap<string, string> }>();
function checked(item: string, text: string | null): ReadonlyMap<string, string> {
  const last = lastRead.get(item);
  if (last && last.text === text) return last.figures;
  const figures = new Map<string, string>();
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      for (const [key, value] of Object.entries(parsed)) {
        const amount = typeof value === 'string' ? decimalOf(value) : undefined;
        if (amount && amount.gt(0)) figures.set(key, amount.toFixed());
      }
  } catch {
    // damaged: only this page's figures
  }
  lastRead.set(item, { text, figures });
  return figures;
}

/** How many times a bound may have moved on this page (see `SeenBounds.state`), and whether other tabs' are heard. */
let moved = 0;
let heard = false;

/** Figures raised on this page that storage would not take: they hold for this visit. */
const unstored = new Map<string, Map<string, string>>();

/** The storage item the bounds of `storageKey` are kept in: another tab's write to it is a `storage` event there. */
export const boundsItem = (storageKey: string) => `${storageKey}:ledger:bounds`;

export class SeenBounds {
  readonly #key: string;
  readonly #storage?: Storage;

  constructor(storageKey: string, storage?: Storage) {
    this.#key = boundsItem(storageKey);
    this.#storage = storage;
  }

  /** The most charged for one image of `of` above its quote's bound (USD), or undefined where none was. */
  most(of: BoundOf): string | undefined {
    return this.#read().get(boundKey(of));
  }

  /**
   * Keeps `usd`, charged for one image of `of`, as its bound from now on where it is above what is kept; returns
   * whether the bound was raised.
   */
  raise(of: BoundOf, usd: string): boolean {
    const charged = decimalOf(usd);
    if (!charged) return false;
    const kept = this.#read();
    const key = boundKey(of);
    const before = kept.get(key);
    if (before !== undefined && charged.lte(before)) return false;
    moved++;
    kept.delete(key); // re-inserted last: the oldest pairs go first
    kept.set(key, charged.toFixed());
    const all = [...kept].slice(-KEPT);
    try {
      this.#place().setItem(this.#key, JSON.stringify(Object.fromEntries(all)));
    } catch {
      const local = unstored.get(this.#key) ?? new Map<string, string>();
      local.set(key, charged.toFixed());
      unstored.set(this.#key, local);
    }
    return true;
  }

  /**
   * A word that changes whenever a bound may have moved: raised on this page, or written by another tab (its
   * `storage` event). Read without storage (a page's first read of it waits on the browser), for keys of what was
   * priced with the bounds (pricing/page-offers.ts).
   */
  static state(): string {
    if (!heard) {
      heard = true;
      globalThis.addEventListener?.('storage', () => moved++);
    }
    return String(moved);
  }

  #place(): Storage {
    return this.#storage ?? localStorage;
  }

  /** What storage holds, each amount checked, with this page's unstored figures laid over where larger. */
  #read(): Map<string, string> {
    let kept: Map<string, string>;
    try {
      kept = new Map(checked(this.#key, this.#place().getItem(this.#key)));
    } catch {
      kept = new Map(); // storage off: only this page's figures
    }
    for (const [key, value] of unstored.get(this.#key) ?? []) {
      const stored = kept.get(key);
      if (stored === undefined || new Decimal(value).gt(stored)) kept.set(key, value);
    }
    return kept;
  }
}

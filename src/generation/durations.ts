import type { Size } from '../base/types.js';
import { megapixels } from '../pricing/index.js';
/** Samples kept per kind of image, and kinds kept: a few KB at most. */
const SAMPLES = 9;
const KINDS = 40;
/** A sample outside this is not a generation time (a clock jump, a page asleep): not kept. */
const LONGEST_MS = 10 * 60_000;
/** How a sample is checked, kept and read back alike. */
const plausible = (ms: unknown): ms is number => typeof ms === 'number' && ms > 0 && ms < LONGEST_MS;
/** A kind's samples as stored: a list of plausible times. */
const isTimes = (list: unknown): list is number[] => Array.isArray(list) && list.every(plausible);
/** Samples needed before anything is predicted. */
const ENOUGH = 3;

/** The kind of an image, as its times are kept: the same model at about the same size takes about as long. */
export const kindOf = ({ provider, model, width, height }: Size & { provider: string; model: string }) =>
  `${provider} ${model} ${megapixels(width, height)}`;

/** Where the whole waits of a kind are kept, beside its times from acceptance (which place the polls). */
const waitOf = (kind: string) => `wait ${kind}`;

/**
 * How long the provider took to make images here, from acceptance to ready (the middle of the span between its
 * last "not yet" and its "ready", as the page polls), per kind (provider, model, size):
 * the last few of each, kept beside the ledger under `{storageKey}:durations` (per origin and storage key,
 * bounded). A page polls sparsely until the earliest of them and densely after (providers/engine/poll.ts). Storage
 * that fails (full, off, damaged) only means no prediction.
 */
export class Durations {
  readonly #key: string;

  readonly #storage?: Storage;

  constructor(storageKey: string, storage?: Storage) {
    this.#storage = storage;
    this.#key = `${storageKey}:durations`;
  }

  /** The earliest the provider has been ready for `kind` (ms), once there are enough samples; else undefined. */
  earliest(kind: string): number | undefined {
    const samples = this.#read()[kind];
    return samples && samples.length >= ENOUGH ? Math.min(...samples) : undefined;
  }

  /**
   * How long a user has usually waited here for an image of `kind`, from its request to its bytes (ms): the median of
   * the last few waits, once there is one; else undefined. Said beside the seconds counted while one is made.
   */
  usualWait(kind: string): number | undefined {
    const samples = [...(this.#read()[waitOf(kind)] ?? [])].sort((a, b) => a - b);
    if (!samples.length) return undefined;
    const middle = samples.length >> 1;
    return samples.length % 2 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
  }

  /** Keeps one whole wait for an image of `kind`: from its request to its bytes. */
  recordWait(kind: string, ms: number) {
    this.record(waitOf(kind), ms);
  }

  /** Keeps one sample for `kind` (the newest kinds and samples stay). */
  record(kind: string, ms: number) {
    if (!plausible(ms)) return;
    const all = this.#read();
    const samples = [...(all[kind] ?? []), Math.round(ms)].slice(-SAMPLES);
    delete all[kind]; // re-inserted last: the oldest kinds go first
    all[kind] = samples;
    const kept = Object.fromEntries(Object.entries(all).slice(-KINDS));
    try {
      (this.#storage ?? localStorage).setItem(this.#key, JSON.stringify(kept));
    } catch {
      // full or off: this visit just predicts nothing
    }
  }

  #read(): Record<string, number[]> {
    try {
      const parsed: unknown = JSON.parse((this.#storage ?? localStorage).getItem(this.#key) ?? '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      // Stored data may be damaged or tampered with: only lists of plausible times count.
      const times: Record<string, number[]> = {};
      for (const [kind, list] of Object.entries(parsed)) if (isTimes(list)) times[kind] = list;
      return times;
    } catch {
      return {};
    }
  }
}

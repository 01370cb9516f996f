import { AccountFull, type AccountFiles } from '../providers/account-files.js';
import type { StoreAccount, StoredImage } from './image-store.js';

/**
 * The images kept in the user's own account besides this browser (docs/ledger.md, "What is stored where"), through the
 * seam an account system implements (`AccountFiles`; Puter's files: src/providers/puter/account-files.ts). The store
 * never waits on it to show or keep an image: what it could not write waits in an outbox kept in this browser
 * (`AccountOutbox`) and is written, in order, once the account answers again.
 */

/**
 * What the account keeps of an image besides its bytes: its record as the store keeps it, without what is only this
 * browser's (the provider's link of an image never saved, the conversation's and the original's Blobs).
 */
export type AccountRecord = Omit<StoredImage, 'blob' | 'remote' | 'asMade' | 'conversation' | 'own'> & {
  /** The bytes' type (`image/png`…). */
  type: string;
};

/** The record of `image` as the account keeps it; none for an image that has no bytes here, or is the user's own. */
export function accountRecordOf(image: StoredImage): AccountRecord | undefined {
  const { blob, remote: _remote, asMade: _asMade, conversation: _conversation, own, ...record } = image;
  return blob && !own ? { ...record, type: blob.type } : undefined;
}

/** Each optional field of a record, and the type it has where it is there. */
const OPTIONAL: Partial<Record<keyof AccountRecord, 'string' | 'number' | 'object'>> = {
  seed: 'number',
  revisedPrompt: 'string',
  paidWith: 'string',
  receipt: 'object',
  batch: 'string',
  quality: 'string',
  settings: 'object',
  edit: 'object',
};

/**
 * Whether `value` reads as a record the widget wrote: a file of another hand, or one edited into another shape, is left
 * out rather than shown half.
 */
export function isAccountRecord(value: unknown): value is AccountRecord {
  const record = value as Partial<AccountRecord> | null;
  const optional = Object.entries(OPTIONAL) as [keyof AccountRecord, string][];
  return (
    !!record &&
    typeof record === 'object' &&
    optional.every(
      ([field, type]) => record[field] === undefined || (typeof record[field] === type && record[field] !== null),
    ) &&
    typeof record.id === 'string' &&
    typeof record.prompt === 'string' &&
    typeof record.model === 'string' &&
    typeof record.provider === 'string' &&
    typeof record.charged === 'string' &&
    typeof record.type === 'string' &&
    Number.isFinite(record.createdAt) &&
    Number.isFinite(record.width) &&
    Number.isFinite(record.height)
  );
}

/** One step the account has yet to take: an image to write, or to remove. */
export interface Pending {
  op: 'put' | 'remove';
  id: string;
}

/**
 * What the account has yet to be told, in order, kept in this browser's localStorage under `${storageKey}-account`
 * (per account, `who`): a later step on the same image replaces an earlier one, so that it is written or removed once.
 * Without storage it is kept for the page's life.
 */
export class AccountOutbox {
  readonly #key: string;
  #memory: Pending[] = [];

  constructor(storageKey: string, who: string) {
    this.#key = `${storageKey}-account:${who}`;
  }

  get steps(): Pending[] {
    try {
      const stored = JSON.parse(localStorage.getItem(this.#key) ?? '[]');
      return Array.isArray(stored) ? stored.filter((step) => typeof step?.id === 'string') : [];
    } catch {
      return this.#memory;
    }
  }

  add(step: Pending) {
    this.#save([...this.steps.filter(({ id }) => id !== step.id), step]);
  }

  /** The first step was taken: it goes. */
  done(step: Pending) {
    this.#save(this.steps.filter(({ id, op }) => id !== step.id || op !== step.op));
  }

  clear() {
    this.#save([]);
  }

  #save(steps: Pending[]) {
    this.#memory = steps;
    try {
      if (steps.length) localStorage.setItem(this.#key, JSON.stringify(steps));
      else localStorage.removeItem(this.#key);
    } catch {
      // kept in memory for the page's life
    }
  }
}

/** What `AccountImages` needs of the image store: an image as this browser keeps it. */
export type LocalImage = (id: string) => Promise<StoredImage | undefined>;

/** How long after a failed write the outbox is tried again by itself (it is also tried at each keep, and online). */
const RETRY_MS = 30_000;

/**
 * The images of the user's account beside the image store: writes what the store keeps (through the outbox), lists
 * what the account holds and fetches the bytes of those this browser lacks, for the gallery to show with its own.
 */
export class AccountImages implements StoreAccount {
  /** The account refused a write for want of room (`AccountFull`): said where the account is shown. */
  full = false;
  readonly outbox: AccountOutbox;
  /** Where the account keeps them. */
  readonly files: AccountFiles;
  readonly #local: LocalImage;
  readonly #changed: () => void;
  /** The images of the account this browser lacks, with their bytes once fetched, by id. */
  readonly #fetched = new Map<string, StoredImage>();
  #flushing?: Promise<void>;
  #again = false;
  #retry?: ReturnType<typeof setTimeout>;
  #stopped = false;
  readonly #online = () => void this.flush();

  /**
   * `who`: the account (its outbox is its own); `local`: the store's image by id; `changed`: called when the images to
   * show changed (fetched from the account, or the account's state said).
   */
  constructor(files: AccountFiles, storageKey: string, who: string, local: LocalImage, changed: () => void) {
    this.files = files;
    this.#local = local;
    this.#changed = changed;
    this.outbox = new AccountOutbox(storageKey, who);
    globalThis.addEventListener?.('online', this.#online);
  }

  /** Stops writing (signed out, another account): what is left in the outbox waits for this account's next session. */
  stop() {
    this.#stopped = true;
    clearTimeout(this.#retry);
    globalThis.removeEventListener?.('online', this.#online);
  }

  /** The image was kept here: it goes to the account too. */
  put(id: string) {
    this.outbox.add({ op: 'put', id });
    this.full = false; // tried again: the room may have been made since
    void this.flush();
  }

  /** The image was deleted here: it goes from the account too. */
  remove(id: string) {
    this.#fetched.delete(id);
    this.outbox.add({ op: 'remove', id });
    void this.flush();
  }

  /** The images of the account this browser lacks, with their bytes (those fetched so far). */
  images(): StoredImage[] {
    return [...this.#fetched.values()];
  }

  image(id: string): StoredImage | undefined {
    return this.#fetched.get(id);
  }

  /**
   * Lists the account's images, and fetches the bytes of those this browser lacks (up to `keep`, newest first), one at
   * a time; `changed` as each arrives. An image removed here but not yet from the account is left out.
   */
  async refresh(keep: number): Promise<void> {
    const records = (await this.files.list()).filter(isAccountRecord);
    const removing = new Set(this.outbox.steps.flatMap(({ op, id }) => (op === 'remove' ? [id] : [])));
    const wanted = records
      .filter(({ id }) => !removing.has(id))
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, keep);
    const listed = new Set(wanted.map(({ id }) => id));
    let dropped = false;
    for (const id of this.#fetched.keys()) if (!listed.has(id)) dropped = this.#fetched.delete(id);
    if (dropped) this.#changed();
    for (const record of wanted) {
      if (this.#stopped) return;
      if (this.#fetched.has(record.id) || (await this.#local(record.id))) continue;
      const blob = await this.files.read(record.id).catch(() => undefined);
      if (!blob) continue; // written half (its record before its bytes), or gone meanwhile: the next refresh sees
      const { type: _type, ...image } = record;
      this.#fetched.set(record.id, { ...image, blob });
      this.#changed();
    }
  }

  /** Removes every image of the account and forgets what waited: the history's deletion (docs/ledger.md). */
  async removeAll(): Promise<void> {
    this.outbox.clear();
    this.#fetched.clear();
    await this.#flushing; // a write under way lands before the folder goes, not after it
    await this.files.removeAll();
    this.#changed();
  }

  /** Takes the outbox's steps in order, one at a time; stops at the first that fails, to try again later. */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    const run = async () => {
      do {
        this.#again = false;
        await this.#takeSteps();
      } while (this.#again && !this.#stopped);
    };
    return (this.#flushing = run().finally(() => (this.#flushing = undefined)));
  }

  async #takeSteps() {
    clearTimeout(this.#retry);
    for (const step of this.outbox.steps) {
      if (this.#stopped) return;
      try {
        await this.#take(step);
      } catch (error) {
        this.#said(error instanceof AccountFull);
        const full = this.full;
        // Full: tried again at the next keep; anything else (offline, the account busy): by itself in a while too.
        if (!full) this.#retry = setTimeout(() => void this.flush(), RETRY_MS);
        return;
      }
      this.outbox.done(step);
    }
    this.#said(false);
  }

  /** Whether the account is full, told where that changed. */
  #said(full: boolean) {
    if (full === this.full) return;
    this.full = full;
    this.#changed();
  }

  async #take({ op, id }: Pending) {
    if (op === 'remove') return this.files.remove(id);
    const image = await this.#local(id);
    const record = image && accountRecordOf(image);
    // Gone from this browser before it could be written (deleted, or beyond the images kept): nothing to write.
    if (image?.blob && record) await this.files.put(id, image.blob, record);
  }
}

/**
 * Files in the user's own account, where an account system keeps them for the widget (Puter's: puter/account-files.ts):
 * the seam the image store writes through (src/images/account-images.ts), defined here, below both, so that the image
 * store knows no account system and an account system knows no image store. A record is the account's to keep, not to
 * read: it is written and given back as it came (JSON), the image store judging it.
 */
export interface AccountFiles {
  /** Writes a file's bytes and its record under `id`, replacing what the account held under it. */
  put(id: string, bytes: Blob, record: AccountFileRecord): Promise<void>;
  /** The records the account holds (any order), each of a file whose bytes are there too. */
  list(): Promise<AccountFileRecord[]>;
  /** The bytes under `id` (listed or written before). */
  read(id: string): Promise<Blob>;
  /** Removes the bytes and the record under `id`; what the account does not hold is removed already. */
  remove(id: string): Promise<void>;
  /** Removes every file the widget wrote to the account (the folder it keeps them in). */
  removeAll(): Promise<void>;
}

/** A record as the account keeps it: the id it is filed under, the type of its bytes, and whatever the writer keeps. */
export interface AccountFileRecord {
  id: string;
  /** The bytes' type (`image/png`…): the file is named by it. */
  type: string;
  [field: string]: unknown;
}

/** Thrown by `AccountFiles` where the account refused for want of room. */
export class AccountFull extends Error {
  constructor() {
    super('The account has no room left');
    this.name = 'AccountFull';
  }
}

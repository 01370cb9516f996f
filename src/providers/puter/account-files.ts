import { AccountFull, type AccountFileRecord, type AccountFiles } from '../account-files.js';

/**
 * The images the user keeps, in their own Puter files (docs/ledger.md, "What is stored where"), through `puter.fs` of
 * Puter's SDK (@heyputer/puter.js 2.6.3, read 2026-11-29):
 *
 * - Where: the app's own folder, `~/AppData/{app id}/userpays/images/`. A website's token is an app-under-user token
 *   whose `app_uid` claim the SDK takes as `puter.appID` (src/index.js, setAuthToken/getAppIDFromAuthToken); Puter
 *   derives a website's app id from its origin, `app-` + uuidv5(origin) (HeyPuter/puter@8307e8c
 *   src/backend/services/auth/AuthService.ts, appUidFromOrigin), makes `/{user}/AppData/{app id}` when it first gives
 *   the site a token (AuthController.ts, get-user-app-token), and lets that token see nothing outside it (a denial
 *   reads as 404 `subject_does_not_exist`: controllers/fs/legacyFsHelpers.ts). The path is written out in full, never
 *   relative: the SDK puts a relative path under `~/` itself where it knows no app id
 *   (FileSystem/utils/getAbsolutePathForApp.js), and without one nothing is written.
 * - Layout: each image as two files named by its id: `{id}.{png|jpg|webp}`, its bytes, and `{id}.json`, its record
 *   (prompt, model, size, seed, charge, receipt…: `AccountFileRecord`). Puter's entries have a `metadata` field, but the
 *   SDK's write sends none (write.js → upload: `fileMetadata` is path, size, contentType, overwrite, dedupeName,
 *   createMissingParents), so the record is a file of its own. Its bytes are written first, its record last: a listing
 *   sees an image once both are there. Two devices write different ids, and the same image written twice replaces
 *   itself (`overwrite: true`).
 * - Calls: write = POST /fs/startBatchWrite, PUT to the signed URL, POST /fs/completeBatchWrite (upload/
 *   signedBatchUpload.js); readdir = POST /fs/readdir (pages); read = GET /read?file=; delete = POST /delete.
 * - Errors: a full storage is 413 `storage_limit_reached` (FSService.ts #assertStorageAllowanceForBatch, checked when
 *   a write starts), which the SDK also shows in a dialog of its own (storageLimitPrompt.js); a path it does not hold
 *   is 404 `not_found` or `subject_does_not_exist`; too many calls 429 `too_many_requests` (controllers/fs/limits.ts:
 *   on the free plan 120 writes and 300 reads a minute, 5 reads at once); a network failure rejects with no status.
 */

/** The folder of the images, under the app's own. */
const FOLDER = 'userpays/images';

/** The bytes' name ending, by type: other types keep the type's own subtype. */
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };
const fileOf = (id: string, type: string) =>
  `${id}.${EXTENSIONS[type] ?? (/^image\/([\w+-]+)$/.exec(type)?.[1] ?? 'bin').replace('+', '-')}`;

/** An image id as a file name: one path segment (Puter refuses `/`, `.` and `..`: FSService.ts #assertUsableName). */
function safeId(id: string): string {
  if (!/^[\w-]+$/.test(id)) throw new TypeError(`An image id that cannot name a file: ${id}`);
  return id;
}

const said = (thrown: any) => `${thrown?.status}|${thrown?.code}|${thrown?.error?.code ?? ''}`;
const isMissing = (thrown: unknown) => /^404\||\|(not_found|subject_does_not_exist)\|/.test(said(thrown));
/** The SDK's own test for a storage refusal (storageLimitPrompt.js, isStorageLimitError). */
const isFull = (thrown: unknown) => /^413\||\|(storage_limit_reached|NOT_ENOUGH_SPACE)\|/.test(said(thrown));

/** The app's folder of the images for the signed-in user, or a refusal: signed out, or no app id to write under. */
function folderOf(puter: any): string {
  if (!puter.auth?.isSignedIn?.() || !puter.appID) throw new TypeError('No Puter app folder to keep images in');
  return `~/AppData/${puter.appID}/${FOLDER}`;
}

/** `puter.fs`'s refusals as the seam's: a full storage is `AccountFull`, the rest as they came. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (thrown) {
    throw isFull(thrown) ? new AccountFull() : thrown;
  }
}

/** The images in the user's Puter files, through the SDK `puter` (signed in; see the header). */
export class PuterAccountFiles implements AccountFiles {
  readonly #puter: any;
  /** The bytes' file of each image, by id, as listed or written (read needs its name ending). */
  readonly #names = new Map<string, string>();

  constructor(puter: any) {
    this.#puter = puter;
  }

  async put(id: string, bytes: Blob, record: AccountFileRecord): Promise<void> {
    const folder = folderOf(this.#puter);
    const name = fileOf(safeId(id), record.type);
    const options = { overwrite: true, createMissingParents: true };
    await call(() => this.#puter.fs.write(`${folder}/${name}`, bytes, options));
    const json = new Blob([JSON.stringify({ ...record, file: name })], { type: 'application/json' });
    await call(() => this.#puter.fs.write(`${folder}/${id}.json`, json, options));
    this.#names.set(id, name);
  }

  async list(): Promise<AccountFileRecord[]> {
    const folder = folderOf(this.#puter);
    const entries = await call<{ name: string; is_dir: boolean }[]>(() => this.#puter.fs.readdir(folder)).catch(
      (thrown: unknown) => (isMissing(thrown) ? [] : Promise.reject(thrown)),
    );
    const names = new Set(entries.filter((entry) => !entry.is_dir).map((entry) => entry.name));
    const records: AccountFileRecord[] = [];
    for (const name of names) {
      const id = /^([\w-]+)\.json$/.exec(name)?.[1];
      if (!id) continue;
      const record = await this.#record(`${folder}/${name}`);
      const file = typeof record?.file === 'string' ? record.file : undefined;
      // Only a record for its own id whose bytes are there too (the image store judges the rest).
      if (record?.id !== id || typeof record.type !== 'string' || !file || !names.has(file)) continue;
      const { file: _file, ...image } = record;
      this.#names.set(id, file);
      records.push(image);
    }
    return records;
  }

  async read(id: string): Promise<Blob> {
    const name = this.#names.get(safeId(id));
    if (!name) throw new TypeError(`No image ${id} listed in the account`);
    const got = await call(() => this.#puter.fs.read(`${folderOf(this.#puter)}/${name}`));
    // The SDK hands a file's bytes as they came, or (a type it does not know as bytes) wrapped as `result`
    // (src/lib/networkUtils.js, parseResponse).
    const blob = got instanceof Blob ? got : (got as { result?: unknown } | undefined)?.result;
    if (!(blob instanceof Blob)) throw new TypeError(`Image ${id} did not come as bytes`);
    return blob;
  }

  async remove(id: string): Promise<void> {
    const folder = folderOf(this.#puter);
    // The record first: once it is gone the image is listed no more, whatever becomes of its bytes.
    for (const name of [`${safeId(id)}.json`, this.#names.get(id) ?? fileOf(id, 'image/png')]) {
      await call(() => this.#puter.fs.delete(`${folder}/${name}`)).catch((thrown) =>
        isMissing(thrown) ? undefined : Promise.reject(thrown),
      );
    }
    this.#names.delete(id);
  }

  async removeAll(): Promise<void> {
    await call(() => this.#puter.fs.delete(folderOf(this.#puter), { recursive: true })).catch((thrown) =>
      isMissing(thrown) ? undefined : Promise.reject(thrown),
    );
    this.#names.clear();
  }

  /**
   * A record's JSON, or undefined where it cannot be read as one. The SDK parses a file Puter serves as
   * `application/json` itself, and gives its text where that fails (src/lib/networkUtils.js, parseResponse).
   */
  async #record(path: string): Promise<(AccountFileRecord & { file?: unknown }) | undefined> {
    try {
      const got: unknown = await this.#puter.fs.read(path);
      const value = got instanceof Blob ? JSON.parse(await got.text()) : got;
      return value && typeof value === 'object' ? (value as AccountFileRecord) : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Deletes every image the widget kept in the signed-in user's Puter files (the app's `userpays/images` folder): the
 * history's deletion calls it with the SDK (docs/ledger.md, "Deleting it"), beside deleting this browser's images
 * (`ImageStore.clear`, which does the same where the store has the account in use). What this browser's outbox still
 * had to write there is then written no more: its images are gone from this browser too. Signed out, there is nothing
 * of the user's to reach: it rejects.
 */
export function removeAccountImages(puter: any): Promise<void> {
  return new PuterAccountFiles(puter).removeAll();
}

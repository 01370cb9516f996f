/**
 * The history file (docs/ledger.md, "Export and import"): the whole ledger of a storage key and, where asked, its
 * images, as one JSON document to import on another device or browser, merged by entry id there. The images are the
 * engine's (loaded at the first export or import that has them), the ledger's part the ledger's (portable.ts).
 */
import { invalid, isRecord } from '../../../base/checks.js';
import { clock } from '../../../base/clock.js';
import type { Tally } from '../../../base/types.js';
import type { LedgerImport, LedgerStore } from '../../../ledger/ledger.js';
import { loadEngine } from '../../../lazy/index.js';
import { ledgerText as text } from '../../../strings/ledger.js';

/** The file's format name and version: a reader refuses any other (a later version may hold what it cannot read). */
export const HISTORY_FORMAT = 'userpays-history';
export const HISTORY_VERSION = 1;

/**
 * The history as a file: its format, when it was made, the tally (for a person reading it), the ledger as it is stored
 * (every amount an exact decimal string, times in ms) and, `withImages`, the images kept. `leftOut`: the images that
 * stayed out, the file being too large with them; `unreadable`: those this browser could not read back;
 * `imagesNotRead`: the image store itself could not be opened (the file then holds the ledger alone).
 */
export async function historyFile(ledger: LedgerStore, tally: Tally, withImages = false) {
  const engine = withImages ? await loadEngine() : undefined;
  const images = engine && (await new engine.ImageStore({ storageKey: ledger.storageKey }).list().catch(() => {}));
  const carried = engine && images && (await engine.portableImages(images));
  const file = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: clock.now(),
    tally,
    ...ledger.history(),
    ...(carried && { images: carried.images }),
  };
  return {
    json: JSON.stringify(file, null, 1),
    leftOut: carried?.leftOut ?? 0,
    unreadable: carried?.unreadable ?? 0,
    imagesNotRead: withImages && !images,
  };
}

/** What importing a file did: the ledger's counts, the images added, and whether the images could not be saved. */
export interface HistoryImport extends LedgerImport {
  images: number;
  imagesNotSaved: boolean;
}

/**
 * Imports the history file `json` into `ledger` and the image store of its storage key. Checked whole before anything
 * is written (a damaged or foreign file is refused in plain words, `invalid-input`): its format, its images, its
 * ledger; then the entries merged by id (the tally and every tab see them as any write), then the images by id.
 */
export async function importHistory(json: string, ledger: LedgerStore): Promise<HistoryImport> {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    invalid(text.historyNotAFile());
  }
  if (!isRecord(file) || file.format !== HISTORY_FORMAT || file.version !== HISTORY_VERSION)
    invalid(text.historyNotAFile());
  const listed = file.images ?? [];
  if (!Array.isArray(listed)) invalid(text.historyNotAFile());
  const engine = listed.length ? await loadEngine() : undefined;
  const images = engine ? listed.map(engine.readPortableImage) : [];
  const counts = ledger.merge(file); // checks the ledger's part whole before it writes
  if (!engine || !images.length) return { ...counts, images: 0, imagesNotSaved: false };
  const added = await new engine.ImageStore({ storageKey: ledger.storageKey }).merge(images).catch(() => undefined);
  return {
    ...counts,
    held: counts.held + (added === undefined ? 0 : images.length - added),
    images: added ?? 0,
    imagesNotSaved: added === undefined,
  };
}

import { asUserPaysError } from '../../../../base/errors.js';
import type { UserPaysError } from '../../../../base/errors.js';
import { loadEngine } from '../../../../lazy/index.js';
import type { ReferenceImage } from '../../../../providers/provider.js';

/**
 * The reference images the user attached to the widget: added from chosen files (read, measured, kept
 * up to the model's limit), removed one by one. A file that cannot be used (not an image, too large) is said under
 * the drop zone (`refused`), and the files chosen with it are kept.
 */
export class ReferenceImages {
  images: ReferenceImage[] = [];
  /** Why each file of the last choice that could not be used was refused; cleared by the next choice or a removal. */
  refused: readonly UserPaysError[] = [];

  readonly #host: { requestUpdate(): void };
  readonly #report: (error: UserPaysError) => void;

  constructor(host: { requestUpdate(): void }, report: (error: UserPaysError) => void) {
    this.#host = host;
    this.#report = report;
  }

  /** Reads `files` and keeps them after the ones already attached, up to `max` in all. */
  async add(files: File[], max: number) {
    try {
      const { readReferenceImage } = await loadEngine();
      const read = await Promise.allSettled(files.map(readReferenceImage));
      const kept = read.flatMap((file) => (file.status === 'fulfilled' ? [file.value] : []));
      this.refused = read.flatMap((file) => (file.status === 'rejected' ? [asUserPaysError(file.reason)] : []));
      this.images = [...this.images, ...kept].slice(0, max);
      this.#host.requestUpdate();
    } catch (error) {
      this.#report(asUserPaysError(error)); // the reader could not load (offline): said where a submission's errors are
    }
  }

  remove(index: number) {
    this.refused = [];
    this.images = this.images.filter((_, i) => i !== index);
    this.#host.requestUpdate();
  }
}

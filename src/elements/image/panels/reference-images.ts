import { asUserPaysError } from '../../../base/errors.js';
import type { UserPaysError } from '../../../base/errors.js';
import { loadEngine } from '../../../lazy/index.js';
import type { ReferenceImage } from '../../../providers/provider.js';

/**
 * The reference images the user attached to the widget: added from chosen files (read, measured, kept
 * up to the model's limit), removed one by one. A file that cannot be used is reported, the rest are kept.
 */
export class ReferenceImages {
  images: ReferenceImage[] = [];

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
      const read = await Promise.all(files.map(readReferenceImage));
      this.images = [...this.images, ...read].slice(0, max);
      this.#host.requestUpdate();
    } catch (error) {
      this.#report(asUserPaysError(error));
    }
  }

  remove(index: number) {
    this.images = this.images.filter((_, i) => i !== index);
    this.#host.requestUpdate();
  }
}

import type { ReactiveController } from 'lit';
import type { ImageProperties } from '../../shared/image-properties.js';

/**
 * A model that edits an image the user provides (FLUX.1 Kontext, Fill) chosen with none attached: Generate says it
 * needs one, and More options, where reference images are added, opens on them, so that what it asks for is in view
 * rather than behind a closed disclosure. Once for each model chosen: the user may close it again.
 */
export class RequiredImageController implements ReactiveController {
  readonly #host: ImageProperties;
  /** The model in force needs an image, and none is attached. */
  readonly #wanting: () => boolean;
  #model = '';

  constructor(host: ImageProperties, wanting: () => boolean) {
    this.#host = host;
    this.#wanting = wanting;
    host.addController(this);
  }

  hostUpdated() {
    const { model } = this.#host;
    if (model === this.#model) return;
    this.#model = model;
    const more = this.#host.renderRoot.querySelector<HTMLDetailsElement>('[part~=more]');
    if (more && this.#wanting()) more.open = true;
  }
}

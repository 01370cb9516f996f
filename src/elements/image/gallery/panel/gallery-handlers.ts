import type { ProviderId } from '../../../../base/types.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import { NEXT_STEP } from '../../shared/view.js';

/** What the offers of another model or provider do. */
export interface GalleryHandlers {
  /** Click on an offer of the comparison (`data-provider`, `data-model`). */
  offerChoose(event: Event): void;
  /** The error box's offer of the same model at another provider (`renderFailure`'s `elsewhere`). */
  useElsewhere(event: Event): void;
}

/** The gallery's handlers: they set the element's state, never draw. */
export function galleryHandlers({ host }: ImageParts, features: Features): GalleryHandlers {
  const handlers: GalleryHandlers = {
    offerChoose: (event) => {
      const { provider, model } = (event.currentTarget as HTMLElement).dataset;
      features.edited();
      [host.provider, host.model] = [provider as ProviderId, model!];
    },
    // The error goes with the switch: the next thing to do is Generate, or what the new provider still needs.
    useElsewhere: (event) => {
      handlers.offerChoose(event);
      features.flow.focusAt(NEXT_STEP);
    },
  };
  return handlers;
}

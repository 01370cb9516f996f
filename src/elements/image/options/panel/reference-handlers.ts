import { providerInfo } from '../../../../providers/registry/catalog.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import type { PanelPart } from '../../shared/panel-part.js';
import type { ModelControlsPart } from './controls/index.js';
import type { ReferenceImages } from './reference-images.js';

/** More options' own parts the references' handlers use. */
interface OwnParts {
  readonly references: ReferenceImages;
  readonly controls: PanelPart<ModelControlsPart>;
}

/** What the reference images' controls do. */
export interface ReferenceHandlers {
  /** Reference images chosen in the picker (`change`), dropped (`dragover`, `drop`) or pasted (`paste`). */
  referencesChosen(event: Event): void;
  /** Click on a reference's remove button (`data-index`). */
  referenceRemove(event: Event): void;
  /** An image of the user's own chosen to edit (More options' "Edit an image of your own"): the editor opens on it. */
  editOwnChosen(event: Event): void;
}

/** The handlers of the references: they set the element's state, never draw. */
export function referenceHandlers(parts: ImageParts, features: Features, options: OwnParts): ReferenceHandlers {
  const { references } = options;
  return {
    referencesChosen: (event) => {
      // Chosen in the picker, dropped on the area, or pasted: the files of the event that carries them.
      const given = event as Partial<DragEvent & ClipboardEvent>;
      const input = event.target as HTMLInputElement;
      const files = given.dataTransfer?.files ?? given.clipboardData?.files ?? input.files;
      if (event.type === 'dragover' || (event.type !== 'change' && files?.length)) event.preventDefault();
      if (event.type === 'dragover' || !files?.length) return;
      void references
        .add([...files], parts.pricing.capability?.references.max ?? 0)
        .then(() => showRefused(parts, options, features.price));
      if (event.type === 'change') input.value = ''; // the same file can be chosen again
    },
    referenceRemove: (event) => references.remove(Number((event.currentTarget as HTMLElement).dataset.index)),
    editOwnChosen: (event) => {
      const input = event.target as HTMLInputElement;
      const [file] = input.files ?? [];
      input.value = ''; // the same file can be chosen again
      if (file) void features.editor.edit(file);
    },
  };
}

/**
 * A refusal of a chosen file is said under the drop zone: More options opens to show it, and it is brought into view
 * clear of the pinned decision row (on a phone it fell just under the row, where no one saw it).
 */
async function showRefused({ host }: ImageParts, options: OwnParts, price: Features['price']) {
  if (!options.references.refused.length) return;
  const more = host.shadowRoot?.querySelector<HTMLDetailsElement>('[part~=more]');
  if (more) more.open = true;
  // Once the model's controls, drawn above the drop zone as More options opens, are in their place.
  if (providerInfo(host.provider)?.showsControls) await options.controls.load().catch(() => {});
  await host.updateComplete;
  const said = host.shadowRoot?.querySelector('#references-refused');
  if (said) price.bringClear(said);
}

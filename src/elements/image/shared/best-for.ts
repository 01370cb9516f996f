import type { ProviderId } from '../../../base/types.js';
import { models as modelWords } from '../../../strings/image/models.js';
import { wordsIn } from '../../../strings/strings.js';
import type { ImageParts } from './image-parts.js';

/**
 * What `model` is best for at `provider`, in the element's words: its editing words (Kontext's "Edits your image") only
 * where the widget can send it an image to edit there (its edit facts say so), else words that promise no edit.
 */
export function bestForAt(parts: Pick<ImageParts, 'language' | 'editsAt'>, provider: ProviderId, model: string) {
  const said = wordsIn(parts.language.translation, 'models', modelWords);
  return (parts.editsAt(provider, model) && said.bestForEditing(model)) || said.bestFor(model);
}

import { progress as progressWords } from '../../../strings/image/progress.js';
import { wordsIn } from '../../../strings/strings.js';
import { FlowController } from '../shared/flow-controller.js';
import type { ImageParts } from '../shared/image-parts.js';
import type { GalleryFeature } from '../gallery/panel/gallery-feature.js';
import type { SubmissionFeature } from '../submission/panel/submission-feature.js';

/**
 * The focus and the words around a submission (`FlowController`): what runs is the submission's, what came of it the
 * gallery's. Made before either, and asked only as the widget updates.
 */
export function flowOf(
  { host, language }: Pick<ImageParts, 'host' | 'language'>,
  panels: { readonly submission: SubmissionFeature; readonly gallery: GalleryFeature },
): FlowController {
  const images = () => panels.gallery.controller.images;
  return new FlowController(host, {
    busy: () => panels.submission.controller.pending || panels.submission.resume.resuming,
    submitted: () => panels.submission.controller.pending,
    failure: () => panels.submission.controller.failureWords(),
    // Not the place of an image just deleted: gone at the next read, it would make every image shown new.
    shown: () => images().flatMap((image) => (image.gone ? [] : image.id)),
    ready: (count) => {
      const { prompt } = images()[0];
      return () => wordsIn(language.translation, 'progress', progressWords).imagesReady(count, prompt);
    },
  });
}

/** What is said of the reference images the user adds: a file that is not one, too large, or unreadable. */

import { sentences } from './sentence.js';

export interface ReferencesStrings {
  notAnImage(file: string): string;
  fileTooLarge(file: string): string;
  fileNotAnImage(file: string): string;
  fileUnreadable(file: string): string;
  referenceNotResized(): string;
}

export const references = sentences<ReferencesStrings>({
  notAnImage: (file) => `"${file}" is not a PNG, JPEG or WebP image. Choose one of those.`,
  fileTooLarge: (file) => `"${file}" is larger than 10 MB. Choose a smaller image.`,
  fileNotAnImage: (file) => `"${file}" could not be read as an image. Choose another file.`,
  fileUnreadable: (file) => `"${file}" could not be read.`,
  referenceNotResized: 'A reference image could not be prepared for sending. Choose it again.',
});

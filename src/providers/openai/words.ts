/**
 * What the gateways' adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter.
 */

import { sentences } from '../../strings/sentence.js';

export interface OpenAiStrings {
  badPath(path: string): string;
  /** OpenAI's 403 for a model only a verified organization may use: the key is good, the account must act. */
  organizationUnverified(url: string): string;
  /** An erase asked of GPT Image, which erases nothing without an instruction (it has no erase of its own). */
  eraseUnsupported(): string;
  /** An edit sent without the image it edits. */
  editImageMissing(): string;
  /** An image of an edit OpenAI does not take (not PNG, WebP or JPEG, or 50 MB or more). */
  editImageRefused(): string;
  /** More images in one edit than OpenAI takes. */
  tooManyEditImages(most: number): string;
  /** A mask whose size is not the edited image's (`WxH` each). */
  maskSizeDiffers(mask: string, image: string): string;
  /** A masked edit sent without its mask. */
  maskMissing(): string;
  /** A mask that comes to 4 MB or more as OpenAI's PNG. */
  maskTooLarge(): string;
}

export const openaiWords = sentences<OpenAiStrings>({
  badPath: (path) =>
    `The gateway path set in the price book ("${path}") does not stay on the gateway's address: write it as a path, such as "/v1/images/generations".`,
  organizationUnverified: (url) =>
    `Your key works, but OpenAI lets only verified organizations use this model. Verify your organization at ${url}, then try again (it can take a few minutes), or pick another model.`,
  eraseUnsupported:
    'GPT Image cannot erase on its own: say what should take the place of what you painted (an edit of the painted area), or pick a model that erases.',
  editImageMissing: 'There is no image to edit: choose one, then try again.',
  editImageRefused:
    'OpenAI edits PNG, WebP and JPEG images under 50 MB only: save the image as one of these, then try again.',
  tooManyEditImages: (most) => `OpenAI takes at most ${most} images in one edit: remove some, then try again.`,
  maskSizeDiffers: (mask, image) =>
    `The painted area was drawn at ${mask} pixels, but the image is ${image}: OpenAI takes a mask only at the image's own size. Paint it again on this image.`,
  maskMissing: 'Paint the area to change on the image, then try again.',
  maskTooLarge:
    'The painted area is too detailed for OpenAI, which takes a mask under 4 MB: paint a simpler area, or edit a smaller image.',
});

declare module '../../strings/strings.js' {
  interface Strings {
    openai: OpenAiStrings;
  }
}

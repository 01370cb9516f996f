import type { EditKind } from '../base/types.js';
import { plural } from './words.js';
import { sentences } from './sentence.js';

/**
 * What the quote of an edit says (SPEC §13): a model that does not make the kind of edit asked, an edit with no image,
 * and the lines of the images sent to a model that bills them in tokens (src/pricing/edit-pricing.ts, loaded just after
 * the first paint).
 */
export interface EditPricesStrings {
  /** The model makes no edit of this kind at this provider. */
  cannotEdit(model: string, kind: EditKind): string;
  /** An edit asked with no image to edit. */
  editNeedsImage(): string;
  /** An image sent as a reference (`index` from 1, the image to edit first): its tokens, about so many, at most a ceiling. */
  inputImageTokens(index: number, expected: number, most: number): string;
  /** The image an edit edits: its tokens, about so many, at most a ceiling. */
  imageToEditTokens(expected: number, most: number): string;
  /** The mask of an edit, where it may be billed as an image too: none expected, at most a ceiling. */
  maskTokens(most: number): string;
  /**
   * An image an edit that goes on with its image's conversation sends again (Nano Banana: `index` from 1, the oldest
   * first): its tokens, about so many, at most a ceiling.
   */
  earlierImageTokens(index: number, expected: number, most: number): string;
  /** The words of the conversation's earlier turns, sent again: about so many tokens, at most one per byte. */
  earlierWordsTokens(expected: number, most: number): string;
  /** An edit asked to go on with a conversation at a model that keeps none here. */
  keepsNoConversation(model: string): string;
  /** The conversation and the request send more images (`images`) than the model takes (`most`). */
  conversationTooLong(model: string, images: number, most: number): string;
  /** The images sent, where the model bills each at a price of its own. */
  inputsPerImage(count: number): string;
  /** The images sent, where the model bills each started megapixel of them. */
  inputsPerMegapixel(count: number, megapixels: number): string;
  /** The image an edit edits, where the model bills each image sent (`per` image) or each started megapixel of it. */
  imageToEditPriced(per: 'image' | 'megapixel', megapixels: number): string;
  /** What the model adds once to the price of an image made from text where it is sent any image (its edit). */
  inputsOnce(): string;
  /** An extend's sides that are not each a whole number of pixels, 0 or more. */
  extendNotWhole(): string;
  /** An extend whose every side is 0: nothing would be added. */
  extendNothing(): string;
  /** A side extended further than the model extends one (fal's outpaint: 2048 pixels). */
  extendSideMost(model: string, most: number): string;
  /** The canvas an extend makes (`width` × `height`) over the model's limit, in megapixels as its source says it. */
  extendTooLarge(model: string, width: number, height: number, megapixels: number): string;
  /** The model takes no instruction for an extend: the prompt typed is not sent (said, never dropped in silence). */
  promptNotSent(model: string, prompt: string): string;
}

/** What each kind of edit does, said after "cannot". */
const EDIT_VERBS: Record<EditKind, string> = {
  instruction: 'edit an image by an instruction',
  mask: 'change only a painted area',
  erase: 'erase a painted area',
  extend: 'extend an image',
};

export const editPrices = sentences<EditPricesStrings>({
  cannotEdit: (model, kind) =>
    `${model} cannot ${EDIT_VERBS[kind]} here: choose a model that can, or another kind of edit.`,
  editNeedsImage: 'Choose the image to edit.',
  inputImageTokens: (index, expected, most) =>
    `Image ${index} sent: about ${expected.toLocaleString('en')} tokens (may vary, at most ${most.toLocaleString('en')})`,
  imageToEditTokens: (expected, most) =>
    `The image to edit: about ${expected.toLocaleString('en')} tokens (may vary, at most ${most.toLocaleString('en')})`,
  maskTokens: (most) => `The painted area sent: none expected (may vary, at most ${most.toLocaleString('en')} tokens)`,
  earlierImageTokens: (index, expected, most) =>
    `Earlier image ${index} sent again: about ${expected.toLocaleString('en')} tokens (may vary, at most ${most.toLocaleString('en')})`,
  earlierWordsTokens: (expected, most) =>
    `Earlier instructions sent again: about ${expected.toLocaleString('en')} tokens (may vary, at most ${most.toLocaleString('en')})`,
  keepsNoConversation: (model) => `${model} keeps no conversation here: edit the image afresh.`,
  conversationTooLong: (model, images, most) =>
    `This conversation would send ${images} images, more than the ${most} ${model} takes: edit the image afresh, without its conversation.`,
  inputsPerImage: (count) => `${plural(count, 'image')} sent, billed per image`,
  inputsPerMegapixel: (count, megapixels) => `${plural(count, 'image')} sent (${megapixels} MP)`,
  imageToEditPriced: (per, megapixels) =>
    per === 'image' ? 'The image to edit, billed per image' : `The image to edit (${megapixels} MP)`,
  inputsOnce: 'Editing an image (priced apart from an image made from text)',
  extendNotWhole: 'How far to extend each side must be a whole number of pixels, 0 or more.',
  extendNothing: 'Extend at least one side: every side is 0 pixels now.',
  extendSideMost: (model, most) =>
    `${model} extends a side by at most ${most.toLocaleString('en')} pixels — extend it less.`,
  extendTooLarge: (model, width, height, megapixels) =>
    `Extended, the image would be ${width}×${height}, and ${model} makes images of at most ${megapixels} megapixels — extend it less.`,
  promptNotSent: (model, prompt) =>
    `${model} takes no instruction: it continues the image by itself, and “${prompt}” is not sent.`,
});

// Said to the page's developer, never to its user (the headless API speaks English): an edit `UserPays.quote` was
// given that it does not take, and an edit asked before its pricing has loaded.
export const earlierNotCounts = () =>
  'An edit’s `earlier` must be { images, textBytes }, each a whole number from 0: what the conversation it goes on with sends again.';
export const editNotAKind = () =>
  'An edit must be { kind: "instruction" | "mask" | "erase" | "extend" }, with `editOf` the id of the image edited, where given, `whole` true or absent, and `extend` ({ top, right, bottom, left }) with the kind "extend" only.';

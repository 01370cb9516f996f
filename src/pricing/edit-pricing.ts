import Decimal from 'decimal.js';
import { invalid, isRecord } from '../base/checks.js';
import type { EditKind, ExtendSides, PublicEdit, Size } from '../base/types.js';
import { earlierNotCounts, editNotAKind, editPrices, type EditPricesStrings } from '../strings/edit-prices.js';
import { wordsIn, type Translation } from '../strings/strings.js';
import { megapixelsSaid, type Capability, type Fitted, type SizeRule } from './capabilities.js';
import type { InputPrice, PriceEntry, PriceRule } from './price-book.js';

// How an edit is priced (SPEC §13), loaded just after the first paint (and with the widget's panels and the headless
// API), as nothing at the first paint edits: a model is priced only for the kinds of edit it makes at its provider; the
// image to edit is sent at 1 MP where each input megapixel is billed (FLUX.2), unless kept whole; each image sent to a
// model that bills images in tokens is a line of its own, "at most", and an edit's mask one more, none expected.

/** The kinds of edit, in the order the editor offers them. */
export const EDIT_KINDS: readonly EditKind[] = ['instruction', 'mask', 'erase', 'extend'];

/** An extend's sides, in the order CSS names them. */
export const EXTEND_SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** Whether `value` names a kind of edit the widget knows. */
const isEditKind = (value: unknown): value is EditKind => EDIT_KINDS.some((kind) => kind === value);

/** A whole number from 0: a count, or a side's pixels. */
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * An edit as a page may hand it: a kind the widget knows, the image's id as text, `whole` true or absent; an extend
 * with its sides (`checkSides`), any other kind without. What is wrong is refused in words (`translation`'s over
 * English), before anything is priced or sent.
 */
export function checkEdit(edit: unknown, translation?: Translation): PublicEdit {
  if (!isRecord(edit) || !isEditKind(edit.kind)) invalid(editNotAKind());
  const { kind, editOf, whole, extend } = edit;
  if ((editOf !== undefined && typeof editOf !== 'string') || (whole !== undefined && typeof whole !== 'boolean'))
    invalid(editNotAKind());
  if (kind !== 'extend' && extend !== undefined) invalid(editNotAKind());
  const sides = kind === 'extend' ? { extend: checkSides(extend, translation) } : {};
  const earlier = edit.earlier === undefined ? undefined : checkEarlier(edit.earlier);
  return {
    kind,
    ...(editOf !== undefined && { editOf }),
    ...(whole && { whole }),
    ...sides,
    ...(earlier && { earlier }),
  };
}

/** An edit's `earlier` (what a conversation that goes on sends again): whole numbers from 0, else refused in words. */
function checkEarlier(earlier: unknown): NonNullable<PublicEdit['earlier']> {
  if (!isRecord(earlier)) invalid(earlierNotCounts());
  const { images, textBytes } = earlier;
  if (!isCount(images) || !isCount(textBytes)) invalid(earlierNotCounts());
  return { images, textBytes };
}

/** An extend's sides: each a whole number of pixels, none negative, one at least above 0; else refused in words. */
function checkSides(sides: unknown, translation?: Translation): ExtendSides {
  const text = wordsIn(translation, 'editPrices', editPrices);
  if (!isRecord(sides)) invalid(text.extendNotWhole());
  const { top, right, bottom, left } = sides;
  if (!isCount(top) || !isCount(right) || !isCount(bottom) || !isCount(left)) invalid(text.extendNotWhole());
  if (!(top || right || bottom || left)) invalid(text.extendNothing());
  return { top, right, bottom, left };
}

/** The canvas an extend makes: the image (as sent) with its sides around it. */
export const extendedSize = (sides: ExtendSides, image: Size): Size => ({
  width: image.width + sides.left + sides.right,
  height: image.height + sides.top + sides.bottom,
});

/** What an edit sends at most of its image where each input megapixel is billed: 1 MP, as BFL counts it. */
const EDIT_INPUT_PIXELS = 1024 * 1024;

/**
 * What the provider takes of an edit's image: FLUX.2, which bills each input by its megapixels, is sent the image to
 * edit at 1 MP at most, unless the user keeps it whole (`edit.whole`); the quote's note says where it was resized.
 */
export function editCapability(capability: Capability, entry: PriceEntry, edit: PublicEdit): Capability {
  // An extend sends its image whole: the canvas holds it at its own pixels, its sides counted from them.
  if (edit.whole || edit.kind === 'extend' || entry.rule.kind !== 'megapixel' || !entry.rule.inputs) return capability;
  const maxPixels = Math.min(capability.references.maxPixels, EDIT_INPUT_PIXELS);
  return { ...capability, references: { ...capability.references, maxPixels } };
}

/**
 * The request fitted, with what an edit adds: why it cannot be made (a model that does not make this kind of edit
 * here, no image to edit, an extend it cannot make), its mask's size (the image's as sent), where it has one, and what
 * an extend does with a prompt the model takes none of (`prompt`, the request's).
 */
export function editFitted(
  fitted: Fitted,
  entry: PriceEntry,
  edit: PublicEdit,
  label: string,
  translation?: Translation,
  prompt = '',
): Fitted {
  const text = wordsIn(translation, 'editPrices', editPrices);
  const image = fitted.inputs[0];
  const problem = !entry.edits?.includes(edit.kind)
    ? text.cannotEdit(label, edit.kind)
    : !image
      ? text.editNeedsImage()
      : undefined;
  if (edit.kind === 'extend') return extendFitted(fitted, entry, edit, label, text, prompt, problem);
  const mask = edit.kind !== 'instruction' && image ? { mask: image } : {};
  const earlier = edit.earlier && { earlier: edit.earlier };
  const notOn = !problem && edit.earlier ? conversationProblem(fitted, entry, edit.earlier, label, translation) : '';
  return {
    ...fitted,
    ...mask,
    ...(image && { editing: true }),
    ...earlier,
    ...((problem || notOn) && !fitted.problem && { problem: problem || notOn }),
  };
}

/**
 * Why an edit cannot go on with its image's conversation here, or '': a model that bills no image it is sent in tokens
 * keeps none; one that takes fewer images than the conversation and the request send (the earlier images, the image
 * and its references) cannot take them all.
 */
function conversationProblem(
  fitted: Fitted,
  entry: PriceEntry,
  earlier: NonNullable<PublicEdit['earlier']>,
  label: string,
  translation?: Translation,
): string {
  const text = wordsIn(translation, 'editPrices', editPrices);
  if (entry.rule.kind !== 'tokens' || !entry.rule.inputTokens) return text.keepsNoConversation(label);
  const images = earlier.images + fitted.inputs.length;
  const most = entry.references?.max;
  return most !== undefined && images > most ? text.conversationTooLong(label, images, most) : '';
}

/**
 * An extend fitted (no mask: what is new is around the image): before the size rule's own advice (a size to try, which
 * the form does not set here), a side further than the model extends one, or a canvas larger than it makes, said with
 * the canvas and the limit as its source states it; and where the model takes no prompt, that the one typed is not
 * sent.
 */
function extendFitted(
  fitted: Fitted,
  entry: PriceEntry,
  edit: PublicEdit,
  label: string,
  text: EditPricesStrings,
  prompt: string,
  problem: string | undefined,
): Fitted {
  const { width, height } = fitted;
  const most = entry.extend?.most ?? Infinity;
  const furthest = Math.max(...EXTEND_SIDES.map((side) => edit.extend?.[side] ?? 0));
  const maxPixels = entry.sizes?.kind === 'pixels' ? (entry.sizes.maxPixels ?? Infinity) : Infinity;
  const own =
    problem ??
    (furthest > most
      ? text.extendSideMost(label, most)
      : width * height > maxPixels
        ? text.extendTooLarge(label, width, height, megapixelsSaid(maxPixels))
        : undefined);
  const unsent = entry.extend?.prompt === false && prompt.trim() ? text.promptNotSent(label, prompt.trim()) : '';
  const note = [fitted.note, unsent].filter(Boolean).join(' ');
  return { ...fitted, ...(note && { note }), ...((own ?? fitted.problem) && { problem: own ?? fitted.problem }) };
}

/**
 * The size an edit asks for, by the model's rule: the image's own, or where the model cannot make it, the nearest of
 * about its shape it can (within its sides and area, sides in its steps; of its sizes, the nearest in shape, then in
 * area); an edit keeps the image's shape rather than the size the form had. A model of ratios makes the ratio nearest
 * the image's of itself (fitRequest).
 */
export function editSize(rule: SizeRule, image: Size): Size {
  const { width, height } = image;
  if (rule.kind === 'pixels') {
    const { step, min, max = Infinity, maxPixels = Infinity, minPixels = 0 } = rule;
    // One scale for both sides keeps the shape: down to the area and the longest side allowed, or up to the least area.
    const area = width * height;
    const down = Math.min(1, Math.sqrt(maxPixels / area), max / width, max / height);
    const up = Math.max(1, Math.sqrt(minPixels / area));
    const round = up > 1 ? Math.ceil : Math.floor; // down stays within the area, up reaches its least
    const side = (length: number) => Math.min(max, Math.max(min, round((length * down * up) / step) * step));
    return { width: side(width), height: side(height) };
  }
  if (rule.kind === 'sizes') {
    const sizes = rule.sizes.flatMap((size) => {
      const [wide = 0, high = 0] = size.split('x').map(Number);
      return wide && high ? [{ width: wide, height: high }] : [];
    });
    const shape = (size: Size) => Math.abs(Math.log(size.width / size.height / (width / height)));
    const pixels = (size: Size) => Math.abs(Math.log((size.width * size.height) / (width * height)));
    return sizes.sort((a, b) => shape(a) - shape(b) || pixels(a) - pixels(b))[0] ?? { width, height };
  }
  return { width, height };
}

/** An image's started 1024² squares, the unit its tokens are bounded by. */
const squares = ({ width, height }: Size) => Math.max(1, Math.ceil((width * height) / (1024 * 1024)));

/**
 * Each image sent to a model that bills images in tokens (`inputTokens`), a line each, about so many and at most a
 * stated ceiling per started 1024², and an edit's mask, none expected, at most one more image.
 */
export function inputTokenLines(
  rule: Extract<PriceRule, { kind: 'tokens' }>,
  fitted: Fitted,
  perToken: Decimal,
  translation?: Translation,
): [string, Decimal, Decimal][] {
  const text = wordsIn(translation, 'editPrices', editPrices);
  const { expected = 0, most = 0, perImage } = rule.inputTokens ?? {};
  const units = (size: Size) => (perImage ? 1 : squares(size));
  const lines: [string, Decimal, Decimal][] = fitted.inputs.map((size, index) => [
    index === 0 && fitted.editing
      ? text.imageToEditTokens(expected * units(size), most * units(size))
      : text.inputImageTokens(index + 1, expected * units(size), most * units(size)),
    perToken.mul(expected * units(size)),
    perToken.mul(most * units(size)),
  ]);
  if (fitted.mask) {
    const tokens = most * units(fitted.mask);
    lines.push([text.maskTokens(tokens), new Decimal(0), perToken.mul(tokens)]);
  }
  return lines;
}

/**
 * What an edit that goes on with its image's conversation sends again (`fitted.earlier`), each a line of its own: every
 * earlier image, as many tokens as an image sent (per image, as Gemini counts them), and the earlier turns' words, about
 * a token per 4 bytes and at most one per byte (SPEC §12), at the text-in rate (`perWord`).
 */
export function earlierLines(
  rule: Extract<PriceRule, { kind: 'tokens' }>,
  fitted: Fitted,
  perImageToken: Decimal,
  perWordToken: Decimal,
  translation?: Translation,
): [string, Decimal, Decimal][] {
  const text = wordsIn(translation, 'editPrices', editPrices);
  const { images = 0, textBytes = 0 } = fitted.earlier ?? {};
  const { expected = 0, most = 0 } = rule.inputTokens ?? {};
  const lines = Array.from({ length: images }, (_, index): [string, Decimal, Decimal] => [
    text.earlierImageTokens(index + 1, expected, most),
    perImageToken.mul(expected),
    perImageToken.mul(most),
  ]);
  const words = Math.ceil(textBytes / 4);
  if (textBytes)
    lines.push([text.earlierWordsTokens(words, textBytes), perWordToken.mul(words), perWordToken.mul(textBytes)]);
  return lines;
}

/**
 * The images sent, where the entry prices them apart from its rule (`inputPrice`: xAI's per image at Puter, an
 * OpenRouter endpoint's input line, Pollinations' edit of Qwen-Image): `each` the price as the rule's unit says it, for
 * each image, for each started megapixel (10⁶ px) of each, or once for the request; an edit's image on a line of its
 * own, named so, the others on one.
 */
export function inputPriceLines(
  price: InputPrice,
  fitted: Fitted,
  each: Decimal,
  translation?: Translation,
): [string, Decimal][] {
  const text = wordsIn(translation, 'editPrices', editPrices);
  if (price.per === 'request') return [[text.inputsOnce(), each]];
  const started = ({ width, height }: Size) =>
    price.per === 'image' ? 1 : Math.max(1, Math.ceil((width * height) / 1e6));
  const edited = fitted.editing ? fitted.inputs[0] : undefined;
  const others = fitted.editing ? fitted.inputs.slice(1) : fitted.inputs;
  const lines: [string, Decimal][] = [];
  if (edited) lines.push([text.imageToEditPriced(price.per, started(edited)), each.mul(started(edited))]);
  const rest = others.reduce((sum, size) => sum + started(size), 0);
  if (others.length)
    lines.push([
      price.per === 'image' ? text.inputsPerImage(others.length) : text.inputsPerMegapixel(others.length, rest),
      each.mul(rest),
    ]);
  return lines;
}

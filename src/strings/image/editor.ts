import type { EditKind, ExtendSides, ImageKept } from '../../base/types.js';
import { sentences } from '../sentence.js';
import { listed, pluralForm } from '../words.js';

/**
 * The image editor's words: the mask painter over the image (its painting area, its tools, what is painted, said in
 * words) and its keyboard way, a rectangle placed and sized with the arrow keys; the extension (the new area around
 * the image, dragged or typed side by side).
 */

export interface EditorStrings {
  /** The painting area's name, where the pointer, a finger or the keyboard paints what the edit is to change. */
  maskLabel(): string;
  /** How to paint, by pointer, touch or keyboard (the keys of mask-painter-handlers.ts). */
  maskInstructions(): string;
  /** The group of the painter's tools. */
  maskTools(): string;
  brush(): string;
  eraser(): string;
  brushSize(): string;
  /** The brush's diameter, in pixels of the image. */
  brushPixels(size: number): string;
  undo(): string;
  redo(): string;
  /** Clear: nothing painted any more. */
  clear(): string;
  /** Invert: what was painted is not, and what was not is. */
  invert(): string;
  /** Places the keyboard's rectangle in the middle of the image, for the arrow keys to move and size. */
  markRectangle(): string;
  /** How much of the image is painted: `share` a percentage in the locale's way ("18%"). */
  painted(share: string): string;
  /** Something is painted, but under one percent of the image. */
  paintedLittle(): string;
  nothingPainted(): string;
  /**
   * The keyboard's rectangle where it stands, each a percentage of the image ("38%"), and what Enter does with it:
   * paints it, or erases it (`erase`, the eraser in hand).
   */
  rectangle(left: string, top: string, width: string, height: string, erase: boolean): string;
  /** Edit, on an image's toolbar and in the lightbox: opens the editor on it. */
  edit(): string;
  /** Edit's name on an image's toolbar, with the image's prompt. */
  editLabel(prompt: string): string;
  /** The editor's name (part `editor`), with what it edits. */
  editorLabel(): string;
  /** Leaves the editor: the form makes new images again. */
  stopEditing(): string;
  /** The kinds of edit, as the editor offers them. */
  kindLabel(): string;
  kindInstruction(): string;
  kindMask(): string;
  kindErase(): string;
  kindExtend(): string;
  /**
   * Why the kinds `kinds` (their names, as the choices say them) cannot be chosen, said in words under the choices (a
   * title alone is never seen on touch): no model of the provider in force makes them.
   */
  kindsNotHere(kinds: readonly string[], provider: string): string;
  /** The instruction box: the prompt of an edit. */
  instructionLabel(): string;
  instructionPlaceholder(): string;
  /** Generate waits for the instruction (a kind that takes one, none typed); the fix beside it goes to its box. */
  instructionFirst(): string;
  toInstruction(): string;
  /** The image edited, for a screen reader, where it has no prompt of its own (an image of the user's own). */
  imageAlt(): string;
  /**
   * What Generate will do, beside the edit's price in the editor's own line: the kind of edit and the model
   * (`model`, its name) that makes it.
   */
  willDo(kind: EditKind, model: string): string;
  /**
   * In the form, where the prompt and the models stand, while an image is edited: that the edit is made in the editor,
   * and that the form's prompt and model are kept for when editing stops.
   */
  editingInForm(): string;
  /** In the form's decision row while an image is edited: the price and Generate are the editor's; the way there. */
  decisionInEditor(): string;
  toEditorDecision(): string;
  /** The models that can make this kind of edit here, each priced for this image. */
  editModelsLabel(): string;
  /** The fix beside it: to the painting area. */
  toPainting(): string;
  /** An image the page could not read (shown from the provider's link): it cannot be edited here. */
  notReadable(): string;
  /** A result laid over the original through the mask, said under it. */
  keptOutside(): string;
  /** Shows the provider's own result instead (all of it, outside the painted area too), or the widget's again. */
  showAsMade(): string;
  showKept(): string;
  /** Chooses an image of the user's own to edit. */
  editOwn(): string;
  /**
   * Where the model bills each input megapixel: sends the image at its full size (`megapixels`, in the locale's way)
   * instead of at 1 MP, for `more` (a price in the locale's way).
   */
  sendWhole(megapixels: string, more: string): string;
  /**
   * Where an edit of a Nano Banana image goes on with the conversation that made it (checked: it does): the earlier
   * images that sends again besides the image (`images`), and the most that adds (`more`, a price in the locale's way;
   * absent where the model cannot take them all, which the quote says).
   */
  goesOn(images: number, more?: string): string;
  /** A page asked for an edit (`generate({ edit })`) on a widget whose editing it turned off. */
  editingOff(): string;
  /** The mask a page gave is no image the browser can read. */
  maskNotAnImage(): string;
  /** How to extend: drag an edge, or type how far each side goes (the extension's own words, under its picture). */
  extendInstructions(): string;
  /** The group of the four fields, one per side, each how far it extends, in pixels. */
  extendSidesLabel(): string;
  /** A side, named as its field is. */
  extendSide(side: keyof ExtendSides): string;
  /**
   * The picture of the extension, for a screen reader: the image's size, how far each side goes, the size it comes to
   * (`megapixels` in the locale's way).
   */
  extendPicture(image: string, sides: ExtendSides, canvas: string, megapixels: string): string;
  /** What the extension comes to, said as it changes: the new size (`canvas`, "1224×868") and its megapixels. */
  extendSaid(canvas: string, megapixels: string): string;
  /** Nothing extended yet. */
  extendNone(): string;
  /** The fix where nothing is extended: to the first side's field. */
  toExtending(): string;
  /** An extend's instruction box, where the model takes one: what to put in the new area, which it may not follow. */
  extendPromptLabel(): string;
  extendPromptPlaceholder(): string;
  extendPromptHint(model: string): string;
  /** Where the model chosen takes no instruction for an extend: it continues the image by itself. */
  noInstruction(model: string): string;
  /** A page handed an image to edit (`editImage()`) where no model of the provider in force edits images. */
  nothingEditsHere(provider: string): string;
  /** Beside the upload of an image of the user's own: what the provider says it keeps of an image it is sent. */
  imageKept(provider: string, kept: ImageKept): string;
}

export const editor = sentences<EditorStrings>({
  maskLabel: 'Mask: paint what to change',
  maskInstructions:
    'Paint with the pointer or a finger. With the keyboard: Enter places a rectangle, the arrow keys move it (with Shift, ten times as far), Alt (Option on a Mac) with the arrow keys sizes it, Enter paints it (with the eraser: erases it), Escape drops it.',
  maskTools: 'Mask tools',
  brush: 'Brush',
  eraser: 'Eraser',
  brushSize: 'Brush size',
  brushPixels: (size) => `${size} pixels`,
  undo: 'Undo',
  redo: 'Redo',
  clear: 'Clear',
  invert: 'Invert',
  markRectangle: 'Mark a rectangle',
  painted: (share) => `${share} of the image is painted`,
  paintedLittle: 'Less than 1% of the image is painted',
  nothingPainted: 'Nothing is painted yet: paint what to change',
  rectangle: (left, top, width, height, erase) =>
    `Rectangle ${width} wide and ${height} high, ${left} from the left and ${top} from the top: Enter ${erase ? 'erases' : 'paints'} it, Escape drops it.`,
  edit: 'Edit',
  editLabel: (prompt) => `Edit “${prompt}”`,
  editorLabel: 'Edit this image',
  stopEditing: 'Stop editing',
  kindLabel: 'What to do',
  kindInstruction: 'Follow an instruction',
  kindMask: 'Change the painted area',
  kindErase: 'Erase the painted area',
  kindExtend: 'Extend the image',
  kindsNotHere: (kinds, provider) =>
    `${listed(
      'en-GB',
      kinds.map((kind) => `“${kind}”`),
    )}: no model at ${provider} does ${kinds.length > 1 ? 'these' : 'this'}.`,
  instructionLabel: 'What to change',
  instructionPlaceholder: 'Make the sky purple; remove the cup; only the face smiles…',
  instructionFirst: 'Say what to change first',
  toInstruction: 'Write it',
  imageAlt: 'The image being edited',
  willDo: (kind, model) =>
    `${{ instruction: 'Follow the instruction', mask: 'Fill the painted area', erase: 'Erase the painted area', extend: 'Extend the image' }[kind]} with ${model}`,
  editingInForm:
    'You are editing an image: what to change, the model and Generate are with the image. Your prompt and model here are kept for when you stop editing.',
  decisionInEditor: 'The price and Generate are with the image being edited.',
  toEditorDecision: 'Go there',
  editModelsLabel: 'Edit with',
  toPainting: 'Paint',
  notReadable:
    'This image is shown from the provider’s link, which this page may not read: it cannot be edited here. Download it and choose it with “Edit an image of your own”.',
  keptOutside: 'Outside the painted area: your original, pixel for pixel.',
  showAsMade: 'Show what the provider made',
  showKept: 'Show with your original outside',
  editOwn: 'Edit an image of your own',
  sendWhole: (megapixels, more) => `Send it whole, ${megapixels} MP: ${more} more (otherwise at 1 MP)`,
  goesOn: (images, more) =>
    `Go on with the conversation that made this image: sends ${images ? `its ${pluralForm('en', images, { one: 'earlier image', other: `${images} earlier images` })}` : 'its earlier instructions'} again${more ? `, at most ${more} more` : ''}`,
  editingOff: 'Editing is turned off on this widget (edit="off"): turn it on to send an edit.',
  maskNotAnImage: 'The mask is no image this browser can read: give a PNG of the image’s size, white where to change.',
  extendInstructions:
    'Drag an edge of the picture outwards to extend that side, or type how many pixels to add on each side.',
  extendSidesLabel: 'How far to extend, in pixels',
  extendSide: (side) => ({ top: 'Top', right: 'Right', bottom: 'Bottom', left: 'Left' })[side],
  extendPicture: (image, { top, right, bottom, left }, canvas, megapixels) =>
    `The image, ${image}, with ${top} pixels added at the top, ${right} at the right, ${bottom} at the bottom and ${left} at the left: ${canvas} in all, ${megapixels} MP.`,
  extendSaid: (canvas, megapixels) => `Extended to ${canvas} pixels, ${megapixels} MP.`,
  extendNone: 'Nothing extended yet: drag an edge, or type how far.',
  toExtending: 'Extend',
  extendPromptLabel: 'What to put in the new area (optional)',
  extendPromptPlaceholder: 'More sky; a sandy beach; the rest of the table…',
  extendPromptHint: (model) => `${model} may not follow it: what is in the image leads.`,
  noInstruction: (model) => `${model} takes no instruction: it continues the image by itself.`,
  nothingEditsHere: (provider) =>
    `No model at ${provider} edits images: choose a provider whose models do, then edit the image.`,
  imageKept: (provider, kept) =>
    ({
      'abuse-logs-30-days': `${provider} keeps what it is sent, this image too, for up to 30 days to watch for abuse.`,
      'abuse-logs-55-days': `${provider} keeps what it is sent, this image too, for 55 days to watch for abuse; on a free key it may also use it to improve its products, and people may read it.`,
      'public-address-7-days': `${provider} keeps this image at an address anyone who has it can open, for at least 7 days.`,
    })[kept],
});

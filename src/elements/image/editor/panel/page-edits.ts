import { invalid, isRecord } from '../../../../base/checks.js';
import { asUserPaysError } from '../../../../base/errors.js';
import type { GenerationResult } from '../../../../base/types.js';
import { payeeAt } from '../../../../providers/registry/catalog.js';
import { editNotAnImage } from '../../../../strings/edit-input.js';
import { editor } from '../../../../strings/image/editor.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';

// What a page asks of the editor itself (SPEC §13; docs/editing.md): an edit sent as asked (`generate({ edit })`), an
// image handed in for the user to edit (`editImage(image)`).

/** What the page's requests use of the editor: its way to open an image as asked, and whether editing is allowed. */
interface PageEditor {
  begin(input: unknown): Promise<void>;
  open(blob: Blob, editOf?: string): Promise<void>;
  imageToEdit(image: Blob | string): Promise<{ file: File; editOf?: string }>;
  allowed(): boolean;
  canEdit(): boolean;
}

/**
 * `generate(options)` with options: with `edit`, once a submission running has ended, the edit opened as asked
 * (`begin`) and sent; without, the widget's submission as it stands. What fails before the submission starts is said
 * where the widget shows errors, as the submission says its own.
 */
export async function submitAsAsked(
  editing: PageEditor,
  features: Pick<Features, 'shown' | 'report'>,
  submit: () => Promise<GenerationResult>,
  options: unknown,
): Promise<GenerationResult> {
  try {
    if (!isRecord(options)) invalid(editNotAnImage());
    if (options.edit !== undefined) {
      if (features.shown.pending) await submit().catch(() => {});
      await editing.begin(options.edit);
    }
  } catch (thrown) {
    const failure = asUserPaysError(thrown);
    features.report(failure);
    throw failure;
  }
  return submit();
}

/**
 * `editImage(image)`: the editor opened on the page's image (a Blob, a gallery id, an address), as a user's drop
 * opens it: the user chooses what to do and sends it. Refused in words (`invalid-input`, shown where the widget shows
 * errors) where editing is off, no model here edits, or the image cannot be read.
 */
export async function openPageImage(
  editing: PageEditor,
  { language, host }: ImageParts,
  features: Features,
  image: unknown,
): Promise<void> {
  try {
    const text = wordsIn(language.translation, 'editor', editor);
    if (!editing.allowed()) invalid(text.editingOff());
    if (!(image instanceof Blob || typeof image === 'string')) invalid(editNotAnImage());
    const payee = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
    if (!editing.canEdit()) invalid(text.nothingEditsHere(payee));
    const { file, editOf } = await editing.imageToEdit(image);
    await editing.open(file, editOf);
  } catch (thrown) {
    const failure = asUserPaysError(thrown);
    features.report(failure);
    throw failure;
  }
}

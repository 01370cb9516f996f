import type { EditKind } from '../../../../base/types.js';
import { editPrices } from '../../../../strings/edit-prices.js';
import { generation as generationWords } from '../../../../strings/generation.js';
import { editor } from '../../../../strings/image/editor.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import type { Blocked } from '../../shared/view.js';
import { instructionOptional, paints } from './again.js';

// Why the edit open cannot be sent yet, said where Generate is refused, with the way to what is missing.

/** What of the edit open says whether it can be sent: its kind, whether anything is painted, its instruction. */
interface OpenEdit {
  readonly kind: EditKind;
  readonly painter: { readonly painted: boolean };
  readonly instruction: string;
}

/**
 * Why Generate cannot send the edit yet: nothing painted for a kind that paints (the fix goes to the painting), no
 * side extended for an extend (`extended`: whether a side is; the fix to the first side's field).
 */
export function notReady(
  session: Omit<OpenEdit, 'instruction'> | undefined,
  extended: boolean,
  translation?: Translation,
): Blocked | undefined {
  if (session?.kind === 'extend' && !extended) {
    const reason = wordsIn(translation, 'editPrices', editPrices).extendNothing();
    return {
      reason,
      at: 'image',
      fix: { label: wordsIn(translation, 'editor', editor).toExtending(), focus: 'extend-top' },
    };
  }
  if (!session || !paints(session.kind) || session.painter.painted) return undefined;
  // Said as the pipeline says it where a page sends an edit with nothing painted.
  const reason = wordsIn(translation, 'generation', generationWords).maskMissing();
  return {
    reason,
    at: 'image',
    fix: { label: wordsIn(translation, 'editor', editor).toPainting(), focus: 'mask-area' },
  };
}

/**
 * Where the edit waits for its instruction (a kind that takes one, none typed): why, and the way to its box; what it
 * waits for above it first (the painting, over the instruction in the editor).
 */
export function instructionMissing(
  session: OpenEdit | undefined,
  extended: boolean,
  translation?: Translation,
): Blocked | undefined {
  if (!session || instructionOptional(session.kind) || session.instruction.trim()) return undefined;
  const first = notReady(session, extended, translation);
  if (first) return first;
  const text = wordsIn(translation, 'editor', editor);
  return {
    reason: text.instructionFirst(),
    at: 'prompt',
    fix: { label: text.toInstruction(), focus: 'edit-instruction' },
  };
}

import Decimal from 'decimal.js';
import type { PublicEdit } from '../../../../base/types.js';
import { formatUsdRounded } from '../../../../pricing/index.js';
import { mostOf } from '../../../../pricing/quote.js';
import type { Conversation } from '../../../../providers/provider.js';
import type { ImageParts } from '../../shared/image-parts.js';

/**
 * The conversation that made an image being edited, where its model keeps one (Nano Banana at Google: SPEC §13): as its
 * stored record keeps it, and what going on with it sends again.
 */
export interface GoingOn {
  kept: Conversation;
  earlier: NonNullable<PublicEdit['earlier']>;
}

/**
 * The conversation an edit by `model` at the provider in force goes on with: the one that made the image, where that
 * model made it there (Google requires the earlier turns of that model's own, each of its images with its signature);
 * undefined for another model, which starts afresh.
 */
export const goingOn = (going: GoingOn | undefined, parts: ImageParts, model: string) =>
  going && going.kept.provider === parts.host.provider && going.kept.model === model ? going : undefined;

/** `edit` as sent going on with `going` (what it sends again), or afresh where there is none. */
export function editGoingOn(edit: PublicEdit, going: GoingOn | undefined): PublicEdit {
  const { earlier: _, ...afresh } = edit;
  return going ? { ...afresh, earlier: going.earlier } : afresh;
}

/**
 * The editor's line where the edit may go on with the conversation that made the image (`going`, of the model in
 * force): whether it does (`afresh`: the user chose not to), how many earlier images that sends again, and the most it
 * adds in the locale's words (none where the model cannot take them all: the quote says why).
 */
export function goesOnView(parts: ImageParts, going: GoingOn, afresh: boolean) {
  const { edit, ...request } = parts.request();
  if (!edit) return undefined;
  const on = parts.pricing.price({ ...request, edit: editGoingOn(edit, going) }).quote;
  const off = parts.pricing.price({ ...request, edit: editGoingOn(edit, undefined) }).quote;
  const more =
    on && off && !on.problem && !off.problem
      ? formatUsdRounded(new Decimal(mostOf(on)).minus(mostOf(off)), parts.language.locale, true)
      : undefined;
  return { checked: !afresh, images: going.earlier.images, more };
}

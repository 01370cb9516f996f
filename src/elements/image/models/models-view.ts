import { familyOf, modelName } from '../../../pricing/index.js';
import type { Offer } from '../../../pricing/compare.js';
import { widget } from '../../../strings/image/widget.js';
import { wordsIn } from '../../../strings/strings.js';
import type { ImageParts } from '../shared/image-parts.js';
import { bestForAt } from '../shared/best-for.js';
import type { ImageView } from '../shared/view.js';

/** How many models of the provider's first family the picker shows before its step. */
const FIRST_SHOWN = 5;

/**
 * The provider's families that `shown` does not show, in picker order: up to three, then "…" (the step's words). The
 * families are read from the prices the provider has, so a step never promises a family it does not sell.
 */
function familiesNotShown(offered: readonly Offer[], shown: ReadonlySet<string>): string {
  const others = [...new Set(offered.map(({ model }) => familyOf(model)))].filter((family) => !shown.has(family));
  return others.slice(0, 3).join(', ') + (others.length > 3 ? '…' : '');
}

/**
 * The models of the provider the picker shows, each with what it is best for and the request's price on it, and the
 * step under them: up to five of the first family and the model in force, a step naming the provider's other families
 * (or how many more models there are); every model once the user takes it, with a step back to fewer.
 */
export function modelsView(
  parts: ImageParts,
  offers: readonly Offer[],
): Pick<ImageView, 'models' | 'modelsStep' | 'modelNote'> {
  const { host, form } = parts;
  const offered = offers.filter((offer) => offer.provider === host.provider);
  const first = offered[0] && familyOf(offered[0].model);
  const shown = form.allModels
    ? offered
    : offered.filter(({ model }, index) => (index < FIRST_SHOWN && familyOf(model) === first) || model === host.model);
  return {
    models: shown.map(({ model, total, atMost }) => ({
      id: model,
      label: modelName(model),
      family: familyOf(model),
      bestFor: bestForAt(parts, host.provider, model),
      total,
      atMost,
      selected: model === host.model,
    })),
    modelsStep: stepOf(parts, offered, shown),
    // Said while the model it explains is in force: a model the user picks after it is their own choice.
    modelNote: parts.modelNote?.model === host.model ? parts.modelNote.text : undefined,
  };
}

/** The step under the models: back to fewer, to the families not shown, to the models not shown, or none. */
function stepOf(parts: ImageParts, offered: readonly Offer[], shown: readonly Offer[]): ImageView['modelsStep'] {
  const widgetText = wordsIn(parts.language.translation, 'widget', widget);
  if (parts.form.allModels) return { label: widgetText.fewerModels(), expanded: true };
  if (shown.length === offered.length) return undefined;
  const shownFamilies = new Set(shown.map(({ model }) => familyOf(model)));
  const families = familiesNotShown(offered, shownFamilies);
  const label = families ? widgetText.otherFamilies(families) : widgetText.moreModels(offered.length - shown.length);
  return { label, expanded: false };
}

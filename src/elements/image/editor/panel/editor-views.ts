import Decimal from 'decimal.js';
import type { EditKind } from '../../../../base/types.js';
import { formatUsd, megapixelsOf, modelName, withEditFacts } from '../../../../pricing/index.js';
import { payeeAt } from '../../../../providers/registry/catalog.js';
import { editsLoaded } from '../../../../providers/registry/edits-loader.js';
import { imageKeptAt } from '../../../../providers/registry/image-kept.js';
import type { ReferenceImage } from '../../../../providers/provider.js';
import { editPrices } from '../../../../strings/edit-prices.js';
import { editor } from '../../../../strings/image/editor.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import { mostSaid } from '../../shared/price-words.js';
import type { ImageView } from '../../shared/view.js';
import { editGoingOn, type GoingOn } from './conversation.js';

// What the editor shows of the request as it stands, read from the widget's parts: the models that make each kind of
// edit, each priced for the image; what becomes of an instruction; what sending the image whole adds; what the
// provider keeps of an image of the user's own.

/** The models of the provider in force that make `kind` of edit, in the price book's order. */
export function modelsFor({ host, pricing }: ImageParts, kind: EditKind): string[] {
  const book = pricing.prices();
  const { provider } = host;
  return pricing.models(provider, '').filter((model) => {
    const entry = book[model]?.[provider];
    return entry && withEditFacts(entry, provider, model, editsLoaded()).edits?.includes(kind);
  });
}

/**
 * The price-book entry of the model in force, with its edit facts, where it has a price here: read from the book, as
 * a request that cannot be priced yet (no side extended) has none.
 */
export function entryInForce({ host, pricing }: ImageParts) {
  const entry = pricing.prices()[host.model]?.[host.provider];
  return entry && withEditFacts(entry, host.provider, host.model, editsLoaded());
}

/**
 * Whether the model in force takes an instruction for this kind of edit (an extend's may not: fal's outpaint takes
 * none), and where it takes none, what becomes of one typed: it is said not to be sent, never dropped in silence.
 */
export function instructionView(parts: ImageParts, kind: EditKind, instruction: string) {
  const model = modelName(parts.host.model);
  const taken = kind !== 'extend' || entryInForce(parts)?.extend?.prompt !== false;
  const typed = instruction.trim();
  const unsent =
    taken || !typed
      ? undefined
      : wordsIn(parts.language.translation, 'editPrices', editPrices).promptNotSent(model, typed);
  return { instructionTaken: taken, modelLabel: model, ...(unsent && { unsent }) };
}

/**
 * What the provider in force says it keeps of an image it is sent, in the element's words, said beside the upload of
 * an image of the user's own (`own`): not of one it made, which it has already.
 */
export function keptSaid({ host, language }: ImageParts, own: boolean): string | undefined {
  const kept = own ? imageKeptAt(host.provider, host.endpoint) : undefined;
  if (!kept) return undefined;
  const payee = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
  return wordsIn(language.translation, 'editor', editor).imageKept(payee, kept);
}

/**
 * The models that make `kind` of edit here, each priced for this image as the request stands, going on with the
 * image's conversation where that model made it (`goingOn`).
 */
export function modelsView(
  parts: ImageParts,
  view: ImageView,
  kind: EditKind,
  goingOn: (model: string) => GoingOn | undefined,
) {
  const { host, pricing, language } = parts;
  const { edit, ...request } = parts.request();
  return modelsFor(parts, kind).map((model) => {
    const { quote } = pricing.price({ ...request, model, edit: editGoingOn(edit ?? { kind }, goingOn(model)) });
    return {
      id: model,
      label: modelName(model),
      price: quote ? mostSaid(quote, language.locale, view.translation) : '',
      selected: model === host.model,
    };
  });
}

/**
 * Where the model bills each input megapixel and the image is larger than it sends by default (1 MP): its size and
 * what sending it whole adds, for the user to choose (`checked`: it is); undefined where that changes nothing.
 */
export function wholeView(parts: ImageParts, image: ReferenceImage, checked: boolean) {
  const request = parts.request();
  if (!request.edit) return undefined;
  const { pricing, language } = parts;
  const resized = pricing.price({ ...request, edit: { ...request.edit, whole: false } }).quote;
  const whole = pricing.price({ ...request, edit: { ...request.edit, whole: true } }).quote;
  if (!resized || !whole || resized.problem || whole.problem) return undefined;
  const more = new Decimal(whole.total).minus(resized.total);
  if (more.lte(0)) return undefined;
  const megapixels = megapixelsOf(image.width, image.height).toLocaleString(language.locale);
  return { checked, megapixels, more: formatUsd(more, language.locale) };
}

import { finalOf } from '../../../pricing/offer-choices.js';
import { providerInfo } from '../../../providers/registry/catalog.js';
import type { ImageSettings } from '../gallery/panel/gallery-actions.js';
import type { GalleryFeature } from '../gallery/panel/gallery-feature.js';
import type { EditorFeature } from '../editor/panel/editor-feature.js';
import type { OptionsFeature } from '../options/panel/options-feature.js';
import type { PriceFeature } from '../price/panel/price-feature.js';
import type { Flow } from '../shared/features.js';
import type { ImageParts } from '../shared/image-parts.js';

/** The features an image's actions reach, and the widget's flow: the panels, as they stand. */
interface ActionFeatures {
  readonly editor: EditorFeature;
  readonly options: OptionsFeature;
  readonly price: PriceFeature;
  readonly flow: Flow;
  edited(): void;
}

// An image's actions (its toolbar, its menu, the lightbox): the gallery's view does them, with what of the whole widget
// they need, as the canvas draws what several features show: the editor opens from an image (Edit), More options takes
// one as a reference, Reuse sets the form and the model's own controls to an image's settings.

/** What a click on an action of an image does (`data-action`: open, copy, reuse, vary, reference, finalize, delete). */
export const imageAction = (parts: ImageParts, gallery: GalleryFeature, features: ActionFeatures) => (event: Event) =>
  void act(parts, gallery, features, event);

/** An image's action, done by the gallery's view with what of the widget it needs. */
function act(parts: ImageParts, own: GalleryFeature, features: ActionFeatures, event: Event) {
  const { host } = parts;
  const gallery = own.controller;
  const { flow, options } = features;
  const root = () => host.shadowRoot;
  return own.view.loaded?.act(event, gallery.images, {
    translation: parts.language.translation,
    blob: (id) => gallery.blob(id),
    remove: (id) => gallery.remove(id),
    say: (sentence) => flow.say(sentence),
    offerUndo: (sentence, undo, near) => features.price.offerUndo(sentence, undo, near),
    addReference: (file) => options.addReference(file),
    reuse: (image, final) => reuse(parts, features, image, final),
    // An image that cannot be read to edit (a file too large, one the browser cannot decode) says why, where errors are.
    edit: (blob, id) => features.editor.edit(blob, id),
    again: (id) => features.editor.again(id),
    submit: () => void host.generate().catch(() => {}), // its error is shown where its image would have been
    showForm: () => {
      const prompt = root()?.querySelector<HTMLElement>('#prompt');
      prompt?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      prompt?.focus({ preventScroll: true });
    },
    // The image itself (its button, or where its link has expired, its place), never the figure around it.
    focusImage: (id) => flow.focusAt(id ? `.tile[data-id="${id}"] :is(.open, .expired)` : '.undo button'),
  });
}

/**
 * Reuse, Reuse revised and Finalize: the widget set to an image's settings (those it kept; else the form's stay), the
 * element's own and then the model's (More options holds them: its part loads for them where the provider shows them);
 * with `final`, on the final model of the family. What Undo puts back, and whether anything changed.
 */
async function reuse(parts: ImageParts, features: ActionFeatures, image: ImageSettings, final: boolean) {
  const { host } = parts;
  const { options } = features;
  const { quality, settings: madeWith, ...fields } = image;
  // A new image is asked of the form: an image being edited is left, the form given back first (what Undo restores).
  features.editor.close();
  features.edited();
  const { prompt, provider, model, width, height, seed, count } = host;
  const { enhancePrompt, safetyTolerance, outputFormat, quality: qualityBefore } = host;
  const kept = { enhancePrompt, safetyTolerance, outputFormat, quality: qualityBefore };
  const before = { prompt, provider, model, width, height, seed, count, ...kept }; // what Undo puts back
  const ownBefore = options.ownSettings() ?? {};
  if (quality) host.quality = quality;
  if (madeWith) {
    const { enhancePrompt: rewritten, safetyTolerance: tolerance, outputFormat: format = '' } = madeWith;
    Object.assign(host, {
      enhancePrompt: rewritten === undefined ? '' : rewritten ? 'on' : 'off',
      safetyTolerance: tolerance,
      outputFormat: format,
    });
  }
  Object.assign(host, fields);
  if (madeWith) {
    const shows = providerInfo(fields.provider)?.showsControls && Object.keys(madeWith).length;
    await options.restoreOwn(madeWith, fields.provider, fields.model, !!shows);
  }
  const finalModel = final && finalOf(parts.request(), host.models, parts.pricing)?.model;
  if (finalModel) host.model = finalModel;
  const ownAfter = options.ownSettings() ?? {};
  const changed =
    (Object.keys(before) as (keyof typeof before)[]).some((field) => host[field] !== before[field]) ||
    JSON.stringify(ownAfter) !== JSON.stringify(ownBefore);
  const undo = () => {
    Object.assign(host, before);
    void options.restoreOwn(ownBefore, provider, model);
  };
  return { undo, changed };
}

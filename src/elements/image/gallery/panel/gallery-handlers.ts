import type { ProviderId } from '../../../../base/types.js';
import { finalOf } from '../../../../pricing/offer-choices.js';
import { providerInfo } from '../../../../providers/catalog.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import { NEXT_STEP } from '../../shared/view.js';
import type { PanelPart } from '../../shared/panel-part.js';
import type { GalleryController } from './gallery-controller.js';
import type { GalleryViewPart } from './index.js';
import type { ImageSettings } from './gallery-actions.js';

/** The gallery's own parts its handlers use: the images kept, and what draws them. */
interface OwnParts {
  readonly controller: GalleryController;
  readonly view: PanelPart<GalleryViewPart>;
}

/** What the images' actions and the offers of another model or provider do. */
export interface GalleryHandlers {
  /** Click on an action of an image (`data-action`: open, copy, reuse, vary, reference, finalize, delete; `data-id`). */
  imageAction(event: Event): void;
  /** Click on an offer of the comparison (`data-provider`, `data-model`). */
  offerChoose(event: Event): void;
  /** The error box's offer of the same model at another provider (`renderFailure`'s `elsewhere`). */
  useElsewhere(event: Event): void;
}

/** The gallery's handlers: they set the element's state, never draw. */
export function galleryHandlers(parts: ImageParts, own: OwnParts, features: Features): GalleryHandlers {
  const { host } = parts;
  const handlers: GalleryHandlers = {
    // Drawn by the gallery's view only: it is here whenever one of its images is clicked.
    imageAction: (event) => void act(parts, own, features, event),
    offerChoose: (event) => {
      const { provider, model } = (event.currentTarget as HTMLElement).dataset;
      features.edited();
      [host.provider, host.model] = [provider as ProviderId, model!];
    },
    // The error goes with the switch: the next thing to do is Generate, or what the new provider still needs.
    useElsewhere: (event) => {
      handlers.offerChoose(event);
      features.flow.focusAt(NEXT_STEP);
    },
  };
  return handlers;
}

/** An image's action, done by the gallery's view with what of the widget it needs. */
function act(parts: ImageParts, own: OwnParts, features: Features, event: Event) {
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
async function reuse(parts: ImageParts, features: Features, image: ImageSettings, final: boolean) {
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

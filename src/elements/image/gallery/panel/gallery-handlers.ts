import { asUserPaysError } from '../../../../base/errors.js';
import type { ProviderId } from '../../../../base/types.js';
import { finalOf } from '../../../../pricing/offer-choices.js';
import { providerInfo } from '../../../../providers/registry/catalog.js';
import type { ImageParts } from '../../image-parts.js';
import type { Features } from '../../panels/features.js';
import { NEXT_STEP } from '../../submission/panel/flow-controller.js';
import type { ImageSettings } from './gallery-actions.js';

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
export function galleryHandlers(parts: ImageParts, features: Features): GalleryHandlers {
  const { host } = parts;
  const handlers: GalleryHandlers = {
    // Drawn by the gallery's view only: it is here whenever one of its images is clicked.
    imageAction: (event) => void act(parts, features, event),
    offerChoose: (event) => {
      const { provider, model } = (event.currentTarget as HTMLElement).dataset;
      features.submission.edited();
      [host.provider, host.model] = [provider as ProviderId, model!];
    },
    // The error goes with the switch: the next thing to do is Generate, or what the new provider still needs.
    useElsewhere: (event) => {
      handlers.offerChoose(event);
      features.submission.flow.focusAt(NEXT_STEP);
    },
  };
  return handlers;
}

/** An image's action, done by the gallery's view with what of the widget it needs. */
function act(parts: ImageParts, features: Features, event: Event) {
  const { host } = parts;
  const gallery = features.gallery.controller;
  const { references } = features.options;
  const { flow } = features.submission;
  const root = () => host.shadowRoot;
  return features.gallery.view.loaded?.act(event, gallery.images, {
    translation: parts.language.translation,
    blob: (id) => gallery.blob(id),
    remove: (id) => gallery.remove(id),
    say: (sentence) => flow.say(sentence),
    offerUndo: (sentence, undo, near) => features.price.offerUndo(sentence, undo, near),
    addReference: async (file) => {
      await references.add([file], parts.pricing.capability?.references.max ?? 0);
      // Where it went: More options open, and the new chip itself in the middle of the view, where the eye is.
      const more = root()?.querySelector<HTMLDetailsElement>('[part~=more]');
      if (more) more.open = true;
      await host.updateComplete;
      root()?.querySelector('.thumbs li:last-child')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    reuse: (image, final) => reuse(parts, features, image, final),
    // An image that cannot be read to edit (a file too large, one the browser cannot decode) says why, where errors are.
    edit: (blob, id) =>
      features.editor.open(blob, id).catch((error) => features.submission.controller.report(asUserPaysError(error))),
    again: (id) => features.editor.again(id),
    generate: () => void host.generate().catch(() => {}), // its error is shown where its image would have been
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
  const { controls } = features.options;
  const { quality, settings: madeWith, ...fields } = image;
  // A new image is asked of the form: an image being edited is left, the form given back first (what Undo restores).
  features.editor.close();
  features.submission.edited();
  const { prompt, provider, model, width, height, seed, count } = host;
  const { enhancePrompt, safetyTolerance, outputFormat, quality: qualityBefore } = host;
  const kept = { enhancePrompt, safetyTolerance, outputFormat, quality: qualityBefore };
  const before = { prompt, provider, model, width, height, seed, count, ...kept }; // what Undo puts back
  const ownBefore = controls.loaded?.controller.settings ?? {};
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
    const part = shows ? await controls.load().catch(() => undefined) : controls.loaded;
    part?.controller.restore(madeWith, fields.provider, fields.model);
  }
  const finalModel = final && finalOf(parts.request(), host.models, parts.pricing)?.model;
  if (finalModel) host.model = finalModel;
  const ownAfter = controls.loaded?.controller.settings ?? {};
  const changed =
    (Object.keys(before) as (keyof typeof before)[]).some((field) => host[field] !== before[field]) ||
    JSON.stringify(ownAfter) !== JSON.stringify(ownBefore);
  const undo = () => {
    Object.assign(host, before);
    controls.loaded?.controller.restore(ownBefore, provider, model);
  };
  return { undo, changed };
}

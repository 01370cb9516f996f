import { nothing } from 'lit';
import { billsReferences, modelName } from '../../../../pricing/index.js';
import { payeeAt, providerInfo } from '../../../../providers/registry/catalog.js';
import { loadEngine } from '../../../../lazy/index.js';
import { moreOptions } from '../../../../strings/more-options.js';
import { prices } from '../../../../strings/prices.js';
import { reword, wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { ModelSettings } from '../../../../base/types.js';
import type { ReferenceImage } from '../../../../providers/provider.js';
import type { Features } from '../../shared/features.js';
import { PanelPart } from '../../shared/panel-part.js';
import { imageRouter } from '../../shared/image-router.js';
import type { Drawing, PanelSlots } from '../../shared/slots.js';
import type { Blocked } from '../../shared/view.js';
import type { ModelControlsPart } from './controls/index.js';
import { renderMore, type MoreHandlers, type MoreView } from './more.js';
import { referenceHandlers, type ReferenceHandlers } from './reference-handlers.js';
import { ReferenceImages } from './reference-images.js';
import { RequiredImageController } from './required-image.js';

/**
 * More options once the panels are here: the count, the seed, the reference images (chosen, dropped or pasted
 * anywhere in the widget), and the model's own controls, a part loaded when More options opens where the provider in
 * force shows them, prefetched when the pointer or the focus comes to it.
 */
export class OptionsFeature {
  readonly references: ReferenceImages;
  readonly controls: PanelPart<ModelControlsPart>;
  /** What the reference images' controls do. */
  readonly handlers: ReferenceHandlers;
  readonly #parts: ImageParts;
  readonly #features: Features;

  constructor(parts: ImageParts, features: Features) {
    const { host } = parts;
    this.#parts = parts;
    this.#features = features;
    this.references = new ReferenceImages(host, (error) => features.report(error));
    this.controls = this.#controlsOnDemand(features);
    this.handlers = referenceHandlers(parts, features, this);
    // A model that edits the user's image, chosen with none: where images are added is opened.
    new RequiredImageController(
      host,
      // Not while an image is edited: that image is the one the model edits.
      () =>
        !!parts.pricing.capability?.references.required && !this.references.images.length && !features.editor.session,
    );
    // Images dropped on the drop zone, or pasted anywhere in the widget where the model takes them, become reference
    // images (the router says when a pasted one is the image to edit instead).
    imageRouter(host.renderRoot).references = {
      taken: () => !!parts.pricing.capability?.references?.max,
      add: (event) => this.handlers.referencesChosen(event),
    };
  }

  /** More options' model controls, where the provider shows them: with the adapter that says what the model takes. */
  #controlsOnDemand(features: Features): PanelPart<ModelControlsPart> {
    const { host, form } = this.#parts;
    const info = () => providerInfo(host.provider);
    return new PanelPart(host, {
      wanted: () => info()?.showsControls && form.moreOpen,
      worthPrefetching: () => info()?.showsControls,
      load: () => {
        // What the model takes comes from the provider's adapter: asked for with the part, not once it is here, so
        // that both arrive in one round trip.
        loadEngine()
          .then((engine) => engine.providerFor(host.provider))
          .catch(() => {}); // the controller asks again, and says nothing where it cannot load
        return import('./controls/index.js').then(({ modelControlsPart }) =>
          modelControlsPart(host, () => features.edited()),
        );
      },
    });
  }

  referenceImages(): ReferenceImage[] {
    return this.references.images;
  }

  async addReference(file: File) {
    const { host, pricing } = this.#parts;
    await this.references.add([file], pricing.capability?.references.max ?? 0);
    // Where it went: More options open, and the new chip itself in the middle of the view, where the eye is.
    const root = host.shadowRoot;
    const more = root?.querySelector<HTMLDetailsElement>('[part~=more]');
    if (more) more.open = true;
    await host.updateComplete;
    root?.querySelector('.thumbs li:last-child')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  ownSettings(): ModelSettings | undefined {
    return this.controls.loaded?.controller.settings;
  }

  async restoreOwn(settings: ModelSettings, provider: string, model: string, load = false) {
    const part = load ? await this.controls.load().catch(() => undefined) : this.controls.loaded;
    part?.controller.restore(settings, provider, model);
  }

  /** Why the provider would refuse one of the model's own controls as set (none where they are not here). */
  blocked(): Blocked | undefined {
    return this.controls.loaded?.blocked(this.#parts.language.translation);
  }

  /**
   * Why a request cannot be made as it stands (`problem`), with its fix where there is one: a model that edits the
   * user's image (FLUX.1 Kontext, Fill), with none attached, asks for one (the file field in More options, which opens
   * on it, its chooser with it). Where that is all that is missing and the request is priced (`priced`: BFL prices
   * them per image, whatever the image), it is the form's next step, not an error.
   */
  problemBlocked(problem: string, priced: boolean): Blocked {
    const { capability, fitted } = this.#parts.pricing;
    const wanting = capability?.references.required && !fitted?.inputs.length;
    if (!wanting) return { reason: problem, at: 'price' };
    const { translation } = this.#parts.language;
    const step =
      priced && problem === wordsIn(translation, 'prices', prices).needsImage(modelName(this.#parts.host.model));
    const text = wordsIn(translation, 'moreOptions', moreOptions);
    return {
      reason: problem,
      at: step ? 'image' : 'price',
      fix: { label: text.chooseImage(), focus: 'references-input' },
    };
  }

  /** More options: the count, the seed, the reference images, the model's own controls. */
  slots({ on }: Drawing<MoreHandlers>): Pick<PanelSlots, 'more'> {
    const { host, language } = this.#parts;
    const providerName = wordsIn(language.translation, 'words', words).providerName(
      payeeAt(host.provider, host.endpoint),
    );
    const editing = this.#features.editor.ownImageOffer(providerName);
    return { more: renderMoreOptions(this.#parts, this, providerName, on, editing) };
  }
}

/** More options: the count, the seed, the reference images, and the model's own controls once their part is here. */
function renderMoreOptions(
  { host, pricing, language }: ImageParts,
  { controls, references: attached }: Pick<OptionsFeature, 'controls' | 'references'>,
  providerName: string,
  on: MoreHandlers,
  editing: Pick<MoreView, 'editOwn' | 'editNotHere'>,
) {
  const { quote } = pricing;
  const references = pricing.capability?.references;
  const { locale, translation } = language;
  // The model's own controls (More options), where the provider in force shows them, as set so far.
  const modelControls = controls.loaded?.render(providerName, translation);
  const rule = pricing.entry?.rule;
  return renderMore(
    {
      count: host.count,
      // Any rule with tiers (GPT Image's quality, Gemini's resolution, a Seedream tier), each priced as it is chosen.
      quality:
        rule && 'qualities' in rule
          ? { values: rule.qualities, value: pricing.fitted?.quality ?? rule.quality }
          : undefined,
      seed: host.seed ?? undefined,
      references: references?.max
        ? {
            max: references.max,
            required: !!references.required,
            billed: !pricing.entry || billsReferences(pricing.entry.rule) || !!pricing.entry.inputPrice,
            images: attached.images.map((image, i) => {
              const sent = pricing.fitted?.inputs?.[i];
              return {
                ...image,
                sent: sent && sent.width !== image.width ? sent : undefined,
                adds: pricing.problem ? undefined : quote?.references?.[i],
              };
            }),
            refused: attached.refused.map((error) => error.said.map((said) => reword(said, translation)).join(' ')),
          }
        : undefined,
      seedControls: modelControls?.seed ?? nothing,
      controls: modelControls?.model ?? nothing,
      ...editing,
      locale,
      translation,
    },
    on,
  );
}

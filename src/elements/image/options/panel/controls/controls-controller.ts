import type { ReactiveController } from 'lit';
import type { ModelSettings } from '../../../../../base/types.js';
import { asUserPaysError } from '../../../../../base/errors.js';
import { loadEngine } from '../../../../../lazy/index.js';
import type { ModelControls, Provider } from '../../../../../providers/provider.js';
import type { Sentence } from '../../../../../strings/strings.js';
import type { ImageProperties } from '../../../shared/image-properties.js';

/** The settings only More options sets: no attribute. */
const OWN_SETTINGS = ['steps', 'guidance', 'raw', 'imagePromptStrength'] as const;
type OwnSetting = (typeof OWN_SETTINGS)[number];

/**
 * The model's own controls (SPEC §11), as More options shows them: what the model in force takes at its provider
 * (`Provider.controls`, read from the provider's adapter), and the settings that only More options sets ([flex]'s steps
 * and guidance, Ultra's raw and reference strength), kept until the model changes. The three that have an attribute
 * (`enhance-prompt`, `safety-tolerance`, `output-format`) are the element's, and set there. Made with the controls part
 * (./index.ts), which loads where the provider in force shows them.
 */
export class ControlsController implements ReactiveController {
  /** What the model takes; undefined until its adapter has said. */
  controls?: ModelControls;
  /** What More options set of the controls without an attribute (a setting back at its default is absent). */
  settings: ModelSettings = {};
  /** The text of each amount's field as the user typed it (More options keeps it while it says the number set). */
  typed: Partial<Record<OwnSetting, string>> = {};
  /** The provider's own check of a setting (`Provider.checkSettings`), read with the controls. */
  #check?: Provider['checkSettings'];
  readonly #host: ImageProperties;
  /** Said when the user changes one (the form was edited: PanelControllers.edited). */
  readonly #edited: () => void;
  #readFor = '';
  /** Settings put back for a model (`restore`), kept through the change to it, which empties them. */
  #restored?: { for: string; settings: ModelSettings };

  constructor(host: ImageProperties, edited: () => void) {
    (this.#host = host).addController(this);
    this.#edited = edited;
  }

  hostUpdate() {
    const { provider, model } = this.#host;
    const readFor = `${provider} ${model}`;
    const restored = this.#restored;
    this.#restored = undefined;
    if (readFor === this.#readFor) return;
    this.#readFor = readFor;
    this.controls = undefined;
    this.#check = undefined;
    this.settings = restored?.for === readFor ? restored.settings : {};
    this.typed = {};
    loadEngine()
      .then(async (engine) => {
        const adapter = await engine.providerFor(provider);
        const controls = adapter.controls?.(model);
        if (readFor !== this.#readFor) return; // another model since
        this.controls = controls;
        this.#check = (checked, settings) => adapter.checkSettings?.(checked, settings);
        this.#host.requestUpdate();
      })
      .catch(() => {}); // the adapter could not load (offline): no controls shown, the defaults apply
  }

  /**
   * Each of `settings` the provider would refuse for the model in force (a number out of its range, not whole where it
   * must be), with the provider's own words for it: asked of each setting alone, so that every one that is wrong is
   * known and marked at once. The same check runs again at the click, before anything is sent (generation/submit.ts).
   */
  refusals(settings: ModelSettings): { name: keyof ModelSettings; said: readonly Sentence[] }[] {
    const check = this.#check;
    if (!check) return [];
    const { model } = this.#host;
    return (Object.entries(settings) as [keyof ModelSettings, unknown][]).flatMap(([name, value]) => {
      try {
        check(model, { [name]: value });
        return [];
      } catch (error) {
        return [{ name, said: asUserPaysError(error).said }];
      }
    });
  }

  /**
   * Puts back those of `settings` that only More options sets (an image's, for Vary and Reuse: the others are the
   * element's), the rest at their defaults, for `model` at `provider`, which may be about to come into force with them.
   */
  restore(settings: ModelSettings, provider: string, model: string) {
    const own = Object.fromEntries(OWN_SETTINGS.flatMap((name) => (name in settings ? [[name, settings[name]]] : [])));
    this.settings = own;
    this.typed = {};
    this.#restored = { for: `${provider} ${model}`, settings: own };
    this.#host.requestUpdate();
  }

  /**
   * Sets one of the model's settings as the user chose it in More options; undefined: the provider's default. `typed`:
   * an amount's field as the user wrote it.
   */
  set = <Name extends keyof ModelSettings>(name: Name, value: ModelSettings[Name], typed?: string) => {
    this.#edited();
    const host = this.#host;
    if (name === 'enhancePrompt') host.enhancePrompt = value ? 'on' : 'off';
    else if (name === 'safetyTolerance') host.safetyTolerance = value as number;
    else if (name === 'outputFormat') host.outputFormat = value as string;
    else {
      const { [name as OwnSetting]: _, ...others } = this.settings;
      this.settings = value === undefined ? others : { ...others, [name]: value };
      if (typed !== undefined) this.typed = { ...this.typed, [name]: typed };
      host.requestUpdate();
    }
  };
}

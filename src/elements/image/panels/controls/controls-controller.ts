import type { ReactiveController } from 'lit';
import type { ModelSettings } from '../../../../base/types.js';
import { loadEngine } from '../../../../lazy/index.js';
import type { ModelControls } from '../../../../providers/provider.js';
import type { ImageProperties } from '../../image-properties.js';

/** The settings only More options sets: no attribute. */
type OwnSetting = 'steps' | 'guidance' | 'raw' | 'imagePromptStrength';

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
  readonly #host: ImageProperties;
  /** Said when the user changes one (the form was edited: PanelControllers.edited). */
  readonly #edited: () => void;
  #readFor = '';

  constructor(host: ImageProperties, edited: () => void) {
    (this.#host = host).addController(this);
    this.#edited = edited;
  }

  hostUpdate() {
    const { provider, model } = this.#host;
    const readFor = `${provider} ${model}`;
    if (readFor === this.#readFor) return;
    this.#readFor = readFor;
    this.controls = undefined;
    this.settings = {};
    loadEngine()
      .then(async (engine) => {
        const controls = (await engine.providerFor(provider)).controls?.(model);
        if (readFor !== this.#readFor) return; // another model since
        this.controls = controls;
        this.#host.requestUpdate();
      })
      .catch(() => {}); // the adapter could not load (offline): no controls shown, the defaults apply
  }

  /** Sets one of the model's settings as the user chose it in More options; undefined: the provider's default. */
  set = <Name extends keyof ModelSettings>(name: Name, value: ModelSettings[Name]) => {
    this.#edited();
    const host = this.#host;
    if (name === 'enhancePrompt') host.enhancePrompt = value ? 'on' : 'off';
    else if (name === 'safetyTolerance') host.safetyTolerance = value as number;
    else if (name === 'outputFormat') host.outputFormat = value as string;
    else {
      const { [name as OwnSetting]: _, ...others } = this.settings;
      this.settings = value === undefined ? others : { ...others, [name]: value };
      host.requestUpdate();
    }
  };
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelSettings, ProviderId } from '../../../../base/types.js';
import { loadEngine } from '../../../../lazy/index.js';
import type { ModelControls } from '../../../../providers/provider.js';
import { lazily } from '../../../../base/lazily.js';
import type * as Controls from './index.js';

/** The controls part, loaded once (tried again after a failed load). */
const loadPart = lazily(() => import('./index.js'));

/** Which model the host asks for, and of which provider. */
export interface ControlsSource {
  provider(): ProviderId;
  model(): string;
}

/**
 * The model's own controls (SPEC §11), as More options shows them: what the model in force takes at its provider
 * (`Provider.controls`, read from the provider's adapter, loaded for it), and the settings that only More options sets
 * ([flex]'s steps and guidance, Ultra's raw and reference strength: no attribute), kept until the model changes. The
 * three that have an attribute (`enhance-prompt`, `safety-tolerance`, `output-format`) live on the element.
 */
export class ControlsController implements ReactiveController {
  /** What the model takes; undefined until its adapter has loaded, and where it has none. */
  controls?: ModelControls;
  /** What More options set of the controls without an attribute. */
  settings: ModelSettings = {};
  /** How More options draws them (the controls part), once a model with controls has needed it. */
  render?: typeof Controls.renderControls;
  readonly #host: ReactiveControllerHost;
  readonly #source: ControlsSource;
  #readFor = '';

  constructor(host: ReactiveControllerHost, source: ControlsSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostUpdate() {
    const [provider, model] = [this.#source.provider(), this.#source.model()];
    const readFor = `${provider} ${model}`;
    if (readFor === this.#readFor) return;
    this.#readFor = readFor;
    this.controls = undefined;
    this.settings = {};
    loadEngine()
      .then((engine) => engine.providerFor(provider))
      .then(async (adapter) => {
        if (readFor !== this.#readFor) return;
        this.controls = adapter.controls?.(model);
        return this.controls && (this.render ??= (await loadPart()).renderControls);
      })
      .then(() => this.#host.requestUpdate())
      .catch(() => {}); // the adapter could not load (offline): no controls shown, the provider's defaults apply
  }

  /** Sets one of the controls without an attribute; undefined: the provider's default again. */
  set<K extends keyof ModelSettings>(name: K, value: ModelSettings[K]) {
    this.settings = { ...this.settings, [name]: value };
    this.#host.requestUpdate();
  }
}

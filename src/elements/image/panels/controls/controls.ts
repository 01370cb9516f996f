import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ModelSettings } from '../../../../base/types.js';
import type { ControlRange, ModelControls } from '../../../../providers/provider.js';
import { controls as controlsWords } from '../../../../strings/image/controls.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';

/** What the model's own controls show: what the model takes, what is set (the page's and the user's), whose they are. */
export interface ControlsView {
  controls?: ModelControls;
  /** The settings in force: the attributes', and what More options set. */
  settings: ModelSettings;
  /** The provider's name ("BFL"). */
  provider: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/**
 * The model's own controls in More options (SPEC §11), each where the model takes it, at the provider's default until
 * set: whether the provider may rewrite the prompt (and what that means for a seed), the moderation level (with the
 * plain note where the provider charges for what it withholds), the output format, [flex]'s steps and guidance,
 * Ultra's raw look and reference strength. Every control is named `name` after its setting (`controlChange`).
 */
export function renderControls(
  { controls, settings, provider, translation }: ControlsView,
  change: (event: Event) => void,
) {
  if (!controls) return nothing;
  const text = wordsIn(translation, 'controls', controlsWords);
  const { enhancePrompt, safetyTolerance, outputFormats, steps, guidance, raw, imagePromptStrength } = controls;
  const check = (name: 'enhancePrompt' | 'raw', checked: boolean, label: string) =>
    html`<label class="check"
      ><input type="checkbox" name=${name} .checked=${live(checked)} @change=${change} /> ${label}</label
    >`;
  const number = (
    name: 'steps' | 'guidance' | 'imagePromptStrength',
    label: string,
    range: ControlRange,
    step: number,
  ) =>
    html`<label class="dimension"
      >${label}
      <input
        name=${name}
        type="number"
        min=${range.min}
        max=${range.max}
        step=${step}
        inputmode="decimal"
        placeholder=${String(range.default)}
        .value=${live(settings[name] === undefined ? '' : String(settings[name]))}
        @change=${change}
    /></label>`;
  const enhanced = settings.enhancePrompt ?? enhancePrompt?.default;
  return html`<fieldset class="model-controls">
    <legend class="label">${text.modelControls(provider)}</legend>
    ${
      enhancePrompt
        ? html`${check('enhancePrompt', !!enhanced, text.enhancePrompt(provider, enhancePrompt.default))}
            <p class="muted">${enhanced ? text.enhanceOn(provider) : text.enhanceOff()}</p>`
        : nothing
    }
    ${
      safetyTolerance
        ? html`<label class="dimension"
              >${text.safetyTolerance(safetyTolerance.min, safetyTolerance.max)}
              <select name="safetyTolerance" @change=${change}>
                ${Array.from({ length: safetyTolerance.max - safetyTolerance.min + 1 }, (_, i) => {
                  const level = safetyTolerance.min + i;
                  return html`<option
                    value=${level}
                    .selected=${live(level === (settings.safetyTolerance ?? safetyTolerance.default))}
                  >
                    ${level === safetyTolerance.default ? text.byDefault(String(level)) : level}
                  </option>`;
                })}
              </select></label
            >${controls.moderationCharged ? html`<p class="muted">${text.moderationCharged(provider)}</p>` : nothing}`
        : nothing
    }
    ${
      outputFormats
        ? html`<label class="dimension"
            >${text.outputFormat()}
            <select name="outputFormat" @change=${change}>
              ${outputFormats.map(
                (format, i) =>
                  html`<option
                    value=${format}
                    .selected=${live(format === (settings.outputFormat ?? outputFormats[0]))}
                  >
                    ${i ? format.toUpperCase() : text.byDefault(format.toUpperCase())}
                  </option>`,
              )}
            </select></label
          >`
        : nothing
    }
    ${steps ? number('steps', text.steps(), steps, 1) : nothing}
    ${guidance ? number('guidance', text.guidance(), guidance, 0.5) : nothing}
    ${raw ? check('raw', settings.raw ?? raw.default, text.raw()) : nothing}
    ${imagePromptStrength ? number('imagePromptStrength', text.imagePromptStrength(), imagePromptStrength, 0.05) : nothing}
  </fieldset>`;
}

import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ModelSettings, OutputFormat } from '../../../../../base/types.js';
import type { ControlRange, ModelControls } from '../../../../../providers/provider.js';
import { controls as controlsWords } from '../../../../../strings/image/controls.js';
import { wordsIn, type Translation } from '../../../../../strings/strings.js';

/** What the model's own controls show: what the model takes, what is set (the page's and the user's), whose they are. */
export interface ControlsView {
  controls: ModelControls;
  /** The settings in force: the attributes', and what More options set. */
  settings: ModelSettings;
  /** The provider's name ("BFL"). */
  provider: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
  /** The settings the provider would refuse as they stand: each control marked, and why said under it. */
  problems: readonly { name: string; reason: string }[];
  /** What the user typed in each amount's field ("2.0"), kept as typed while it says the number set. */
  typed: Readonly<Partial<Record<string, string>>>;
}

type Choice = 'safetyTolerance' | 'outputFormat';
type Amount = 'steps' | 'guidance' | 'imagePromptStrength';

/**
 * Hears a change of one of the model's settings, as its value (undefined: the provider's default), and for an amount
 * the text of its field as typed.
 */
type SetSetting = <Name extends keyof ModelSettings>(name: Name, value: ModelSettings[Name], typed?: string) => void;

/**
 * The handler of every control (made once, ./index.ts): each control is named after its setting; an emptied amount is
 * the provider's default again. An amount is heard as it is typed (`input`), not once its field is left: what
 * Generate (or Ctrl+Enter from the field) sends, and what it refuses, is what the field says.
 */
export const changeOf =
  (set: SetSetting) =>
  ({ target }: Event) => {
    const { name, type, checked, value } = target as HTMLInputElement;
    const setting = name as keyof ModelSettings;
    if (type === 'checkbox') set(setting, checked);
    else if (setting === 'outputFormat') set(setting, value as OutputFormat);
    else set(setting, value === '' ? undefined : Number(value), value);
  };

/** A control changed (its `name`, its value): the handler `changeOf` makes. */
type Change = (event: Event) => void;

/**
 * Under the seed: the switch for the provider's rewriting of the prompt, where the model can (BFL [pro], [max], [flex]
 * and FLUX.1, fal), and what it means, said under it; or, where the provider rewrites this model's prompts itself with
 * no switch (fal's [pro], [flex], [max]), that a seed may not make the same image again.
 */
export function renderSeedControls({ controls, settings, provider, translation }: ControlsView, change: Change) {
  const text = wordsIn(translation, 'controls', controlsWords);
  const { enhancePrompt } = controls;
  if (!enhancePrompt) {
    return controls.seedReproduces ? nothing : html`<p class="muted">${text.seedNotKept(provider)}</p>`;
  }
  const rewrites = settings.enhancePrompt ?? enhancePrompt.default;
  return html`<div class="enhance">
    <label class="check"
      ><input type="checkbox" name="enhancePrompt" .checked=${live(rewrites)} @change=${change} />
      ${text.enhancePrompt(provider, enhancePrompt.default)}</label
    >
    <p class="muted">${rewrites ? text.enhanceOn(provider) : text.enhanceOff()}</p>
  </div>`;
}

/**
 * The model's own controls in More options (SPEC §11), each where the model takes it, at the provider's default until
 * set: the moderation level (with the plain note where the provider charges for what it withholds), the output
 * format, [flex]'s steps and guidance, Ultra's raw look and reference strength (the prompt's rewriting is drawn under
 * the seed: renderSeedControls). Nothing where the model takes none of them.
 */
export function renderControls(
  { controls, settings, provider, translation, problems, typed }: ControlsView,
  change: Change,
) {
  const { safetyTolerance, outputFormats, steps, guidance, raw, imagePromptStrength } = controls;
  if (!safetyTolerance && !outputFormats && !steps && !guidance && !raw && !imagePromptStrength) return nothing;
  const text = wordsIn(translation, 'controls', controlsWords);
  // Each control the provider would refuse as set: marked, described by why, said under it; the fix focuses the first.
  const problemOf = (name: string) => problems.find((problem) => problem.name === name);
  const wrong = (name: string) => !!problemOf(name);
  const why = (name: string) =>
    wrong(name)
      ? html`<p id="setting-${name}-problem" class="setting-problem">${problemOf(name)!.reason}</p>`
      : nothing;
  // The provider's default is said on its own choice ("2 (default)"); formats in capitals (JPEG).
  const choice = (name: Choice, label: string, values: readonly (string | number)[], byDefault: string | number) =>
    html`<label class="dimension"
        >${label}
        <select
          id="setting-${name}"
          name=${name}
          aria-invalid=${ifDefined(wrong(name) ? 'true' : undefined)}
          aria-describedby=${ifDefined(wrong(name) ? `setting-${name}-problem` : undefined)}
          @change=${change}
        >
          ${values.map((value) => {
            const shown = String(value).toUpperCase();
            return html`<option value=${value} .selected=${live(value === (settings[name] ?? byDefault))}>
              ${value === byDefault ? text.byDefault(shown) : shown}
            </option>`;
          })}
        </select></label
      >${why(name)}`;
  // Empty is the provider's default, which the placeholder shows. The field keeps the user's own writing of the number
  // set ("2.0", "1.50"), which drawing the number again would turn into another ("2") under their caret.
  const shown = (name: Amount) => {
    const set = settings[name];
    const text = typed[name];
    return text !== undefined && (text === '' ? set === undefined : Number(text) === set) ? text : String(set ?? '');
  };
  const amount = (name: Amount, label: string, range: ControlRange, step: number) =>
    html`<label class="dimension"
        >${label}
        <input
          id="setting-${name}"
          name=${name}
          aria-invalid=${ifDefined(wrong(name) ? 'true' : undefined)}
          aria-describedby=${ifDefined(wrong(name) ? `setting-${name}-problem` : undefined)}
          type="number"
          min=${range.min}
          max=${range.max}
          step=${step}
          inputmode="decimal"
          placeholder=${range.default}
          .value=${live(shown(name))}
          @input=${change} /></label
      >${why(name)}`;
  return html`<fieldset class="model-controls">
    <legend class="label">${text.modelControls(provider)}</legend>
    ${
      safetyTolerance
        ? choice(
            'safetyTolerance',
            text.safetyTolerance(safetyTolerance.min, safetyTolerance.max),
            Array.from({ length: safetyTolerance.max - safetyTolerance.min + 1 }, (_, i) => safetyTolerance.min + i),
            safetyTolerance.default,
          )
        : nothing
    }
    ${controls.moderationCharged ? html`<p class="muted">${text.moderationCharged(provider)}</p>` : nothing}
    ${outputFormats ? choice('outputFormat', text.outputFormat(), outputFormats, outputFormats[0]) : nothing}
    ${steps ? amount('steps', text.steps(steps.min, steps.max), steps, 1) : nothing}
    ${guidance ? amount('guidance', text.guidance(guidance.min, guidance.max), guidance, 0.5) : nothing}
    ${
      raw
        ? html`<label class="check"
            ><input type="checkbox" name="raw" .checked=${live(settings.raw ?? raw.default)} @change=${change} />
            ${text.raw()}</label
          >`
        : nothing
    }
    ${imagePromptStrength ? amount('imagePromptStrength', text.imagePromptStrength(), imagePromptStrength, 0.05) : nothing}
  </fieldset>`;
}

/** The controls' own look, adopted beside the panels' when the part loads (./index.ts). */
export const controlStyles = css`
  /* The prompt's rewriting: its switch, and what it means under it, quiet. */
  .enhance {
    display: grid;
    gap: 0.25rem;
  }
  .enhance p,
  .more > p {
    margin: 0;
    font-size: 0.8125rem;
  }
  /* A column; the notes, quiet, under their control. */
  .model-controls {
    display: grid;
    gap: 0.5rem;
  }
  .model-controls p {
    margin: -0.25rem 0 0;
    font-size: 0.8125rem;
  }
  .model-controls select {
    font: inherit;
    font-weight: 400;
    color: inherit;
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.35rem 0.5rem;
  }
  /* Why the provider would refuse the control above, close under it. */
  .model-controls .setting-problem {
    color: var(--_danger);
  }
  /* Their switches in as many lines as their words take (the key's opt-in is one line: accounts.ts). */
  .enhance .check,
  .model-controls .check {
    height: auto;
    white-space: normal;
    align-items: start;
  }
`;

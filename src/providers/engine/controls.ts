import { UserPaysError } from '../../base/errors.js';
import type { ModelSettings } from '../../base/types.js';
import { settings as settingsWords } from '../../strings/settings.js';
import { sayer, type Sentence } from '../../strings/strings.js';
import type { ModelControls } from '../provider.js';
import { MODEL_SETTINGS } from '../model-settings.js';

const text = sayer('settings', settingsWords);

/**
 * The model's own controls as the adapters whose models have some share them (BFL, fal, Pollinations): each setting
 * checked against what the model takes (`ModelControls`), and sent under the provider's own name. Loaded with those
 * adapters only, never with the engine.
 */

type Setting = (typeof MODEL_SETTINGS)[number];

/** The provider's own name of each setting it takes (`prompt_upsampling`, `enable_prompt_expansion`…). */
export type WireNames = Partial<Record<Setting, string>>;

/** Settings whose values are whole numbers (BFL's OpenAPI schema: `safety_tolerance` and `steps` are integers). */
const WHOLE: ReadonlySet<Setting> = new Set(['safetyTolerance', 'steps']);

/** What `controls` says of a setting: its range, its default, or (the output format) the formats the model makes. */
const controlOf = (controls: ModelControls, name: Setting) =>
  controls[name === 'outputFormat' ? 'outputFormats' : name];

/**
 * Refuses, in words (`invalid-input`), a setting the model takes but not as given: a format it does not make, a
 * number out of its range (or not whole where it must be), a switch that is not true or false. A setting the model
 * does not take is not refused: it is not sent.
 */
export function checkSettings(controls: ModelControls, settings: ModelSettings = {}): void {
  for (const name of MODEL_SETTINGS) {
    const value: unknown = settings[name];
    const control = controlOf(controls, name);
    if (value === undefined || !control) continue;
    let refusal: Sentence | undefined;
    if (Array.isArray(control)) {
      if (!control.some((format) => format === value))
        refusal = text.outputFormat(String(value).slice(0, 20), control.join(', '));
    } else if ('min' in control) {
      const { min, max } = control;
      const fits =
        typeof value === 'number' && value >= min && value <= max && (!WHOLE.has(name) || Number.isInteger(value));
      if (!fits) refusal = text[name as 'steps'](min, max);
    } else if (typeof value !== 'boolean') refusal = text[name as 'raw']();
    if (refusal) throw new UserPaysError('invalid-input', refusal, false);
  }
}

/** A provider's `checkSettings`, by what each of its models takes (`controls`). */
export const settingsCheck =
  (controls: (model: string) => ModelControls) =>
  (model: string, settings?: ModelSettings): void =>
    checkSettings(controls(model), settings);

/**
 * `settings` as the provider takes them: under its own names (`names`), only those the model takes, the output format
 * the model's default where none is chosen (so that what it makes is known); checked first (`checkSettings`), so that
 * nothing is sent that the provider would refuse.
 */
export function wireSettings(
  controls: ModelControls,
  settings: ModelSettings = {},
  names: WireNames,
): Record<string, unknown> {
  checkSettings(controls, settings);
  const wire: Record<string, unknown> = {};
  for (const name of MODEL_SETTINGS) {
    const value = name === 'outputFormat' ? (settings.outputFormat ?? controls.outputFormats?.[0]) : settings[name];
    const as = names[name];
    if (value !== undefined && as && controlOf(controls, name)) wire[as] = value;
  }
  return wire;
}

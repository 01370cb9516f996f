// The widget's controls part (a chunk of its own): the model's own controls as More options draws
// them, the prompt's rewriting and what it means for a seed among them, with their styles. Loaded by the panels (a
// PanelPart: shared/panel-part.ts) when the user opens More options where the provider in force shows them (BFL, fal,
// Pollinations): a visit that never opens More options never loads it.
import { controls as controlsWords } from '../../../../../strings/image/controls.js';
import { reword, wordsIn, type Translation } from '../../../../../strings/strings.js';
import type { Blocked } from '../../../shared/view.js';
import { settingsOf } from '../../../shared/image-parts.js';
import type { ImageProperties } from '../../../shared/image-properties.js';
import { ControlsController } from './controls-controller.js';
import { adoptBeside } from '../../../../shared/adopted-styles.js';
import { MODEL_SETTINGS } from '../../../../../providers/model-settings.js';
import { changeOf, controlStyles, renderControls, renderSeedControls } from './controls.js';

/** The model's controls of a widget, and what More options draws of them. */
export interface ModelControlsPart {
  controller: ControlsController;
  /**
   * What More options shows, for the provider in force (named `provider`): under the seed, the prompt's rewriting or
   * why a seed may not repeat (`seed`); after the reference images, the model's other controls (`model`). Undefined
   * until the model's adapter has said what it takes.
   */
  render(provider: string, translation?: Translation): { seed: unknown; model: unknown } | undefined;
  /**
   * The setting in force that the provider would refuse for the model (`ControlsController.refusal`), with why in the
   * element's words, as Generate's refusal before the click (its fix opens More options on the field, which is marked).
   */
  blocked(translation?: Translation): Blocked | undefined;
}

/** A setting the provider would refuse (`name`, as the control is named), and why (`reason`). */
interface SettingProblem {
  name: string;
  reason: string;
}

/** The model's controls of the widget `host`, their styles adopted beside the panels'; `edited` is said on a change. */
export function modelControlsPart(host: ImageProperties, edited: () => void): ModelControlsPart {
  adoptBeside(host, [controlStyles]);
  const controller = new ControlsController(host, edited);
  const change = changeOf(controller.set);
  // In the order the controls are drawn: said beside Generate so, and the fix goes to the first.
  const problems = (translation?: Translation): SettingProblem[] =>
    controller
      .refusals(settingsOf(host, controller.settings) ?? {})
      .sort((one, other) => MODEL_SETTINGS.indexOf(one.name) - MODEL_SETTINGS.indexOf(other.name))
      .map(({ name, said }) => ({ name, reason: said.map((sentence) => reword(sentence, translation)).join(' ') }));
  return {
    controller,
    blocked: (translation) => {
      // Every setting that is wrong said beside Generate; the fix opens More options on the first, each one marked.
      const wrong = problems(translation);
      const fixSetting = wordsIn(translation, 'controls', controlsWords).fixSetting;
      return wrong.length
        ? {
            reason: wrong.map((problem) => problem.reason).join(' '),
            at: 'price',
            fix: { label: fixSetting(), focus: `setting-${wrong[0].name}` },
          }
        : undefined;
    },
    render: (provider, translation) => {
      const { controls } = controller;
      if (!controls) return undefined;
      const settings = settingsOf(host, controller.settings) ?? {};
      const view = {
        controls,
        settings,
        provider,
        translation,
        problems: problems(translation),
        typed: controller.typed,
      };
      return { seed: renderSeedControls(view, change), model: renderControls(view, change) };
    },
  };
}

import { carriedQuality } from '../../../../pricing/carried-quality.js';
import { modelInfo } from '../../../../pricing/index.js';
import { moreOptions } from '../../../../strings/more-options.js';
import { wordsIn } from '../../../../strings/strings.js';
import type { ImageParts } from '../../shared/image-parts.js';

/**
 * Makes the quality tier asked follow the model (a reactive controller of the widget's). Where the model or its
 * provider changes (a card clicked, an offer chosen, a cheaper model taken, the page's provider select) and the quality
 * was not set with it (Vary and Reuse set both), the new model keeps the tier where it takes it, under its own name for
 * the same tier, else its own default (`carriedQuality`). Taken as it was, a tier picked for one model would leave the
 * next without a price, Generate disabled and the pickers gone, with only a click back on the first model as the way
 * out. A quality the page sets that its model does not take is still the page's mistake, said beside Generate. Where
 * the new model does not make the tier at all, `said` is told the tier it is made at now, with what undoes the change
 * where the user made it in the form (a card clicked: the model and tier before it come back), not where the page
 * changed the provider.
 */
export function carryQuality(
  { host, pricing, language }: ImageParts,
  said: (sentence: string, undo?: () => void) => void,
) {
  /** The provider and model, and the quality asked, as the last update found them. */
  let route = '';
  let model = '';
  let quality: string | undefined;
  host.addController({
    hostUpdate() {
      const now = `${host.provider} ${host.model}`;
      if (route && now !== route && host.quality === quality) {
        const rule = pricing.prices()[host.model]?.[host.provider]?.rule;
        // A model the new provider does not sell has no tier there to carry.
        if (!rule) return;
        const carried = carriedQuality(rule, host.quality) ?? '';
        if (carried !== host.quality) {
          if (!carried && 'qualities' in rule) {
            const words = wordsIn(language.translation, 'moreOptions', moreOptions);
            const name = modelInfo(host.model)?.label ?? host.model;
            const [before, asked] = [model, host.quality];
            const undo = route.startsWith(`${host.provider} `)
              ? () => Object.assign(host, { model: before, quality: asked })
              : undefined;
            said(words.tierNotMade(name, words.qualityName(asked), words.qualityName(rule.quality)), undo);
          }
          host.quality = carried;
          // The preview priced the request a moment ago, in this same update, at the tier the model does not take: it
          // is priced again, so that what this update draws is the carried tier's price.
          pricing.hostUpdate();
        }
      }
      [route, model, quality] = [now, host.model, host.quality];
    },
  });
}

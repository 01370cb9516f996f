import {
  awaitsFamilies,
  familiesInFor,
  familyOf,
  formatUsd,
  formatUsdRounded,
  megapixelsOf,
  modelName,
} from '../../pricing/index.js';
import type { SizeRule } from '../../pricing/index.js';
import type { Offer } from '../../pricing/compare.js';
import { isKeyError } from '../../base/errors.js';
import { payeeAt, providerInfo } from '../../providers/catalog.js';
import { wordsIn } from '../../strings/strings.js';
import { widget } from '../../strings/image/widget.js';
import { words } from '../../strings/words.js';
import type { ImageParts } from './image-parts.js';
import type { ImagePanels } from './panels/image-panels.js';
import type { Blocked, ImageView } from './view.js';

/**
 * Why a click on Generate cannot succeed now, before it is made, and the fix: no price for what is asked (a size
 * the model cannot make, a model there is none of), no prompt, no key, the page's budget unusable, over the budget in
 * force, over the account's balance (these two once the panels are here). Undefined when it can.
 */
function blockedOf(parts: ImageParts, panels?: ImagePanels, key?: ImageView['key']): Blocked | undefined {
  const { quote, problem } = parts.pricing;
  const widgetText = wordsIn(parts.language.translation, 'widget', widget);
  // Where the panels have a fix for it (an image to edit, none attached: a next step), it is beside the reason.
  if (!quote || problem) return panels?.problemBlocked(problem, !!quote) ?? { reason: problem, at: 'price' };
  // The page's budget is not an amount: nothing can be spent until the page fixes it.
  const { budgetProblem } = parts.ledger;
  if (budgetProblem) return { reason: budgetProblem, at: 'price' };
  if (!parts.host.prompt.trim())
    return {
      reason: widgetText.describeFirst(),
      at: 'prompt',
      fix: { label: widgetText.fixPrompt(), focus: 'prompt' },
    };
  // Where the user may sign in instead of pasting a key, that is the way pointed to first.
  if (key && !key.value)
    return key.signIn
      ? {
          reason: widgetText.signInFirst(key.provider),
          at: 'key',
          fix: { label: widgetText.fixSignIn(), focus: 'sign-in' },
        }
      : { reason: widgetText.addKeyFirst(key.provider), at: 'key', fix: { label: widgetText.fixKey(), focus: 'key' } };
  // A model's control set out of its range, what the budget and the account leave: known after the first paint, said
  // with the panels.
  return panels?.blocked(quote);
}

/** The user's own key, where the provider takes one: whose, whether a sign-in makes one, the one in force. */
function keyView({ host, language }: ImageParts): ImageView['key'] {
  const info = providerInfo(host.provider);
  if (!info?.needsKey) return undefined;
  return {
    provider: wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint)),
    signIn: !!info.signIn,
    value: host.apiKey,
  };
}

/**
 * What the size controls will offer for `rule` (panels/size-presets.ts makes them): the shapes (one per ratio or size
 * the model takes; of the nine FLUX shapes, those a rule in pixels or ratios takes, which fill one row as nine do), a
 * row of sizes for rules in pixels and for ratios with levels, and a typed size for rules in pixels.
 */
function sizeChoicesOf(rule: SizeRule | undefined): ImageView['sizeChoices'] {
  if (!rule || rule.kind === 'input') return undefined;
  const pixels = rule.kind === 'pixels' || rule.kind === 'snapped';
  return {
    shapes: rule.kind === 'ratios' ? rule.ratios.length : rule.kind === 'sizes' ? rule.sizes.length : 9,
    sizes: pixels || (rule.kind === 'ratios' && (rule.levels?.length ?? 0) > 1),
    customSize: pixels,
  };
}

/**
 * Everything the widget shows, read from its two halves before each render: the parts its first paint has, and the
 * panels once they are here.
 */
export function imageView(parts: ImageParts, panels?: ImagePanels): ImageView {
  const { host, pricing } = parts;
  const { provider } = host;
  const { locale, translation } = parts.language;
  const widgetText = wordsIn(translation, 'widget', widget);
  const info = providerInfo(provider);
  const { quote } = pricing;
  // Every model priced once the panels are here, after the first paint: the first render names them alone.
  const offers =
    panels?.offers() ?? pricing.models(provider, host.models).map((model): Offer => ({ provider, model, problem: '' }));
  const key = keyView(parts);
  const submission = panels?.submission;
  const made = pricing.fitted ?? { width: host.width, height: host.height }; // the size the provider makes and bills
  const { allModels } = parts.form;
  const models = offers.filter((offer) => offer.provider === provider);
  // Up to five of the first family, and the model in force: the other families come at the step, so that their prices
  // arriving (Price details loads them) adds nothing above the details (Pollinations' list grew by 217 px).
  const first = models[0] && familyOf(models[0].model);
  const shown = allModels
    ? models
    : models.filter(({ model }, index) => (index < 5 && familyOf(model) === first) || model === host.model);
  const otherFamilies = !!info?.sellsFamilies && !familiesInFor(provider);
  // The step keeps naming the families once their prices are here, while it still hides models of a family not shown:
  // read as "17 more models" instead, it lost a line above the form the moment Price details loaded them.
  const shownFamilies = new Set(shown.map(({ model }) => familyOf(model)));
  const hidesFamilies = !!info?.sellsFamilies && models.some(({ model }) => !shownFamilies.has(familyOf(model)));
  // A provider that sells only the other families (OpenAI's, Google's own APIs) offers no model until their prices are
  // here: until then its widget shows no price and says nothing is wrong about the default model, not one of its own
  // (a model of theirs the page names is the quote's to wait for, and to say where they cannot load).
  const loading = otherFamilies && !models.length && !awaitsFamilies(host.model, provider);
  const blocked: Blocked | undefined = loading ? { reason: '', at: 'price' } : blockedOf(parts, panels, key);
  // An image to edit still to be chosen leaves the price standing: it does not depend on that image.
  const payable = (pricing.problem && blocked?.at !== 'image') || loading ? undefined : quote;
  const bound = payable?.atMost ? panels?.bound(payable) : undefined;
  const most = payable && (payable.atMost ?? payable.total);
  return {
    translation,
    widget: widgetText,
    locale,
    mac: /Mac|iP(hone|ad|od)/.test(globalThis.navigator?.platform ?? ''),
    prompt: host.prompt,
    offers,
    models: shown.map(({ model, total, atMost }) => ({
      id: model,
      label: modelName(model),
      family: familyOf(model),
      bestFor: panels?.bestFor(model) ?? '',
      total,
      atMost,
      selected: model === host.model,
    })),
    modelsStep:
      (otherFamilies || hidesFamilies) && !allModels
        ? { label: widgetText.otherFamilies(panels?.familiesSold(provider, shownFamilies)), expanded: false }
        : shown.length < models.length
          ? { label: widgetText.moreModels(models.length - shown.length), expanded: false }
          : allModels
            ? { label: widgetText.fewerModels(), expanded: true }
            : undefined,
    sizeChoices: sizeChoicesOf(pricing.capability?.sizes),
    made,
    key,
    // A request the model cannot make shows no payable price; the reason stands beside Generate.
    decision: payable
      ? {
          // A bound (SPEC §12) leads with the most it can cost, as the model picker and the comparison do, and says
          // what it is expected to cost before what it buys, in the panels' words (`bound`); until they are here, the
          // most alone, rounded up, said as an estimate: never less than what may be charged.
          price: bound?.price ?? formatUsdRounded(most!, locale, !!payable.atMost),
          exact: bound?.exact ?? formatUsd(most!, locale),
          buys: (bound?.about ?? '') + widgetText.buys(payable.count, megapixelsOf(made.width, made.height)),
          estimate: !payable.exact,
          blocked,
        }
      : { estimate: false, blocked },
    busy: !!submission?.pending || !!panels?.resume.resuming,
    announcement: panels?.flow.announcement ?? '',
    // The key's error is said beside the key (panels/accounts/accounts.ts).
    error: key && isKeyError(submission?.error) ? undefined : submission?.error,
  };
}

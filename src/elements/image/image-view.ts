import { formatUsd, formatUsdRounded, megapixelsOf } from '../../pricing/index.js';
import { isKeyError } from '../../base/errors.js';
import { payeeAt, providerInfo } from '../../providers/registry/catalog.js';
import { wordsIn } from '../../strings/strings.js';
import { widget } from '../../strings/image/widget.js';
import { words } from '../../strings/words.js';
import type { ImageParts } from './shared/image-parts.js';
import type { ImagePanels } from './panels/image-panels.js';
import { modelsView } from './models/models-view.js';
import { boundSaid } from './shared/price-words.js';
import { shapeView } from './shape/shape-view.js';
import type { Blocked, ImageView } from './shared/view.js';

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
  // An erase takes no prompt (what to remove is what is painted), nor needs an extend (the image continues itself).
  // While an image is edited, the prompt is the editor's instruction, which the editor asks for in its own words.
  const { prompt, edit } = parts.request();
  const kind = edit?.kind;
  if (!prompt.trim() && kind !== 'erase' && kind !== 'extend')
    return (
      panels?.editor.instructionMissing() ?? {
        reason: widgetText.describeFirst(),
        at: 'prompt',
        fix: { label: widgetText.fixPrompt(), focus: 'prompt' },
      }
    );
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
 * Everything the widget shows, read from its two halves before each render: the parts its first paint has, and the
 * panels once they are here.
 */
export function imageView(parts: ImageParts, panels?: ImagePanels): ImageView {
  const { host, pricing } = parts;
  const { locale, translation } = parts.language;
  const widgetText = wordsIn(translation, 'widget', widget);
  const { quote } = pricing;
  const offers = parts.offers();
  const key = keyView(parts);
  const submission = panels?.submission.controller;
  const made = pricing.fitted ?? { width: host.width, height: host.height }; // the size the provider makes and bills
  const blocked = blockedOf(parts, panels, key);
  // An image to edit still to be chosen leaves the price standing: it does not depend on that image.
  const payable = pricing.problem && blocked?.at !== 'image' ? undefined : quote;
  const bound = payable?.atMost
    ? boundSaid({ total: payable.total, atMost: payable.atMost }, locale, translation)
    : undefined;
  return {
    translation,
    widget: widgetText,
    locale,
    mac: /Mac|iP(hone|ad|od)/.test(globalThis.navigator?.platform ?? ''),
    prompt: host.prompt,
    offers,
    ...modelsView(parts, offers),
    size: shapeView(parts),
    made,
    key,
    // A request the model cannot make shows no payable price; the reason stands beside Generate.
    decision: payable
      ? {
          // A bound (SPEC §12) leads with the most it can cost, as the model picker and the comparison do, and says
          // what it is expected to cost before what it buys (`boundSaid`).
          price: bound?.price ?? formatUsdRounded(payable.total, locale),
          exact: bound?.exact ?? formatUsd(payable.total, locale),
          buys: (bound?.about ?? '') + widgetText.buys(payable.count, megapixelsOf(made.width, made.height)),
          estimate: !payable.exact,
          blocked,
        }
      : { estimate: false, blocked },
    busy: !!submission?.pending || !!panels?.submission.resume.resuming,
    announcement: panels?.flow.announcement ?? '',
    // The key's error is said beside the key (accounts/panel/accounts.ts).
    error: key && isKeyError(submission?.error) ? undefined : submission?.error,
  };
}

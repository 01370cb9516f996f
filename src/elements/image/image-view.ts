import { formatUsd, formatUsdRounded, modelName } from '../../pricing/index.js';
import type { Offer } from '../../pricing/compare.js';
import { keyOrigin, providerInfo } from '../../providers/catalog.js';
import { parse } from '../../providers/urls.js';
import { reword, wordsIn } from '../../strings/strings.js';
import { widget } from '../../strings/image/widget.js';
import { words } from '../../strings/words.js';
import type { ProviderId } from '../../base/types.js';
import { offersAsk, type ImageHost } from './image-parts.js';
import type * as ImagePanels from './panels/index.js';
import type { ImageParts } from './panels/lazy-parts.js';
import type { PanelHandlers } from './panels/image-actions.js';
import type { Blocked, ImageHandlers, ImageView } from './view.js';
import { megapixelsOf, sizeView } from './size-presets.js';

/**
 * The host a key is asked for, where it is not the provider's public one: a gateway, a regional host, a proxy (none
 * where the endpoint is not an address: nothing is sent there).
 */
function keyHost(provider: ProviderId, endpoint: string): string | undefined {
  const origin = keyOrigin(provider, endpoint);
  return origin === keyOrigin(provider, '') ? undefined : parse(origin)?.host;
}

/**
 * Why a click on Generate cannot succeed now, before it is made, and the fix: no price for what is asked (a size
 * the model cannot make), no prompt, no key, the page's budget unusable, over the budget in force, over the Puter
 * balance (these two with the panels). Undefined when it can.
 */
function blockedOf(
  host: ImageHost,
  parts: ImageParts,
  panels: typeof ImagePanels | undefined,
  key?: ImageView['key'],
): Blocked | undefined {
  const { quote, problem } = parts.pricing;
  const widgetText = wordsIn(parts.language.translation, 'widget', widget);
  if (!quote || problem) return { reason: problem, at: 'price' };
  // The page's budget is not an amount: nothing can be spent until the page fixes it.
  const { budgetProblem } = parts.ledger;
  if (budgetProblem) return { reason: budgetProblem, at: 'price' };
  if (!host.prompt.trim())
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
  // What the budget and the account leave: known after the first paint, said with the panels.
  return panels?.spendingBlocked(host, parts, quote, offersAsk(host, parts));
}

/** Everything the widget shows, read from the element and its parts before each render. */
/** `panels`: the panels module once it has loaded; `handlers`: what its controls do, made with it. */
export function imageView(
  host: ImageHost,
  parts: ImageParts,
  on: ImageHandlers,
  panels?: typeof ImagePanels,
  handlers?: PanelHandlers,
): ImageView {
  const { provider } = host;
  const { account, submission, resume, pricing } = parts;
  const { locale, translation } = parts.language;
  const widgetText = wordsIn(translation, 'widget', widget);
  const wordsText = wordsIn(translation, 'words', words);
  const info = providerInfo(provider);
  const { quote } = pricing;
  // Every model priced once the panels are here, after the first paint: the first render names them alone.
  const offers = panels
    ? panels.offersOf(offersAsk(host, parts), pricing)
    : pricing.models(provider, host.models).map((model): Offer => ({ provider, model, problem: '' }));
  // What the account has left, where its provider says (Puter; BFL's credits; fal's billing for Admin keys).
  const usdLeft = account?.balance?.usd;
  const keyError =
    submission?.error && info?.needsKey && /^auth-/.test(submission.error.code) ? submission.error : undefined;
  const otherHost = keyHost(provider, host.endpoint); // undefined at the provider's public one
  const key: ImageView['key'] = info?.needsKey
    ? {
        provider: wordsText.providerName(provider),
        signIn: !!info.signIn,
        payee: otherHost ?? wordsText.theProvider(provider),
        host: otherHost,
        url: otherHost ? undefined : info.keyUrl,
        value: host.apiKey,
        remembered: parts.keys.isRemembered(),
        waiting: resume?.waiting[provider] ?? 0,
        error: keyError?.message,
        left: usdLeft && formatUsd(usdLeft, locale),
      }
    : undefined;
  const size = sizeView(pricing.capability?.sizes, host.width, host.height, parts.customSize);
  const busy = !!submission?.pending || !!resume?.resuming;
  const blocked = blockedOf(host, parts, panels, key);
  const payable = pricing.problem ? undefined : quote;
  const made = pricing.fitted ?? size; // the size the provider makes and bills
  return {
    translation,
    widget: widgetText,
    locale,
    mac: /Mac|iP(hone|ad|od)/.test(globalThis.navigator?.platform ?? ''),
    prompt: host.prompt,
    models: offers
      .filter((offer) => offer.provider === provider)
      .map(({ model, total }) => ({
        id: model,
        label: modelName(model),
        bestFor: panels ? wordsIn(translation, 'models', panels.models).bestFor(model) : '',
        price: total && formatUsdRounded(total, locale),
        selected: model === host.model,
      })),
    allModels: parts.allModels,
    size: { ...size, megapixels: megapixelsOf(size.width, size.height) },
    key,
    // A request the model cannot make shows no payable price; the reason stands beside Generate.
    decision: payable
      ? {
          price: formatUsdRounded(payable.total, locale),
          exact: formatUsd(payable.total, locale),
          buys: widgetText.buys(payable.count, megapixelsOf(made.width, made.height)),
          estimate: !payable.exact,
          blocked,
        }
      : { estimate: false, blocked },
    busy,
    announcement: parts.flow?.announcement ?? '',
    error: keyError ? undefined : submission?.error,
    funds:
      submission?.error?.code === 'insufficient-funds' && info?.fundsUrl
        ? { url: info.fundsUrl, provider: wordsText.providerName(provider) }
        : undefined,
    chargeNote: submission?.chargeNote ? reword(submission.chargeNote, translation) : '',
    panels: panels && handlers ? panels.imagePanels(host, parts, { ...on, ...handlers }, offers) : {},
  };
}

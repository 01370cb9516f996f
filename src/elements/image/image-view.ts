import { clock } from '../../base/clock.js';
import { dayOf } from '../../base/days.js';
import Decimal from 'decimal.js';
import { billsReferences, formatUsd, modelName } from '../../pricing/index.js';
import type { Offer } from '../../pricing/compare.js';
import { providerInfo } from '../../providers/catalog.js';
import * as pricesText from '../../strings/prices.js';
import * as widgetText from '../../strings/widget.js';
import * as wordsText from '../../strings/words.js';
import type { ProviderId } from '../../base/types.js';
import type { GalleryImage } from '../../images/gallery.js';
import type { ImageHost, ImageParts } from './image-parts.js';
import type { ImageHandlers, ImageView } from './image-template.js';
import { sizeView } from './size-presets.js';

/** The model a draft is finalized on, with its price for the draft's settings; none for a final already. */
export function finalOf(host: ImageHost, parts: ImageParts, image: GalleryImage) {
  const model = 'flux-2-pro';
  if (!image.model.startsWith('flux-2-klein')) return undefined;
  const provider = image.provider as ProviderId;
  if (!parts.pricing.models(provider, host.models).includes(model)) return undefined;
  const { quote } = parts.pricing.price({ ...image, provider, model, count: 1, inputs: [] });
  return quote && { model, price: quote.total };
}

/** The request as set, priced on every model of every provider the page allows (see `providers`). */
function offersOf(host: ImageHost, parts: ImageParts): Offer[] {
  const request = parts.request();
  const providers = new Set([host.provider, ...(host.providers.split(/\s+/).filter(Boolean) as ProviderId[])]);
  return [...providers].flatMap((provider) =>
    parts.pricing.models(provider, host.models).map((model) => {
      // The page's endpoint is the current provider's: another is priced at its own.
      const endpoint = provider === host.provider ? request.endpoint : '';
      const { quote, problem } = parts.pricing.price({ ...request, provider, model, endpoint });
      return { provider, model, total: quote?.total, problem };
    }),
  );
}

/**
 * The cheapest model of the current provider that can make the request and that `left` (USD) covers, in words
 * ("FLUX.2 [klein] 4B ($0.001)"), for a balance too short for the one chosen.
 */
export function cheaperChoice(host: ImageHost, parts: ImageParts, left: Decimal): string | undefined {
  const [best] = offersOf(host, parts)
    .filter((offer) => offer.provider === host.provider && offer.total && !offer.problem && left.gte(offer.total))
    .sort((a, b) => new Decimal(a.total!).cmp(b.total!));
  return best && pricesText.cheaperChoice(modelName(best.model), formatUsd(best.total!, host.locale || undefined));
}

/** Everything the widget shows, read from the element and its parts before each render. */
export function imageView(host: ImageHost, parts: ImageParts, handlers: ImageHandlers): ImageView {
  const { provider } = host;
  const { account, submission, gallery, resume, pricing } = parts;
  const references = pricing.capability?.references;
  const sent = pricing.fitted?.inputs ?? [];
  const { panels } = parts.panels;
  // Every model priced once the panels are here, after the first paint: the first render names them alone.
  const offers = panels
    ? offersOf(host, parts)
    : pricing.models(provider, host.models).map((model): Offer => ({ provider, model, problem: '' }));
  const { ledger, tally } = parts.ledger;
  const locale = host.locale || undefined;
  return {
    locale,
    prompt: host.prompt,
    model: host.model,
    models: offers
      .filter((offer) => offer.provider === provider)
      .map(({ model, total }) => ({ id: model, label: modelName(model), price: total })),
    size: sizeView(pricing.capability?.sizes, host.width, host.height, parts.customSize),
    count: host.count,
    seed: host.seed ?? undefined,
    references: references?.max
      ? {
          max: references.max,
          required: !!references.required,
          billed: !pricing.entry || billsReferences(pricing.entry.rule),
          images: parts.references.images.map((image, i) => ({
            ...image,
            sent: sent[i] && sent[i].width !== image.width ? sent[i] : undefined,
            adds: pricing.quote?.references?.[i],
          })),
        }
      : undefined,
    key: providerInfo(provider)?.needsKey
      ? {
          provider: wordsText.providerName(provider),
          value: host.apiKey,
          remembered: parts.keys.isRemembered(provider),
          waiting: resume.waiting[provider] ?? 0,
          left: account.balance?.usd?.toString(),
        }
      : undefined,
    account:
      provider === 'puter'
        ? { user: account.user, left: account.balance?.usd?.toString(), note: account.balance?.unpriced?.(locale) }
        : undefined,
    quote: pricing.quote,
    problem: pricing.problem,
    busy: submission.status !== 'idle' || resume.resuming,
    elapsed: parts.flow.elapsedSeconds,
    progress:
      resume.resuming && submission.status === 'idle'
        ? { status: widgetText.resuming(), elapsedMs: 0 }
        : submission.progress,
    confirmCancel: submission.confirmingCancel ? { provider, billed: submission.billed } : undefined,
    announcement: parts.flow.announcement,
    error: submission.error,
    funds:
      submission.error?.code === 'insufficient-funds' && providerInfo(provider)?.fundsUrl
        ? { url: providerInfo(provider)!.fundsUrl!, provider: wordsText.providerName(provider) }
        : undefined,
    chargeNote: submission.chargeNote,
    tally: parts.ledger.tally,
    budgetProblem: parts.ledger.budgetProblem,
    gallery: panels?.renderGallery(
      {
        images: gallery.images.map((image) => ({
          ...image,
          referable: !!references?.max,
          finalize: finalOf(host, parts, image),
        })),
        failures: ledger && tally ? parts.panels.paidFailures(ledger, tally) : [],
        locale,
      },
      handlers.imageAction,
    ),
    compare: panels?.renderCompare({ offers, provider, model: host.model, locale }, handlers.offerChoose),
    projection:
      panels && pricing.quote && ledger && tally
        ? panels.renderProjection({
            total: pricing.quote.total,
            remaining: tally.remaining,
            byDay: parts.panels.spentByDay(ledger, tally),
            today: dayOf(clock.now()),
            locale,
          })
        : undefined,
  };
}

import { clock } from '../../../base/clock.js';
import { dayOf } from '../../../base/days.js';
import { billsReferences, formatUsd } from '../../../pricing/index.js';
import { progress as progressWords } from '../../../strings/image/progress.js';
import { wordsIn } from '../../../strings/strings.js';
import type { Offer } from '../../../pricing/compare.js';
import type { ProgressDetail, ProviderId } from '../../../base/types.js';
import type { ImageCore, ImageHost } from '../image-parts.js';
import type { ImageParts, LazyParts } from './lazy-parts.js';
import type { ImageHandlers, ImageView } from '../view.js';
import { renderDetails } from './details.js';
import type { PanelHandlers } from './image-actions.js';
import { renderExamples, renderMore } from './more.js';
import { finalOf } from '../../../pricing/offers.js';
import { renderHistory, renderResult } from './gallery/result.js';
import { renderRunning } from './submission/running.js';
import { renderTallySummary } from '../../tally/tally-summary.js';
import { renderKeyField } from './accounts/accounts.js';
import { renderFailure, renderOutcome, renderUndo } from './submission/outcome.js';
import { keyOrigin, keyRoute, routeParts } from '../../../providers/catalog.js';
import { signIn } from '../../../strings/sign-in.js';
import { words } from '../../../strings/words.js';

/** The widget's parts once the panels are here: every one they add is there. */
type PanelParts = ImageCore & LazyParts;

/**
 * What `<userpays-image>`'s panels draw, from the element's properties and parts (as image-view.ts builds the rest):
 * the latest submission large, the earlier ones, the price details, the examples and More options. `offers`: the
 * request priced on every model and provider the page allows.
 */
export function imagePanels(
  host: ImageHost,
  imageParts: ImageParts,
  on: ImageHandlers & PanelHandlers,
  offers: readonly Offer[],
): ImageView['panels'] {
  const parts = imageParts as PanelParts; // made with the panels, which draw this
  const { pricing } = parts;
  const { quote } = pricing;
  const { ledger, tally } = parts.ledger;
  const { locale, translation } = parts.language;
  const references = pricing.capability?.references;
  const attached = parts.references.images;
  const shown = parts.gallery.images.map((image) => ({
    ...image,
    referable: !!references?.max,
    finalize: finalOf(image, host.models, pricing),
    // One new image of it, as Vary sends it: its settings, the references attached now, this page's endpoint.
    vary: pricing.price({
      ...image,
      provider: image.provider as ProviderId,
      count: 1,
      inputs: attached,
      endpoint: host.endpoint,
      earnings: host.pollinationsEarnings,
    }).quote?.total,
  }));
  // The latest submission (the newest image's), large; the rest as history.
  const batchOf = (image?: { batch?: string; id: string }) => image?.batch ?? image?.id;
  const latest = shown.filter((image) => batchOf(image) === batchOf(shown[0]));
  const { resume, submission } = parts;
  const size = pricing.fitted ?? host;
  const providerName = wordsIn(translation, 'words', words).providerName(host.provider);
  // The model's own controls (More options), where the provider in force shows them, as set so far.
  const modelControls = parts.controls.loaded?.render(providerName, translation);
  const running = (progress?: ProgressDetail) =>
    renderRunning(
      {
        progress,
        elapsed: parts.flow.elapsedSeconds,
        // As priced: the count as set may be anything a page wrote (Infinity, NaN) until the submission refuses it.
        placeholder: { width: size.width, height: size.height, count: quote?.count ?? 1 },
        arrived: parts.gallery.arrived,
        confirmCancel: submission.confirmingCancel
          ? { provider: host.provider, billed: formatUsd(submission.billed, locale) }
          : undefined,
        translation,
      },
      on,
    );
  return {
    // The user's submission, else what closed pages left being finished.
    running: submission.pending
      ? running(submission.progress)
      : resume.resuming
        ? running({ status: wordsIn(translation, 'progress', progressWords).resuming(), elapsedMs: 0 })
        : undefined,
    tally: tally && renderTallySummary(tally, parts.language),
    signIn: parts.signIn.loaded?.render(providerName),
    account: host.provider === 'puter' ? parts.puter.loaded?.render() : undefined,
    keyField: (view) =>
      renderKeyField(
        view,
        on,
        view.key && keyNotSentHere(host, parts, view.key.payee),
        parts.signIn.loaded?.controller.state()?.signed,
      ),
    outcome: renderOutcome,
    failure: (view) => renderFailure(view, on),
    undo: parts.undo && renderUndo(parts.undo, on.undo, translation),
    result: latest.length ? renderResult({ images: latest, locale, translation }, on.imageAction) : undefined,
    history: renderHistory(
      {
        images: shown.slice(latest.length),
        failures: ledger && tally ? parts.paidFailures(ledger, tally) : [],
        locale,
        translation,
      },
      on.imageAction,
    ),
    details:
      quote &&
      renderDetails(
        {
          // A request the model cannot make has no payable price: the details compare what can make it.
          quote: pricing.problem ? undefined : quote,
          locale,
          translation,
          offers,
          provider: host.provider,
          model: host.model,
          projection: ledger &&
            tally && {
              total: quote.total,
              count: quote.count,
              remaining: tally.remaining,
              byDay: parts.spentByDay(ledger, tally),
              today: dayOf(clock.now()),
              locale,
              translation,
            },
        },
        on.offerChoose,
      ),
    examples: renderExamples(on.exampleChoose, translation),
    paste: references?.max ? on.referencesChosen : undefined,
    more: renderMore(
      {
        count: host.count,
        seed: host.seed ?? undefined,
        references: references?.max
          ? {
              max: references.max,
              required: !!references.required,
              billed: !pricing.entry || billsReferences(pricing.entry.rule),
              images: attached.map((image, i) => {
                const sent = pricing.fitted?.inputs?.[i];
                return {
                  ...image,
                  sent: sent && sent.width !== image.width ? sent : undefined,
                  adds: pricing.problem ? undefined : quote?.references?.[i],
                };
              }),
            }
          : undefined,
        seedControls: modelControls?.seed,
        controls: modelControls?.model,
        locale,
        translation,
      },
      on,
    ),
  };
}

/** The host of an address; undefined where it is none (nothing is sent there). */
const hostOf = (address: string) => {
  try {
    return new URL(address).host;
  } catch {
    return undefined;
  }
};

/**
 * Why the key field is empty though the user gave a key for this provider on this page: a key goes only to the
 * origin it was given for, and only the way it was given (through the relay in force then, or none: `keyRoute`,
 * providers/catalog.ts).
 */
function keyNotSentHere(host: ImageHost, parts: ImageParts, payee: string): string[] {
  const origin = keyOrigin(host.provider, host.endpoint);
  const here = keyRoute(host.provider, host.endpoint, host.relay);
  const given = parts.keys
    .routes(host.provider)
    .filter((route) => route !== here)
    .map(routeParts);
  const origins = [...new Set(given.map((route) => route.origin))].filter((other) => other !== origin);
  const relays = given.filter((route) => route.origin === origin).map((route) => hostOf(route.relay) ?? route.relay);
  const signInText = wordsIn(parts.language.translation, 'signIn', signIn);
  const why: string[] = [];
  if (origins.length) why.push(signInText.keyNotSentHere(origins.flatMap((other) => hostOf(other) ?? [])));
  if (relays.length) why.push(signInText.keyGivenAnotherWay(relays, hostOf(host.relay) ?? host.relay, payee));
  return why;
}

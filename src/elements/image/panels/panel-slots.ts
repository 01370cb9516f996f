import { css, html, nothing } from 'lit';
import { clock } from '../../../base/clock.js';
import { dayOf } from '../../../base/days.js';
import { billsReferences, formatUsd, modelName } from '../../../pricing/index.js';
import { rankOffers } from '../../../pricing/compare.js';
import { finalOf } from '../../../pricing/offers.js';
import { isKeyError } from '../../../base/errors.js';
import { keyOrigin, keyRoute, payeeAt, providerInfo, routeParts } from '../../../providers/catalog.js';
import { parse } from '../../../providers/urls.js';
import { progress as progressWords } from '../../../strings/image/progress.js';
import { offers } from '../../../strings/image/offers.js';
import { callsKeysTokens, signIn } from '../../../strings/sign-in.js';
import { reword, wordsIn } from '../../../strings/strings.js';
import { words } from '../../../strings/words.js';
import { models } from '../../../strings/image/models.js';
import type { ProgressDetail, ProviderId } from '../../../base/types.js';
import { renderTallySummary } from '../../tally/tally-summary.js';
import { uncertainCharges } from '../../tally/uncertain-charges.js';
import { slot } from '../form-template.js';
import type { ImageParts } from '../image-parts.js';
import type { ImageHandlers, ImageView } from '../view.js';
import type { PanelSlots } from './slots.js';
import { renderKeyField, type KeyFieldView } from './accounts/accounts.js';
import { renderSignInButton } from './accounts/sign-in-button.js';
import type { PanelHandlers } from './image-actions.js';
import type { PanelControllers } from './panel-controllers.js';
import { renderExamples, renderMore } from './more.js';
import type { Elsewhere } from './gallery/failure.js';
import type { GalleryItem } from './gallery/result.js';
import { renderAsking, renderOutcome, renderSpentBrief, renderUndo } from './notes.js';
import { mostSaid } from '../models/price-words.js';
import { mostOf } from '../../../pricing/quote.js';

/**
 * What `<userpays-image>`'s panels draw, from the widget's view and its two halves' state (as image-view.ts builds the
 * view): the latest submission large, the earlier ones, the price details, the examples, More options, the accounts
 * and what a submission shows.
 */
export function renderSlots(
  parts: ImageParts,
  panels: PanelControllers,
  view: ImageView,
  on: ImageHandlers & PanelHandlers,
): PanelSlots {
  const { host, pricing } = parts;
  const { quote } = pricing;
  const shape = pricing.fitted ?? host; // the size made: of the placeholders, and of the empty canvas's frame
  const { ledger, tally } = parts.ledger;
  const { locale, translation } = parts.language;
  const { bestFor } = wordsIn(translation, 'models', models);
  const { submission, resume } = panels;
  // Until the gallery's view is here, the canvas stays as it is before any image (it loads as soon as there is one, a
  // submission or an error).
  const galleryView = panels.galleryView.loaded;
  const latest = latestAndHistory(parts, panels);
  const providerName = wordsIn(translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
  const keyField = view.key && keyFieldView(parts, panels, view.key);
  const info = providerInfo(host.provider);
  const charge = submission.uncertainCharge;
  // Asked while the charge is still open: the tally's answer, or another tab's, settles it too.
  const open = charge && ledger?.uncertain().find((entry) => entry.id === charge.entry);
  const uncertainList = panels.uncertainList.loaded;
  const running = (progress?: ProgressDetail) =>
    galleryView?.renderRunning(
      {
        progress,
        elapsed: panels.flow.elapsedSeconds,
        usualWait: submission.usualWait,
        // As priced: the count as set may be anything a page wrote (Infinity, NaN) until the submission refuses it.
        placeholder: { width: shape.width, height: shape.height, count: quote?.count ?? 1 },
        arrived: panels.gallery.arrived,
        confirmCancel: submission.confirmingCancel
          ? { provider: payeeOf(host, host.provider), billed: formatUsd(submission.billed, locale) }
          : undefined,
        stopping: submission.stopping,
        translation,
      },
      on,
    );
  // A change just made (Delete, Reuse…), with its Undo: said on the image it concerns, where that is shown.
  const { undoable } = panels;
  const undo = undoable && renderUndo(undoable.sentence, undoable.undo && on.undo, translation);
  const shown = !!galleryView && [...latest.result, ...latest.history].some((image) => image.id === undoable?.near);
  const undoNear = undo && shown ? { at: undoable.near!, bar: undo } : undefined;
  // Where the part that draws it could not load (offline for a moment), the error in its words alone.
  const failure = galleryView
    ? galleryView.renderFailure(
        view,
        {
          funds: submission.billingUrl
            ? { url: submission.billingUrl, provider: providerName }
            : view.error?.code === 'insufficient-funds' && info?.fundsUrl
              ? { url: info.fundsUrl, provider: providerName }
              : undefined,
          elsewhere: submission.pageRefused ? elsewhere(parts, view) : undefined,
          uncertain: open && {
            entry: open.id,
            answers: charge.timesMoved
              ? uncertainList?.errorAnswers(open, charge.timesMoved, parts.language)
              : undefined,
            ask: wordsIn(translation, 'offers', offers).settleUncertain(1),
          },
        },
        on,
      )
    : view.error
      ? html`<p part="error" class="error" tabindex="-1" data-focus="error">${view.error.message}</p>`
      : nothing;
  // The paid images still being made after Stop waiting, then the error: over the images, where there are any; else in
  // the result's place (a narrow widget shows its canvas only once it has one). In one column (a phone), where the
  // canvas stands above the controls, they are said under the images instead, just above the controls and their pinned
  // row with Generate, where the eye is after the click: over the images, they would push the row below the screen.
  const notices = html`${galleryView?.renderFinishing(submission.finishing, parts.language) ?? nothing}${failure}`;
  const below = panels.columns.one;
  const resultView = { images: latest.result, locale, translation, undo: undoNear };
  return {
    // The user's submission, else what closed pages left being finished.
    running:
      (submission.pending
        ? submission.render({ pending: running })
        : resume.resuming
          ? running({ status: wordsIn(translation, 'progress', progressWords).resuming(), elapsedMs: 0 })
          : nothing) ?? nothing,
    tally: tally ? renderTallySummary(tally, parts.language) : nothing,
    spent: tally ? renderSpentBrief(tally, parts.language) : nothing,
    uncertain:
      ledger && uncertainList
        ? uncertainList.renderUncertain(
            uncertainCharges(ledger, clock.now(), parts.language),
            parts.language,
            on.uncertainChoice,
          )
        : nothing,
    // Its place kept at its size until Puter's part is here.
    account: host.provider === 'puter' ? (panels.puter.loaded?.render() ?? slot('account')) : nothing,
    keyField: renderKeyField(keyField, view, signInLine(parts, panels, providerName, on), on, {
      notSentHere: keyField ? keyNotSentHere(parts, panels, keyField.payee) : [],
      // Until the sign-in's part is here, a key its sign-in made on an earlier visit is signed in all the same.
      signed: panels.signIn.loaded ? panels.signIn.loaded.controller.state()?.signed : panels.signedKeys.madeBySignIn(),
      relay: hostOf(host.relay),
    }),
    // What the provider charged, where the preview did not say it (see `Submitted.chargeNote`).
    outcome: renderOutcome(
      [submission.chargeNote, submission.retiringNote].map((note) => (note ? reword(note, translation) : '')),
    ),
    notices: latest.result.length ? (below ? nothing : notices) : failure,
    // While the provider asks in its own box, that; else a change just made, beside the toolbar of the image it
    // concerns where that image is shown, else here; else the answer a lost reply's balance points to.
    note: submission.asking
      ? renderAsking(submission.asking)
      : undo && !undoNear
        ? undo
        : panels.evidence.render(view, on.uncertainChoice),
    result: !galleryView
      ? nothing
      : latest.result.length
        ? html`${galleryView.renderResult(resultView, on.imageAction)}${below ? notices : nothing}`
        : galleryView.renderFinishing(submission.finishing, parts.language, shape),
    history: galleryView
      ? galleryView.renderHistory(
          {
            undo: undoNear,
            images: latest.history,
            failures:
              ledger && tally
                ? panels
                    .paidFailures(ledger, tally)
                    .map((failure) => ({ ...failure, payee: payeeOf(host, failure.provider) }))
                : [],
            locale,
            translation,
          },
          on.imageAction,
        )
      : nothing,
    // Drawn once their part is here: it loads when they are opened (or ahead, at their summary).
    details:
      quote && panels.details.loaded
        ? panels.details.loaded.render(
            {
              // A request the model cannot make has no payable price: the details compare what can make it.
              quote: pricing.problem ? undefined : quote,
              locale,
              translation,
              // Each offer with what its model is for, and whom it pays: another provider at its own endpoint.
              offers: view.offers.map((offer) => ({
                ...offer,
                bestFor: bestFor(offer.model),
                payee: payeeAt(offer.provider, offer.provider === host.provider ? host.endpoint : ''),
              })),
              provider: host.provider,
              model: host.model,
              projection: ledger &&
                tally && {
                  total: mostOf(quote),
                  count: quote.count,
                  remaining: tally.remaining,
                  byDay: panels.spentByDay(ledger, tally),
                  today: dayOf(clock.now()),
                  locale,
                  translation,
                },
            },
            on.offerChoose,
          )
        : nothing,
    examples: renderExamples(on.exampleChoose, shape.width > WIDE_SHAPE * shape.height, translation),
    more: renderMoreOptions(parts, panels, providerName, on),
  };
}

/**
 * Whom the user paid with `provider`, as its receipts and notes name it: at the page's endpoint where it is the
 * provider in force (OpenAI at its own API), else at its own default one (the offers say it so too). An image keeps
 * its provider, not the endpoint it was made at.
 */
const payeeOf = (host: ImageParts['host'], provider: string) =>
  payeeAt(provider, provider === host.provider ? host.endpoint : '');

/**
 * How much wider than high a shape may be for the empty canvas's words to stand over its frame (their some 290 px over
 * a 730 px frame at 1280 px); wider, they stand under it. 21:9 (2.33) still holds them.
 */
const WIDE_SHAPE = 2.4;

/**
 * The gallery's images as the widget shows them (each with what Vary costs and what Finalize makes of it): the latest
 * submission (the newest image's), large, and the rest as history.
 */
function latestAndHistory(parts: ImageParts, { gallery, references }: PanelControllers) {
  const { host, pricing, language, ledger } = parts;
  const { locale, translation } = language;
  // The form's quality, which Vary keeps for an image that did not keep its own (stored before images kept it).
  const { quality } = parts.request();
  const referable = !!pricing.capability?.references?.max;
  // An image booked at its price's bound (no reply said what it came to) that the user has since answered for: its
  // card and receipt say what the answer booked, as the tally does, not the bound it was made at.
  const bound = (image: { receipt?: { basis: string } }) => image.receipt?.basis === 'bound';
  const entries = gallery.images.some(bound) ? ledger.ledger?.entries() : undefined;
  const shown = gallery.images.map((image): GalleryItem => {
    const booked = bound(image)
      ? entries?.find(({ id, status, basis }) => id === image.entryId && status === 'charged' && !basis)?.charged
      : undefined;
    // One new image of it, as Vary sends it and Finalize loads the form: its settings, the references attached now,
    // this page's endpoint.
    const again = {
      quality,
      ...image,
      provider: image.provider as ProviderId,
      count: 1,
      inputs: references.images,
      endpoint: host.endpoint,
      earnings: host.pollinationsEarnings,
    };
    return {
      ...image,
      ...(booked !== undefined && { charged: booked, receipt: { ...image.receipt!, basis: 'answer' } }),
      payee: payeeOf(host, image.provider),
      referable,
      finalize: finalOf(again, host.models, pricing),
      vary: mostSaid(pricing.price(again).quote ?? {}, locale, translation) || undefined,
    };
  });
  const latest = shown.filter((image) => image.batch === shown[0].batch);
  // The latest submission's images all deleted (each said, with its Undo): the one before it comes up under them, so
  // that the canvas does not stand empty while the rest are far below.
  const next = latest.every((image) => image.gone) ? shown.find((image) => !image.gone) : undefined;
  const result = [...latest, ...shown.filter((image) => image.batch === next?.batch)];
  return { result, history: shown.filter((image) => !result.includes(image)) };
}

/** More options: the count, the seed, the reference images, and the model's own controls once their part is here. */
function renderMoreOptions(
  { host, pricing, language }: ImageParts,
  { controls, references: attached }: PanelControllers,
  providerName: string,
  on: ImageHandlers & PanelHandlers,
) {
  const { quote } = pricing;
  const references = pricing.capability?.references;
  const { locale, translation } = language;
  // The model's own controls (More options), where the provider in force shows them, as set so far.
  const modelControls = controls.loaded?.render(providerName, translation);
  const rule = pricing.entry?.rule;
  return renderMore(
    {
      count: host.count,
      // Any rule with tiers (GPT Image's quality, Gemini's resolution, a Seedream tier), each priced as it is chosen.
      quality:
        rule && 'qualities' in rule
          ? { values: rule.qualities, value: pricing.fitted?.quality ?? rule.quality }
          : undefined,
      seed: host.seed ?? undefined,
      references: references?.max
        ? {
            max: references.max,
            required: !!references.required,
            billed: !pricing.entry || billsReferences(pricing.entry.rule),
            images: attached.images.map((image, i) => {
              const sent = pricing.fitted?.inputs?.[i];
              return {
                ...image,
                sent: sent && sent.width !== image.width ? sent : undefined,
                adds: pricing.problem ? undefined : quote?.references?.[i],
              };
            }),
            refused: attached.refused.map((error) => error.said.map((said) => reword(said, translation)).join(' ')),
          }
        : undefined,
      seedControls: modelControls?.seed ?? nothing,
      controls: modelControls?.model ?? nothing,
      locale,
      translation,
    },
    on,
  );
}

/** What the panels change of the widget's places (image-template.ts) as they draw into them. */
export const slotStyles = css`
  /* Narrow: the result above the controls (while a submission runs too). */
  @container (width < 720px) {
    .has-result .canvas {
      order: -1;
    }
  }
  /*
   * No sentence the panels say (an error, a notice, a setting's reason, the tally line) leaves a word alone on its
   * last line ("… from 1 to ⏎ 50.", "… budget ⏎ left"): the first screen's short labels have none to leave.
   */
  p {
    text-wrap: pretty;
  }
  .tally strong {
    color: var(--_text);
  }
  /*
   * The pinned row's note over the price (notes.ts): what the provider asks in its own box, or a change just made with
   * its Undo (which a deleted image's place says too: gallery/result.ts).
   */
  .asking,
  .undo {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.875rem;
  }
  /* The session's spend under Generate, beside what the price buys: the price's two lines span both rows. */
  .spent {
    grid-column: -2;
    margin: 0;
    font-size: 0.875rem;
    text-align: end;
  }
  .decision:has(> .spent) > .total {
    grid-row: span 2;
  }
  .spent.muted strong {
    color: var(--_text);
  }
`;

/** The host of an address; undefined where it is none (nothing is sent there). */
const hostOf = (address: string) => {
  try {
    return new URL(address).host;
  } catch {
    return undefined;
  }
};

/**
 * The host a key is asked for, where it is not the provider's public one: a gateway, a regional host, a proxy (none
 * where the endpoint is not an address: nothing is sent there).
 */
function keyHost(provider: ProviderId, endpoint: string): string | undefined {
  const origin = keyOrigin(provider, endpoint);
  return origin === keyOrigin(provider, '') ? undefined : parse(origin)?.host;
}

/**
 * Where the provider in force refused this page (no CORS, or a relay that would not carry it): the same model at the
 * cheapest other provider the page allows that can make the request, which the user can switch to.
 */
function elsewhere({ host, language }: ImageParts, view: ImageView): Elsewhere | undefined {
  const best = rankOffers(
    view.offers.filter((offer) => offer.provider !== host.provider && offer.model === host.model),
  ).find((offer) => offer.total !== undefined && !offer.problem);
  return (
    best && {
      provider: best.provider,
      model: best.model,
      name: modelName(best.model),
      payee: payeeAt(best.provider, ''),
      price: mostSaid(best, language.locale, language.translation),
    }
  );
}

/** The key field's view of `key`: whom it pays, where to get one, what its account has left, what went wrong. */
function keyFieldView(
  { host, language }: ImageParts,
  { keys, submission, resume, account }: PanelControllers,
  key: NonNullable<ImageView['key']>,
): KeyFieldView {
  const { provider } = host;
  const error = submission.error;
  const otherHost = keyHost(provider, host.endpoint); // undefined at the provider's public one
  const wordsText = wordsIn(language.translation, 'words', words);
  // What the account has left, where its provider says (BFL's credits; fal's billing for Admin keys).
  const left = account.balance?.usd;
  const cap = account.cap;
  return {
    ...key,
    payee: otherHost ?? wordsText.theProvider(payeeAt(provider, host.endpoint)),
    account: wordsText.providerName(payeeAt(provider, host.endpoint)),
    url: otherHost ? undefined : providerInfo(provider)?.keyUrl,
    token: callsKeysTokens(provider),
    remembered: keys.isRemembered(),
    waiting: resume.waiting[provider] ?? 0,
    error: isKeyError(error) ? error!.message : undefined,
    left: left && formatUsd(left, language.locale),
    cap: cap && formatUsd(cap, language.locale),
    outOfCredit: account.outOfCredit ? (account.empty ? 'empty' : 'short') : undefined,
  };
}

/**
 * Above the key field, where the provider in force has a sign-in: the sign-in's own line once its part is here, else
 * Sign in, drawn by the panels (the part loads at its click); a key an earlier visit's sign-in made keeps its place
 * until the part, which loads for it, says who pays.
 */
function signInLine({ host, language }: ImageParts, panels: PanelControllers, provider: string, on: PanelHandlers) {
  if (panels.signIn.loaded) return panels.signIn.loaded.render(provider);
  if (!providerInfo(host.provider)?.signIn || panels.signedKeys.madeBySignIn()) return undefined;
  return renderSignInButton({ id: host.provider, provider, translation: language.translation }, on.signInFirst);
}

/**
 * Why the key field is empty though the user gave a key for this provider on this page: a key goes only to the
 * origin it was given for, and only the way it was given (through the relay in force then, or none: `keyRoute`,
 * providers/catalog.ts).
 */
function keyNotSentHere({ host, language }: ImageParts, { keys }: PanelControllers, payee: string): string[] {
  const origin = keyOrigin(host.provider, host.endpoint);
  const here = keyRoute(host.provider, host.endpoint, host.relay);
  const given = keys
    .routes(host.provider)
    .filter((route) => route !== here)
    .map(routeParts);
  const origins = [...new Set(given.map((route) => route.origin))].filter((other) => other !== origin);
  const relays = given.filter((route) => route.origin === origin).map((route) => hostOf(route.relay) ?? route.relay);
  const signInText = wordsIn(language.translation, 'signIn', signIn);
  const why: string[] = [];
  if (origins.length) why.push(signInText.keyNotSentHere(origins.flatMap((other) => hostOf(other) ?? [])));
  if (relays.length) why.push(signInText.keyGivenAnotherWay(relays, hostOf(host.relay) ?? host.relay, payee));
  return why;
}

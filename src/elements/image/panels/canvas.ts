import { html, nothing } from 'lit';
import type { ProgressDetail } from '../../../base/types.js';
import { formatUsd, modelName } from '../../../pricing/index.js';
import { rankOffers } from '../../../pricing/compare.js';
import { finalOf } from '../../../pricing/offer-choices.js';
import { payeeAt, providerInfo } from '../../../providers/registry/catalog.js';
import { offers } from '../../../strings/image/offers.js';
import { wordsIn } from '../../../strings/strings.js';
import { words } from '../../../strings/words.js';
import type { ProviderId } from '../../../base/types.js';
import type { ImageParts } from '../shared/image-parts.js';
import type { ImageHandlers, ImageView, Slot } from '../shared/view.js';
import { mostSaid } from '../shared/price-words.js';
import type { PanelSlots } from '../shared/slots.js';
import { progress as progressWords } from '../../../strings/image/progress.js';
import type { PriceHandlers } from '../price/panel/price-handlers.js';
import type { SubmissionHandlers } from '../submission/panel/submission-handlers.js';
import type { GalleryHandlers } from '../gallery/panel/gallery-handlers.js';
import type { GalleryViewPart } from '../gallery/panel/index.js';
import type { Elsewhere } from '../gallery/panel/failure.js';
import type { GalleryItem } from '../gallery/panel/result.js';
import type { EditorFeature } from '../editor/panel/editor-feature.js';
import type { GalleryFeature } from '../gallery/panel/gallery-feature.js';
import type { OptionsFeature } from '../options/panel/options-feature.js';
import type { PriceFeature } from '../price/panel/price-feature.js';
import type { SubmissionFeature } from '../submission/panel/submission-feature.js';
import type { FlowController } from '../shared/flow-controller.js';

/** The features whose work the canvas draws: the images, the editor, a submission, the notes over the price. */
interface CanvasFeatures {
  readonly gallery: GalleryFeature;
  readonly editor: EditorFeature;
  readonly submission: SubmissionFeature;
  readonly price: PriceFeature;
  readonly options: OptionsFeature;
  readonly flow: FlowController;
}

/** What the canvas's controls do: the images', and those of the submission and the notes drawn over them. */
export type CanvasHandlers = ImageHandlers &
  GalleryHandlers &
  PriceHandlers &
  SubmissionHandlers & { imageAction(event: Event): void };

/** What the canvas's slots draw with: the gallery's view, once it is here, and the images as the widget shows them. */
interface Canvas {
  parts: ImageParts;
  features: CanvasFeatures;
  view: ImageView;
  on: CanvasHandlers;
  /** Until the gallery's view is here, the canvas stays as it is before any image (it loads as soon as there is one). */
  galleryView: GalleryViewPart | undefined;
  latest: { result: GalleryItem[]; history: GalleryItem[] };
}

/**
 * What the canvas draws: what runs, the error, the latest submission large and the earlier ones, and the notes over
 * the price (what the provider asks, a change just made with its Undo, the answer a lost reply's balance points to).
 */
export function canvasSlots(
  parts: ImageParts,
  features: CanvasFeatures,
  view: ImageView,
  on: CanvasHandlers,
): Pick<PanelSlots, 'notices' | 'note' | 'result' | 'history'> {
  const canvas: Canvas = {
    parts,
    features,
    view,
    on,
    galleryView: features.gallery.view.loaded,
    latest: latestAndHistory(parts, features),
  };
  const { galleryView, latest } = canvas;
  const { price } = features;
  const submission = features.submission.controller;
  const shape = parts.pricing.fitted ?? parts.host; // the size made: of the placeholders
  // A change just made (Delete, Reuse…), with its Undo: said on the image it concerns, where that is shown.
  const { undoable } = price;
  const undo = price.renderUndo(on);
  const shown = !!galleryView && [...latest.result, ...latest.history].some((image) => image.id === undoable?.near);
  const undoNear = undo && shown && undoable?.near ? { at: undoable.near, bar: undo } : undefined;
  const failure = renderFailureSlot(canvas);
  // The paid images still being made after Stop waiting, then the error: over the images, where there are any; else in
  // the result's place (a narrow widget shows its canvas only once it has one). In one column (a phone), where the
  // canvas stands above the controls, they are said under the images instead, just above the controls and their pinned
  // row with Generate, where the eye is after the click: over the images, they would push the row below the screen.
  const notices = html`${galleryView?.renderFinishing(submission.finishing, parts.language) ?? nothing}${failure}`;
  const below = features.gallery.columns.one;
  const { locale, translation } = parts.language;
  const resultView = { images: latest.result, locale, translation, undo: undoNear };
  return {
    notices: latest.result.length ? (below ? nothing : notices) : failure,
    // While the provider asks in its own box, that; else a change just made, beside the toolbar of the image it
    // concerns where that image is shown, else here; else the answer a lost reply's balance points to.
    note: price.note(submission.asking, undoNear ? undefined : undo, view, on),
    result: resultSlot(canvas, () =>
      latest.result.length
        ? html`${galleryView?.renderResult(resultView, on.imageAction)}${below ? notices : nothing}`
        : galleryView?.renderFinishing(submission.finishing, parts.language, shape),
    ),
    history: renderHistorySlot(canvas, undoNear),
  };
}

/**
 * Where the result is shown: the editor while an image is edited; else, once the gallery's view is here, what `shown`
 * draws (the latest submission large, or a paid image still being made after Stop waiting).
 */
function resultSlot({ features, view, on, galleryView }: Canvas, shown: () => Slot | undefined): Slot {
  if (features.editor.session) return features.editor.render(view, on);
  return galleryView ? (shown() ?? nothing) : nothing;
}

/**
 * The last submission's error with its ways on (funds to add, another provider that answers this page, the question a
 * charge no reply confirmed asks); where the part that draws it could not load (offline for a moment), its words alone.
 */
function renderFailureSlot({ parts, features, view, on, galleryView }: Canvas) {
  if (!galleryView) {
    return view.error
      ? html`<p part="error" class="error" tabindex="-1" data-focus="error">${view.error.message}</p>`
      : nothing;
  }
  const { host } = parts;
  const submission = features.submission.controller;
  const { translation } = parts.language;
  const providerName = wordsIn(translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
  const info = providerInfo(host.provider);
  const charge = submission.uncertainCharge;
  // Asked while the charge is still open: the tally's answer, or another tab's, settles it too.
  const open = charge && parts.ledger.ledger?.uncertain().find((entry) => entry.id === charge.entry);
  const fundsUrl = submission.billingUrl || (view.error?.code === 'insufficient-funds' ? info?.fundsUrl : undefined);
  return galleryView.renderFailure(
    view,
    {
      funds: fundsUrl ? { url: fundsUrl, provider: providerName } : undefined,
      elsewhere: submission.pageRefused ? elsewhere(parts, view) : undefined,
      uncertain: open && {
        entry: open.id,
        answers: charge.timesMoved
          ? features.price.uncertainList.loaded?.errorAnswers(open, charge.timesMoved, parts.language)
          : undefined,
        ask: wordsIn(translation, 'offers', offers).settleUncertain(1),
      },
    },
    on,
  );
}

/** The earlier images, grouped by submission, with the paid generations that brought no image. */
function renderHistorySlot({ parts, features, on, galleryView, latest }: Canvas, undo?: { at: string; bar: unknown }) {
  if (!galleryView) return nothing;
  const { host } = parts;
  const { ledger, tally } = parts.ledger;
  const { locale, translation } = parts.language;
  const failures =
    ledger && tally
      ? features.gallery
          .paidFailures(ledger, tally)
          .map((failure) => ({ ...failure, payee: payeeOf(host, failure.provider) }))
      : [];
  return galleryView.renderHistory({ undo, images: latest.history, failures, locale, translation }, on.imageAction);
}

/**
 * Whom the user paid with `provider`, as its receipts and notes name it: at the page's endpoint where it is the
 * provider in force (OpenAI at its own API), else at its own default one (the offers say it so too). An image keeps
 * its provider, not the endpoint it was made at.
 */
const payeeOf = (host: ImageParts['host'], provider: string) =>
  payeeAt(provider, provider === host.provider ? host.endpoint : '');

/**
 * The gallery's images as the widget shows them (each with what Vary costs and what Finalize makes of it): the latest
 * submission (the newest image's), large, and the rest as history.
 */
function latestAndHistory(parts: ImageParts, features: CanvasFeatures) {
  const gallery = features.gallery.controller;
  const { references } = features.options;
  const { host, pricing, language, ledger } = parts;
  const { locale, translation } = language;
  // The form's quality, which Vary keeps for an image that did not keep its own (stored before images kept it).
  const { quality } = parts.request();
  const referable = !!pricing.capability?.references?.max;
  // Edit where the page allows it and a model of the provider in force edits images (else the editor would offer
  // nothing it could do).
  const editing = features.editor.canEdit();
  // An image booked at its price's bound (no reply said what it came to) that the user has since answered for: its
  // card and receipt say what the answer booked, as the tally does, not the bound it was made at.
  const bound = (image: { receipt?: { basis: string } }) => image.receipt?.basis === 'bound';
  const entries = gallery.images.some(bound) ? ledger.ledger?.entries() : undefined;
  // The version each edit was made from, where it is still here (not just deleted): the chain original → edit → edit,
  // the original one of the user's own too.
  const sources = new Map([
    ...gallery.own,
    ...gallery.images.filter((image) => !image.gone).map((image) => [image.id, image] as const),
  ]);
  const shown = gallery.images.map((image): GalleryItem => {
    const source = image.edit?.editOf === undefined ? undefined : sources.get(image.edit.editOf);
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
      // Its bytes, read to be sent: an image shown from the provider's link cannot be.
      editable: editing && !image.notSaved,
      // An edit is made again as an edit (the same one on its source), or not offered; never from its instruction
      // alone, as a new image (nor finalized so).
      finalize: image.edit ? undefined : finalOf(again, host.models, pricing),
      vary:
        mostSaid(
          (image.edit
            ? source && !source.notSaved && features.editor.againQuote(image, source)
            : pricing.price(again).quote) || {},
          locale,
          translation,
        ) || undefined,
      before: source && { id: source.id, url: source.url, prompt: source.prompt, ...(source.own && { own: true }) },
    };
  });
  const latest = shown.filter((image) => image.batch === shown[0].batch);
  // The latest submission's images all deleted (each said, with its Undo): the one before it comes up under them, so
  // that the canvas does not stand empty while the rest are far below.
  const next = latest.every((image) => image.gone) ? shown.find((image) => !image.gone) : undefined;
  const result = [...latest, ...shown.filter((image) => image.batch === next?.batch)];
  return { result, history: shown.filter((image) => !result.includes(image)) };
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

/** The user's submission as it runs, else what closed pages left being finished: placeholders, progress, Cancel. */
export function runningSlot(
  { host, pricing, language }: ImageParts,
  { submission: { controller: submission, resume }, gallery, flow }: CanvasFeatures,
  on: CanvasHandlers,
): Pick<PanelSlots, 'running'> {
  const { locale, translation } = language;
  const shape = pricing.fitted ?? host;
  const running = (progress?: ProgressDetail) =>
    gallery.view.loaded?.renderRunning(
      {
        progress,
        elapsed: flow.elapsedSeconds,
        usualWait: submission.usualWait,
        // As priced: the count as set may be anything a page wrote (Infinity, NaN) until the submission refuses it.
        placeholder: { width: shape.width, height: shape.height, count: pricing.quote?.count ?? 1 },
        arrived: gallery.controller.arrived,
        confirmCancel: submission.confirmingCancel
          ? { provider: payeeAt(host.provider, host.endpoint), billed: formatUsd(submission.billed, locale) }
          : undefined,
        stopping: submission.stopping,
        translation,
      },
      on,
    );
  if (submission.pending) return { running: submission.render({ pending: running }) ?? nothing };
  if (resume.resuming)
    return {
      running: running({ status: wordsIn(translation, 'progress', progressWords).resuming(), elapsedMs: 0 }) ?? nothing,
    };
  return { running: nothing };
}

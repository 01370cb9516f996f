import { css, nothing } from 'lit';
import { clock } from '../../../base/clock.js';
import { dayOf } from '../../../base/days.js';
import { billsReferences, formatUsd } from '../../../pricing/index.js';
import { isKeyError } from '../../../base/errors.js';
import { keyOrigin, keyRoute, payeeAt, providerInfo, routeParts } from '../../../providers/catalog.js';
import { parse } from '../../../providers/urls.js';
import { callsKeysTokens, signIn } from '../../../strings/sign-in.js';
import { reword, wordsIn } from '../../../strings/strings.js';
import { words } from '../../../strings/words.js';
import { models } from '../../../strings/image/models.js';
import type { ProviderId } from '../../../base/types.js';
import { renderTallySummary } from '../../tally/tally-summary.js';
import { uncertainCharges } from '../../tally/uncertain-charges.js';
import { slot } from '../prompt/prompt-template.js';
import type { ImageParts } from '../image-parts.js';
import type { ImageHandlers, ImageView } from '../view.js';
import type { PanelSlots } from './slots.js';
import { renderKeyField, type KeyFieldView } from '../accounts/panel/accounts.js';
import { renderSignInButton } from '../accounts/panel/sign-in-button.js';
import type { PanelHandlers } from './image-actions.js';
import type { PanelControllers } from './panel-controllers.js';
import { renderExamples, renderMore } from '../options/panel/more.js';
import { renderOutcome, renderSpentBrief } from '../price/panel/notes.js';
import { canvasSlots } from '../gallery/panel/canvas.js';
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
  const shape = pricing.fitted ?? host; // the size made: of the empty canvas's frame
  const { ledger, tally } = parts.ledger;
  const { translation } = parts.language;
  const providerName = wordsIn(translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
  const keyField = view.key && keyFieldView(parts, panels, view.key);
  const uncertainList = panels.uncertainList.loaded;
  return {
    ...canvasSlots(parts, panels, view, on),
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
      [panels.submission.chargeNote, panels.submission.retiringNote].map((note) =>
        note ? reword(note, translation) : '',
      ),
    ),
    details: renderDetailsSlot(parts, panels, view, on),
    examples: renderExamples(on.exampleChoose, shape.width > WIDE_SHAPE * shape.height, translation),
    more: renderMoreOptions(parts, panels, providerName, on),
  };
}

/**
 * The price details, drawn once their part is here: it loads when they are opened (or ahead, at their summary). Each
 * offer with what its model is for and whom it pays (another provider at its own endpoint); the projection where the
 * ledger is read.
 */
function renderDetailsSlot(
  { host, pricing, ledger: ledgerPart, language }: ImageParts,
  panels: PanelControllers,
  view: ImageView,
  on: PanelHandlers,
) {
  const { quote } = pricing;
  const details = panels.details.loaded;
  if (!quote || !details) return nothing;
  const { ledger, tally } = ledgerPart;
  const { locale, translation } = language;
  const { bestFor } = wordsIn(translation, 'models', models);
  return details.render(
    {
      // A request the model cannot make has no payable price: the details compare what can make it.
      quote: pricing.problem ? undefined : quote,
      locale,
      translation,
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
  );
}

/**
 * How much wider than high a shape may be for the empty canvas's words to stand over its frame (their some 290 px over
 * a 730 px frame at 1280 px); wider, they stand under it. 21:9 (2.33) still holds them.
 */
const WIDE_SHAPE = 2.4;

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
    error: error && isKeyError(error) ? error.message : undefined,
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

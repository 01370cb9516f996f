/** What providers, generation and reference images say, and what is wrong with a headless call’s arguments. */

import { words } from './words.js';
import { sentences, sentencesOf } from './sentence.js';

export interface GenerationStrings {
  addressRefused(provider?: string): string;
  imageAddressRefused(provider?: string): string;
  chargedOtherwise(provider: string, charged: string, quoted: string): string;
  /**
   * Where the price was a bound (`Quote.atMost`) and the charge is within it: what was charged, as within what the
   * preview said, the most and what was expected.
   */
  chargedOfBound(provider: string, charged: string, expected: string, most: string): string;
  /** Where the price was a bound and the charge is above it: what was charged, `over` more than the most said. */
  /**
   * A charge above the preview's "at most": by how much, and the bound (`from`, per image) the model at this size is
   * quoted at from now on.
   */
  chargedOverBound(provider: string, charged: string, most: string, over: string, from: string): string;
  /** `provider`: whose, where known (`guard` says it again with it, as the sentences after it that take one). */
  keyRejected(provider?: string): string;
  /** The key this site's sign-in gave was refused (401, 403): signing in again gives another. */
  signedKeyRefused(provider: string): string;
  tooManyRequests(waitSeconds?: number, provider?: string): string;
  providerTrouble(status: number, provider?: string): string;
  unknownProvider(id: string): string;
  adapterNotLoaded(provider: string): string;
  vetoed(): string;
  promptMissing(): string;
  /** An edit names no image to edit. */
  editWithoutImage(): string;
  /** An instruction edit came with a mask, which it would ignore. */
  maskNotTaken(): string;
  /** A masked edit or an erase came without the area painted. */
  maskMissing(): string;
  /** An extend came with a painted area, which it would ignore. */
  extendTakesNoMask(): string;
  /** An extend sent without its sides, or at another size than the image with its sides around it. */
  extendMissing(): string;
  /**
   * An edit priced as going on with its image's conversation (`edit.earlier`) names no image that keeps that
   * conversation, of this model at this provider: nothing is sent.
   */
  conversationNotKept(): string;
  maskOfAnotherSize(width: number, height: number, imageWidth: number, imageHeight: number): string;
  /** `signIn`: the user may sign in to the provider instead (OpenRouter, Hugging Face, Pollinations). */
  keyMissing(provider: string, signIn?: boolean): string;
  notOnPage(): string;
  outOfCredits(): string;
  /**
   * `host`: where the account is, for a gateway (which has no name of its own). It suggests no smaller size or cheaper
   * model: the provider's refusal says nothing of what the account has left, so no other request can be said to fit
   * (where the balance is known, before the click, the widget names a model it covers).
   */
  outOfCreditsAt(provider: string, host?: string): string;
  chargedForIt(provider: string, amount: string): string;
  cancelledCharged(provider: string, amount: string): string;
  /** A request for one image cancelled before anything could be charged for it (where several: "nothing more"). */
  cancelledUncharged(): string;
  /** The provider did not finish within the widget's deadline (`poll.timeoutMs`, 5 minutes unless the page says). */
  tookTooLong(provider?: string): string;
  /** After a refusal in the shared words, which say nothing of money, where it was booked as not charged. */
  nothingCharged(): string;
  moderated(provider?: string): string;
  /** The provider refused the prompt itself, before making anything (BFL's "Request Moderated"). */
  promptModerated(provider?: string): string;
  /** A charge in two parts (OpenRouter's BYOK): the provider's fee, and what the upstream provider charged the user's own key. */
  chargedWithUpstream(provider: string, fee: string, upstream: string): string;
  costNotReported(provider: string, amount: string): string;
  /** The provider said in its reply that it retires the model on `day` (`YYYY-MM-DD`), within a month. */
  modelRetiring(provider: string, model: string, day: string): string;
  /**
   * A price that is a bound (`Quote.atMost`), and the reply did not say what the image came to: `most` stays counted
   * as may have been charged, which the list under the tally lets the user settle.
   */
  costOfBoundNotReported(provider: string, most: string): string;
  /**
   * The reply said a figure (`reported`) beyond anything this image can cost (report-check.ts): not believed; `most`,
   * the most it can cost, stays counted as may have been charged, and the receipt keeps the figure said.
   */
  costReportedBeyondReason(provider: string, reported: string, most: string): string;
  refused(why: string, provider?: string): string;
  /** The site has no relay for a provider that refuses web pages: the site's developer hears how in the console. */
  relayNeeded(provider: string): string;
  /**
   * The browser says this device is offline (`navigator.onLine` false): the request was never handed to it, so
   * nothing was sent to the provider (docs/reliability.md, "A failure that reached no provider").
   */
  offline(provider: string): string;
  relayUnreachable(): string;
  relayRefusedHost(why: string): string;
  /** The relay serves this page but would not take the request's headers (a key header it does not forward). */
  relayRefusedHeaders(): string;
  redirectRefused(provider?: string): string;
  imageTooLarge(provider?: string): string;
  // A charge that may have happened (docs/contract.md, Money): what happened first, and what to do where there is
  // something to; then the most it may have cost, never nothing, and that the tally counts it until it is known.
  mayHaveBeenCharged(provider: string, amount: string): string;
  /** A reply came, a refusal or an error, that does not say whether the request was charged (fal's 422, BFL's moderation). */
  chargeNotSaid(provider: string, amount: string): string;
  cancelledMaybeCharged(provider: string, amount: string): string;
  /**
   * `amount` may have been charged; where the browser may have sent the request more than once, `amount` is the most it
   * may cost, and `once` one request's price, said first: the likely charge.
   */
  connectionBroke(provider: string, amount: string, once?: string): string;
  /** The connection broke after the request left (a charge that was then settled from the balance follows). */
  connectionBrokeAfterSending(): string;
  /** A charge no reply confirmed, settled from the account's balance (what it fell by while the image was made). */
  balanceShowsCharge(provider: string, amount: string): string;
  /**
   * A lost reply booked at once from the balance: it fell by exactly the request's price `amount`, with nothing else of
   * the provider under way (docs/ledger.md, "Uncertain charges"); the widget offers Undo beside it.
   */
  balanceFellCounted(provider: string, amount: string): string;
  /** Beside a charge left uncertain: the balance was read and moved by `amount`, which cannot be this image's alone. */
  balanceMoved(provider: string, amount: string): string;
  /** Beside a charge left uncertain on a key of this site's sign-in: no charge shows yet, and the page keeps looking. */
  balanceShowsNoCharge(provider: string): string;
  /**
   * Beside a charge left uncertain on such a key: `amount` of it shows (the most it may cost is said before it, once).
   */
  balanceShowsPart(provider: string, amount: string): string;
  /**
   * Beside a charge left uncertain on a key others may use too: the balance moved by `amount`, which settles nothing by
   * itself (where it is a whole number of the request's price, the error offers to book that: "Charged once", "Charged
   * twice": `UserPaysError.uncertainCharge`).
   */
  balanceMovedShared(provider: string, amount: string): string;
  /** Beside a charge left uncertain on a key others may use too: no charge shows yet, which settles nothing. */
  balanceShowsNoChargeShared(provider: string): string;
  /**
   * In place of the error that left a charge uncertain on a key of this site's sign-in, once a later read of the
   * balance settled it (beside Generate): what it cost (`amount`), or, with none, that it cost nothing.
   */
  settledFromBalance(provider: string, amount?: string): string;
  /**
   * In the same place, where those reads ended with part of the charge still open (no more of it showed, or something
   * else moved the balance): it stays counted until the user answers, under the tally line.
   */
  balanceCheckEnded(provider: string): string;
  keyQuoted(): string;
  unreadableReply(provider?: string): string;
  downloadFailed(status?: number): string;
  imageUnreadable(provider?: string): string;
  cannotMake(provider?: string): string;
  queued(): string;
  generatingNow(): string;
  downloading(): string;
  imageOf(status: string, index: number, count: number): string;
  imagesNotSaved(): string;
  seedNotWhole(max: number): string;
}

/** The provider at the start of a sentence, where it is known (`guard` says it again with it), else "The provider". */
const whoIn = (provider?: string) => (provider ? words.TheProvider(provider) : 'The provider');

export const generation = sentences<GenerationStrings>({
  addressRefused: (provider) => `${whoIn(provider)} sent an address this page will not contact. Try again later.`,
  imageAddressRefused: (provider) =>
    `${whoIn(provider)} sent an image address this page will not load. Try again; if it keeps happening, tell the site owner.`,
  chargedOtherwise: (provider, charged, quoted) =>
    `${words.TheProvider(provider)} charged ${charged}; the preview said ${quoted}. Your tally counts what was charged.`,
  chargedOfBound: (provider, charged, expected, most) =>
    `${words.TheProvider(provider)} charged ${charged}, within what the preview said: at most ${most}, about ${expected}. Your tally counts what was charged.`,
  chargedOverBound: (provider, charged, most, over, from) =>
    `${words.TheProvider(provider)} charged ${charged}, ${over} more than the most the preview said (${most}). Your tally counts what was charged. From now on, the preview says at most ${from} an image for this model and size.`,
  keyRejected: (provider) =>
    `${whoIn(provider)} did not accept your API key. Check the key (or create a new one in your ${provider ? words.providerName(provider) : 'provider'} account) and try again.`,
  signedKeyRefused: (provider) =>
    `${words.TheProvider(provider)} no longer accepts the key your sign-in gave (it may have been revoked, or have run out). Sign in again.`,
  tooManyRequests: (waitSeconds, provider) =>
    `${whoIn(provider)} is busy with too many of your requests. Wait ${waitSeconds ? `${waitSeconds} s` : 'a few seconds'} and try again.`,
  providerTrouble: (status, provider) => `${whoIn(provider)} had a problem (HTTP ${status}). Try again in a moment.`,
  unknownProvider: (id) => `The provider "${id}" is not available yet. Choose another provider.`,
  adapterNotLoaded: (provider) =>
    `Could not load what the widget needs to use ${words.theProvider(provider)}. Check your connection and try again: nothing was sent, and nothing was charged.`,
  vetoed: 'The page stopped this submission before it was sent.',
  promptMissing: 'Describe the image you want in the prompt box first.',
  editWithoutImage: 'Choose the image to edit first.',
  maskNotTaken:
    'An edit that follows an instruction changes the whole image: it takes no painted area. Choose “Change the painted area” to use one.',
  maskMissing: 'Paint the area to change on the image first.',
  extendTakesNoMask: 'An extend fills a new area around the image: it takes no painted area.',
  extendMissing:
    'Say how far to extend each side of the image: the extended image is the image with those sides around it.',
  conversationNotKept:
    'This edit was priced as going on with the conversation that made its image, but that image keeps no such conversation with this model here: choose the image again.',
  maskOfAnotherSize: (width, height, imageWidth, imageHeight) =>
    `The painted area is ${width}×${height} pixels, but the image is ${imageWidth}×${imageHeight}: paint it again on this image.`,
  keyMissing: (provider, signIn) =>
    signIn
      ? `Sign in with ${words.providerName(provider)} (or enter your own ${words.providerName(provider)} key), then try again.`
      : `Enter your own ${words.providerName(provider)} API key, then try again.`,
  notOnPage: 'This widget is not on the page any more: add it to the page, then try again.',
  outOfCredits: 'Your provider account has run out of credits. Add credits there, then try again.',
  outOfCreditsAt: (provider, host) =>
    `Your ${words.providerName(provider)} account does not have enough credit for this. Add credit at ${host ?? words.theProvider(provider)}, then try again.`,
  chargedForIt: (provider, amount) =>
    `${words.TheProvider(provider)} charged ${amount} for it all the same, and your tally counts it.`,
  cancelledCharged: (provider, amount) =>
    `Generation cancelled, but ${words.theProvider(provider)} had already charged ${amount} for it; your tally counts it.`,
  cancelledUncharged: 'Generation cancelled. Nothing was charged for it.',
  tookTooLong: (provider) => `${whoIn(provider)} took too long to answer. Try again in a moment.`,
  nothingCharged: 'Nothing was charged.',
  moderated: (provider) =>
    `${whoIn(provider)} declined this prompt or its images for safety reasons. Rephrase it and try again.`,
  promptModerated: (provider) => `${whoIn(provider)} declined this prompt for safety reasons: rephrase it.`,
  chargedWithUpstream: (provider, fee, upstream) =>
    `${words.TheProvider(provider)} charged ${fee}, and the model's own provider charged ${upstream} to your key there (bring your own key); both are booked.`,
  costNotReported: (provider, amount) =>
    `${words.TheProvider(provider)} did not say what this cost, so the preview's price (${amount}) is booked.`,
  modelRetiring: (provider, model, day) =>
    `${words.TheProvider(provider)} says it retires ${model} on ${day}: from then on, pick another model.`,
  costOfBoundNotReported: (provider, most) =>
    `${words.TheProvider(provider)} did not say what this cost: at most ${most}, which your tally counts as may have been charged until you say what your ${words.providerName(provider)} account shows.`,
  costReportedBeyondReason: (provider, reported, most) =>
    `${words.TheProvider(provider)} said this cost ${reported}, which no image of this request can cost, so it is not booked: at most ${most} is, which your tally counts as may have been charged until you say what your ${words.providerName(provider)} account shows. The receipt keeps what was said.`,
  refused: (why, provider) => `${whoIn(provider)} refused the request (${why}). Change the settings and try again.`,
  offline: (provider) =>
    `This device is offline: nothing was sent to ${words.theProvider(provider)}, and nothing was charged. Connect to the internet and try again.`,
  relayNeeded: (provider) =>
    `${words.TheProvider(provider)} does not accept requests from web pages directly, so nothing was sent or charged: this site has not set up the relay it needs for ${words.theProvider(provider)} yet.`,
  relayUnreachable:
    "The site's relay did not answer this page (it may not list this site among its origins), so nothing was sent or charged.",
  relayRefusedHost: (why) =>
    `The site's relay refused to pass this request on (${why}), so nothing was sent or charged.`,
  relayRefusedHeaders:
    "The site's relay does not pass on this provider's key, so nothing was sent or charged: the relay needs updating.",
  redirectRefused: (provider) =>
    `${whoIn(provider)} sent this request to another address, where this page does not send your key. Check the provider address (endpoint).`,
  imageTooLarge: (provider) => `${whoIn(provider)} sent an image far larger than any it makes. Try again.`,
  mayHaveBeenCharged: (provider, amount) =>
    `No reply came, so ${words.theProvider(provider)} may have charged ${amount}, counted as possibly spent.`,
  chargeNotSaid: (provider, amount) =>
    `${words.TheProvider(provider)} may have charged ${amount} all the same, counted as possibly spent.`,
  cancelledMaybeCharged: (provider, amount) =>
    `Cancelled after the request left: ${words.theProvider(provider)} may have charged ${amount}, counted as possibly spent.`,
  connectionBroke: (provider, amount, once) =>
    `The connection broke: ${words.theProvider(provider)} may have charged ${
      once ? `${once} (up to ${amount} if the browser sent it more than once), all` : `${amount},`
    } counted as possibly spent.`,
  connectionBrokeAfterSending: 'The connection broke after the request left, before any reply.',
  balanceShowsCharge: (provider, amount) =>
    `Your ${words.providerName(provider)} balance shows what it cost: ${words.theProvider(provider)} charged ${amount} for it, and your tally counts it.`,
  balanceFellCounted: (provider, amount) =>
    `Your ${words.providerName(provider)} balance fell by ${amount}: counted as charged.`,
  balanceMoved: (provider, amount) =>
    `Your ${words.providerName(provider)} balance moved by ${amount} meanwhile, which cannot be put down to this image alone.`,
  balanceShowsNoCharge: (provider) =>
    `Your ${words.providerName(provider)} balance shows no charge yet; checking again for a minute or so.`,
  balanceShowsPart: (provider, amount) =>
    `Your ${words.providerName(provider)} balance shows ${amount} of it so far; checking again for a minute or so.`,
  balanceMovedShared: (provider, amount) =>
    `Your ${words.providerName(provider)} balance moved by ${amount} meanwhile, perhaps from elsewhere.`,
  balanceShowsNoChargeShared: (provider) =>
    `Your ${words.providerName(provider)} balance shows no charge yet; one can show late.`,
  settledFromBalance: (provider, amount) =>
    amount
      ? `Your ${words.providerName(provider)} balance shows the last request cost ${amount}: counted as spent.`
      : `Your ${words.providerName(provider)} balance shows no charge for the last request: nothing is counted.`,
  balanceCheckEnded: (provider) =>
    `Your ${words.providerName(provider)} balance showed no more of the last request: it stays counted as possibly spent until you answer under your tally.`,
  keyQuoted:
    "The provider's answer quoted your key, so its words are not shown here. Check the settings and try again.",
  unreadableReply: (provider) => `${whoIn(provider)} sent a reply this page could not read. Try again in a moment.`,
  downloadFailed: (status) =>
    status
      ? `The finished image could not be downloaded (HTTP ${status}; its link may have expired). Generate it again.`
      : 'The finished image could not be loaded (its link may have expired, or it is not an image). Generate it again.',
  imageUnreadable: (provider) => `${whoIn(provider)} sent an image this browser cannot open. Try again.`,
  cannotMake: (provider) => `${whoIn(provider)} could not make this image. Try again in a moment.`,
  queued: 'Queued',
  generatingNow: 'Generating',
  downloading: 'Downloading image',
  imageOf: (status, index, count) => `${status} (${index} of ${count})`,
  imagesNotSaved: "Images can't be saved in this browser: they are kept until you leave the page.",
  seedNotWhole: (max) => `The seed must be a whole number from 0 to ${max}, such as 42.`,
});

// Said to the page's developer in the console, never to its user: in English only, and no part of
// `GenerationStrings` (docs/translating.md, "What stays in English"). What the headless API says of its arguments is
// strings/headless.ts.
export const relayConsoleRefused = (relay: string, page: string) =>
  `userpays: the relay ${relay} does not serve this page's origin (${page}): add it to the relay's RELAY_ORIGINS.`;
export const relayConsoleHeaders = (relay: string, headers: string[]) =>
  `userpays: the relay ${relay} serves this page but does not forward one of this request's headers (${headers.join(', ')}): deploy the current relay/worker.js.`;
export const relayConsole = (origin: string) =>
  `userpays: ${origin} refused this page's cross-origin request (CORS). Set the widget's relay attribute to a relay (relay/worker.js, see "Relay" in the README).`;

/** The generation words as the layers below the elements say them: as `Sentence`s, for an element to reword. */
export const generationText = sentencesOf('generation', generation);

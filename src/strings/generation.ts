/** What providers, generation and reference images say, and what is wrong with a headless call’s arguments. */
import { providerName, theProvider, TheProvider } from './words.js';

export const addressRefused = () => 'The provider sent an address this page will not contact. Try again later.';
export const imageAddressRefused = () =>
  'The provider sent an image address this page will not load. Try again; if it keeps happening, tell the site owner.';
export const chargedOtherwise = (provider: string, charged: string, quoted: string) =>
  `${TheProvider(provider)} charged ${charged}; the preview said ${quoted}. Your tally counts what was charged.`;
export const keyRejected = () =>
  'The provider did not accept your API key. Check the key (or create a new one in your provider account) and try again.';
export const tooManyRequests = (waitSeconds?: number) =>
  `The provider is busy with too many of your requests. Wait ${waitSeconds ? `${waitSeconds} s` : 'a few seconds'} and try again.`;
export const providerTrouble = (status: number) =>
  `The provider had a problem (HTTP ${status}). Try again in a moment.`;
export const unknownProvider = (id: string) => `The provider "${id}" is not available yet. Choose another provider.`;
export const adapterNotLoaded = (provider: string) =>
  `Could not load what the widget needs to use ${theProvider(provider)}. Check your connection and try again: nothing was sent, and nothing was charged.`;
export const vetoed = () => 'The page stopped this submission before it was sent.';
export const promptMissing = () => 'Describe the image you want in the prompt box first.';
export const keyMissing = (provider: string) =>
  provider === 'huggingface' ? hfSignIn() : `Enter your own ${providerName(provider)} API key, then try again.`;
// Hugging Face: sign-in (OAuth, scope inference-api) or a user access token.
export const hfSignIn = () => 'Sign in with Hugging Face (or enter a Hugging Face access token), then try again.';
export const notOnPage = () => 'This widget is not on the page any more: add it to the page, then try again.';
export const outOfCredits = () => 'Your provider account has run out of credits. Add credits there, then try again.';
/** `host`: where the account is, for a gateway (which has no name of its own). */
export const outOfCreditsAt = (provider: string, host?: string) =>
  `Your ${providerName(provider)} account does not have enough credit for this. Add credit at ${host ?? theProvider(provider)} (or choose a smaller size or a cheaper model), then try again.`;
/** Said by the widget and the headless call from what Puter's check found (`cheaper`: a model the balance covers). */
export const puterBalanceShort = (price: string, left: string, cheaper?: string) =>
  `This costs ${price} and your Puter account has ${left} left. Add funds at puter.com${cheaper ? `, or choose ${cheaper}` : ''}, then try again.`;
export const puterNoCredits = () => 'Your Puter account has no credits left. Add funds at puter.com, then try again.';
export const chargedForIt = (provider: string, amount: string) =>
  `${TheProvider(provider)} charged ${amount} for it all the same, and your tally counts it.`;
export const cancelledCharged = (provider: string, amount: string) =>
  `Generation cancelled, but ${theProvider(provider)} had already charged ${amount} for it; your tally counts it.`;
export const moderated = () =>
  'The provider declined this prompt or its images for safety reasons. Rephrase it and try again.';
export const safetyWithheld = (provider: string) =>
  `${TheProvider(provider)}'s safety checker flagged this image and sent a black image in its place, so it is not shown. Rephrase the prompt and try again.`;
/** A charge in two parts (OpenRouter's BYOK): the provider's fee, and what the upstream provider charged the user's own key. */
export const chargedWithUpstream = (provider: string, fee: string, upstream: string) =>
  `${TheProvider(provider)} charged ${fee}, and the model's own provider charged ${upstream} to your key there (bring your own key); both are booked.`;
export const costNotReported = (provider: string, amount: string) =>
  `${TheProvider(provider)} did not say what this cost, so the preview's price (${amount}) is booked.`;
export const refused = (why: string) => `The provider refused the request (${why}). Change the settings and try again.`;
export const relayNeeded = (provider: string) =>
  `${TheProvider(provider)} does not accept requests from web pages directly, so nothing was sent or charged: this site needs a relay (see "Relay" in the userpays README).`;
export const relayUnreachable = () =>
  "The site's relay did not answer this page (it may not list this site among its origins), so nothing was sent or charged.";
export const relayRefusedHost = (why: string) =>
  `The site's relay refused to pass this request on (${why}), so nothing was sent or charged.`;
export const relayConsoleRefused = (relay: string, page: string) =>
  `userpays: the relay ${relay} does not serve this page's origin (${page}): add it to the relay's RELAY_ORIGINS.`;
export const relayConsole = (origin: string) =>
  `userpays: ${origin} refused this page's cross-origin request (CORS). Set the widget's relay attribute to a relay (relay/worker.js, see "Relay" in the README).`;
export const redirectRefused = () =>
  'The provider sent this request to another address, where this page does not send your key. Check the provider address (endpoint).';
export const imageTooLarge = () => 'The provider sent an image far larger than any it makes. Try again.';
export const mayHaveBeenCharged = (provider: string, amount: string) =>
  `No reply says what became of the request: ${theProvider(provider)} may have charged ${amount} for it. Your tally counts that apart until you know.`;
export const cancelledMaybeCharged = (provider: string, amount: string) =>
  `Generation cancelled after the request had left: ${theProvider(provider)} may have charged ${amount} for it. Your tally counts that apart until you know.`;
export const connectionBroke = (provider: string, amount: string, resent: boolean) =>
  `The connection broke after the request left, before any reply: ${theProvider(provider)} may have charged ${
    resent
      ? `up to ${amount} for it, as a browser sends a request again by itself when a connection breaks`
      : `${amount} for it`
  }. Your tally counts that apart until you know.`;
export const keyQuoted = () =>
  "The provider's answer quoted your key, so its words are not shown here. Check the settings and try again.";
export const unreadableReply = () => 'The provider sent a reply this page could not read. Try again in a moment.';
export const downloadFailed = (status?: number) =>
  status
    ? `The finished image could not be downloaded (HTTP ${status}; its link may have expired). Generate it again.`
    : 'The finished image could not be loaded (its link may have expired, or it is not an image). Generate it again.';
export const imageUnreadable = () => 'The provider sent an image this browser cannot open. Try again.';
export const taskGone = () => 'The provider no longer knows this generation (it may have expired). Generate it again.';
export const cannotMake = () => 'The provider could not make this image. Try again in a moment.';
export const queued = () => 'Queued';
export const pendingAt = (provider: string) => `Under way at ${theProvider(provider)} (it does not say how far along)`;
export const queuedAt = (position: number) => `Queued (position ${position})`;
export const generatingNow = () => 'Generating';
export const generatingPercent = (percent: number) => `Generating ${percent}%`;
export const downloading = () => 'Downloading image';
export const imageOf = (status: string, index: number, count: number) => `${status} (${index} of ${count})`;
export const notAnImage = (file: string) => `"${file}" is not a PNG, JPEG or WebP image. Choose one of those.`;
export const fileTooLarge = (file: string) => `"${file}" is larger than 10 MB. Choose a smaller image.`;
export const fileNotAnImage = (file: string) => `"${file}" could not be read as an image. Choose another file.`;
export const referenceNotResized = () => 'A reference image could not be prepared for sending. Choose it again.';
export const fileUnreadable = (file: string) => `"${file}" could not be read.`;
export const imagesNotSaved = () => "Images can't be saved in this browser: they are kept until you leave the page.";
// The headless call (`UserPays.generate`): what is wrong with its arguments, said to the developer who wrote them
export const notAGenerateRequest = () =>
  'Describe what to generate: an object such as { provider: "bfl", model: "flux-2-klein-4b", prompt: "a lighthouse at dawn" }.';
export const optionsNotAnObject = () => 'The options must be an object, such as { apiKey, storageKey, budget }.';
export const promptNotText = () => 'Describe the image you want: prompt must be text, such as "a lighthouse at dawn".';
export const notText = (name: string) => `${name} must be text (a string).`;
export const budgetNotAnAmount = () =>
  'The budget must be an amount of dollars written as text, such as "2.50", so that nothing is spent past a mistyped one.';
export const seedNotWhole = (max: number) => `The seed must be a whole number from 0 to ${max}, such as 42.`;
export const referencesNotImages = () =>
  'references must be a list of image files (File or Blob objects), such as the files of an <input type="file">.';
export const notAFunction = (name: string) => `${name} must be a function.`;
export const notASignal = () => 'signal must be an AbortSignal (the signal of an AbortController).';
export const notAPriceBook = () => "priceBook must be an object of prices, as the widget's priceBook property takes.";
export const trustedTypesBlocked = () =>
  "This site's security settings (Trusted Types) do not let the widget load its scripts: the site must allow the policy 'userpays'.";

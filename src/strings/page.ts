/**
 * Every sentence the user sees, once, in plain words: what happened and what to do next. Nothing outside
 * `src/strings/` writes user-facing text. The sentences are split by when they load: this file, with the page
 * (the elements, prices, the tally); `engine.ts`, with the engine, on first need (providers, generation, images).
 * Translating the widget means translating both (see docs/architecture.md, "Strings"). Each is a function, so that a translation can reorder its values; those that mix text
 * with markup return parts (`unknown[]`) that a Lit template renders in order.
 */
import type { Size } from '../base/types.js';

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
/** Megapixels for reading, to two decimals ('≈1.05' for Puter's 1.048576); the quote keeps them exact. */
const mp = (n: number) => (Math.round(n * 100) / 100 === n ? `${n}` : `≈${Math.round(n * 100) / 100}`);
const PROVIDER_NAMES: Record<string, string> = { puter: 'Puter', bfl: 'BFL', fal: 'fal', openai: 'gateway' };

// Providers, generation, errors
export const providerName = (id: string) => PROVIDER_NAMES[id] ?? id;
export const cancelled = () => 'Generation cancelled. Nothing more will be charged for it.';
export const timeout = () => 'The provider took too long to answer. Try again in a moment.';
export const network = () => 'Could not reach the provider. Check your connection and try again.';
export const somethingWrong = () => 'Something went wrong at the provider. Try again in a moment.';
export const notAnAmount = (value: string) => `"${value}" is not an amount of money.`;
export const badBudget = (value: string) =>
  `The budget set on this page ("${value}") is not an amount of dollars, so nothing can be spent until it is fixed (write it like 2.50).`;
export const budgetExceeded = (total: string, budget: string) =>
  `This would cost ${total} USD and take you past your budget of ${budget} USD. ` +
  'Choose a smaller size, fewer images or a cheaper model, or raise the budget.';
export const endpointInsecure = () =>
  'The provider address (endpoint) must start with https:// (plain http:// only for localhost). Fix it and try again.';
export const cheaperChoice = (model: string, price: string) => `${model} (${price})`;
export const relayInsecure = () =>
  'The relay address must start with https:// (plain http:// only for localhost), without ? or #. Fix the relay attribute.';
export const referencesUnsupported = () => 'This provider takes no reference images. Remove them and try again.';
export const trustedTypesBlocked = () =>
  "This site's security settings (Trusted Types) do not let the widget load its scripts: the site must allow the policy 'userpays'.";

// Progress
export const sending = () => 'Sending';

// Reference images

// Storage
export const historyDamaged = () => 'Your saved spending history was damaged; the readable part was kept.';
export const storageFull = () => 'Storage is full: spending is tracked for this visit only.';
export const storageOff = () =>
  'This browser does not let the page save data: spending is tracked for this visit only.';

// Prices and sizes
export const wholePixels = (side: string) => `${side} must be a whole number of pixels, such as 1024.`;
export const multipleOf = (side: string, step: number, who: string, below: number) =>
  `${side} must be a multiple of ${step} for ${who} — try ${below} or ${below + step}.`;
export const sideBetween = (side: string, model: string, min: number, max: number, suggestion: number) =>
  `${side} must be between ${min} and ${max} pixels for ${model} — try ${suggestion}.`;
export const atLeast = (side: string, min: number, model: string) =>
  `${side} must be at least ${min} pixels for ${model}.`;
export const atMostMegapixels = (model: string, megapixels: number, width: number, height: number) =>
  `${model} makes images of at most ${megapixels} megapixels — try ${width}×${height}.`;
export const snappedTo = (width: number, height: number, step: number) =>
  `The provider makes ${width}×${height} (sides in steps of ${step}), and bills that size.`;
export const madeAsRatio = (ratio: string, width: number, height: number) =>
  `This provider makes ${ratio} at about 1 megapixel (${width}×${height}), whatever the size asked.`;
export const totalTooLarge = (megapixels: number) =>
  `The output and the reference images may not exceed ${megapixels} megapixels together — choose a smaller size or fewer references.`;
export const referenceResized = (index: number, from: Size, to: Size) =>
  `Reference image ${index} is sent at ${to.width}×${to.height} (resized from ${from.width}×${from.height}) and billed so.`;
export const aspectRange = (model: string, width: number, height: number, ratio: string) =>
  `${model} makes shapes from 21:9 (wide) to 9:21 (tall), and ${width}×${height} is ${ratio} — pick a less stretched size.`;
export const width = () => 'Width';
export const height = () => 'Height';
export const badPrice = (where: string, price: string) =>
  `The price set for ${where} is not a valid amount ("${price}"): write it as a decimal string, such as "0.04". Fix the price book.`;
export const badRule = (where: string) =>
  `The price set for ${where} has no rule this widget knows. Fix the price book.`;
export const badUnit = (where: string, unit: string, units: readonly string[]) =>
  `The price set for ${where} is in "${unit}", which is not a unit (use ${units.map((u) => `"${u}"`).join(' or ')}). Fix the price book.`;
export const badSource = (where: string) =>
  `The price set for ${where} does not say where it comes from (source: { name, asOf }). Fix the price book.`;
export const badExact = (where: string) =>
  `The price set for ${where} must say whether it is exact (exact: true or false). Fix the price book.`;
export const badCapability = (where: string) =>
  `The sizes or reference images set for ${where} are not in a form this widget knows. Fix the price book.`;
export const notARequest = () =>
  'Describe what to price: an object with provider, model, width, height, count and inputs.';
export const referencesNotAList = () =>
  'Reference images must be a list of sizes, such as [{ width: 1024, height: 1024 }].';
export const badTopUpFee = (where: string, fee: string) =>
  `The top-up fee set for ${where} must be less than 1 ("${fee}"). Fix the price book.`;
export const priceWhere = (model: string, provider: string) => `${model} at ${provider}`;
export const aCredit = () => 'a credit';
export const noSuchModel = (id: string, example: string) =>
  `There is no model called "${id}". Pick one from the list, such as ${example}.`;
export const localOnly = (model: string, example: string) =>
  `${model} runs only on your own computer, so it cannot be priced or made here. Pick a hosted model such as ${example}.`;
export const noPrice = (model: string, provider: string) =>
  `${model} has no price for provider ${provider} yet. Pick another provider or model.`;
export const countRange = () => 'The number of images must be 1, 2, 3 or 4.';
export const tooManyReferences = (model: string, max: number, extra: number) =>
  `${model} takes at most ${plural(max, 'reference image')} — remove ${extra}.`;
export const needsImage = (model: string) => `${model} edits an image you provide — add the image to edit.`;
export const referenceWithoutSize = (index: number) =>
  `Reference image ${index} has no usable size — use an image file with a real width and height.`;
export const firstMegapixel = () => 'First megapixel';
export const moreMegapixels = (n: number) => `${plural(n, 'more megapixel', 'more megapixels')}`;
export const megapixels = (n: number) => `${mp(n)} megapixel${n === 1 ? '' : 's'}`;
export const referenceImages = (n: number, megapixels: number) => `${plural(n, 'reference image')} (${megapixels} MP)`;
export const referencesAtOneMp = (n: number) => `${plural(n, 'reference image')} (1 MP each)`;
export const flatPerImage = () => 'Flat price per image';
export const topUpFee = (percent: string) => `Top-up fee (${percent}%)`;
export const timesImages = (count: number) => ` × ${count} images`;

// The widget
export const promptLabel = () => 'Describe the image';
export const promptPlaceholder = () => 'A lighthouse on a cliff at dawn, watercolour';
export const modelLabel = () => 'Model';
export const modelWithPrice = (model: string, price: string) => `${model} — ${price}`;
export const sizeLabel = () => 'Size';
export const customSize = () => 'Custom…';
export const widthLabel = () => 'Width';
export const heightLabel = () => 'Height';
export const countLabel = () => 'Images';
export const seedLabel = () => 'Seed';
export const randomSeed = () => 'random';
export const shapeName = (shape: 'square' | 'landscape' | 'portrait', ratio: string) =>
  `${{ square: 'Square', landscape: 'Landscape', portrait: 'Portrait' }[shape]} ${ratio}`;
export const shapeLabel = () => 'Shape';
export const sizeChoice = (width: number, height: number, megapixels: number) =>
  `${width}×${height} · ${megapixels} MP`;
export const aboutOneMegapixel = (ratio: string) => `${ratio} · about 1 MP (the provider chooses the pixels)`;
export const sizeFromInput = () => 'The image is made at the size of the image to edit.';
export const referencesLabel = () => 'Reference images';
export const referencesNote = (required: boolean, max: number, billed: boolean) =>
  `(${required ? 'required' : 'optional'}, up to ${max}; ${billed ? 'billed too' : 'included in the price'}; choose, drop or paste)`;
export const referenceAlt = (index: number) => `Reference image ${index}`;
export const addFunds = (provider: string) => `Open your ${provider} dashboard ↗`;
export const referenceAdds = (megapixels: number, amount: string) => `adds ${megapixels} MP = ${amount}`;
export const referenceRemove = (index: number) => `Remove reference image ${index}`;
export const keyLabel = (provider: string) => `Your ${provider} API key`;
export const waitingForKey = (n: number, provider: string) =>
  `${n} paid image(s) from an earlier visit are waiting at ${provider}: enter your key to fetch them.`;
export const rememberKey = (provider: string) =>
  `Remember my key on this device (otherwise it is kept in this page's memory only). It is sent only to ${provider}; you pay ${provider} directly.`;
export const puterAccount = () => 'Puter account';
export const priceOfLeft = (price: string, left: string) => `${price} of your ${left} left`;
export const signIn = () => 'Sign in with Puter';
export const signInWhy = () => 'to pay from your own account.';
export const signOut = () => 'Sign out';
export const progressLabel = () => 'Generation progress';
export const cancel = () => 'Cancel';
export const stopWaitingQuestion = (provider: string, billed: string) =>
  `${providerName(provider)} has already charged ${billed} for this and finishes it whatever this page does. Stop waiting? It is still saved here when it is done.`;
export const stopWaiting = () => 'Stop waiting';
export const resuming = () => 'Finishing a paid image from your earlier visit';
export const keepWaiting = () => 'Keep waiting';
export const elapsed = (seconds: number) =>
  seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
export const imagesReady = (count: number, prompt: string) =>
  `${count === 1 ? 'Image' : `${count} images`} ready: ${prompt}`;
export const generate = (price: string) => (price ? `Generate · ${price}` : 'Generate');
export const generating = () => 'Generating…';
export const dismiss = () => 'Dismiss';

// The cost preview
export const forImages = (count: number) => `for ${plural(count, 'image')}`;
export const each = (price: string) => ` · ${price} each`;
export const output = (megapixels: number) => ` · ${mp(megapixels)} MP output`;
export const plusReference = (megapixels: number) => ` + ${megapixels} MP reference`;
export const estimate = () => ' · estimate';
export const estimateWhy = (provider: string) =>
  provider === 'puter'
    ? 'An estimate: Puter may bill your account differently from its price list; the tally books what your balance shows.'
    : provider === 'fal'
      ? 'An estimate from fal’s published prices: fal does not say what it charged, so the tally books this price.'
      : 'An estimate: the provider may charge a little differently.';
export const credits = (credits: string) => `${credits} credits · `;
export const pricesFrom = (source: string, asOf: string) => `Prices: ${source}, as of ${asOf}`;

// The tally
export const imageCount = (n: number) => plural(n, 'image');
export const spentSummary = (spent: unknown, images: number) => ['Spent ', spent, ` on ${imageCount(images)}`];
export const budgetLeft = (left: unknown, budget: unknown) => [' · ', left, ' of ', budget, ' budget left'];
export const heldSummary = (held: unknown) => [' · ', held, ' in progress'];
export const overBudget = (over: unknown) => [' · ', over, ' over budget'];
/** An amount exactly (a `title` beside the rounded one). */
export const exactUsd = (amount: string) => `${amount} USD`;
export const budgetInvalid = () => 'Enter an amount in dollars, like 2.50';
export const uncertainSummary = (amount: unknown) => [' · ', amount, ' more may have been charged'];

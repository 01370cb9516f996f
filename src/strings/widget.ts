/** The widget's form: labels, choices, progress and the Generate button. */
import { providerName } from './words.js';

export const sending = () => 'Sending';
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
export const keyLabel = (provider: string, host?: string) =>
  host ? `Your ${provider} API key for ${host}` : `Your ${provider} API key`;
export const keyNotSentHere = (others: string[]) =>
  `Your key for ${others.join(' and ')} is kept for it, and not sent here: this address needs its own.`;
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
export const badBudget = (value: string) =>
  `The budget set on this page ("${value}") is not an amount of dollars, so nothing can be spent until it is fixed (write it like 2.50).`;

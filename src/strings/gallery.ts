/** The gallery: each image, its actions, and paid generations that brought no image. */
import { theProvider } from './words.js';

export const galleryLabel = () => 'Your generated images';
/** Beside a change just made to the gallery or the form (Vary, Reuse, Delete…). */
export const undo = () => 'Undo';
export const download = () => 'Download';
export const notSaved = (provider: string, until?: string) =>
  `Not saved in this browser (${theProvider(provider)} does not allow it): ` +
  (until ? `its link works until ${until}.` : 'save it while its link works.');
export const linkExpired = (provider: string, at?: string) =>
  `Not saved in this browser, and ${theProvider(provider)}'s link to it expired${at ? ` at ${at}` : ''}. It was paid for; generate it again to have it.`;
export const expiredImage = (prompt: string) => `Expired image: ${prompt}`;
export const openLabel = (prompt: string) => `Open full size: ${prompt}`;
export const downloadLabel = (file: string) => `Download ${file}`;
export const copyLabel = (prompt: string) => `Copy image: ${prompt}`;
export const copied = () => 'Image copied.';
export const copyFailed = () => 'This browser did not let the page copy the image: use Download instead.';
export const reuse = () => 'Reuse';
export const varyLabel = (prompt: string) => `Vary (same prompt and settings, a new seed): ${prompt}`;
export const referenceLabel = (prompt: string) => `Use as reference: ${prompt}`;
export const finalize = (model: string, price: string) => `Finalize on ${model} · ${price}`;
export const remove = () => 'Delete';
export const imageFacts = (model: string, provider: string, size: string, seed?: number) =>
  `${model} · ${provider} · ${size}${seed === undefined ? '' : ` · seed ${seed}`}`;
export const paidFailures = () => 'Paid, but no image';
export const paidFailure = (model: string, provider: string, at: string, charged: string, reason: string) =>
  `${model} at ${provider}, ${at}: ${charged} charged. ${reason}`;
export const failureReason = (code: string) =>
  ({
    moderated: 'The provider declined it for safety reasons after starting.',
    cancelled: 'You stopped waiting after the provider had charged.',
    timeout: 'The provider took too long; it had charged when it accepted.',
  })[code] ?? 'The provider charged, then could not deliver the image.';
export const historyLabel = () => 'Earlier images';
export const moreActions = (prompt: string) => `More actions: ${prompt}`;
export const closeLightbox = () => 'Close';
export const previousImage = () => 'Previous image';
export const nextImage = () => 'Next image';
export const lightboxLabel = (prompt: string) => `Full size: ${prompt}`;
export const settingsFrom = (what: 'reuse' | 'vary' | 'finalize') =>
  ({
    reuse: 'The prompt, settings and seed of the image are in the form.',
    vary: 'The prompt and settings of the image are in the form, with a new seed.',
    finalize: 'The prompt, size and seed of the image are in the form, on the final model: its price is shown.',
  })[what];
export const referenceAdded = () => 'The image is added as a reference.';
export const deleted = () => 'Image deleted from this browser.';
export const imagesReady = (count: number, prompt: string) =>
  `${count === 1 ? 'Image' : `${count} images`} ready: ${prompt}`;

// The engine: what the widget needs once its panels are here, before any generation: the image store and the gallery
// of earlier images, reading reference images, the provider code the adapters share, and each provider's adapter
// through the registry (providerFor, accountFor, keyBalance, liveCatalogue, loadPuter: each adapter a chunk of its own,
// loaded when its provider is first used), a chunk loaded on first need rather than with the elements (loadEngine() in
// index.ts; docs/architecture.md, "Loading"). Signing in (loadSignIn()) and finishing what closed pages left
// (loadResume()) build on it, each a chunk of its own loaded through it; what generates (the pipeline: loadGeneration()
// in index.ts) and the headless API (loadHeadless()) import it with them. What it shares with the entry, rollup shares:
// it carries no copy of it.
import { lazily } from '../base/lazily.js';
import type * as Reconcile from '../generation/reconcile.js';
import type * as Resume from '../generation/resume.js';
import type * as SignIn from '../providers/engine/oauth.js';

export { Gallery } from '../images/gallery.js';
export { AccountImages } from '../images/account-images.js';
export { ImageStore, ownImage } from '../images/image-store.js';
export {
  accountFor,
  keyBalance,
  liveBook,
  liveCatalogue,
  loadPuter,
  providerFor,
} from '../providers/registry/adapters.js';
export { checkEditInput, earlierOf, editedImage } from '../images/edit-input.js';
export { readConversation } from '../images/conversations.js';
export { portableImages, readPortableImage } from '../images/portable-images.js';
export { readReferenceImage } from '../images/reference-images.js';
export { leftToSignIn } from '../providers/engine/sign-in-redirect.js';

/**
 * Finishing what closed pages left pending at the providers (generation/resume.ts), a chunk of its own: loaded where
 * the ledger holds such an entry (after a crash or a reload mid-generation), not on every visit.
 */
export const loadResume = lazily<typeof Resume>(() => import('../generation/resume.js'));

/**
 * The tally's "Reconcile with my account" and the settling of uncertain charges from the providers' records of their
 * generations (generation/reconcile.ts), a chunk of its own: loaded where the tally holds such a charge, or on the click.
 */
export const loadReconcile = lazily<typeof Reconcile>(() => import('../generation/reconcile.js'));

/**
 * Signing in to an account system (OAuth PKCE: OpenRouter, Hugging Face, Pollinations), loaded when the user signs in,
 * or where the page's address carries an answer to a sign-in (`addressAnswersSignIn`, index.ts).
 */
export const loadSignIn = lazily<typeof SignIn>(() => import('../providers/engine/oauth.js'));

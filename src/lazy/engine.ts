// The engine: everything that generates (the pipeline, the image store, reference images, the provider code the
// adapters share; signing in and the headless API build on it, each a chunk of its own: loadSignIn() and loadHeadless()
// in index.ts; and so does finishing what closed pages left, loadResume() here), a chunk loaded on first need rather than with the elements (loadEngine() in index.ts;
// docs/architecture.md, "Loading"). It carries no provider's adapter: each is a chunk of its own, which the registry
// loads when its provider is first used (providerFor, accountFor, keyBalance, loadPuter). What it shares with the
// entry, rollup shares: it carries no copy of it.
import { lazily } from '../base/lazily.js';
import type * as Resume from '../generation/resume.js';

export { submit } from '../generation/submit.js';
export { Gallery } from '../images/gallery.js';
export { ImageStore } from '../images/image-store.js';
export { accountFor, keyBalance, liveCatalogue, loadPuter, providerFor } from '../providers/engine/adapters.js';
export { readReferenceImage } from '../images/reference-images.js';

/**
 * Finishing what closed pages left pending at the providers (generation/resume.ts), a chunk of its own: loaded where
 * the ledger holds such an entry (after a crash or a reload mid-generation), not on every visit.
 */
export const loadResume = lazily<typeof Resume>(() => import('../generation/resume.js'));

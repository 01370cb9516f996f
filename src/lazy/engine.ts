// The engine: everything that generates (the pipeline, the image store, reference images, the provider code the
// adapters share; signing in and the headless API build on it, each a chunk of its own: loadSignIn() and loadHeadless()
// in index.ts), a chunk loaded on first need rather than with the elements (loadEngine() in index.ts;
// docs/architecture.md, "Loading"). It carries no provider's adapter: each is a chunk of its own, which the registry
// loads when its provider is first used (providerFor, accountFor, keyBalance, loadPuter). What it shares with the
// entry, rollup shares: it carries no copy of it.
export { resumeOrphans } from '../generation/resume.js';
export { submit } from '../generation/submit.js';
export { Gallery } from '../images/gallery.js';
export { ImageStore } from '../images/image-store.js';
export { accountFor, keyBalance, loadPuter, providerFor, puterCatalogue } from '../providers/engine/adapters.js';
export { readReferenceImage } from '../images/reference-images.js';

// The engine: everything that generates (the pipeline, the image store, reference images, the provider registry),
// a chunk loaded on first need rather than with the elements (loadEngine() in index.ts; docs/architecture.md,
// "Loading"). It carries no provider's adapter: the registry loads each, a chunk of its own, when its provider is
// first used (providerFor, accountFor, keyBalance, loadPuter). What it shares with the entry, rollup shares: it
// carries no copy of it.
export { headless, headlessSignIn, headlessSignOut } from '../generation/headless.js';
export { resumeOrphans } from '../generation/resume.js';
export { submit } from '../generation/submit.js';
export { Gallery } from '../images/gallery.js';
export { ImageStore } from '../images/image-store.js';
export { puterCatalogue } from '../pricing/puter-catalogue.js';
export { accountFor, keyBalance, loadPuter, providerFor } from '../providers/registry.js';
export { readReferenceImage } from '../images/reference-images.js';
export { finishSignIn, signIn } from '../providers/oauth.js';

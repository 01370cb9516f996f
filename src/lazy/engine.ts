// The engine: everything that generates (provider adapters, the pipeline, the image store, reference images),
// a chunk loaded on first need rather than with the elements (loadEngine() in index.ts; docs/architecture.md,
// "Loading"). What it shares with the entry, rollup shares: it carries no copy of it.
export { headless, headlessSignIn, headlessSignOut } from '../generation/headless.js';
export { resumeOrphans } from '../generation/resume.js';
export { submit } from '../generation/submit.js';
export { Gallery } from '../images/gallery.js';
export { ImageStore } from '../images/image-store.js';
export { puterCatalogue } from '../pricing/puter-catalogue.js';
export { providerFor } from '../providers/registry.js';
export { puterBalance, puterCheck, puterSdk, puterSignIn } from '../providers/puter.js';
export { keyBalance } from '../providers/registry.js';
export { readReferenceImage } from '../images/reference-images.js';
export { finishSignIn, signIn } from '../providers/oauth.js';
export { accountFor } from '../providers/registry.js';

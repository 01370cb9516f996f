// The engine: everything that generates (provider adapters, the pipeline, the image store, reference images),
// loaded on first need rather than with the elements (see load-engine.ts and docs/architecture.md, "Loading").
// It uses the modules the elements bundle already holds (errors, strings, clock, pricing, provider catalogue
// and URL checks, decimal.js); it never carries a copy of them.
export { headless } from '../generation/headless.js';
export { resumeOrphans } from '../generation/resume.js';
export { submit } from '../generation/submit.js';
export { Gallery } from '../images/gallery.js';
export { ImageStore } from '../images/image-store.js';
export { puterCatalogue } from '../pricing/puter-catalogue.js';
export { providerFor } from '../providers/registry.js';
export { puterCheck, puterLeft, puterSdk, puterSignIn } from '../providers/puter.js';
export { readReferenceImage } from '../images/reference-images.js';

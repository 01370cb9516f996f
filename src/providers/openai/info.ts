import type { ProviderInfo } from '../provider.js';

/** OpenAI-compatible gateways, paid with the user's own gateway key: no public default, the page names its gateway. */
export const info: ProviderInfo = { needsKey: true, defaultEndpoint: () => '' };

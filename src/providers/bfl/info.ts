import type { ProviderInfo } from '../provider.js';

/**
 * BFL, paid with the user's own key. Keys and credits are in BFL's dashboard (docs.bfl.ai/quick_start/create_account:
 * "Once logged in, you will arrive on your BFL Dashboard - there you can create an API KEY by clicking the Add Key
 * button"); regional hosts api.eu.bfl.ai and api.us.bfl.ai beside the global one.
 */
export const info: ProviderInfo = {
  needsKey: true,
  showsControls: true,
  defaultEndpoint: () => 'https://api.bfl.ai',
  keyUrl: 'https://dashboard.bfl.ai/',
  fundsUrl: 'https://dashboard.bfl.ai/',
};

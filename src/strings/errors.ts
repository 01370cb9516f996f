/** What went wrong, said by the layers below the providers: the base error type and the address checks. */

export const cancelled = () => 'Generation cancelled. Nothing more will be charged for it.';
export const timeout = () => 'The provider took too long to answer. Try again in a moment.';
export const network = () => 'Could not reach the provider. Check your connection and try again.';
export const somethingWrong = () => 'Something went wrong at the provider. Try again in a moment.';
export const endpointInsecure = () =>
  'The provider address (endpoint) must start with https:// (plain http:// only for localhost). Fix it and try again.';
export const relayInsecure = () =>
  'The relay address must start with https:// (plain http:// only for localhost), without ? or #. Fix the relay attribute.';

/** What went wrong, said by the layers below the providers: the base error type and the address checks. */

import { sentences } from './sentence.js';

export interface ErrorsStrings {
  cancelled(): string;
  timeout(): string;
  network(): string;
  somethingWrong(): string;
  endpointInsecure(): string;
  relayInsecure(): string;
}

export const errors = sentences<ErrorsStrings>({
  cancelled: 'Generation cancelled. Nothing more will be charged for it.',
  timeout: 'The provider took too long to answer. Try again in a moment.',
  network: 'Could not reach the provider. Check your connection and try again.',
  somethingWrong: 'Something went wrong at the provider. Try again in a moment.',
  endpointInsecure:
    'The provider address (endpoint) must start with https:// (plain http:// only for localhost). Fix it and try again.',
  relayInsecure:
    'The relay address must start with https:// (plain http:// only for localhost), without ? or #. Fix the relay attribute.',
});

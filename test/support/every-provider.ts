import { PUTER_SRC, puterEndpoint } from './puter.js';
import { simEndpoint } from './sim.js';

/**
 * A fresh `<userpays-image>`'s attributes with each provider, against its simulator where it has one (OpenAI's and
 * Google's own APIs are never reached before a click): for tests that look at every provider's first screen.
 */
export const everyProvider: Record<string, () => Record<string, string>> = {
  puter: () => ({ endpoint: puterEndpoint(), 'puter-src': PUTER_SRC }),
  bfl: () => ({ provider: 'bfl', endpoint: simEndpoint('bfl') }),
  fal: () => ({ provider: 'fal', endpoint: simEndpoint('fal') }),
  openrouter: () => ({ provider: 'openrouter', endpoint: simEndpoint('openrouter') }),
  huggingface: () => ({ provider: 'huggingface', endpoint: simEndpoint('huggingface') }),
  pollinations: () => ({ provider: 'pollinations', endpoint: simEndpoint('pollinations') }),
  openai: () => ({ provider: 'openai' }),
  google: () => ({ provider: 'google' }),
};

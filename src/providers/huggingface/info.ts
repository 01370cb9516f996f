import type { ProviderInfo } from '../provider.js';

/**
 * Hugging Face's Inference Providers router (huggingface.co/docs/inference-providers), paid from the user's own HF
 * account: the token comes from "Sign in with Hugging Face" (OAuth, scope inference-api) or is a user access token;
 * credits at the user's billing page.
 */
export const info: ProviderInfo = {
  needsKey: true,
  defaultEndpoint: () => 'https://router.huggingface.co',
  keyUrl: 'https://huggingface.co/settings/tokens',
  fundsUrl: 'https://huggingface.co/settings/billing',
  signIn: true,
};

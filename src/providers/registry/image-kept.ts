import type { ImageKept, ProviderId } from '../../base/types.js';
import { providerInfo } from './catalog.js';

/**
 * What each provider's own documentation says it keeps of an image it is sent, said beside the upload of an image of the
 * user's own (SPEC §13): read 2026-11-28. A provider that says nothing of it (BFL, Puter, OpenRouter, Pollinations,
 * Hugging Face) has no line: the widget claims nothing for it, that it keeps no copy least of all.
 * - OpenAI: "abuse monitoring logs are generated for all API feature usage and retained for up to 30 days"
 *   (developers.openai.com/api/docs/guides/your-data); at its own API only, not at a gateway the page names.
 * - Google: "To help with abuse monitoring, Google retains … prompts … context … output … for fifty-five (55) days"
 *   (ai.google.dev/gemini-api/docs/usage-policies); on unpaid use, "Google uses the content you submit … to provide,
 *   improve, and develop Google products" and "human reviewers may read" it (ai.google.dev/terms, "Unpaid Services").
 * - fal: each image is uploaded to fal's CDN (fal/storage.ts), "Anyone with the URL can access the file"
 *   (docs.fal.ai/documentation/model-apis/fal-cdn), and fal's files "are guaranteed to be available for at least 7
 *   days" (fal.ai/docs/faq).
 */
const IMAGE_KEPT: Partial<Record<ProviderId, ImageKept>> = {
  openai: 'abuse-logs-30-days',
  google: 'abuse-logs-55-days',
  fal: 'public-address-7-days',
};

/** What `provider` keeps of an image it is sent, at `endpoint` (the page's; '' its own), where it says. */
export function imageKeptAt(provider: ProviderId, endpoint: string): ImageKept | undefined {
  // Where a provider is someone else at an endpoint the page names (the `openai` provider at a gateway: its info's
  // `ownName` is OpenAI's at its own API alone), these are not that one's words.
  if (endpoint && providerInfo(provider)?.ownName) return undefined;
  return Object.hasOwn(IMAGE_KEPT, provider) ? IMAGE_KEPT[provider] : undefined;
}

import type { PropertyDeclarations } from 'lit';
import { DEFAULT_MODEL } from '../../../pricing/index.js';
import type { PriceBook } from '../../../pricing/index.js';
import type { EditInput, GenerationResult, ProviderId } from '../../../base/types.js';
import { UserPaysElement } from '../../shared/userpays-element.js';

/**
 * `<userpays-image>`'s public properties, declared once: the element (userpays-image.ts) adds what it does with them,
 * and everything that reads them (its view, its handlers, its controllers, its panels) types the element by this
 * class, so that no list of them is written twice.
 */
export abstract class ImageProperties extends UserPaysElement {
  /**
   * The reactive properties, as Lit declares them without decorators: each with its attribute (kebab-case where it has
   * two words; none for objects).
   */
  static override properties: PropertyDeclarations = {
    provider: {},
    providers: {},
    model: {},
    models: {},
    width: { type: Number },
    height: { type: Number },
    seed: { type: Number },
    count: { type: Number },
    prompt: {},
    endpoint: {},
    relay: {},
    budget: {},
    storageKey: { attribute: 'storage-key' },
    puterSrc: { attribute: 'puter-src' },
    keepImages: { attribute: 'keep-images', type: Number },
    huggingfaceClientId: { attribute: 'huggingface-client-id' },
    pollinationsAppKey: { attribute: 'pollinations-app-key' },
    pollinationsEarnings: { attribute: 'pollinations-earnings', type: Boolean },
    enhancePrompt: { attribute: 'enhance-prompt' },
    safetyTolerance: { attribute: 'safety-tolerance', type: Number },
    outputFormat: { attribute: 'output-format' },
    quality: {},
    priceBook: { attribute: false },
  };

  /** `puter` | `bfl` | `fal` | `openai` | `openrouter` | `huggingface` | `pollinations`. */
  provider: ProviderId = 'puter';
  /**
   * Space-separated providers the user may switch to from the price comparison (`compare` part), besides
   * `provider`; only `provider` when empty.
   */
  providers = '';
  /**
   * Model id from the price book. Kept when the provider changes to one that sells it too, else that provider's first
   * model.
   */
  model = DEFAULT_MODEL;
  /** Space-separated model ids offered in the picker; every model the provider prices when empty. */
  models = '';
  /** Output width in pixels. */
  width = 1024;
  /** Output height in pixels. */
  height = 1024;
  /**
   * The seed sent to the provider (image i of a submission gets seed + i), to make an image again; a random
   * one for each submission when unset. Each image's seed is shown with it and can be reused.
   */
  seed?: number;
  /** Images per submission, 1–4. */
  count = 1;
  /** The prompt text. */
  prompt = '';
  /** Provider base URL (regional host, your proxy, a local simulator); the provider's public URL when empty. */
  endpoint = '';
  /**
   * Base URL of the site's relay (relay/worker.js, a Cloudflare Worker): every request of a BYO-key provider
   * (BFL, fal, gateways) goes through it, polling and image downloads included, for providers that do not
   * answer web pages (CORS); Google and OpenAI's own API, which do, never. The key still reaches only the
   * provider's own host. None when empty.
   */
  relay = '';
  /** Session spending cap in USD (decimal string). */
  budget = '';
  /** Namespace of everything persisted. */
  storageKey = 'userpays';
  /** Where the Puter SDK is loaded from on first use. */
  puterSrc = 'https://js.puter.com/v2/';
  /** How many finished images are kept in this browser (oldest go first). */
  keepImages = 50;
  /**
   * The site's public OAuth client id for "Sign in with Hugging Face" (provider `huggingface`): an OAuth app made at
   * huggingface.co/settings/connected-applications with the scope `inference-api` and this page as a redirect URI.
   * No secret goes with it. Without it the user can still enter a Hugging Face access token.
   */
  huggingfaceClientId = '';
  /**
   * The site's publishable App Key (`pk_…`) for "Sign in with Pollinations" (provider `pollinations`), made at
   * enter.pollinations.ai with each page address that signs in (origin and path) as a Redirect URI. Not a secret.
   * Without it the user can still enter a Pollinations key.
   */
  pollinationsAppKey = '';
  /**
   * Present when the site's App Key has Pollinations' developer earnings on: the user pays the site's share (25 % over
   * Pollinations' price), which the quote shows as a line of its own and the tally books.
   */
  pollinationsEarnings = false;
  /**
   * `on` or `off`: whether the provider may rewrite the prompt before it makes the image (BFL's `prompt_upsampling`,
   * fal's `enable_prompt_expansion`, Pollinations' `enhance`); the provider's own default when empty, shown in More
   * options. Where it is on, the image shows the prompt the provider used, and a seed may not make it again.
   */
  enhancePrompt = '';
  /** The model's moderation level (BFL's FLUX.2 0–5, FLUX.1 0–6, 0 strictest; fal 1–5); the provider's default when unset. */
  safetyTolerance?: number;
  /** `jpeg`, `png` or `webp`, where the model makes them; the model's own default (mostly jpeg) when empty. */
  outputFormat = '';
  /**
   * The model's quality tier where it has one (GPT Image `low`, `medium`, `high`), always sent; the price book's
   * default (`medium`) when empty, never the provider's own. When the model or provider changes and the new model does
   * not take it, the same tier under that model's name (`0.5K` is Google's `512`), else empty (and empty where the new
   * model has no tiers).
   */
  quality = '';
  /** Overrides or extends the built-in prices. */
  priceBook: PriceBook | null = null;

  /**
   * The end user's own key for the current provider (BYO-key providers). Memory only, never an attribute.
   * Each provider has its own: a key belongs to the provider in force when it is set (or, when set before
   * the element's first update, to the provider of that update), and is never sent to another.
   */
  abstract apiKey: string;

  /**
   * Submits the current inputs, priced as they are at the call. While a submission runs, calling it
   * again returns the same promise: a double click is one submission.
   */
  abstract generate(options?: { edit?: EditInput }): Promise<GenerationResult>;
}

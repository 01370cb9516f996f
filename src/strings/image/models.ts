/** What each model is best for, beside its name in the model choices (loaded with the panels). */

import { sentences } from '../sentence.js';

export interface ModelsStrings {
  /** What `model` is best for, promising no edit: said where it edits no image (or before that is known). */
  bestFor(model: string): string;
  /**
   * What `model` is best for where its strength is editing ('' for the others): said only where the widget can send it
   * an image to edit (its provider's edit facts say it edits there), in place of `bestFor`.
   */
  bestForEditing(model: string): string;
}

export const models = sentences<ModelsStrings>({
  bestFor: (model) =>
    ({
      // Black Forest Labs' own words for each model (docs.bfl.ai, "FLUX.2 models": [klein] for real-time and high
      // volume, [pro] for production, [flex] for typography and fine control, [max] for the highest quality), short
      // enough to stand whole beside the price on a 280 px phone's card ("Real-time, high volume" was cut there).
      'flux-2-klein-4b': 'Fast, high volume',
      'flux-2-klein-9b': 'Fast, more detail',
      // The base model BFL publishes undistilled, for fine-tuning: slower, with more varied output (its model card).
      'flux-2-klein-9b-base': 'More varied',
      'flux-2-pro': 'Production quality',
      'flux-2-flex': 'Text, fine control',
      'flux-2-max': 'Highest quality',
      'flux-2-dev': 'Open weights',
      // FLUX 3 (docs.bfl.ai, "FLUX 3 Image"): it reasons over the prompt and places what a layout asks where asked.
      'flux-3-image': 'Newest FLUX, follows layouts',
      // FLUX.1 Kontext: BFL's paper names keeping characters and objects the same across images its strength.
      'flux-kontext-pro': 'Keeps characters consistent',
      'flux-kontext-max': 'Kontext, highest quality',
      'flux-pro-1.1': 'FLUX.1, fast',
      'flux-pro-1.1-ultra': 'FLUX.1, up to 4 MP',
      'flux-pro-1.0-fill': '',
      // FLUX.1 [schnell]: BFL's few-step distilled model ("fastest"); [dev]: its open-weights guidance-distilled one.
      'flux-1-schnell': 'FLUX.1, fastest',
      'flux-1-dev': 'FLUX.1, open weights',
      // The other families, by what their makers say each is for (OpenAI's image generation guide, Google's Gemini
      // and Imagen model pages, ByteDance's Seedream pages, Qwen's and xAI's announcements). Each short enough to stand
      // whole beside "at most $0.0529" on a phone's card (test/elements/image/models/taglines-whole.test.ts).
      // 2.6 and 2.5 as their resellers' notes tell them apart: Flare the faster, Sunburst the more detailed.
      'gpt-image-2.6-flare': 'Newest GPT Image, faster',
      'gpt-image-2.6-sunburst': 'Newest GPT Image, detail',
      'gpt-image-2.5-flare': 'GPT Image 2.5, faster',
      'gpt-image-2.5-sunburst': 'GPT Image 2.5, detail',
      'gpt-image-2': 'Long prompts, text in images',
      'gpt-image-1.5': 'Precise, text in images',
      'gpt-image-1': 'Follows instructions closely',
      'gpt-image-1-mini': 'GPT Image at a low price',
      // What it is for first, the Gemini model it is after: a card cut short on one line keeps the first.
      'gemini-3.1-flash-image': 'Fast (Gemini 3.1 Flash)',
      'gemini-3-pro-image': 'Sharp text, 4K (Gemini 3 Pro)',
      'gemini-nano-banana-2.1': 'Fast, up to 4K',
      'gemini-3.1-flash-lite-image': 'Nano Banana at a low price',
      'imagen-4-fast': 'Quick drafts',
      'imagen-4': 'Photorealism',
      'imagen-4-ultra': 'Photorealism, finest detail',
      'seedream-4.5': 'Posters and layouts, 2K and up',
      'seedream-5-lite': 'Seedream at a lower price',
      'qwen-image': 'Text in images, Chinese too',
      'grok-imagine': 'Vivid, stylised images',
    })[model] ?? '',
  // Said only where the model edits images at the provider in force; elsewhere `bestFor`.
  bestForEditing: (model) =>
    ({
      'flux-kontext-pro': 'Edits your image',
      'flux-kontext-max': 'Edits, highest quality',
      'flux-pro-1.0-fill': 'Fills a masked area',
      'gpt-image-1.5': 'Precise edits, text in images',
      'gemini-3.1-flash-image': 'Fast edits (Gemini 3.1 Flash)',
      'gemini-nano-banana-2.1': 'Fast edits, up to 4K',
    })[model] ?? '',
});

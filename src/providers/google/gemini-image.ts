/**
 * Gemini's ratios (Google's image generation guide, "Aspect ratios and image size"; the `imageConfig.aspectRatio`
 * values of vercel/ai@ed857f5 packages/google/src/google-language-model-options.ts), and the size each makes at
 * the 1K tier (512 halves each side, 2K and 4K double and quadruple it). 3.1 Flash also takes 1:4, 4:1, 1:8 and 8:1:
 * not offered here until their sizes are sourced. Shared by every path to Gemini (families.ts here, Pollinations').
 */
export const GEMINI_MADE: Record<string, string> = {
  '1:1': '1024x1024',
  '2:3': '848x1264',
  '3:2': '1264x848',
  '3:4': '896x1200',
  '4:3': '1200x896',
  '4:5': '928x1152',
  '5:4': '1152x928',
  '9:16': '768x1376',
  '16:9': '1376x768',
  '21:9': '1584x672',
};

/**
 * The image's tokens by resolution tier (3.1 Flash: 512 747, 1K 1,120, 2K 1,680, 4K 2,520, Google Cloud's Gemini 3.1
 * Flash Image model page, "Image generation specifications"; 3 Pro, which has no 512 tier: 1K and 2K 1,120, 4K 2,000,
 * Google's image generation guide; recorded: 3.1 Flash at its default, 1,120 IMAGE tokens).
 */
export const GEMINI_FLASH_TOKENS = [747, 1120, 1680, 2520];
export const GEMINI_PRO_TOKENS = [1120, 1120, 2000];

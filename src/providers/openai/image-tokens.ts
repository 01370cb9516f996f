/**
 * The tokens of the image GPT Image makes, by quality (low, medium, high), OpenAI's own facts, shared by every path
 * that bills them (families.ts here, Pollinations' families): GPT Image 1, 1.5 and 1-mini by size (OpenAI's image
 * generation guide, "Cost and latency"; recorded: 1-mini and 1.5 high 4,160, 1 medium 1,056), gpt-image-2 by its rule
 * `ceil(f·s·(2,000,000 + W·H) / 4,000,000)` with `f` per quality (SPEC §12; recorded: 1254² at medium, 2,058).
 */
export const GPT_IMAGE_1_TOKENS = {
  bySize: { '1024x1024': [272, 1056, 4160], '1024x1536': [408, 1584, 6240], '1536x1024': [408, 1584, 6240] },
};
export const GPT_IMAGE_2_TOKENS = { perSide: [16, 48, 96] };

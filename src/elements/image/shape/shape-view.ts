import type { ImageParts } from '../shared/image-parts.js';
import { sizeView } from './size-choices.js';
import type { SizeView } from '../shared/view.js';

/**
 * The size controls for the request as it stands (undefined where the image to edit sets the size), and where a size
 * is typed and it is what stands in the way (the same request at 1024 × 1024 could be priced), why, said under the
 * fields it marks, not only beside Generate.
 */
export function shapeView(parts: ImageParts): SizeView | undefined {
  const { host, pricing, form } = parts;
  const rule = pricing.capability?.sizes;
  if (!rule || rule.kind === 'input') return undefined;
  const size = sizeView(rule, host.width, host.height, form.customSize);
  // Where the provider picks the pixels of a ratio, the size it makes of this request, which its quality may decide
  // (Gemini's 4K).
  const made = rule.kind === 'ratios' && pricing.fitted;
  if (made) Object.assign(size, { width: made.width, height: made.height });
  const plain = size.custom && pricing.problem && pricing.price({ ...parts.request(), width: 1024, height: 1024 });
  return { ...size, problem: plain && !plain.problem ? pricing.problem : '' };
}

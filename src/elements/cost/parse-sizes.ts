import type { Size } from '../../base/types.js';

/**
 * `inputs="1024x1024 512x768"` → sizes. A token that is not exactly `WxH` in whole numbers becomes a size of
 * no pixels, which the quote refuses in words ("Reference image 2 has no usable size …"), never half-read.
 */
export function parseSizes(value: string | null | undefined): Size[] {
  return (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const match = /^(\d+)x(\d+)$/i.exec(token);
      return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: NaN, height: NaN };
    });
}

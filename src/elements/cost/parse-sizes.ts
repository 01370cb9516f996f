import type { Size } from '../../types.js';

/** `inputs="1024x1024 512x768"` → sizes; anything unreadable is reported by the quote. */
export function parseSizes(value: string | null | undefined): Size[] {
  return (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const [width, height] = token.toLowerCase().split('x').map(Number);
      return { width, height };
    });
}

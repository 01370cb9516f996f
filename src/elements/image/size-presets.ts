import { nearestRatio, sizeOfRatio } from '../../pricing/index.js';
import type { SizeRule } from '../../pricing/index.js';
import * as text from '../../strings/page.js';

type Shape = Parameters<typeof text.sizePreset>[0];

/** The picker's presets: a shape, its exact ratio, and about how many pixels. */
const PRESETS: readonly [Shape, number, number, number][] = [
  ['square', 1, 1, 1024 * 1024],
  ['landscape', 4, 3, 1024 * 1024],
  ['landscape', 16, 9, 1024 * 1024],
  ['portrait', 3, 4, 1024 * 1024],
  ['portrait', 9, 16, 1024 * 1024],
  ['small', 1, 1, 512 * 512],
  ['large', 1, 1, 1440 * 1440],
  ['huge', 1, 1, 2048 * 2048],
];

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);
const shapeOf = (ratio: string): 'square' | 'landscape' | 'portrait' => {
  const [w, h] = ratio.split(':').map(Number);
  return w === h ? 'square' : w > h ? 'landscape' : 'portrait';
};

/**
 * The size of exactly `a:b` nearest `pixels` whose sides are multiples of `step` and that `rule` accepts, or
 * undefined when there is none (e.g. 16:9 at 4 MP for FLUX1.1 [pro], which stops at 1440 pixels a side).
 */
function exactSize(
  rule: { step: number; min: number; max?: number; maxPixels?: number },
  a: number,
  b: number,
  pixels: number,
) {
  const unit = lcm(rule.step / gcd(rule.step, a), rule.step / gcd(rule.step, b));
  const fits = (m: number) =>
    a * m >= rule.min &&
    b * m >= rule.min &&
    (rule.max === undefined || Math.max(a, b) * m <= rule.max) &&
    (rule.maxPixels === undefined || a * b * m * m <= rule.maxPixels);
  for (let m = Math.max(unit, Math.round(Math.sqrt(pixels / (a * b)) / unit) * unit); m >= unit; m -= unit) {
    if (fits(m)) return { width: a * m, height: b * m };
  }
  return undefined;
}

const valueOf = (width: number, height: number) => `${width}x${height}`;

/**
 * The size picker's state for what the provider makes of the model: its presets (value `WxH`, the size or
 * "about 1 MP" in the label), which one is selected ('custom' when the user chose Custom or the size is no
 * preset), and whether a custom size may be typed. Providers that take only ratios offer those; a model that
 * edits an image has no size to choose (`presets` empty, `custom` false).
 */
export function sizeView(sizes: SizeRule | undefined, width: number, height: number, customChosen: boolean) {
  const presets: { value: string; label: string }[] = [];
  const add = (value: string, label: string) =>
    presets.some((p) => p.value === value) || presets.push({ value, label });
  let selected = valueOf(width, height);
  let custom = true;
  if (!sizes || sizes.kind === 'input') return { presets, selected: '', custom: false, width, height };
  if (sizes.kind === 'ratios') {
    custom = false;
    const nearest = sizeOfRatio(nearestRatio(sizes.ratios, width, height), sizes.pixels);
    selected = valueOf(nearest.width, nearest.height); // what the provider makes of the size asked
    for (const ratio of sizes.ratios) {
      const size = sizeOfRatio(ratio, sizes.pixels);
      add(valueOf(size.width, size.height), text.ratioPreset(shapeOf(ratio), ratio));
    }
  } else {
    const rule = sizes.kind === 'aspect' ? { step: 16, min: 64 } : sizes;
    for (const [shape, a, b, pixels] of PRESETS) {
      // An aspect-ratio model makes one size per ratio: offer each ratio once.
      if (sizes.kind === 'aspect' && pixels !== 1024 * 1024) continue;
      const size = exactSize(rule, a, b, pixels);
      if (!size) continue;
      const label = text.sizePreset(shape, `${a}:${b}`);
      add(
        valueOf(size.width, size.height),
        sizes.kind === 'aspect' ? label : `${label} · ${size.width}×${size.height}`,
      );
    }
  }
  if (custom && (customChosen || !presets.some((preset) => preset.value === selected))) selected = 'custom';
  return { presets, selected, custom, width, height };
}

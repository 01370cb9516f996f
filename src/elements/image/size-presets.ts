import { nearestRatio, sizeOfRatio } from '../../pricing/index.js';
import type { SizeRule } from '../../pricing/index.js';
import * as text from '../../strings/widget.js';

/** The shapes offered, widest to tallest (21:9 to 9:21, what FLUX makes), where the provider can make them. */
const SHAPES: readonly [number, number][] = [
  [21, 9],
  [16, 9],
  [3, 2],
  [4, 3],
  [1, 1],
  [3, 4],
  [2, 3],
  [9, 16],
  [9, 21],
];
/** The resolutions offered for each shape, in pixels: about 0.25, 1, 2 and 4 megapixels. */
const RESOLUTIONS = [512 * 512, 1024 * 1024, 1440 * 1440, 2048 * 2048];

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);
const shapeOf = (a: number, b: number) => (a === b ? 'square' : a > b ? 'landscape' : 'portrait');

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
const ratioOf = (ratio: string) => {
  const [a, b] = ratio.split(':').map(Number);
  return a / b;
};

/** One choice of the size picker: its value (`WxH`) and label. */
export interface SizeOption {
  value: string;
  label: string;
}

/**
 * The size picker's state for what the provider makes of the model: the shapes it can make (swatches, each with
 * the size it picks: the one nearest the current size's pixels), the sizes grouped by shape (value `WxH`), which
 * is selected ('custom' when the user chose Custom or the size is none of them), and whether a custom size may
 * be typed. Providers that take only ratios offer those, at the pixels they choose; a model that edits an image
 * has no size to choose (no groups, `custom` false).
 */
export function sizeView(sizes: SizeRule | undefined, width: number, height: number, customChosen: boolean) {
  const groups: { label: string; options: SizeOption[] }[] = [];
  const shapes: { ratio: string; shape: 'square' | 'landscape' | 'portrait'; value: string; selected: boolean }[] = [];
  if (!sizes || sizes.kind === 'input') return { groups, shapes, selected: '', custom: false, width, height };
  const seen = new Set<string>();
  const pixels = width * height;
  let selected = valueOf(width, height);
  /** Adds a shape with its sizes (those not seen yet), and its swatch. */
  const shape = (
    ratio: string,
    made: readonly { width: number; height: number }[],
    label: (w: number, h: number) => string,
  ) => {
    const options = made
      .map((size) => ({ ...size, value: valueOf(size.width, size.height) }))
      .filter(({ value }) => !seen.has(value) && seen.add(value));
    if (!options.length) return;
    const [a, b] = ratio.split(':').map(Number);
    const kind = shapeOf(a, b);
    groups.push({
      label: text.shapeName(kind, ratio),
      options: options.map((o) => ({ value: o.value, label: label(o.width, o.height) })),
    });
    const nearest = options.reduce((best, o) =>
      Math.abs(Math.log((o.width * o.height) / pixels)) < Math.abs(Math.log((best.width * best.height) / pixels))
        ? o
        : best,
    );
    shapes.push({ ratio, shape: kind, value: nearest.value, selected: false });
  };
  if (sizes.kind === 'ratios') {
    const nearest = sizeOfRatio(nearestRatio(sizes.ratios, width, height), sizes.pixels);
    selected = valueOf(nearest.width, nearest.height); // what the provider makes of the size asked
    // Widest to tallest, as the swatches read.
    for (const ratio of [...sizes.ratios].sort((x, y) => ratioOf(y) - ratioOf(x)))
      shape(ratio, [sizeOfRatio(ratio, sizes.pixels)], () => text.aboutOneMegapixel(ratio));
  } else {
    const rule = sizes.kind === 'aspect' ? { step: 16, min: 64 } : sizes;
    for (const [a, b] of SHAPES) {
      // An aspect-ratio model makes one size per ratio (the provider chooses the pixels: about 1 MP).
      const made = (sizes.kind === 'aspect' ? [1024 * 1024] : RESOLUTIONS).flatMap(
        (area) => exactSize(rule, a, b, area) ?? [],
      );
      shape(`${a}:${b}`, made, (w, h) =>
        sizes.kind === 'aspect'
          ? text.aboutOneMegapixel(`${a}:${b}`)
          : text.sizeChoice(w, h, Math.round((w * h) / 104857.6) / 10),
      );
    }
  }
  const custom = sizes.kind !== 'ratios';
  const offered = groups.some((group) => group.options.some((option) => option.value === selected));
  if (custom && (customChosen || !offered)) selected = 'custom';
  // The swatch in force: the shape nearest the size asked (on a log scale, so 2:1 and 1:2 are as far from 1:1).
  const distance = (ratio: string) => Math.abs(Math.log(ratioOf(ratio) / (width / height)));
  const nearestShape = shapes.reduce((best, s) => (distance(s.ratio) < distance(best.ratio) ? s : best), shapes[0]);
  if (nearestShape) nearestShape.selected = true;
  return { groups, shapes, selected, custom, width, height };
}

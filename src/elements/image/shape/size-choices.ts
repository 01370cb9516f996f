import type { SizeView } from '../shared/view.js';
import {
  aspectRatio,
  gcd,
  megapixelsOf,
  nearest,
  nearestLevel,
  nearestRatio,
  ratioValue,
  sizeOfRatio,
} from '../../../pricing/index.js';
import type { SizeRule } from '../../../pricing/index.js';

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

const lcm = (a: number, b: number) => (a * b) / gcd(a, b);

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

interface Size {
  width: number;
  height: number;
}
const valueOf = ({ width, height }: Size) => `${width}x${height}`;
/** A choice of the size group: `size`, called by its megapixels. */
const sizeChoice = (size: Size, selected: boolean) => ({
  megapixels: megapixelsOf(size.width, size.height),
  value: valueOf(size),
  selected,
});

/** A choice of the shape group or of the size group: what it is called, the size it picks (`WxH`), whether in force. */

/**
 * The size controls for what the provider makes of the model: one group of shapes, then, for rules in pixels, one
 * group of sizes of the shape in force; a size that is none of them (typed, or asked by the page) is `custom`.
 * A shape keeps the size level in force (its choice is the size of that shape nearest the current pixels); a size
 * keeps the shape. Providers that take only ratios offer those, at the pixels they pick; a model that edits an
 * image has no size to choose.
 */
export function sizeView(rule: SizeRule | undefined, width: number, height: number, customChosen: boolean): SizeView {
  const view: SizeView = {
    shapes: [],
    sizes: [],
    custom: false,
    customAllowed: false,
    providerPicks: false,
    width,
    height,
  };
  if (!rule || rule.kind === 'input') return view;
  const pixels = width * height || 1024 * 1024; // a half-typed size keeps the level of a megapixel
  if (rule.kind === 'ratios') {
    view.providerPicks = true;
    const inForce = nearestRatio(rule.ratios, width, height);
    const level = nearestLevel(rule, pixels); // a shape keeps the level in force; a level keeps the shape
    for (const ratio of [...rule.ratios].sort((x, y) => ratioValue(y) - ratioValue(x))) {
      view.shapes.push({ label: ratio, value: valueOf(sizeOfRatio(ratio, level)), selected: ratio === inForce });
    }
    const made = sizeOfRatio(inForce, level); // what the provider makes of the size asked
    [view.width, view.height] = [made.width, made.height];
    view.sizes = (rule.levels ?? []).map((area) => sizeChoice(sizeOfRatio(inForce, area), area === level));
    return view;
  }
  if (rule.kind === 'sizes') {
    // A model that makes only these sizes (GPT Image 1): each is a shape of its own.
    for (const size of rule.sizes) {
      const [w, h] = size.split('x').map(Number);
      view.shapes.push({ label: aspectRatio(w, h), value: size, selected: size === valueOf({ width, height }) });
    }
    return view;
  }
  // An aspect-ratio model makes one size per ratio (the provider picks the pixels: about 1 MP).
  view.providerPicks = rule.kind === 'aspect';
  const accepts = rule.kind === 'aspect' ? { step: 16, min: 64 } : rule;
  const levels = view.providerPicks ? [1024 * 1024] : RESOLUTIONS;
  const offered = SHAPES.map(([a, b]) => ({
    ratio: `${a}:${b}`,
    sizes: levels.flatMap((area) => exactSize(accepts, a, b, area) ?? []),
  })).filter((shape) => shape.sizes.length);
  const inForce = nearest(offered, (shape) => ratioValue(shape.ratio), width / height || 1);
  // A size typed that is none of the shapes (4512×928, 4.9:1) chooses none: "21:9" shown chosen would say it is that.
  // An aspect-ratio model makes the nearest one, which is then chosen.
  const isShape = view.providerPicks || Math.abs(Math.log((ratioValue(inForce.ratio) * height) / width)) < 0.05;
  for (const shape of offered) {
    const size = nearest(shape.sizes, (size) => size.width * size.height, pixels);
    view.shapes.push({ label: shape.ratio, value: valueOf(size), selected: isShape && shape === inForce });
  }
  if (!view.providerPicks) {
    view.customAllowed = true;
    const asked = valueOf({ width, height });
    view.sizes = inForce.sizes.map((size) => sizeChoice(size, valueOf(size) === asked));
    view.custom = customChosen || !view.sizes.some((size) => size.selected);
  }
  return view;
}

import { sizeProblem } from '../../pricing/index.js';
import type { ModelInfo } from '../../pricing/index.js';
import * as text from '../../strings.js';

interface SizePreset {
  shape: Parameters<typeof text.sizePreset>[0];
  ratio: string;
  width: number;
  height: number;
}

// Multiples of 32 so that they also fit FLUX1.1 [pro]; all within 1 MP except the last two.
const PRESETS: readonly SizePreset[] = [
  { shape: 'square', ratio: '1:1', width: 1024, height: 1024 },
  { shape: 'landscape', ratio: '4:3', width: 1152, height: 864 },
  { shape: 'landscape', ratio: '16:9', width: 1344, height: 768 },
  { shape: 'portrait', ratio: '3:4', width: 864, height: 1152 },
  { shape: 'portrait', ratio: '9:16', width: 768, height: 1344 },
  { shape: 'small', ratio: '1:1', width: 512, height: 512 },
  { shape: 'large', ratio: '1:1', width: 1440, height: 1440 },
  { shape: 'huge', ratio: '1:1', width: 2048, height: 2048 },
];

/** The presets this model can make, each with its size in the label. */
function presetsFor(model: ModelInfo | undefined): SizePreset[] {
  if (!model) return [];
  const seenAspect = new Set<string>();
  return PRESETS.filter((p) => {
    if (sizeProblem(model, p.width, p.height)) return false;
    if (model.sizing !== 'aspect') return true;
    // Aspect-ratio models make one size per ratio: offer each ratio once.
    if (seenAspect.has(p.ratio)) return false;
    seenAspect.add(p.ratio);
    return true;
  });
}

const presetKey = (width: number, height: number) => `${width}x${height}`;

/**
 * The size picker's state: the presets this model can make (value `WxH`, the size in the label), and which
 * is selected — 'custom' when the user chose Custom or the size is no preset.
 */
export function sizeView(model: ModelInfo | undefined, width: number, height: number, custom: boolean) {
  const presets = presetsFor(model).map((preset) => ({
    value: presetKey(preset.width, preset.height),
    label: `${text.sizePreset(preset.shape, preset.ratio)} · ${preset.width}×${preset.height}`,
  }));
  const current = presetKey(width, height);
  const selected = !custom && presets.some((preset) => preset.value === current) ? current : 'custom';
  return { presets, selected, width, height };
}

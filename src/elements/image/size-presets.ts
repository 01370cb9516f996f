import { sizeProblem } from '../../pricing/index.js';
import type { ModelInfo } from '../../pricing/index.js';

export interface SizePreset {
  label: string;
  width: number;
  height: number;
}

// Multiples of 32 so that they also fit FLUX1.1 [pro]; all within 1 MP except the last two.
const PRESETS: readonly SizePreset[] = [
  { label: 'Square 1:1', width: 1024, height: 1024 },
  { label: 'Landscape 4:3', width: 1152, height: 864 },
  { label: 'Landscape 16:9', width: 1344, height: 768 },
  { label: 'Portrait 3:4', width: 864, height: 1152 },
  { label: 'Portrait 9:16', width: 768, height: 1344 },
  { label: 'Small square 1:1', width: 512, height: 512 },
  { label: 'Large square 1:1', width: 1440, height: 1440 },
  { label: 'Huge square 1:1 (4 MP)', width: 2048, height: 2048 },
];

/** The presets this model can make, each with its size in the label. */
export function presetsFor(model: ModelInfo | undefined): SizePreset[] {
  if (!model) return [];
  const seenAspect = new Set<string>();
  return PRESETS.filter((p) => {
    if (sizeProblem(model, p.width, p.height)) return false;
    if (model.sizing !== 'aspect') return true;
    // Aspect-ratio models make one size per ratio: offer each ratio once.
    const ratio = p.label.split(' ').pop()!;
    if (seenAspect.has(ratio)) return false;
    seenAspect.add(ratio);
    return true;
  });
}

export const presetKey = (width: number, height: number) => `${width}x${height}`;

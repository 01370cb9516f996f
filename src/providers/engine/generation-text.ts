import { generation } from '../../strings/generation.js';
import { sayer } from '../../strings/strings.js';

/**
 * The engine's words (src/strings/generation.ts), said once for every adapter: in the engine's chunk (the provider
 * URLs say them too), which every session loads, so that no adapter's chunk makes its own.
 */
export const generationText = sayer('generation', generation);

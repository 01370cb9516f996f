/** Prompts to start from, offered while the prompt is empty. */

import { sentences } from '../sentence.js';

/**
 * A prompt to start from, and its name on its button: short enough to be read whole on a phone, in two columns beside
 * the label (the prompt itself is the button's title, and what a click puts in).
 */
export interface ExamplePrompt {
  name: string;
  prompt: string;
}

export interface PromptsStrings {
  examplesLabel(): string;
  examplePrompts(): ExamplePrompt[];
}

export const prompts = sentences<PromptsStrings>({
  examplesLabel: 'Try',
  examplePrompts: [
    { name: 'Lighthouse', prompt: 'A lighthouse on a cliff at dawn, watercolour' },
    { name: 'Fox in snow', prompt: 'A red fox in fresh snow, golden hour photo' },
    { name: 'Reading nook', prompt: 'A cosy reading nook with plants, isometric 3D' },
    { name: 'Neon “hello”', prompt: 'The word “hello” in neon on a brick wall' },
  ],
});

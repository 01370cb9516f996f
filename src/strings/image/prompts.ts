/** Prompts to start from, offered while the prompt is empty. */

export interface PromptsStrings {
  examplesLabel(): string;
  examplePrompts(): string[];
}

export const prompts: PromptsStrings = {
  examplesLabel: () => 'Try',
  examplePrompts: () => [
    'A lighthouse on a cliff at dawn, watercolour',
    'A red fox in fresh snow, golden hour photo',
    'A cosy reading nook with plants, isometric 3D',
    'The word “hello” in neon on a brick wall',
  ],
};

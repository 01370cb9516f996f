import type { PromptsStrings } from '../../../strings/image/prompts.js';

export const prompts: PromptsStrings = {
  examplesLabel: () => 'Beispiele',
  examplePrompts: () => [
    'Ein Leuchtturm auf einer Klippe im Morgengrauen, Aquarell',
    'Ein Rotfuchs im Neuschnee, Foto zur goldenen Stunde',
    'Eine gemütliche Leseecke mit Pflanzen, isometrisches 3D',
    'Das Wort „hallo“ in Neon auf einer Ziegelmauer',
  ],
};

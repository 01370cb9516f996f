import type { PromptsStrings } from '../../../strings/image/prompts.js';
import { sentences } from '../../../strings/sentence.js';

export const prompts = sentences<PromptsStrings>({
  examplesLabel: 'Beispiele',
  examplePrompts: [
    { name: 'Leuchtturm', prompt: 'Ein Leuchtturm auf einer Klippe im Morgengrauen, Aquarell' },
    { name: 'Rotfuchs', prompt: 'Ein Rotfuchs im Neuschnee, Foto zur goldenen Stunde' },
    { name: 'Leseecke', prompt: 'Eine gemütliche Leseecke mit Pflanzen, isometrisches 3D' },
    { name: '„hallo“ in Neon', prompt: 'Das Wort „hallo“ in Neon auf einer Ziegelmauer' },
  ],
});

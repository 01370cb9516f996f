import type { FalStrings } from '../../../providers/fal/words.js';
import { words } from '../words.js';

export const fal: FalStrings = {
  queuedAt: (position) => `In der Warteschlange (Platz ${position})`,
  safetyWithheld: (provider) =>
    `Die Sicherheitsprüfung ${provider === 'openai' ? 'des Gateways' : `von ${words.providerName(provider)}`} hat dieses Bild zurückgehalten (sie hat ein schwarzes geschickt). Formulieren Sie den Prompt um und versuchen Sie es noch einmal.`,
};

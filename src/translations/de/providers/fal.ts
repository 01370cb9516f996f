import type { FalStrings } from '../../../providers/fal/words.js';
import { words } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const fal = sentences<FalStrings>({
  queuedAt: (position) => `In der Warteschlange (Platz ${position})`,
  safetyWithheld: (provider) =>
    `Die Sicherheitsprüfung ${provider === 'openai' ? 'des Gateways' : `von ${words.providerName(provider)}`} hat dieses Bild zurückgehalten (sie hat ein schwarzes geschickt). Formulieren Sie den Prompt um und versuchen Sie es noch einmal.`,
  editNotMade: (model) =>
    `${model} kann diese Art der Bearbeitung bei fal nicht. Wählen Sie ein Modell, das sie anbietet.`,
  maskMissing: 'Auf dem Bild ist nichts gemalt. Malen Sie den Teil, der sich ändern soll, und versuchen Sie es erneut.',
  maskSize: (maskWidth, maskHeight, width, height) =>
    `Der gemalte Bereich ist ${maskWidth}×${maskHeight} Pixel groß, das Bild aber ${width}×${height}. ` +
    'Malen Sie ihn auf diesem Bild noch einmal.',
  uploadRefused: (status) =>
    `Der Dateispeicher von fal hat das zu sendende Bild nicht angenommen (HTTP ${status}), daher wurde die Anfrage nicht gesendet. Versuchen Sie es erneut.`,
});

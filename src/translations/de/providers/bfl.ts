import type { BflStrings } from '../../../providers/bfl/words.js';
import { atProvider } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const bfl = sentences<BflStrings>({
  underWay: `In Arbeit ${atProvider('bfl')} (ohne Angabe, wie weit)`,
  generatingPercent: (percent) => `Wird erzeugt: ${percent} %`,
  taskGone:
    'Der Anbieter kennt diese Erzeugung nicht mehr (sie ist vielleicht abgelaufen). Erzeugen Sie sie noch einmal.',
  editNotMade: (model) => `${model} kann diese Art der Bearbeitung nicht. Wählen Sie ein Modell, das sie anbietet.`,
  maskMissing: 'Auf dem Bild ist nichts gemalt. Malen Sie den Teil, der sich ändern soll, und versuchen Sie es erneut.',
  maskSize: (maskWidth, maskHeight, width, height) =>
    `Der gemalte Bereich ist ${maskWidth}×${maskHeight} Pixel groß, das Bild aber ${width}×${height}. ` +
    'Malen Sie ihn auf diesem Bild noch einmal.',
});

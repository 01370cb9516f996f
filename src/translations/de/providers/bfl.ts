import type { BflStrings } from '../../../providers/bfl/words.js';
import { atProvider } from '../words.js';

export const bfl: BflStrings = {
  underWay: () => `In Arbeit ${atProvider('bfl')} (ohne Angabe, wie weit)`,
  generatingPercent: (percent) => `Wird erzeugt: ${percent} %`,
  taskGone: () =>
    'Der Anbieter kennt diese Erzeugung nicht mehr (sie ist vielleicht abgelaufen). Erzeugen Sie sie noch einmal.',
};

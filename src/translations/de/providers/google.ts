import type { GoogleStrings } from '../../../providers/google/words.js';

export const google: GoogleStrings = {
  quotaUsed: (waitSeconds) =>
    `Google meldet, dass dieser Schlüssel sein Kontingent vorerst aufgebraucht hat (eine Grenze pro Minute oder pro Tag, je nach Tarif). ${waitSeconds ? `Warten Sie ${waitSeconds} s und versuchen Sie es noch einmal, oder prüfen Sie` : 'Versuchen Sie es später noch einmal, oder prüfen Sie'} Tarif und Abrechnung in Google AI Studio.`,
};

import type { GoogleStrings } from '../../../providers/google/words.js';
import { sentences } from '../../../strings/sentence.js';

export const google = sentences<GoogleStrings>({
  quotaUsed: (waitSeconds) =>
    `Google meldet, dass dieser Schlüssel sein Kontingent vorerst aufgebraucht hat (eine Grenze pro Minute oder pro Tag, je nach Tarif). ${waitSeconds ? `Warten Sie ${waitSeconds} s und versuchen Sie es noch einmal, oder prüfen Sie` : 'Versuchen Sie es später noch einmal, oder prüfen Sie'} Tarif und Abrechnung in Google AI Studio.`,
  dailyQuotaUsed:
    'Google meldet, dass dieser Schlüssel sein Kontingent für heute aufgebraucht hat (eine Grenze pro Tag, je nach Tarif; sie wird um Mitternacht pazifischer Zeit zurückgesetzt). Versuchen Sie es morgen noch einmal, oder prüfen Sie Tarif und Abrechnung in Google AI Studio.',
  conversationRefused:
    'Google setzt das Gespräch, aus dem dieses Bild stammt, nicht fort: Ein früheres Bild darin kam ohne die Signatur zurück, die Google ihm gegeben hat. Um das Bild neu zu bearbeiten, laden Sie es herunter und wählen Sie es mit „Eigenes Bild bearbeiten“.',
});

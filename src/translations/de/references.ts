import type { ReferencesStrings } from '../../strings/references.js';
import { sentences } from '../../strings/sentence.js';

export const references = sentences<ReferencesStrings>({
  notAnImage: (file) => `„${file}“ ist kein PNG-, JPEG- oder WebP-Bild. Wählen Sie eines davon.`,
  fileTooLarge: (file) => `„${file}“ ist größer als 10 MB. Wählen Sie ein kleineres Bild.`,
  fileNotAnImage: (file) => `„${file}“ ließ sich nicht als Bild lesen. Wählen Sie eine andere Datei.`,
  fileUnreadable: (file) => `„${file}“ ließ sich nicht lesen.`,
  referenceNotResized: 'Ein Referenzbild konnte nicht zum Senden vorbereitet werden. Wählen Sie es noch einmal.',
});

import type { OpenAiStrings } from '../../../providers/openai/words.js';
import { sentences } from '../../../strings/sentence.js';

export const openai = sentences<OpenAiStrings>({
  badPath: (path) =>
    `Der in der Preisliste gesetzte Gateway-Pfad („${path}“) bleibt nicht auf der Adresse des Gateways: Schreiben Sie ihn als Pfad, etwa "/v1/images/generations".`,
  organizationUnverified: (url) =>
    `Ihr Schlüssel funktioniert, aber OpenAI lässt nur verifizierte Organisationen dieses Modell nutzen. Verifizieren Sie Ihre Organisation unter ${url} und versuchen Sie es dann erneut (das kann einige Minuten dauern), oder wählen Sie ein anderes Modell.`,
  eraseUnsupported:
    'GPT Image kann nicht von sich aus entfernen: Sagen Sie, was an die Stelle des Bemalten treten soll (eine Bearbeitung des bemalten Bereichs), oder wählen Sie ein Modell, das entfernt.',
  editImageMissing: 'Es gibt kein Bild zum Bearbeiten: Wählen Sie eines und versuchen Sie es dann erneut.',
  editImageRefused:
    'OpenAI bearbeitet nur PNG-, WebP- und JPEG-Bilder unter 50 MB: Speichern Sie das Bild in einem dieser Formate und versuchen Sie es dann erneut.',
  tooManyEditImages: (most) =>
    `OpenAI nimmt höchstens ${most} Bilder in einer Bearbeitung: Entfernen Sie einige und versuchen Sie es dann erneut.`,
  maskSizeDiffers: (mask, image) =>
    `Der bemalte Bereich wurde mit ${mask} Pixeln gezeichnet, das Bild hat aber ${image}: OpenAI nimmt eine Maske nur in der Größe des Bildes selbst. Malen Sie sie auf diesem Bild erneut.`,
  maskMissing: 'Malen Sie den zu ändernden Bereich auf das Bild und versuchen Sie es dann erneut.',
  maskTooLarge:
    'Der bemalte Bereich ist für OpenAI zu detailliert, das eine Maske unter 4 MB nimmt: Malen Sie einen einfacheren Bereich oder bearbeiten Sie ein kleineres Bild.',
});

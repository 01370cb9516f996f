import type { HuggingFaceStrings } from '../../../providers/huggingface/words.js';
import { sentences } from '../../../strings/sentence.js';

export const huggingface = sentences<HuggingFaceStrings>({
  tokenRefused:
    'Hugging Face hat Ihre Anmeldung nicht angenommen: Sie ist vielleicht abgelaufen. Melden Sie sich erneut mit Hugging Face an und versuchen Sie es dann noch einmal.',
  scopeMissing:
    'Hugging Face hat dieser Seite nicht erlaubt, Bilder für Sie zu erzeugen. Melden Sie sich erneut mit Hugging Face an und erlauben Sie Inferenz (oder verwenden Sie ein Zugriffstoken, das Inference Providers aufrufen darf), und versuchen Sie es dann noch einmal.',
  signInFailed: 'Hugging Face hat die Anmeldung nicht abgeschlossen. Melden Sie sich erneut mit Hugging Face an.',
  noClientId:
    'Diese Website hat die Anmeldung mit Hugging Face noch nicht eingerichtet. Geben Sie stattdessen ein Zugriffstoken von Hugging Face ein.',
  noCredits:
    'Hugging Face hat nichts abgerechnet: Ihr Konto hat kein Guthaben mehr (ein kostenloses Konto kann nicht nach Verbrauch zahlen). Kaufen Sie in Ihrem Dashboard Guthaben oder abonnieren Sie PRO und versuchen Sie es dann noch einmal.',
});

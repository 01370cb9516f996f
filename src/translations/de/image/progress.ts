import type { ProgressStrings } from '../../../strings/image/progress.js';
import { atProvider, words } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const progress = sentences<ProgressStrings>({
  sending: 'Wird gesendet',
  progressLabel: 'Fortschritt der Erzeugung',
  cancel: 'Abbrechen',
  stopping: 'Wird angehalten: Es wird geprüft, ob es berechnet wurde',
  stopWaitingQuestion: (provider, billed) =>
    `${words.TheProvider(provider)} hat dafür bereits ${billed} berechnet und stellt es fertig, was diese Seite auch tut. Nicht mehr warten? Es erscheint trotzdem hier, wenn es fertig ist.`,
  stopWaiting: 'Nicht mehr warten',
  stillFinishing: (provider, billed) =>
    `${words.TheProvider(provider)} stellt das Bild, für das Sie ${billed} bezahlt haben, noch fertig: Es erscheint hier, sobald es fertig ist.`,
  resuming: 'Ein bezahltes Bild aus Ihrem früheren Besuch wird fertiggestellt',
  keepWaiting: 'Weiter warten',
  retry: (price) => (price ? `Erneut versuchen, ${price}` : 'Erneut versuchen'),
  dismiss: 'Schließen',
  imagesReady: (count, prompt) => `${count === 1 ? 'Bild' : `${count} Bilder`} fertig: ${prompt}`,
  undo: 'Rückgängig',
  useElsewhere: (model, provider, price) => `${model} ${atProvider(provider)} nutzen, ${price}`,
  elapsed: (seconds) =>
    seconds < 60
      ? `${seconds}\u00a0s`
      : `${Math.floor(seconds / 60)}\u00a0min ${String(seconds % 60).padStart(2, '0')}\u00a0s`,
  usually: (time) => `meist ${time}`,
});

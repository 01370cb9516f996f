import type { ProgressStrings } from '../../../strings/image/progress.js';
import { atProvider, words } from '../words.js';
import { sentences } from '../../../strings/sentence.js';
import { clockTime, pluralForm } from '../../../strings/words.js';

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
  imagesReady: (count, prompt) =>
    `${pluralForm('de', count, { one: 'Bild', other: `${count} Bilder` })} fertig: ${prompt}`,
  undo: 'Rückgängig',
  useElsewhere: (model, provider, price) => `${model} ${atProvider(provider)} nutzen, ${price}`,
  elapsed: clockTime,
  usually: (time) => `meist ${time}`,
});

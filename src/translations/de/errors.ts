import type { ErrorsStrings } from '../../strings/errors.js';
import { sentences } from '../../strings/sentence.js';

export const errors = sentences<ErrorsStrings>({
  cancelled: 'Erzeugung abgebrochen. Dafür wird nichts weiter berechnet.',
  timeout: 'Der Anbieter hat zu lange nicht geantwortet. Versuchen Sie es gleich noch einmal.',
  network: 'Der Anbieter war nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  somethingWrong: 'Beim Anbieter ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal.',
  endpointInsecure:
    'Die Adresse des Anbieters (endpoint) muss mit https:// beginnen (einfaches http:// nur für localhost). Korrigieren Sie sie und versuchen Sie es noch einmal.',
  relayInsecure:
    'Die Adresse des Relays muss mit https:// beginnen (einfaches http:// nur für localhost), ohne ? oder #. Korrigieren Sie das Attribut relay.',
});

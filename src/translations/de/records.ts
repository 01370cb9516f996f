import type { RecordsStrings } from '../../strings/records.js';
import { sentences } from '../../strings/sentence.js';
import { ofProvider, words } from './words.js';

const stays =
  'die Abbuchung bleibt ungewiss, gesondert gezählt mit dem, was sie gekostet haben kann, und nichts geht verloren';

export const records = sentences<RecordsStrings>({
  recordCharged: (provider, usd) =>
    `Laut dem Eintrag ${ofProvider(provider)} zu dieser Generierung wurden ${usd} berechnet: so verbucht.`,
  recordNotCharged: (provider) =>
    `Laut dem Eintrag ${ofProvider(provider)} zu dieser Generierung wurde nichts berechnet: Die Abbuchung wird nicht mehr gezählt.`,
  recordNotChargedButCertain: (provider, usd) =>
    `Laut dem Eintrag ${ofProvider(provider)} zu dieser Generierung wurde nichts berechnet, aber Ihr Guthaben zeigte ${usd} davon als berechnet: Das bleibt gezählt.`,
  recordMissing: (provider) =>
    `${words.providerName(provider)} hat zu dieser Generierung noch keinen Eintrag für Ihren Schlüssel: ${stays}. Ein Eintrag kann etwas dauern; fragen Sie später noch einmal.`,
  recordKeyRefused: (provider) =>
    `${words.providerName(provider)} hat Ihren Schlüssel abgelehnt, als nach dem Eintrag zu dieser Generierung gefragt wurde: ${stays}. Melden Sie sich erneut an oder geben Sie Ihren Schlüssel ein, und fragen Sie dann noch einmal.`,
  recordOwnKey: (provider) =>
    `Diese Generierung lief mit Ihrem eigenen Schlüssel beim Anbieter des Modells, und was dieser berechnet hat, steht nicht im Eintrag ${ofProvider(provider)}: ${stays}. Ihr Konto dort zeigt, was sie gekostet hat.`,
  recordUnreadable: (provider) =>
    `Der Eintrag ${ofProvider(provider)} zu dieser Generierung ließ sich nicht lesen (offline, oder die Antwort war nicht wie erwartet): ${stays}. Versuchen Sie es später noch einmal.`,
  recordNoId: (provider) =>
    `${words.providerName(provider)} hat keine Generierung genannt, bevor die Antwort verloren ging; es gibt also keinen Eintrag, nach dem sich fragen ließe: Die Abbuchung bleibt ungewiss, bis Sie sagen, was Ihr Konto zeigt.`,
  recordElsewhere: (provider) =>
    `Diese Anfrage ging an eine andere Adresse von ${words.providerName(provider)} als die, für die Ihr Schlüssel hier gilt; nach ihrem Eintrag wurde daher nicht gefragt: ${stays}.`,
});

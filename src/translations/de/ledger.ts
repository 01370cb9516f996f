import type { LedgerStrings } from '../../strings/ledger.js';
import { sentences } from '../../strings/sentence.js';

export const ledger = sentences<LedgerStrings>({
  notAnAmount: (value) => `„${value}“ ist kein Geldbetrag.`,
  budgetExceeded: (total, budget, left, held) =>
    `Das würde ${total} kosten, und von Ihrem Budget von ${budget} sind noch ${left} übrig${held ? ` (${held} sind für Bilder in Arbeit reserviert)` : ''}. ` +
    'Wählen Sie eine kleinere Größe, weniger Bilder oder ein günstigeres Modell, oder erhöhen Sie das Budget.',
  historyDamaged: 'Ihr gespeicherter Ausgabenverlauf war beschädigt; der lesbare Teil wurde behalten.',
  storageFull: 'Der Speicher ist voll: Ausgaben werden nur für diesen Besuch erfasst.',
  storageOff: 'Dieser Browser lässt die Seite keine Daten speichern: Ausgaben werden nur für diesen Besuch erfasst.',
  notRecordedFull:
    'Nichts wurde gesendet oder berechnet: Der Speicher dieses Browsers für diese Website ist voll, daher konnte nicht ' +
    'zuerst festgehalten werden, was das Bild kostet. Schaffen Sie Platz (entfernen Sie Daten dieser Website, die Sie ' +
    'nicht mehr brauchen, in den Einstellungen des Browsers unter Websitedaten) und versuchen Sie es dann noch einmal.',
  notRecordedOff:
    'Nichts wurde gesendet oder berechnet: Dieser Browser lässt diese Seite keine Daten speichern, daher konnte nicht ' +
    'zuerst festgehalten werden, was das Bild kostet. Erlauben Sie dieser Website, Daten zu speichern (Cookies und ' +
    'Websitedaten, in den Einstellungen des Browsers), und versuchen Sie es dann noch einmal.',
  budgetDamaged:
    'Das in diesem Browser gespeicherte Budget ist beschädigt; es kann nichts ausgegeben werden, bis es in der ' +
    'Ausgabenübersicht neu festgelegt ist.',
  historyNotAFile:
    'Diese Datei ist kein aus dieser Ausgabenübersicht exportierter Verlauf (oder sie stammt aus einer neueren ' +
    'Version): Es wurde nichts importiert.',
  historyEntryDamaged: (number) =>
    `Eintrag ${number} dieser Verlaufsdatei ist beschädigt oder kein Ausgabeneintrag: Nichts aus der Datei wurde importiert.`,
  historyImageDamaged: (number) =>
    `Bild ${number} dieser Verlaufsdatei ist beschädigt oder kein Bild: Nichts aus der Datei wurde importiert.`,
});

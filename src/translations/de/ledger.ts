import type { LedgerStrings } from '../../strings/ledger.js';

export const ledger: LedgerStrings = {
  notAnAmount: (value) => `„${value}“ ist kein Geldbetrag.`,
  budgetExceeded: (total, budget) =>
    `Das würde ${total} kosten und Sie über Ihr Budget von ${budget} bringen. ` +
    'Wählen Sie eine kleinere Größe, weniger Bilder oder ein günstigeres Modell, oder erhöhen Sie das Budget.',
  historyDamaged: () => 'Ihr gespeicherter Ausgabenverlauf war beschädigt; der lesbare Teil wurde behalten.',
  storageFull: () => 'Der Speicher ist voll: Ausgaben werden nur für diesen Besuch erfasst.',
  storageOff: () =>
    'Dieser Browser lässt die Seite keine Daten speichern: Ausgaben werden nur für diesen Besuch erfasst.',
};

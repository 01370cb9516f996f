import type { TallyStrings } from '../../../strings/tally/tally.js';
import { images as imageCount, paidFor, words } from '../words.js';
import { counted } from '../../../strings/words.js';
import { parts, sentences } from '../../../strings/sentence.js';

const NEXT_TIME = 'beim nächsten Öffnen des Bild-Widgets auf dieser Website';

export const tally = sentences<TallyStrings>({
  tallyLabel: 'Ausgaben für Bilderzeugung',
  budgetLabel: 'Budget (US-Dollar)',
  siteLimit: (limit) => parts`Diese Website begrenzt die Ausgaben auf ${limit}.`,
  siteLimitBelowOwn: (own, limit) =>
    parts`Ihr Budget von ${own} liegt über der Grenze dieser Website von ${limit}, und diese gilt.`,
  budgetRefused: (value, example) =>
    `„${value}“ ist kein Betrag: Schreiben Sie ihn in Ziffern, etwa ${example}, ohne Währungszeichen und Tausendertrennzeichen.`,
  ownLimit: 'Ihr Budget gilt.',
  budgetOnBrowser: 'In diesem Browser gespeichert.',
  budgetOnAccount: 'In Ihrem Puter-Konto gespeichert: Es gilt auf jedem Gerät, das dort angemeldet ist.',
  budgetUsed: (percent) => `${percent} % des Budgets verbraucht`,
  budgetNearlyUsed: (percent) => `${percent} % des Budgets verbraucht: nahe an der Grenze`,
  budgetReached: '100 % des Budgets verbraucht: Das Budget ist erreicht',
  budgetPassed: (percent) => `${percent} % des Budgets verbraucht: über dem Budget`,
  modelSplit: (model, spent, count, failures) => parts`${model}: ${spent} für ${paidFor(count, failures)}`,
  chartLabel: (days) => `Ausgaben pro Tag: ${days}`,
  last30Days: 'Letzte 30 Tage',
  today: 'Heute',
  pendingLabel: (held) => parts`Wird gerade erzeugt: ${held} reserviert bis zum Ende`,
  pendingEntry: (model, started, held) => parts`${model}, gestartet ${started}: ${held}`,
  orphanLabel: (held) => parts`Unfertig geblieben, als ihre Seite geschlossen wurde: ${held} reserviert`,
  orphanEntry: (model, started, held, next, provider, keyed) =>
    parts`${model}, gestartet ${started}: ${held}. ${
      next === 'fetch'
        ? `${words.TheProvider(provider)} hat es angenommen: Das Bild wird ${NEXT_TIME} abgeholt${keyed ? `, mit Ihrem Schlüssel für ${words.providerName(provider)}` : ''}.`
        : next === 'uncertain'
          ? `Seine Seite wurde geschlossen, bevor ${words.theProvider(provider)} antwortete: ${NEXT_TIME} wird es als vielleicht berechnet aufgeführt, damit Sie es klären.`
          : `Die Anfrage ist nie abgegangen: Nichts wurde berechnet, und sie wird ${NEXT_TIME} entfernt.`
    }`,
  since: (when) => `Seit ${when}`,
  exportCsv: 'Als CSV exportieren',
  exportHistory: 'Verlauf exportieren',
  withImages: 'mit Bildern',
  importHistory: 'Verlauf importieren',
  imported: (added, settled, images, held, leftOut) =>
    `${counted('de', added, { one: 'neuer Eintrag', other: 'neue Einträge' })}` +
    `${settled ? `, ${counted('de', settled, { one: 'hier unsichere Abbuchung', other: 'hier unsichere Abbuchungen' })} geklärt` : ''}` +
    `${images ? ` und ${imageCount(images)}` : ''} importiert; ${held} schon vorhanden.` +
    (leftOut
      ? ` ${leftOut} ausgelassen, damit nichts doppelt zählt: Erzeugungen, die dort, wo die Datei entstand, noch ` +
        'laufen, oder Ausgaben, die diese Übersicht schon in ihren Tagessummen führt.'
      : ''),
  imagesLeftOut: (count, limit) =>
    `${counted('de', count, { one: 'älteres Bild', other: 'ältere Bilder' })} nicht in der Datei: mit ${count === 1 ? 'ihm' : 'ihnen'} wäre sie größer als ${limit}.`,
  imagesUnreadable: (count) =>
    `${counted('de', count, { one: 'Bild', other: 'Bilder' })} nicht in der Datei: dieser Browser konnte ${count === 1 ? 'es' : 'sie'} nicht zurücklesen.`,
  imagesNotRead:
    'Die Datei enthält Ihre Ausgaben ohne Bilder: Dieser Browser konnte die gespeicherten Bilder nicht lesen.',
  importImagesNotSaved: 'Die Einträge wurden importiert, aber dieser Browser konnte die Bilder nicht speichern.',
  resetOpen: 'Zurücksetzen…',
  resetQuestion: 'Eine neue Sitzung beginnen? Ausgaben und Bilder gehen auf null zurück.',
  reset: 'Zurücksetzen',
  deleteEverywhere: 'Hier und aus meinem Puter-Konto löschen, auch die Bilder',
  deleteFailed:
    'Der Verlauf ist in diesem Browser gelöscht, aber Ihr Puter-Konto hat nicht geantwortet: Versuchen Sie es erneut.',
  keep: 'Behalten',
});

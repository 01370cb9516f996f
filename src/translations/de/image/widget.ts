import type { WidgetStrings } from '../../../strings/image/widget.js';
import { number } from '../words.js';
import { sentences } from '../../../strings/sentence.js';
import { counted, pluralForm } from '../../../strings/words.js';

export const widget = sentences<WidgetStrings>({
  promptLabel: 'Beschreiben Sie das Bild',
  promptPlaceholder: 'Ein Leuchtturm auf einer Klippe im Morgengrauen, Aquarell',
  modelLabel: 'Modell',
  shapeLabel: 'Format',
  sizeFromInput: 'Das Bild entsteht in der Größe des Bildes, das Sie bearbeiten.',
  generating: 'Läuft…',
  generateLabel: 'Erzeugen',
  shortcut: (mac) => (mac ? '⌘↵' : 'Strg+↵'),
  undone: 'Rückgängig gemacht.',
  undoTooLate:
    'Das wurde inzwischen anders erledigt, in einem anderen Tab oder durch Zurücksetzen, und lässt sich nicht mehr rückgängig machen.',
  buys: (count, megapixels) =>
    pluralForm('de', count, {
      one: `1\u00a0Bild · ${number(megapixels)}\u00a0MP`,
      other: `${count}\u00a0Bilder · je ${number(megapixels)}\u00a0MP`,
    }),
  priceDetails: 'Preisdetails',
  describeFirst: 'Beschreiben Sie zuerst das Bild',
  addKeyFirst: (provider) => `Geben Sie Ihren API-Schlüssel für ${provider} ein`,
  signInFirst: (provider) => `Nicht bei ${provider} angemeldet`,
  fixSignIn: 'Anmelden',
  fixPrompt: 'Prompt schreiben',
  fixKey: 'Schlüssel eingeben',
  moreModels: (n) => counted('de', n, { one: 'weiteres Modell', other: 'weitere Modelle' }),
  notSoldNow: (model, instead) =>
    `${model} wird Ihrem Konto derzeit nicht angeboten: Stattdessen ist ${instead} gewählt.`,
  fewerModels: 'Weniger Modelle',
  otherFamilies: (families) => `Weitere Modelle: ${families}`,
  resolutionLabel: 'Größe',
  moreOptions: 'Weitere Optionen',
  resultLabel: 'Ergebnis',
  emptyTitle: 'Hier erscheint Ihr Bild',
  emptyHint: 'Beschreiben Sie es, wählen Sie ein Modell und ein Format: Der Preis steht da, bevor Sie bezahlen.',
  badBudget: (value) =>
    `Das auf dieser Seite gesetzte Budget („${value}“) ist kein Dollarbetrag, daher kann nichts ausgegeben werden, bis es korrigiert ist (schreiben Sie es etwa als 2.50).`,
});

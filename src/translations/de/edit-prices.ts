import type { EditKind } from '../../base/types.js';
import type { EditPricesStrings } from '../../strings/edit-prices.js';
import { images, number } from './words.js';
import { sentences } from '../../strings/sentence.js';

/** Was jede Art der Bearbeitung nicht kann, gesagt nach „kann hier“. */
const EDIT_VERBS: Record<EditKind, string> = {
  instruction: 'kein Bild nach Anweisung bearbeiten',
  mask: 'nicht nur einen bemalten Bereich ändern',
  erase: 'keinen bemalten Bereich entfernen',
  extend: 'kein Bild erweitern',
};

export const editPrices = sentences<EditPricesStrings>({
  cannotEdit: (model, kind) =>
    `${model} kann hier ${EDIT_VERBS[kind]}: Wählen Sie ein Modell, das es kann, oder eine andere Art der Bearbeitung.`,
  editNeedsImage: 'Wählen Sie das Bild, das Sie bearbeiten möchten.',
  inputImageTokens: (index, expected, most) =>
    `Gesendetes Bild ${index}: etwa ${number(expected)} Tokens (kann schwanken, höchstens ${number(most)})`,
  imageToEditTokens: (expected, most) =>
    `Das zu bearbeitende Bild: etwa ${number(expected)} Tokens (kann schwanken, höchstens ${number(most)})`,
  maskTokens: (most) =>
    `Gesendeter bemalter Bereich: keine erwartet (kann schwanken, höchstens ${number(most)} Tokens)`,
  earlierImageTokens: (index, expected, most) =>
    `Früheres Bild ${index}, erneut gesendet: etwa ${number(expected)} Tokens (kann schwanken, höchstens ${number(most)})`,
  earlierWordsTokens: (expected, most) =>
    `Frühere Anweisungen, erneut gesendet: etwa ${number(expected)} Tokens (kann schwanken, höchstens ${number(most)})`,
  keepsNoConversation: (model) => `${model} führt hier kein Gespräch fort: Bearbeiten Sie das Bild neu.`,
  conversationTooLong: (model, count, most) =>
    `Dieses Gespräch würde ${number(count)} Bilder senden, mehr als die ${number(most)}, die ${model} annimmt: Bearbeiten Sie das Bild neu, ohne sein Gespräch.`,
  inputsPerImage: (count) => `${images(count)} gesendet, je Bild berechnet`,
  inputsPerMegapixel: (count, megapixels) => `${images(count)} gesendet (${number(megapixels)} MP)`,
  imageToEditPriced: (per, megapixels) =>
    per === 'image'
      ? 'Das zu bearbeitende Bild, je Bild berechnet'
      : `Das zu bearbeitende Bild (${number(megapixels)} MP)`,
  inputsOnce: 'Bearbeitung eines Bildes (anders berechnet als ein Bild aus Text)',
  extendNotWhole: 'Wie weit jede Seite erweitert wird, muss eine ganze Zahl von Pixeln sein, 0 oder mehr.',
  extendNothing: 'Erweitern Sie mindestens eine Seite: Jede Seite hat jetzt 0 Pixel.',
  extendSideMost: (model, most) =>
    `${model} erweitert eine Seite um höchstens ${number(most)} Pixel – erweitern Sie sie weniger.`,
  extendTooLarge: (model, width, height, megapixels) =>
    `Erweitert hätte das Bild ${width}×${height} Pixel, und ${model} erzeugt Bilder von höchstens ${number(megapixels)} Megapixeln – erweitern Sie es weniger.`,
  promptNotSent: (model, prompt) =>
    `${model} nimmt keine Anweisung an: Es führt das Bild von selbst fort, und „${prompt}“ wird nicht gesendet.`,
});

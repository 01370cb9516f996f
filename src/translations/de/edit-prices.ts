import type { EditKind } from '../../base/types.js';
import type { EditPricesStrings } from '../../strings/edit-prices.js';
import { images, number } from './words.js';

/** Was jede Art der Bearbeitung nicht kann, gesagt nach „kann hier“. */
const EDIT_VERBS: Record<EditKind, string> = {
  instruction: 'kein Bild nach Anweisung bearbeiten',
  mask: 'nicht nur einen bemalten Bereich ändern',
  erase: 'keinen bemalten Bereich entfernen',
};

export const editPrices: EditPricesStrings = {
  cannotEdit: (model, kind) =>
    `${model} kann hier ${EDIT_VERBS[kind]}: Wählen Sie ein Modell, das es kann, oder eine andere Art der Bearbeitung.`,
  editNeedsImage: () => 'Wählen Sie das Bild, das Sie bearbeiten möchten.',
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
  inputsOnce: () => 'Bearbeitung eines Bildes (anders berechnet als ein Bild aus Text)',
};

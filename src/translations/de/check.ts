import type { CheckStrings } from '../../strings/check.js';
import { sentences } from '../../strings/sentence.js';

export const check = sentences<CheckStrings>({
  modelMissing: (model, provider) =>
    `${model} steht in der eingebauten Preisliste, aber die Liste bei ${provider} nennt es nicht mehr: Es wird dort nicht angeboten.`,
  modelAdded: (model, provider) => `${provider} führt ${model}, das die eingebaute Preisliste nicht kennt.`,
  modelPriced: (model, size, book, live) =>
    `${model} bei ${size}: Die eingebaute Preisliste sagt ${book}, der Anbieter sagt jetzt ${live}.`,
  listAgrees: (provider, count) =>
    `Die Liste bei ${provider} nennt ${count} Modelle und stimmt mit der eingebauten Preisliste überein.`,
  noList: (provider) => `${provider} veröffentlicht keine Liste seiner Modelle und Preise, die diese Seite lesen kann.`,
  listUnread: (provider) =>
    `Die Modellliste bei ${provider} hat nicht geantwortet: Bis sie es tut, entscheidet die eingebaute Preisliste.`,
  balanceLeft: (amount) => `Auf dem Konto sind noch ${amount} übrig.`,
  balanceOfCap: (left, cap) => `Der Schlüssel darf noch ${left} seiner Grenze von ${cap} ausgeben.`,
  balanceOfKeyBudget: (left) =>
    `Der Schlüssel darf noch ${left} seines eigenen Budgets ausgeben (auf dem Konto kann weniger sein).`,
  balanceUncapped: 'Der Schlüssel hat keine eigene Ausgabengrenze: Wie viel er noch ausgeben darf, ist nicht bekannt.',
  balanceUnknown: (provider) => `${provider} sagt dieser Seite nicht, was auf dem Konto übrig ist.`,
  cheapestOffer: (model, size, price) => `Das günstigste Bild hier ist ${model} bei ${size}, für ${price}.`,
  imageCharged: (model, quoted, charged) => `Ein Bild von ${model}: angeboten für ${quoted}, berechnet ${charged}.`,
  imageFailed: (model, reason) => `Kein Bild von ${model}: ${reason}`,
  checkCancelled: 'Die Prüfung wurde angehalten: Dafür wird nichts mehr gelesen oder erstellt.',
});

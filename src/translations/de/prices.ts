import type { PricesStrings } from '../../strings/prices.js';
import { atProvider, images, mp, number, ofProvider, referenceImages } from './words.js';
import { sentences } from '../../strings/sentence.js';
import { counted } from '../../strings/words.js';

/**
 * The words of a price source's name (`quote.source.name`: data, in English, which a page may read) in German; the
 * names of providers and products stay as they are.
 */
const SOURCE_WORDS: [string, string][] = [
  ['(bundled)', '(mitgeliefert)'],
  ['live catalogue', 'Live-Katalog'],
  ['model catalogue', 'Modellkatalog'],
  ['model list', 'Modellliste'],
  ['model page', 'Modellseite'],
  ['pricing docs', 'Preisseite'],
  ['price page', 'Preisseite'],
  ['pricing API', 'Preis-API'],
  ['API pricing', 'API-Preise'],
  ['image endpoints', 'Bild-Endpunkte'],
  ['prices, as Puter lists them', 'Preise, wie Puter sie listet'],
  ['prices, through Hugging Face', 'Preise, über Hugging Face'],
  ['paid tier', 'bezahlte Stufe'],
  ["fal's and Runware's FLUX Erase prices", 'FLUX-Erase-Preise von fal und Runware'],
  ["Runware's FLUX Outpainting price", 'FLUX-Outpainting-Preis von Runware'],
  ['as third parties restate it', 'wie Dritte sie wiedergeben'],
  ["rates, as LiteLLM's maintainers restate them", 'Preise, wie die Betreuer von LiteLLM sie wiedergeben'],
  ["rates, as Puter's catalogue restates them", 'Preise, wie Puters Katalog sie wiedergibt'],
  [
    "GPT Image 2.5 and 2.6, as resellers' notes restate OpenAI's",
    'GPT Image 2.5 und 2.6, wie Notizen von Wiederverkäufern die von OpenAI wiedergeben',
  ],
  ['per million tokens', 'je Million Tokens'],
];
const inGerman = (source: string) =>
  SOURCE_WORDS.reduce((name, [english, german]) => name.replace(english, german), source);

export const prices = sentences<PricesStrings>({
  referencesUnsupported:
    'Dieser Anbieter nimmt keine Referenzbilder an. Entfernen Sie sie und versuchen Sie es noch einmal.',
  wholePixels: (side) => `${side} muss eine ganze Zahl von Pixeln sein, etwa 1024.`,
  multipleOf: (side, step, who, below, above) =>
    `${side} muss für ${who} ein Vielfaches von ${step} sein – versuchen Sie ${below}${above ? ` oder ${above}` : ''}.`,
  sideBetween: (side, model, min, max, suggestion) =>
    `${side} muss für ${model} zwischen ${min} und ${max} Pixeln liegen – versuchen Sie ${suggestion}.`,
  atLeast: (side, min, model) => `${side} muss für ${model} mindestens ${min} Pixel betragen.`,
  atMostMegapixels: (model, megapixels, width, height) =>
    `${model} erzeugt Bilder von höchstens ${number(megapixels)} Megapixeln – versuchen Sie ${width}×${height}.`,
  snappedTo: (width, height, step) =>
    `Der Anbieter erzeugt ${width}×${height} (Seiten in Schritten von ${step}) und berechnet diese Größe.`,
  madeAsRatio: (ratio, width, height) =>
    `Dieser Anbieter erzeugt ${ratio} in ${width}×${height}, gleich welche Größe angefragt ist.`,
  totalTooLarge: (megapixels) =>
    `Ausgabe und Referenzbilder dürfen zusammen höchstens ${number(megapixels)} Megapixel haben – wählen Sie eine kleinere Größe oder weniger Referenzbilder.`,
  referenceResized: (index, from, to) =>
    `Referenzbild ${index} wird in ${to.width}×${to.height} gesendet (verkleinert von ${from.width}×${from.height}) und so berechnet.`,
  referenceTooSmall: (index, size, model, least) =>
    `Bild ${index} hat gesendet ${size.width}×${size.height} Pixel, und ${model} nimmt Bilder von mindestens ${least}×${least} an – wählen Sie ein größeres.`,
  aspectRange: (model, width, height, ratio) =>
    `${model} erzeugt Formate von 21:9 (breit) bis 9:21 (hoch), und ${width}×${height} ist ${ratio} – wählen Sie eine weniger gestreckte Größe.`,
  sizesOnly: (model, sizes) =>
    `${model} erzeugt nur ${sizes.map((size) => size.replace('x', '×')).join(', ')} – wählen Sie eine davon.`,
  tooLong: (model, most) =>
    `${model} erzeugt keine Form länger als ${most}:1 – wählen Sie eine weniger gestreckte Größe.`,
  atLeastPixels: (model, pixels, width, height) =>
    `${model} erzeugt Bilder von mindestens ${number(pixels)} Pixeln – versuchen Sie ${width}×${height}.`,
  qualityNotTaken: (model, quality, qualities) =>
    `${model} nimmt die Qualität ${qualities.join(', ')} an, nicht „${quality}“.`,
  width: 'Die Breite',
  height: 'Die Höhe',
  noSuchModel: (id, example) => `Es gibt kein Modell namens „${id}“. Wählen Sie eines aus der Liste, etwa ${example}.`,
  noPrice: (model, provider) =>
    `${model} hat beim Anbieter ${provider} noch keinen Preis. Wählen Sie einen anderen Anbieter oder ein anderes Modell.`,
  replacedBy: (model, shutdown, replacement) =>
    `${model} wurde am ${shutdown} abgeschaltet: Stattdessen macht ${replacement}, sein Nachfolger, dieses Bild.`,
  liveRefused: (provider) =>
    `Die aktuelle Preisliste ${ofProvider(provider)} nannte für dieses Modell einen Preis, der nicht stimmen kann (kein Preis, oder weit weg von dem, was dort berechnet wurde); deshalb gilt der mit diesem Widget gelieferte Preis.`,
  shutDown: (model, shutdown) =>
    `${model} wurde am ${shutdown} abgeschaltet und kann hier nicht mehr erzeugt werden. Wählen Sie ein anderes Modell.`,
  shutsDown: (model, shutdown, replacement) =>
    `${model} wird am ${shutdown} abgeschaltet; ab dann macht ${replacement} diese Bilder.`,
  countRange: 'Die Anzahl der Bilder muss 1, 2, 3 oder 4 sein.',
  tooManyReferences: (model, max, extra) =>
    `${model} nimmt höchstens ${referenceImages(max)} an – entfernen Sie ${extra}.`,
  needsImage: (model) => `${model} bearbeitet ein Bild, das Sie angeben – fügen Sie das zu bearbeitende Bild hinzu.`,

  referenceWithoutSize: (index) =>
    `Referenzbild ${index} hat keine brauchbare Größe – verwenden Sie eine Bilddatei mit echter Breite und Höhe.`,
  firstMegapixel: 'Erstes Megapixel',
  moreMegapixels: (n) => counted('de', n, { one: 'weiteres Megapixel', other: 'weitere Megapixel' }),
  megapixels: (n) => `${mp(n)} Megapixel`,
  referenceImages: (n, megapixels) => `${referenceImages(n)} (${number(megapixels)} MP)`,
  referencesAtOneMp: (n) => `${referenceImages(n)} (je 1 MP)`,
  imageToEdit: (megapixels) => `Das zu bearbeitende Bild (${number(megapixels)} MP)`,
  flatPerImage: 'Festpreis pro Bild',
  topUpFee: (percent) => `Aufladegebühr (${percent.replace('.', ',')} % der Summe)`,
  siteShare: (percent) => `Anteil dieser Website (${percent.replace('.', ',')} %)`,
  timesImages: (count) => ` × ${count} Bilder`,
  chargedBefore: (most) => `Hier schon berechnet für dieses Modell und diese Größe: bis ${most} pro Bild`,
  forImages: (count) => `für ${images(count)}`,
  each: (price) => ` · je ${price}`,
  output: (megapixels) => ` · ${mp(megapixels)} MP Ausgabe`,
  plusReference: (megapixels) => ` + ${number(megapixels)} MP Referenz`,
  estimate: ' · geschätzt',
  atMost: (price) => `, höchstens ${price}`,
  estimateWhy: (provider) =>
    provider === 'puter'
      ? 'Eine Schätzung nach der Preisliste von Puter: Die Ausgabenübersicht verbucht, was Ihr Guthaben als berechnet zeigt.'
      : provider === 'fal'
        ? 'Eine Schätzung nach den veröffentlichten Preisen von fal: fal sagt nicht, was es berechnet hat, daher verbucht die Ausgabenübersicht diesen Preis.'
        : 'Eine Schätzung: Der Anbieter kann etwas anders abrechnen.',
  restatedWhy: (restated) =>
    restated === 'resellers'
      ? 'Eine Schätzung nach den Preisen von Wiederverkäufern, nicht nach denen des Anbieters selbst: Die Berechnung kann abweichen.'
      : 'Eine Schätzung nach dem, was Dritte über die Preise des Anbieters sagen, nicht nach seiner eigenen Seite: Die Berechnung kann abweichen.',
  credits: (credits) => `${credits} Credits · `,
  pricesFrom: (source, asOf) => `Preise: ${inGerman(source)}, Stand ${asOf}`,
  total: 'Summe',
  priceWhere: (model, provider) => `${model} ${atProvider(provider)}`,
  priceBookBroken: (where) =>
    `Diese Website hat ihren Preis für ${where} falsch angegeben, daher kann dafür kein Preis angezeigt werden. Wählen Sie ein anderes Modell, oder sagen Sie es dem Betreiber der Website.`,
});

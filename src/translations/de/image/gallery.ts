import type { GalleryStrings } from '../../../strings/image/gallery.js';
import { atProvider, number, ofProvider, words } from '../words.js';
import { parts, sentences } from '../../../strings/sentence.js';

export const gallery = sentences<GalleryStrings>({
  galleryLabel: 'Ihre erzeugten Bilder',
  download: 'Herunterladen',
  copy: 'Kopieren',
  vary: 'Variieren',
  asReference: 'Als Referenz',
  notSaved: (provider, until, download) =>
    parts`${download(`Laden Sie es ${until ? `vor ${until}` : 'jetzt'} herunter`)}: Es ist nicht in diesem Browser gespeichert (${words.theProvider(provider)} erlaubt es nicht), und sein Link läuft ${until ? 'dann' : 'bald'} ab.`,
  notSavedBrief: (until) => `Hier nicht gespeichert: Der Link läuft ${until ? `um ${until}` : 'bald'} ab.`,
  linkExpired: (provider, at) =>
    `Nicht in diesem Browser gespeichert, und der Link ${ofProvider(provider)} ist${at ? ` um ${at}` : ''} abgelaufen. Es wurde bezahlt; erzeugen Sie es noch einmal, um es zu haben.`,
  expiredImage: (prompt) => `Abgelaufenes Bild: ${prompt}`,
  openLabel: (prompt) => `In voller Größe öffnen: ${prompt}`,
  downloadLabel: (file) => `Herunterladen: ${file}`,
  inNewTab: (name) => `${name} (öffnet einen neuen Tab)`,
  copyLabel: (prompt) => `Bild kopieren: ${prompt}`,
  copied: 'Bild kopiert.',
  copyFailed: 'Dieser Browser hat der Seite das Kopieren des Bildes nicht erlaubt: Laden Sie es stattdessen herunter.',
  reuse: 'Wiederverwenden',
  reuseRevised: (provider) => `Prompt von ${words.providerName(provider)} wiederverwenden`,
  madeFrom: (provider, prompt) => `${words.TheProvider(provider)} hat es hieraus gemacht: ${prompt}`,
  varyLabel: (prompt, price) =>
    `Variieren ${price} (ein neues Bild: gleicher Prompt, gleiche Einstellungen, neuer Seed): ${prompt}`,
  varyEditLabel: (prompt, price) =>
    `Variieren ${price} (dieselbe Bearbeitung noch einmal am selben Bild, neuer Seed): ${prompt}`,
  referenceLabel: (prompt) => `Als Referenz verwenden: ${prompt}`,
  finalize: (model, price) => `Mit ${model} fertigstellen\u00a0·\u00a0${price}`,
  remove: 'Löschen',
  imageFacts: (model, provider, size, seed) =>
    `${model} · ${provider} · ${size}${seed === undefined ? '' : ` · Seed ${seed}`}`,
  paidFailures: 'Bezahlt, aber kein Bild',
  paidFailure: (model, provider, at, charged, reason) =>
    `${model} ${atProvider(provider)}, ${at}: ${charged} berechnet. ${reason}`,
  failureReason: (code) =>
    ({
      moderated: 'Der Anbieter hat es nach dem Start aus Sicherheitsgründen abgelehnt.',
      cancelled: 'Sie haben aufgehört zu warten, nachdem der Anbieter schon berechnet hatte.',
      timeout: 'Der Anbieter hat zu lange gebraucht; er hatte bei der Annahme schon berechnet.',
      network: 'Die Verbindung ist abgebrochen, bevor das Bild kam.',
    })[code] ?? 'Der Anbieter hat berechnet und konnte das Bild dann nicht liefern.',
  historyLabel: 'Frühere Bilder',
  moreActions: (prompt) => `Weitere Aktionen: ${prompt}`,
  closeLightbox: 'Schließen',
  previousImage: 'Vorheriges Bild',
  nextImage: 'Nächstes Bild',
  lightboxLabel: (prompt) => `Volle Größe: ${prompt}`,
  settingsFrom: (what) =>
    ({
      reuse: 'Prompt, Einstellungen und Seed des Bildes stehen im Formular.',
      revised:
        'Der Prompt, den der Anbieter verwendet hat, Einstellungen und Seed des Bildes stehen im Formular; das Umschreiben ist aus.',
      finalize:
        'Prompt, Größe und Seed des Bildes stehen im Formular, mit dem endgültigen Modell: Sein Preis wird angezeigt.',
      vary: 'Prompt und Einstellungen des variierten Bildes stehen im Formular.',
    })[what],
  referenceAdded: 'Das Bild ist als Referenz hinzugefügt.',
  deleted: (prompt) => `„${prompt}“ aus diesem Browser gelöscht.`,
  receipt: 'Beleg',
  receiptQuoted: 'Angekündigt',
  receiptCharged: 'Berechnet',
  receiptLeft: (provider) => `Übrig bei ${words.providerName(provider)}`,
  chargeBasis: (basis, provider, credits) =>
    ({
      reported: `Angabe ${ofProvider(provider)}${credits ? `: ${number(Number(credits))} Credits` : ''}`,
      quote: `die Vorschau: ${words.theProvider(provider)} sagt nicht, was berechnet wurde`,
      balance: `um so viel ist Ihr Guthaben bei ${words.providerName(provider)} gesunken`,
      bound: `das Höchste, was die Vorschau nannte: ${words.theProvider(provider)} sagt nicht, was berechnet wurde`,
      answer: `was laut Ihrer Antwort Ihr Konto bei ${words.providerName(provider)} zeigt`,
      record: `der Eintrag ${ofProvider(provider)} zu dieser Generierung`,
    })[basis],
  receiptDifference: (amount, more) =>
    amount ? `${amount} ${more ? 'mehr' : 'weniger'} als angekündigt.` : 'Wie angekündigt.',
  receiptOfBound: (over) => (over ? `${over} mehr als der angekündigte Höchstbetrag.` : 'Im Rahmen des Angekündigten.'),
  receiptMoved: (provider, amount) =>
    `Ihr Guthaben bei ${words.providerName(provider)} ist inzwischen um ${amount} gesunken; wo das von der Berechnung abweicht, sagt Ihr Konto dort, warum.`,
  paidWithOther: 'bezahlt mit dem Bild, das mit ihm entstand',
  receiptReported: (provider, figure) =>
    `Die Antwort ${ofProvider(provider)} nannte ${figure}, mehr als dieses Bild kosten kann oder gar nichts: hier festgehalten, nie gebucht.`,
  editOf: (prompt, source) => parts`Bearbeitung von: ${source(prompt)}`,
  editOfOwn: 'Bearbeitung eines eigenen Bildes',
  beforeAndAfter: 'Vorher und nachher',
  compareLabel: (prompt) => `Zwischen vorher (links) und nachher (rechts) schieben: ${prompt}`,
  compareValue: (before) => `Vorher ${before} %, nachher ${100 - before} %`,
});

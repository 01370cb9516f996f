import type { GenerationStrings } from '../../strings/generation.js';
import { atProvider, words } from './words.js';
import { sentences } from '../../strings/sentence.js';

/** The provider at the start of a sentence, where it is known, else "Der Anbieter". */
const whoIn = (provider?: string) => (provider ? words.TheProvider(provider) : 'Der Anbieter');

export const generation = sentences<GenerationStrings>({
  addressRefused: (provider) =>
    `${whoIn(provider)} hat eine Adresse geschickt, die diese Seite nicht aufruft. Versuchen Sie es später noch einmal.`,
  imageAddressRefused: (provider) =>
    `${whoIn(provider)} hat eine Bildadresse geschickt, die diese Seite nicht lädt. Versuchen Sie es noch einmal; wenn es wieder passiert, sagen Sie es dem Betreiber der Website.`,
  chargedOtherwise: (provider, charged, quoted) =>
    `${words.TheProvider(provider)} hat ${charged} berechnet; die Vorschau nannte ${quoted}. Ihre Ausgabenübersicht zählt, was berechnet wurde.`,
  chargedOfBound: (provider, charged, expected, most) =>
    `${words.TheProvider(provider)} hat ${charged} berechnet, im Rahmen der Vorschau: höchstens ${most}, etwa ${expected}. Ihre Ausgabenübersicht zählt, was berechnet wurde.`,
  chargedOverBound: (provider, charged, most, over, from) =>
    `${words.TheProvider(provider)} hat ${charged} berechnet, ${over} mehr als das Höchste, das die Vorschau nannte (${most}). Ihre Ausgabenübersicht zählt, was berechnet wurde. Ab jetzt nennt die Vorschau für dieses Modell und diese Größe höchstens ${from} pro Bild.`,
  keyRejected: (provider) =>
    `${whoIn(provider)} hat Ihren API-Schlüssel nicht angenommen. Prüfen Sie den Schlüssel (oder erstellen Sie in Ihrem Konto ${provider ? atProvider(provider) : 'beim Anbieter'} einen neuen) und versuchen Sie es noch einmal.`,
  signedKeyRefused: (provider) =>
    `${words.TheProvider(provider)} nimmt den Schlüssel Ihrer Anmeldung nicht mehr an (vielleicht widerrufen oder abgelaufen). Melden Sie sich erneut an.`,
  tooManyRequests: (waitSeconds, provider) =>
    `${whoIn(provider)} ist mit zu vielen Ihrer Anfragen beschäftigt. Warten Sie ${waitSeconds ? `${waitSeconds} s` : 'ein paar Sekunden'} und versuchen Sie es noch einmal.`,
  providerTrouble: (status, provider) =>
    `${whoIn(provider)} hatte ein Problem (HTTP ${status}). Versuchen Sie es gleich noch einmal.`,
  unknownProvider: (id) => `Den Anbieter „${id}“ gibt es hier noch nicht. Wählen Sie einen anderen Anbieter.`,
  adapterNotLoaded: (provider) =>
    `Was das Widget für ${words.theProvider(provider)} braucht, konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal: Nichts wurde gesendet, nichts wurde berechnet.`,
  vetoed: 'Die Seite hat diesen Auftrag angehalten, bevor er gesendet wurde.',
  promptMissing: 'Beschreiben Sie zuerst im Prompt-Feld das Bild, das Sie möchten.',
  editWithoutImage: 'Wählen Sie zuerst das Bild, das Sie bearbeiten möchten.',
  maskNotTaken:
    'Eine Bearbeitung nach Anweisung ändert das ganze Bild: Sie nimmt keinen bemalten Bereich. Wählen Sie „Bemalten Bereich ändern“, um einen zu nutzen.',
  maskMissing: 'Bemalen Sie zuerst auf dem Bild den Bereich, der sich ändern soll.',
  extendTakesNoMask: 'Eine Erweiterung füllt einen neuen Bereich um das Bild: Sie nimmt keinen bemalten Bereich.',
  extendMissing:
    'Geben Sie an, wie weit jede Seite des Bildes erweitert wird: Das erweiterte Bild ist das Bild mit diesen Rändern.',
  conversationNotKept:
    'Diese Bearbeitung wurde als Fortsetzung des Gesprächs berechnet, aus dem ihr Bild stammt, doch dieses Bild führt kein solches Gespräch mit diesem Modell hier: Wählen Sie das Bild noch einmal.',
  maskOfAnotherSize: (width, height, imageWidth, imageHeight) =>
    `Der bemalte Bereich ist ${width}×${height} Pixel groß, das Bild aber ${imageWidth}×${imageHeight}: Bemalen Sie ihn auf diesem Bild noch einmal.`,
  keyMissing: (provider, signIn) =>
    signIn
      ? `Melden Sie sich bei ${words.providerName(provider)} an (oder geben Sie Ihren eigenen Schlüssel für ${words.providerName(provider)} ein) und versuchen Sie es dann noch einmal.`
      : `Geben Sie Ihren eigenen API-Schlüssel für ${words.providerName(provider)} ein und versuchen Sie es dann noch einmal.`,
  notOnPage:
    'Dieses Widget ist nicht mehr auf der Seite: Fügen Sie es wieder ein und versuchen Sie es dann noch einmal.',
  outOfCredits:
    'Ihr Konto beim Anbieter hat kein Guthaben mehr. Laden Sie es dort auf und versuchen Sie es dann noch einmal.',
  outOfCreditsAt: (provider, host) =>
    `Ihr Konto ${atProvider(provider)} hat dafür nicht genug Guthaben. Laden Sie es ${host ? `unter ${host}` : atProvider(provider)} auf und versuchen Sie es dann noch einmal.`,
  chargedForIt: (provider, amount) =>
    `${words.TheProvider(provider)} hat trotzdem ${amount} dafür berechnet, und Ihre Ausgabenübersicht zählt es.`,
  cancelledCharged: (provider, amount) =>
    `Erzeugung abgebrochen, aber ${words.theProvider(provider)} hatte schon ${amount} dafür berechnet; Ihre Ausgabenübersicht zählt es.`,
  cancelledUncharged: 'Erzeugung abgebrochen. Dafür wurde nichts berechnet.',
  tookTooLong: (provider) => `${whoIn(provider)} hat zu lange nicht geantwortet. Versuchen Sie es gleich noch einmal.`,
  nothingCharged: 'Es wurde nichts berechnet.',
  moderated: (provider) =>
    `${whoIn(provider)} hat diesen Prompt oder seine Bilder aus Sicherheitsgründen abgelehnt. Formulieren Sie ihn um und versuchen Sie es noch einmal.`,
  promptModerated: (provider) =>
    `${whoIn(provider)} hat diesen Prompt aus Sicherheitsgründen abgelehnt: Formulieren Sie ihn um.`,
  chargedWithUpstream: (provider, fee, upstream) =>
    `${words.TheProvider(provider)} hat ${fee} berechnet, und der Anbieter des Modells hat ${upstream} über Ihren eigenen Schlüssel dort berechnet (Bring Your Own Key); beides ist verbucht.`,
  costNotReported: (provider, amount) =>
    `${words.TheProvider(provider)} hat nicht gesagt, was das gekostet hat, daher wird der Preis der Vorschau (${amount}) verbucht.`,
  modelRetiring: (provider, model, day) =>
    `${words.TheProvider(provider)} gibt an, ${model} am ${day} abzuschalten: Wählen Sie ab dann ein anderes Modell.`,
  costOfBoundNotReported: (provider, most) =>
    `${words.TheProvider(provider)} hat nicht gesagt, was das gekostet hat: höchstens ${most}. Ihre Ausgabenübersicht zählt das als vielleicht berechnet, bis Sie sagen, was Ihr Konto ${atProvider(provider)} zeigt.`,
  costReportedBeyondReason: (provider, reported, most) =>
    `${words.TheProvider(provider)} hat ${reported} als Kosten genannt, was kein Bild dieser Anfrage kosten kann, also wird das nicht gebucht: gebucht werden höchstens ${most}. Ihre Ausgabenübersicht zählt das als vielleicht berechnet, bis Sie sagen, was Ihr Konto ${atProvider(provider)} zeigt. Der Beleg behält, was genannt wurde.`,
  refused: (why, provider) =>
    `${whoIn(provider)} hat die Anfrage abgelehnt (${why}). Ändern Sie die Einstellungen und versuchen Sie es noch einmal.`,
  offline: (provider) =>
    `Dieses Gerät ist offline: Nichts wurde an ${words.theProvider(provider)} gesendet, und nichts wurde berechnet. Verbinden Sie sich mit dem Internet und versuchen Sie es noch einmal.`,
  relayNeeded: (provider) =>
    `${words.TheProvider(provider)} nimmt keine Anfragen direkt von Webseiten an, daher wurde nichts gesendet und nichts berechnet: Diese Website hat das Relay, das sie für ${words.theProvider(provider)} braucht, noch nicht eingerichtet.`,
  relayUnreachable:
    'Das Relay der Website hat dieser Seite nicht geantwortet (vielleicht führt es diese Website nicht unter seinen Origins), daher wurde nichts gesendet und nichts berechnet.',
  relayRefusedHost: (why) =>
    `Das Relay der Website hat es abgelehnt, diese Anfrage weiterzugeben (${why}), daher wurde nichts gesendet und nichts berechnet.`,
  relayRefusedHeaders:
    'Das Relay der Website gibt den Schlüssel dieses Anbieters nicht weiter, daher wurde nichts gesendet und nichts berechnet: Das Relay muss aktualisiert werden.',
  redirectRefused: (provider) =>
    `${whoIn(provider)} hat diese Anfrage an eine andere Adresse umgeleitet, an die diese Seite Ihren Schlüssel nicht sendet. Prüfen Sie die Adresse des Anbieters (endpoint).`,
  imageTooLarge: (provider) =>
    `${whoIn(provider)} hat ein Bild geschickt, weit größer als jedes, das dieses Modell erzeugt. Versuchen Sie es noch einmal.`,
  mayHaveBeenCharged: (provider, amount) =>
    `Keine Antwort kam, also hat ${words.theProvider(provider)} vielleicht ${amount} berechnet, vorerst mitgezählt.`,
  chargeNotSaid: (provider, amount) =>
    `${words.TheProvider(provider)} hat dafür vielleicht trotzdem ${amount} berechnet, vorerst mitgezählt.`,
  cancelledMaybeCharged: (provider, amount) =>
    `Abgebrochen nach dem Absenden: ${words.theProvider(provider)} hat vielleicht ${amount} berechnet, vorerst mitgezählt.`,
  connectionBroke: (provider, amount, once) =>
    `Die Verbindung brach ab: ${words.TheProvider(provider)} hat vielleicht ${
      once ? `${once} berechnet (bis zu ${amount}, falls mehrfach gesendet), alles` : `${amount} berechnet,`
    } vorerst mitgezählt.`,
  connectionBrokeAfterSending: 'Die Verbindung brach nach dem Absenden ab, vor jeder Antwort.',
  balanceShowsCharge: (provider, amount) =>
    `Ihr Guthaben bei ${words.providerName(provider)} zeigt, was es gekostet hat: ${words.theProvider(provider)} hat ${amount} dafür berechnet, und Ihre Ausgabenübersicht zählt es.`,
  balanceFellCounted: (provider, amount) =>
    `Ihr Guthaben bei ${words.providerName(provider)} ist um ${amount} gesunken: als berechnet gezählt.`,
  balanceMoved: (provider, amount) =>
    `Ihr Guthaben bei ${words.providerName(provider)} hat sich inzwischen um ${amount} verändert; das lässt sich nicht diesem Bild allein zuschreiben.`,
  balanceShowsNoCharge: (provider) =>
    `Ihr Guthaben bei ${words.providerName(provider)} zeigt noch keine Abbuchung; etwa eine Minute lang wird weiter geprüft.`,
  balanceShowsPart: (provider, amount) =>
    `Ihr Guthaben bei ${words.providerName(provider)} zeigt bisher ${amount} davon; etwa eine Minute lang wird weiter geprüft.`,
  balanceMovedShared: (provider, amount) =>
    `Ihr Guthaben bei ${words.providerName(provider)} änderte sich seither um ${amount}, vielleicht von anderswo.`,
  balanceShowsNoChargeShared: (provider) =>
    `Ihr Guthaben bei ${words.providerName(provider)} zeigt noch keine Abbuchung; sie kann später erscheinen.`,
  settledFromBalance: (provider, amount) =>
    amount
      ? `Ihr Guthaben bei ${words.providerName(provider)} zeigt, dass die letzte Anfrage ${amount} gekostet hat: als ausgegeben gezählt.`
      : `Ihr Guthaben bei ${words.providerName(provider)} zeigt keine Abbuchung für die letzte Anfrage: nichts wird gezählt.`,
  balanceCheckEnded: (provider) =>
    `Ihr Guthaben bei ${words.providerName(provider)} zeigte nichts weiter von der letzten Anfrage: sie bleibt vorerst mitgezählt, bis Sie unter Ihrer Ausgabenübersicht antworten.`,
  keyQuoted:
    'Die Antwort des Anbieters hat Ihren Schlüssel zitiert, daher werden ihre Worte hier nicht gezeigt. Prüfen Sie die Einstellungen und versuchen Sie es noch einmal.',
  unreadableReply: (provider) =>
    `${whoIn(provider)} hat eine Antwort geschickt, die diese Seite nicht lesen konnte. Versuchen Sie es gleich noch einmal.`,
  downloadFailed: (status) =>
    status
      ? `Das fertige Bild konnte nicht heruntergeladen werden (HTTP ${status}; sein Link ist vielleicht abgelaufen). Erzeugen Sie es noch einmal.`
      : 'Das fertige Bild konnte nicht geladen werden (sein Link ist vielleicht abgelaufen, oder es ist kein Bild). Erzeugen Sie es noch einmal.',
  imageUnreadable: (provider) =>
    `${whoIn(provider)} hat ein Bild geschickt, das dieser Browser nicht öffnen kann. Versuchen Sie es noch einmal.`,
  cannotMake: (provider) =>
    `${whoIn(provider)} konnte dieses Bild nicht erzeugen. Versuchen Sie es gleich noch einmal.`,
  queued: 'In der Warteschlange',
  generatingNow: 'Wird erzeugt',
  downloading: 'Bild wird heruntergeladen',
  imageOf: (status, index, count) => `${status} (${index} von ${count})`,
  imagesNotSaved:
    'Bilder lassen sich in diesem Browser nicht speichern: Sie bleiben erhalten, bis Sie die Seite verlassen.',
  seedNotWhole: (max) => `Der Seed muss eine ganze Zahl von 0 bis ${max} sein, etwa 42.`,
});

import type { SignInStrings } from '../../strings/sign-in.js';
import { words } from './words.js';
import { sentences } from '../../strings/sentence.js';
import { listed, pluralForm } from '../../strings/words.js';

/** How a key goes to whom it pays: through the site's relay at `relay` (its host), or, where there is none, straight. */
const wayOf = (relay: string, payee: string) => (relay ? `über das Relay unter ${relay}` : `direkt an ${payee}`);

export const signIn = sentences<SignInStrings>({
  // One compound, as German joins a name to a noun ("Hugging-Face-API-Schlüssel"), short enough for a phone beside
  // "Schlüssel holen ↗".
  keyLabel: (provider, token) => `${provider.replaceAll(' ', '-')}-${token ? 'Zugriffstoken' : 'API-Schlüssel'}`,
  keyNotSentHere: (others) =>
    `Ihr Schlüssel für ${listed('de', others)} bleibt dafür und wird nicht hierher gesendet: Diese Adresse braucht einen eigenen.`,
  keyGivenAnotherWay: (given, now, payee) =>
    `Ihr Schlüssel wurde gegeben, um ${listed(
      'de',
      given.map((relay) => wayOf(relay, payee)),
      'disjunction',
    )} zu gehen; diese Seite sendet ihn jetzt ${wayOf(now, payee)}, daher wird er nicht gesendet: Geben Sie ihn erneut ein, um ihn auf diesem Weg zu senden.`,
  waitingForKey: (n, provider) =>
    pluralForm('de', n, {
      one: `Ein bezahltes Bild aus einem früheren Besuch wartet bei ${provider}: Geben Sie Ihren Schlüssel ein, um es abzuholen.`,
      other: `${n} bezahlte Bilder aus einem früheren Besuch warten bei ${provider}: Geben Sie Ihren Schlüssel ein, um sie abzuholen.`,
    }),
  rememberKey: (token) => `${token ? 'Token' : 'Schlüssel'} auf diesem Gerät merken`,
  staySignedIn: 'Auf diesem Gerät angemeldet bleiben',
  keyStaysHere: (provider, relay) =>
    `Wird nur an ${provider} gesendet, wo Sie bezahlen${relay ? `, über das Relay dieser Website unter ${relay}` : ''}; bleibt auf dieser Seite, solange Sie das Feld nicht ankreuzen.`,
  getKey: (token) => `${token ? 'Token' : 'Schlüssel'} holen ↗`,
  signInWith: (provider) => `Mit ${provider} anmelden`,
  signInAgain: (provider) => `Erneut mit ${provider} anmelden`,
  signedKeyRefused: (provider) => `${provider} hat den Schlüssel Ihrer Anmeldung abgelehnt`,
  signedKeyNotAllowed: (provider) => `Ihre Anmeldung bei ${provider} erlaubt keine Bilder`,
  signedInWith: (provider) => `Angemeldet mit ${provider}`,
  orPasteKey: (token) => `oder ${token ? 'Token' : 'Schlüssel'} unten einfügen.`,
  leftOf: (left, cap, provider, keyBudget) =>
    cap
      ? `${left} von Ihrem Limit von ${cap} bei ${provider} übrig`
      : keyBudget
        ? `${left} vom Budget dieses Schlüssels bei ${provider} übrig`
        : `${left} übrig bei ${provider}`,
  noCapOnKey: (provider) => `${provider} hat für diesen Schlüssel kein Limit gesetzt`,
  keyUntil: (date) => `der Schlüssel gilt bis ${date}`,
  keyExpired: (provider, date) => `Ihr ${provider}-Schlüssel ist am ${date} abgelaufen: Melden Sie sich erneut an.`,
  revokeKey: 'Diesen Schlüssel widerrufen ↗',
  signInCancelled: (provider) =>
    `Die Anmeldung mit ${words.providerName(provider)} wurde abgebrochen. Melden Sie sich erneut an oder geben Sie Ihren eigenen Schlüssel ein.`,
  signInFailed: (provider) =>
    `${words.providerName(provider)} hat die Anmeldung nicht abgeschlossen. Melden Sie sich erneut an oder geben Sie Ihren eigenen Schlüssel ein.`,
  signInMismatch:
    'Diese Antwort auf eine Anmeldung gehört nicht zu dieser Seite (vielleicht ein alter oder gefälschter Link). Melden Sie sich erneut an.',
  signInLost:
    'Diese Anmeldung wurde vor mehr als 15 Minuten begonnen und kann nicht mehr abgeschlossen werden. Melden Sie sich erneut an.',
  signInUnavailable:
    'Die Anmeldung braucht einen Browser mit Web Crypto und Session Storage (eine sichere Seite: https oder localhost).',
  noSignIn: (provider) =>
    `Mit ${words.providerName(provider)} kann man sich hier nicht anmelden: Geben Sie Ihren eigenen Schlüssel ein.`,
  cannotPayYet: (provider) =>
    `${provider} sagt, dieses Konto kann noch keine Bilder bezahlen: Es hat kein Guthaben und keine Zahlungsart. Kaufen Sie dort zuerst Guthaben oder ein Abonnement.`,
  accountCannotPay: (provider) => `Ihr Konto bei ${provider} kann noch keine Bilder bezahlen`,
  grantLabel: (provider) => `Wie viel darf diese Website von Ihrem Konto bei ${provider} ausgeben? (US-$)`,
  grantNote: (provider) =>
    `${provider} setzt dieses Limit auf den Schlüssel, den diese Website bekommt, und lehnt ab, was darüber hinausginge; Sie können den Schlüssel dort jederzeit widerrufen.`,
  grantContinue: (provider) => `Weiter zu ${provider}`,
  grantCancel: 'Abbrechen',
  grantNotAnAmount: 'Geben Sie einen Betrag in US-Dollar über null ein, etwa 5 oder 2,50.',
  grantThousands: (typed) =>
    `„${typed}“ könnte tausend oder mehr sein, oder ein paar Dollar: Schreiben Sie den Betrag ohne Tausendertrennzeichen, etwa 1000 oder 2,50.`,
  grantDaysLabel: 'Für wie viele Tage? (1–365)',
  grantNotDays: 'Geben Sie eine ganze Zahl von Tagen von 1 bis 365 ein, etwa 7.',
  leftOnAccount: (left) => `${left} übrig`,
  signOut: 'Abmelden',
  puterAccount: 'Puter-Konto',
  signInPuter: 'Mit Puter anmelden',
  signInPuterWhy: 'um selbst zu bezahlen.',
  puterStorageFull:
    'Ihr Puter-Speicher ist voll, daher bleiben neue Bilder nur in diesem Browser. Schaffen Sie Platz in Ihren Puter-Dateien, dann werden sie mit dem nächsten Bild, das Sie behalten, dorthin kopiert.',
  overBalance: (provider, left) => `Ihr Guthaben bei ${provider} beträgt ${left}`,
  overCap: (provider, left, price, signedIn) =>
    `${signedIn ? `Vom Limit, das Sie dieser Website bei ${provider} gegeben haben,` : `Vom eigenen Limit Ihres Schlüssels bei ${provider}`} sind ${left} übrig (nicht Ihr Guthaben), und dieses Bild kostet ${price}`,
  raiseKeyLimit: (provider) => `Limit des Schlüssels bei ${provider} erhöhen ↗`,
  outOfCredit: (provider) => `Ihr Konto bei ${provider} hat kein Guthaben mehr`,
  shortOfCredit: (provider) => `Ihr Konto bei ${provider} hat nicht genug Guthaben für dieses Bild`,
  addFunds: (provider) => `Ihr Dashboard bei ${provider} öffnen ↗`,
});

import type { PuterStrings } from '../../../providers/puter/words.js';
import { sentences } from '../../../strings/sentence.js';

export const puter = sentences<PuterStrings>({
  cancelled: 'Erzeugung abgebrochen. Puter berechnet sie vielleicht trotzdem.',
  settingsRefused:
    'Puter meldet, dass der Anbieter des Modells diese Einstellungen abgelehnt hat. Ändern Sie Größe, Modell oder Referenzbilder: Sie unverändert noch einmal zu senden, hilft nicht.',
  modelFailed:
    'Puter konnte dieses Bild nicht erzeugen: Der Anbieter des Modells ist gescheitert oder hat den Prompt aus Sicherheitsgründen abgelehnt (Puter sagt nicht, was davon). Nichts wurde berechnet. Versuchen Sie es noch einmal oder formulieren Sie den Prompt um.',
  verify: (what) =>
    `Puter möchte, dass Sie ${what === 'email' ? 'Ihre E-Mail-Adresse bestätigen' : what === 'phone' ? 'Ihre Telefonnummer bestätigen' : 'Ihre Karte bestätigen'}, bevor Sie erzeugen können. Tun Sie das auf puter.com und versuchen Sie es dann noch einmal.`,
  creditsLeft: (credits) =>
    `Ihr Puter-Konto hat noch ${credits} Credits. Puter sagt nicht, wie viel ein Credit in Dollar wert ist, daher lässt sich dieser Preis nicht daran messen, bis eine Erzeugung hier es zeigt; was Ihre Credits nicht decken, lehnt Puter ab und berechnet dann nichts.`,
  balanceShort: (price, left, cheaper) =>
    `Das kostet ${price}, und Ihr Puter-Konto hat noch ${left}. Laden Sie auf puter.com auf${cheaper ? ` oder wählen Sie ${cheaper}` : ''} und versuchen Sie es dann noch einmal.`,
  noCredits:
    'Ihr Puter-Konto hat keine Credits mehr. Laden Sie auf puter.com auf und versuchen Sie es dann noch einmal.',
  waitingForSlot: (limit) => `Warten: Puter erzeugt für dieses Konto ${limit} Bilder gleichzeitig`,
  signedInAgain:
    'Ihre Puter-Sitzung war abgelaufen; Sie sind jetzt wieder angemeldet, und nichts wurde berechnet. Erzeugen Sie noch einmal.',
  popupBlocked:
    'Ihr Browser hat das Anmeldefenster von Puter blockiert: Erlauben Sie Pop-ups für diese Website und melden Sie sich dann erneut an.',
  signInAgain: 'Melden Sie sich mit Puter an und versuchen Sie es dann noch einmal.',
  asksToSignIn:
    'Ihre Puter-Sitzung ist abgelaufen: Puter bittet Sie in seinem Fenster auf dieser Seite, sich erneut anzumelden',
  trustedTypesBlocked:
    "Die Sicherheitseinstellungen dieser Website (Trusted Types) lassen das Widget das Skript von Puter nicht laden: Die Website muss die Richtlinie 'userpays' erlauben.",
});

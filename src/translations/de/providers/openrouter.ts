import type { OpenRouterStrings } from '../../../providers/openrouter/words.js';
import { words } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const openrouter = sentences<OpenRouterStrings>({
  keyRevoked: `${words.providerName('openrouter')} hat Ihren Schlüssel abgelehnt: Er wurde vielleicht widerrufen, oder die Anmeldung ist abgelaufen. Melden Sie sich erneut an oder geben Sie einen anderen Schlüssel ein.`,
  flagged: (reasons) =>
    `${words.providerName('openrouter')} hat den Prompt nach seinen Moderationsregeln beanstandet${reasons ? ` (${reasons})` : ''} und nichts erzeugt. Ändern Sie den Prompt und versuchen Sie es noch einmal.`,
  keyLimit: (signedIn) =>
    signedIn
      ? `${words.providerName('openrouter')} hat nichts erzeugt: Dieses Bild ginge über das Ausgabenlimit, das Sie dieser Website bei der Anmeldung gegeben haben. Um weiterzumachen, melden Sie sich ab und mit einem höheren Limit wieder an.`
      : `${words.providerName('openrouter')} hat nichts erzeugt: Dieses Bild ginge über das Ausgabenlimit Ihres Schlüssels. Erhöhen Sie das Limit des Schlüssels auf der Schlüsselseite von ${words.providerName('openrouter')}, oder geben Sie einen anderen Schlüssel ein.`,
  refused: (said, reasons) =>
    `${words.providerName('openrouter')} hat diese Anfrage abgelehnt${reasons ? ` (${reasons})` : ''} und nichts erzeugt${said ? `: „${said}“` : '.'}`,
  noImage: `${words.providerName('openrouter')} hat ohne Bild geantwortet. Versuchen Sie es noch einmal.`,
  imageNotData:
    'Der Anbieter hat sein Bild in einer Form geschickt, die diese Seite nicht lesen konnte (keine base64-Bilddaten). Versuchen Sie es noch einmal.',
});

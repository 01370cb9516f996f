import type { PollinationsStrings } from '../../../providers/pollinations/words.js';
import { sentences } from '../../../strings/sentence.js';

export const pollinations = sentences<PollinationsStrings>({
  keyRefused:
    'Pollinations hat Ihren Schlüssel nicht angenommen: Er ist vielleicht abgelaufen (ein Schlüssel aus der Anmeldung gilt so viele Tage, wie Sie gewählt haben) oder widerrufen. Melden Sie sich erneut mit Pollinations an.',
  budgetUsed:
    'Diese Website hat das Budget ausgegeben, das Sie ihr bei Pollinations gegeben haben. Melden Sie sich erneut mit Pollinations an, um ihr ein neues Budget zu geben.',
  paidOnly: (model) =>
    `Pollinations verkauft ${model} nur gegen gekaufte Pollen, nicht gegen die kostenlosen, die Ihr Konto jeden Tag bekommt. Kaufen Sie Pollen bei Pollinations, oder wählen Sie ein anderes Modell.`,
  modelNotAllowed: (model) =>
    `Ihr Pollinations-Schlüssel darf ${model} nicht verwenden: Bei der Anmeldung haben Sie dieser Website andere Modelle erlaubt. Melden Sie sich erneut mit Pollinations an und erlauben Sie es, oder wählen Sie ein anderes Modell.`,
  signInFailed: 'Pollinations hat die Anmeldung nicht abgeschlossen. Melden Sie sich erneut mit Pollinations an.',
  noAppKey:
    'Diese Website hat die Anmeldung mit Pollinations noch nicht eingerichtet. Geben Sie stattdessen einen Pollinations-Schlüssel ein.',
  enhanceOnOrOff: 'Die Prompt-Verbesserung bei Pollinations ist entweder an oder aus (true oder false).',
  noEnhanceWithImages:
    'Pollinations verbessert den Prompt nicht, wenn es ein Bild zum Bearbeiten erhält: Schalten Sie die Prompt-Verbesserung aus, um es zu senden.',
});

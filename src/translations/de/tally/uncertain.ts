import type { UncertainStrings } from '../../../strings/tally/uncertain.js';
import { atProvider, words } from '../words.js';
import { parts, sentences } from '../../../strings/sentence.js';

const timesSaid = (times: number) => (times === 2 ? 'Zweimal' : `${times}-mal`);

export const uncertain = sentences<UncertainStrings>({
  uncertainLabel: 'Was diese gekostet haben, ist noch nicht bekannt',
  uncertainEntry: (model, sent, amount, provider, sends, shown, made) =>
    made
      ? parts`${model}, erstellt ${sent}: ${words.TheProvider(provider)} hat nicht gesagt, was es gekostet hat; höchstens ${amount} wurden vielleicht berechnet. Wenn Ihr Konto ${atProvider(provider)} zeigt, was es gekostet hat, sagen Sie es; bis dahin bleibt es gezählt.`
      : parts`${model}, gesendet ${sent}: ${shown ? parts`${shown} davon zeigt Ihr Guthaben ${atProvider(provider)}; ` : ''}${sends ? 'bis zu ' : ''}${amount} wurden vielleicht${shown ? ' zusätzlich' : ''} berechnet${sends ? ` (ein Browser sendet eine Anfrage vielleicht erneut, wenn die Verbindung abbricht: bis zu ${sends}-mal insgesamt)` : ''}. Wenn Ihr Konto ${atProvider(provider)} ${shown ? 'mehr' : 'es'} zeigt, sagen Sie es; bis dahin bleibt es gezählt.`,
  uncertainCharged: (amount) => parts`Es wurde berechnet, ${amount}`,
  uncertainChargedOnce: (amount) => parts`Einmal berechnet, ${amount}`,
  uncertainChargedTimes: (times, amount) => parts`${timesSaid(times)} berechnet, ${amount}`,
  uncertainBalanceFell: (provider, amount, times) =>
    `Ihr Guthaben ${atProvider(provider)} ist um ${amount} gesunken: als ${times === 1 ? 'einmal' : timesSaid(times).toLowerCase()} berechnet zählen`,
  uncertainCountedOnce: (amount) => `Als einmal berechnet gezählt: ${amount}.`,
  uncertainCountedTimes: (times, amount) => `Als ${timesSaid(times).toLowerCase()} berechnet gezählt: ${amount}.`,
  uncertainCountedCharged: (amount) => `Als berechnet gezählt: ${amount}.`,
  uncertainCountedNone: 'Als nicht berechnet gezählt.',
  uncertainChargedMore: (total, sends) => parts`${sends === 2 ? 'Zweimal' : 'Mehr als einmal'}, ${total}`,
  uncertainOnlyShown: (shown) => parts`Nur ${shown}`,
  uncertainMoreShown: (total) => parts`Mehr, ${total} insgesamt`,
  uncertainNotCharged: 'Nicht berechnet',
  uncertainGroup: (count, model, sent, amount, provider, sends) =>
    parts`${count} Anfragen für ${model}, gesendet ${sent}: je ${sends ? 'bis zu ' : ''}${amount} wurden vielleicht berechnet${sends ? ` (ein Browser sendet eine Anfrage vielleicht erneut, wenn die Verbindung abbricht: jede bis zu ${sends}-mal insgesamt)` : ''}. Wenn Ihr Konto ${atProvider(provider)} sie zeigt, sagen Sie es; bis dahin bleiben sie gezählt.`,
  uncertainEachOnce: (total) => parts`Jede einmal berechnet: ${total} insgesamt`,
  uncertainAllCharged: (total) => parts`Alle wurden berechnet: ${total} insgesamt`,
  uncertainNoneCharged: 'Keine wurde berechnet',
  uncertainAnswerEach: 'Einzeln beantworten',
  uncertainNth: (index, count, sent) => `Anfrage ${index} von ${count}, gesendet ${sent}`,
});

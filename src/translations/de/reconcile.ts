import type { ReconcileStrings } from '../../strings/reconcile.js';
import { sentences } from '../../strings/sentence.js';
import { counted } from '../../strings/words.js';
import { atProvider, ofProvider, words } from './words.js';

const charges = (count: number) => counted('de', count, { one: 'Abbuchung', other: 'Abbuchungen' });

export const reconcile = sentences<ReconcileStrings>({
  reconcileAction: 'Mit meinem Konto abgleichen',
  reconcileAsking: 'Ihre Konten werden gefragt …',
  periodDay: 'heute (UTC-Tag)',
  periodWeek: 'diese Woche (UTC, ab Montag)',
  periodMonth: 'diesen Monat (UTC)',
  reconcileAgrees: (provider, period, theirs) =>
    `Laut ${words.providerName(provider)} wurden mit diesem Schlüssel ${period} ${theirs} berechnet, und dieser Browser hat ${atProvider(provider)} ${theirs} verbucht: Das stimmt überein.`,
  reconcileMore: (provider, period, theirs, ours, difference) =>
    `Laut ${words.providerName(provider)} wurden mit diesem Schlüssel ${period} ${theirs} berechnet; dieser Browser hat ${ours} verbucht: ${difference} wurden anderswo mit diesem Schlüssel ausgegeben (auf einer anderen Website, in einer App oder einem anderen Browser) oder hier nicht verbucht.`,
  reconcileLess: (provider, period, theirs, ours, difference) =>
    `Laut ${words.providerName(provider)} wurden mit diesem Schlüssel ${period} ${theirs} berechnet; dieser Browser hat ${ours} verbucht, ${difference} mehr: Ein Teil wurde mit einem anderen Schlüssel bezahlt, oder ${words.theProvider(provider)} zeigt ihn noch nicht.`,
  reconcileUncertain: (count, amount) =>
    `Nicht im Betrag dieses Browsers: ${charges(count)}, noch nicht bekannt (keine Antwort sagte es, oder sie laufen noch), die bis zu ${amount} gekostet haben können; der Betrag des Kontos kann sie enthalten.`,
  reconcileFolded: (amount) =>
    `Ältere Abbuchungen an diesen Tagen, insgesamt ${amount}, sind hier als Tagessummen gespeichert, die nicht sagen, an wen sie gingen: Sie sind nicht im Betrag dieses Browsers.`,
  reconcilePartway: (provider, since) =>
    `Diese Übersicht begann ${since}: Was ${words.theProvider(provider)} davor berechnet hat, steht nur in seinem Betrag.`,
  reconcileNoKey: (provider) =>
    `Geben Sie Ihren Schlüssel ein, um abzugleichen: Auf diesem Gerät ist kein Schlüssel für ${words.providerName(provider)} gespeichert. Geben Sie ihn im Bild-Widget mit „Schlüssel auf diesem Gerät merken“ ein, oder melden Sie sich dort an.`,
  reconcileKeyRefused: (provider) =>
    `${words.TheProvider(provider)} hat Ihren Schlüssel abgelehnt: Es wurde nichts verglichen. Geben Sie Ihren Schlüssel erneut ein, oder melden Sie sich erneut an.`,
  reconcileUnreadable: (provider) =>
    `Die Beträge ${ofProvider(provider)} ließen sich nicht lesen (offline, oder die Antwort war nicht wie erwartet): Es wurde nichts verglichen. Versuchen Sie es später noch einmal.`,
  reconcileNotPublished: (provider) =>
    `${words.TheProvider(provider)}: für Ihren Schlüssel nicht veröffentlicht. Die Nutzungszahlen brauchen einen Admin-Schlüssel, es gibt also nichts, das sich neben diese Übersicht stellen ließe; Ihr Konto dort zeigt, was berechnet wurde.`,
  reconcileNoneFound: (provider) =>
    `${words.TheProvider(provider)} lässt Ihren Schlüssel, soweit bekannt, keinen Betrag dessen lesen, was berechnet wurde: nichts, das sich neben diese Übersicht stellen ließe. Ihr Konto dort zeigt, was berechnet wurde.`,
  reconcileBalanceOnly: (provider) =>
    `${words.TheProvider(provider)} sagt Ihrem Schlüssel nur, wie viele Credits übrig sind, nicht, was in einem Zeitraum berechnet wurde: nichts, das sich neben diese Übersicht stellen ließe. Ihr Konto dort zeigt, was berechnet wurde.`,
  reconcileSiteAgrees: (provider, period, theirs) =>
    `Laut ${words.providerName(provider)} wurden auf dieser Website ${period} ${theirs} berechnet, auf allen Geräten, die bei Ihrem Konto angemeldet sind, und diese Übersicht hat ${atProvider(provider)} ${theirs} verbucht: Das stimmt überein.`,
  reconcileSiteMore: (provider, period, theirs, ours, difference) =>
    `Laut ${words.providerName(provider)} wurden auf dieser Website ${period} ${theirs} berechnet, auf allen Geräten, die bei Ihrem Konto angemeldet sind; diese Übersicht hat ${ours} verbucht: ${difference} wurden auf dieser Website auf einem anderen Gerät oder in einem anderen Browser ausgegeben, dessen Abbuchungen nicht in dieser Übersicht stehen, gingen an das, was die Website in Ihrem Konto speichert oder sendet (Dateien, Verlauf, gesendete Daten), oder wurden hier nicht verbucht.`,
  reconcileSiteLess: (provider, period, theirs, ours, difference) =>
    `Laut ${words.providerName(provider)} wurden auf dieser Website ${period} ${theirs} berechnet, auf allen Geräten, die bei Ihrem Konto angemeldet sind; diese Übersicht hat ${ours} verbucht, ${difference} mehr: ${words.TheProvider(provider)} zeigt noch nicht alles, oder ein Teil wurde von einem anderen Konto bezahlt.`,
  reconcileSignIn: (provider) =>
    `Melden Sie sich bei ${words.providerName(provider)} an, um abzugleichen: Auf dieser Seite ist niemand dort angemeldet. Melden Sie sich im Bild-Widget an, dann gleichen Sie erneut ab.`,
  reconcileCredits: (provider) =>
    `${words.TheProvider(provider)} führt Ihr Konto in Credits, deren Wert in Dollar hier nicht bekannt ist: Es wurde nichts verglichen. Ihr Konto dort zeigt, was berechnet wurde.`,
  reconcileNoSite: (provider) =>
    `Die Antwort ${ofProvider(provider)} sagt nicht, was diese Website diesen Monat ausgegeben hat: Es wurde nichts verglichen. Ihr Konto dort zeigt, was berechnet wurde.`,
  reconcileNothing: 'In dieser Übersicht wurde nichts ausgegeben: Es gibt nichts abzugleichen.',
  reconcileNotLoaded:
    'Der Abgleich konnte nicht starten (offline?): Es wurde nichts gefragt. Versuchen Sie es später noch einmal.',
});

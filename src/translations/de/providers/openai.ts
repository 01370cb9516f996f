import type { OpenAiStrings } from '../../../providers/openai/words.js';

export const openai: OpenAiStrings = {
  badPath: (path) =>
    `Der in der Preisliste gesetzte Gateway-Pfad („${path}“) bleibt nicht auf der Adresse des Gateways: Schreiben Sie ihn als Pfad, etwa "/v1/images/generations".`,
  organizationUnverified: (url) =>
    `Ihr Schlüssel funktioniert, aber OpenAI lässt nur verifizierte Organisationen dieses Modell nutzen. Verifizieren Sie Ihre Organisation unter ${url} und versuchen Sie es dann erneut (das kann einige Minuten dauern), oder wählen Sie ein anderes Modell.`,
};

import type { OpenAiStrings } from '../../../providers/openai/words.js';

export const openai: OpenAiStrings = {
  badPath: (path) =>
    `Der in der Preisliste gesetzte Gateway-Pfad („${path}“) bleibt nicht auf der Adresse des Gateways: Schreiben Sie ihn als Pfad, etwa "/v1/images/generations".`,
};

import type { PuterAccountStrings } from '../../../strings/image/puter-account.js';

export const puterAccount: PuterAccountStrings = {
  puterAccount: () => 'Puter-Konto',
  signInPuter: () => 'Mit Puter anmelden',
  signInPuterWhy: () => 'um von Ihrem eigenen Konto zu bezahlen.',
};

/** Puter's account line in the panels: who pays, and Sign in with Puter (accounts/puter/). */

export interface PuterAccountStrings {
  puterAccount(): string;
  signInPuter(): string;
  signInPuterWhy(): string;
}

export const puterAccount: PuterAccountStrings = {
  puterAccount: () => 'Puter account',
  signInPuter: () => 'Sign in with Puter',
  signInPuterWhy: () => 'to pay from your own account.',
};

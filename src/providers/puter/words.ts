/**
 * What Puter's adapter and account say, and only they (src/strings/ holds the sentences several parts share, and the
 * account line's own words, which the panels draw; docs/architecture.md, "Strings"): loaded with the adapter.
 */

export const cancelled = () => 'Generation cancelled. Puter may still charge for it.';
export const settingsRefused = () =>
  "The model's provider refused these settings. Change the size, model or reference images: sending them again unchanged will not help.";
export const modelFailed = () =>
  "Puter could not make this image: the model's provider failed, or refused the prompt for safety reasons (Puter does not say which). Nothing was charged. Try again, or rephrase the prompt.";
export const verify = (what: 'email' | 'phone' | 'card') =>
  `Puter asks you to ${what === 'email' ? 'confirm your email address' : `verify your ${what === 'phone' ? 'phone number' : 'card'}`} before it lets you generate. Do that at puter.com, then try again.`;
export const creditsLeft = (credits: string) =>
  `Your Puter account has ${credits} credits left. Puter does not say what a credit is worth in dollars, so this price cannot be checked against them until a generation here shows it; Puter refuses what your credits cannot cover, and charges nothing then.`;
export const waitingForSlot = (limit: number) => `Waiting: Puter makes ${limit} images at a time for this account`;
export const signedInAgain = () =>
  'Your Puter session had ended; you are signed in again now, and nothing was charged. Generate again.';
export const popupBlocked = () =>
  'Your browser blocked the Puter sign-in window: allow pop-ups for this site, then sign in again.';
export const signInAgain = () => 'Sign in with Puter, then try again.';

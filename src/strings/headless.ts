// Said to the page's developer, never to its user: what a page's `UserPays.generate` (or `signIn`) call gave that it
// does not take. The headless API speaks English: in English only, and no part of `Strings` (docs/translating.md,
// "What stays in English"). Only the headless API says them, so they load with it (its chunk), not with the widget.
export const notAGenerateRequest = () =>
  'Describe what to generate: an object such as { provider: "bfl", model: "flux-2-klein-4b", prompt: "a lighthouse at dawn" }.';
export const optionsNotAnObject = () => 'The options must be an object, such as { apiKey, storageKey, budget }.';
export const promptNotText = () => 'Describe the image you want: prompt must be text, such as "a lighthouse at dawn".';
export const notText = (name: string) => `${name} must be text (a string).`;
export const budgetNotAnAmount = () =>
  'The budget must be an amount of dollars written as text, such as "2.50", so that nothing is spent past a mistyped one.';
export const referencesNotImages = () =>
  'references must be a list of image files (File or Blob objects), such as the files of an <input type="file">.';
export const settingsNotAnObject = () =>
  'settings must be an object of the model\'s own controls, such as { enhancePrompt: false, outputFormat: "png" }.';
export const notAFunction = (name: string) => `${name} must be a function.`;
export const notASignal = () => 'signal must be an AbortSignal (the signal of an AbortController).';
export const notAPriceBook = () => "priceBook must be an object of prices, as the widget's priceBook property takes.";
export const capNotAnAmount = () =>
  'cap must be an amount of dollars above zero written as text, such as "5" or "2.50": the most the key may spend.';
export const daysNotAWholeNumber = () =>
  'days must be a whole number of days from 1 to 365 written as text, such as "7": how long the key lasts.';
export const notACheckRequest = () =>
  'Say what to check: an object such as { provider: "bfl", apiKey } (UserPays.check, docs/check.md).';
export const notAProvider = (names: string) => `provider must be one of ${names}.`;
export const notABoolean = (name: string) => `${name} must be true or false.`;

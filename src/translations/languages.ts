/**
 * The translations bundled with the widget, by primary language subtag: each a chunk of its own, loaded the first
 * time an element's closest `lang` asks for it (once, shared; a failed load is tried again the next time). English is
 * built in, each module with the code that says it; any other language comes through the `strings` property.
 */
import { lazily } from '../base/lazily.js';
import type { Strings } from '../strings/strings.js';

const BUNDLED: Record<string, () => Promise<Strings>> = {
  de: lazily(() => import('./de.js').then((module) => module.de)),
};

/**
 * The bundled words of BCP 47 `lang` (`de`, `de-AT`: German), loading (undefined where they could not load: English
 * until the language changes again); undefined for English or a language not bundled.
 */
export function bundledWords(lang: string): Promise<Strings | undefined> | undefined {
  const language = lang.split('-')[0].toLowerCase();
  // Only the languages listed: `constructor` or `__proto__` would otherwise find what every object inherits.
  return Object.hasOwn(BUNDLED, language) ? BUNDLED[language]().catch(() => undefined) : undefined;
}

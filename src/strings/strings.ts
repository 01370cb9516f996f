/**
 * The widget's words as one typed whole, `Strings`: each module of `src/strings/` is an interface (what a translation
 * gives) and its English, typed by it. English is the default, and each English module loads with the code that says
 * it (the form's with the first paint, the engine's with the engine). An element speaks the language of its closest
 * `lang` (languages.ts loads a bundled translation, German, when a `lang` asks for it) with its `strings` property
 * over it: a `Translation`, whole or in part (docs/translating.md).
 *
 * What the layers below the elements say (an error a provider throws, a progress status, what was charged) is said
 * in English with its name and values, a `Sentence`, for the element that shows it to word in its own language.
 */
import type { CheckStrings } from './check.js';
import type { CompareStrings } from './image/compare.js';
import type { ControlsStrings } from './image/controls.js';
import type { EditorStrings } from './image/editor.js';
import type { ErrorsStrings } from './errors.js';
import type { GalleryStrings } from './image/gallery.js';
import type { GenerationStrings } from './generation.js';
import type { LedgerStrings } from './ledger.js';
import type { ModelsStrings } from './image/models.js';
import type { MoreOptionsStrings } from './more-options.js';
import type { OffersStrings } from './image/offers.js';
import type { PricesStrings } from './prices.js';
import type { ProgressStrings } from './image/progress.js';
import type { PromptsStrings } from './image/prompts.js';
import type { ReferencesStrings } from './references.js';
import type { SettingsStrings } from './settings.js';
import type { SignInStrings } from './sign-in.js';
import type { TallyLineStrings } from './tally/tally-line.js';
import type { TallyStrings } from './tally/tally.js';
import type { TokenPricesStrings } from './token-prices.js';
import type { UncertainStrings } from './tally/uncertain.js';
import type { WidgetStrings } from './image/widget.js';
import type { PickersStrings } from './image/pickers.js';
import type { WordsStrings } from './words.js';
import type { EditPricesStrings } from './edit-prices.js';
import type { BoundsStrings } from './image/bounds.js';
import { isSentence, sentencesOf, type Sayer, type Sentence } from './sentence.js';

export type { Sayer, Sentence };

/**
 * Every word the widget shows or emits, by module. A words module that lives elsewhere (a provider's, in its own
 * folder) adds itself here by declaration merging: `declare module '…/strings/strings.js' { interface Strings { … } }`.
 */
export interface Strings {
  bounds: BoundsStrings;
  check: CheckStrings;
  compare: CompareStrings;
  controls: ControlsStrings;
  editor: EditorStrings;
  editPrices: EditPricesStrings;
  errors: ErrorsStrings;
  gallery: GalleryStrings;
  generation: GenerationStrings;
  ledger: LedgerStrings;
  models: ModelsStrings;
  moreOptions: MoreOptionsStrings;
  offers: OffersStrings;
  pickers: PickersStrings;
  prices: PricesStrings;
  progress: ProgressStrings;
  prompts: PromptsStrings;
  references: ReferencesStrings;
  settings: SettingsStrings;
  signIn: SignInStrings;
  tallyLine: TallyLineStrings;
  tally: TallyStrings;
  tokenPrices: TokenPricesStrings;
  uncertain: UncertainStrings;
  widget: WidgetStrings;
  words: WordsStrings;
}

/**
 * Words over English, module by module and sentence by sentence, as the `strings` property takes them: a whole
 * translation, or a few sentences a page words its own way. What it leaves out is said in the element's language.
 */
export type Translation = { [M in keyof Strings]?: Partial<Strings[M]> };

/** The words of `module` in force: `translation`'s, and `english` where it gives none (or there is none). */
export const wordsIn = <M extends keyof Strings>(
  translation: Translation | undefined,
  module: M,
  english: Strings[M],
): Strings[M] => ({ ...english, ...translation?.[module] });

/** A sentence's value as said: a sentence in `translation`'s words (English without one), anything else as it is. */
const valueIn = (value: unknown, translation?: Translation) => (isSentence(value) ? reword(value, translation) : value);

/** What the English sentences of `module` say, as `Sentence`s (see `Sayer`). */
export const sayer = <M extends keyof Strings>(module: M, english: Strings[M]): Sayer<Strings[M]> =>
  sentencesOf(module, english);

/**
 * `sentence` in `translation`'s words where it gives them (its values too), else as it was said. A translation comes
 * from the page: what it gives in place of a sentence is said only if it is one (a function), else the English is.
 */
export function reword({ text, said }: Sentence, translation?: Translation): string {
  if (!said) return text;
  const [module, name, values] = said;
  const modules: Record<string, unknown> = translation ?? {};
  const words = modules[module];
  const own: unknown = typeof words === 'object' && words !== null ? Reflect.get(words, name) : undefined;
  return typeof own === 'function' ? own(...values.map((value) => valueIn(value, translation))) : text;
}

/**
 * The widget's words in German, whole (`Strings`: a sentence missing, or of another shape than English's, is a
 * compile error), each module beside its English in `de/`. A chunk of its own, loaded when an element's closest
 * `lang` is German (languages.ts): never in the first load.
 */
import type { Strings } from '../strings/strings.js';
import { check } from './de/check.js';
import { compare } from './de/image/compare.js';
import { controls } from './de/image/controls.js';
import { editor } from './de/image/editor.js';
import { errors } from './de/errors.js';
import { gallery } from './de/image/gallery.js';
import { generation } from './de/generation.js';
import { ledger } from './de/ledger.js';
import { models } from './de/image/models.js';
import { moreOptions } from './de/more-options.js';
import { offers } from './de/image/offers.js';
import { prices } from './de/prices.js';
import { progress } from './de/image/progress.js';
import { prompts } from './de/image/prompts.js';
import { records } from './de/records.js';
import { reconcile } from './de/reconcile.js';
import { references } from './de/references.js';
import { settings } from './de/settings.js';
import { signIn } from './de/sign-in.js';
import { tallyLine } from './de/tally/tally-line.js';
import { tally } from './de/tally/tally.js';
import { tokenPrices } from './de/token-prices.js';
import { editPrices } from './de/edit-prices.js';
import { bounds } from './de/image/bounds.js';
import { uncertain } from './de/tally/uncertain.js';
import { widget } from './de/image/widget.js';
import { pickers } from './de/image/pickers.js';
import { words } from './de/words.js';
import { puter } from './de/providers/puter.js';
import { huggingface } from './de/providers/huggingface.js';
import { openai } from './de/providers/openai.js';
import { openrouter } from './de/providers/openrouter.js';
import { pollinations } from './de/providers/pollinations.js';
import { bfl } from './de/providers/bfl.js';
import { fal } from './de/providers/fal.js';
import { google } from './de/providers/google.js';

export const de: Strings = {
  check,
  compare,
  controls,
  editor,
  errors,
  gallery,
  generation,
  ledger,
  models,
  moreOptions,
  pickers,
  offers,
  prices,
  progress,
  prompts,
  records,
  reconcile,
  references,
  settings,
  signIn,
  tallyLine,
  tally,
  tokenPrices,
  editPrices,
  bounds,
  uncertain,
  widget,
  words,
  puter,
  huggingface,
  openai,
  openrouter,
  pollinations,
  bfl,
  fal,
  google,
};

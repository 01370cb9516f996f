// German is bundled whole (src/translations/de.ts, typed `Strings`: a sentence missing is a compile
// error), and none of it is English left in place: every sentence of every module, said with the same values in both
// languages, differs from its English, but for the few that are the same words in both (names, symbols), listed here.
// Holds: src/translations/de/
import { check } from '../../src/strings/check.js';
import { compare } from '../../src/strings/image/compare.js';
import { controls } from '../../src/strings/image/controls.js';
import { expect } from '@open-wc/testing';
import type { Strings } from '../../src/strings/strings.js';
import { errors } from '../../src/strings/errors.js';
import { gallery } from '../../src/strings/image/gallery.js';
import { generation } from '../../src/strings/generation.js';
import { ledger } from '../../src/strings/ledger.js';
import { models } from '../../src/strings/image/models.js';
import { moreOptions } from '../../src/strings/more-options.js';
import { offers } from '../../src/strings/image/offers.js';
import { pickers } from '../../src/strings/image/pickers.js';
import { prices } from '../../src/strings/prices.js';
import { progress } from '../../src/strings/image/progress.js';
import { prompts } from '../../src/strings/image/prompts.js';
import { records } from '../../src/strings/records.js';
import { reconcile } from '../../src/strings/reconcile.js';
import { references } from '../../src/strings/references.js';
import { settings } from '../../src/strings/settings.js';
import { signIn } from '../../src/strings/sign-in.js';
import { tallyLine } from '../../src/strings/tally/tally-line.js';
import { tally } from '../../src/strings/tally/tally.js';
import { tokenPrices } from '../../src/strings/token-prices.js';
import { widget } from '../../src/strings/image/widget.js';
import { editor } from '../../src/strings/image/editor.js';
import { editPrices } from '../../src/strings/edit-prices.js';
import { bounds } from '../../src/strings/image/bounds.js';
import { words } from '../../src/strings/words.js';
import { uncertain } from '../../src/strings/tally/uncertain.js';
import { puterWords } from '../../src/providers/puter/words.js';
import { huggingfaceWords } from '../../src/providers/huggingface/words.js';
import { openaiWords } from '../../src/providers/openai/words.js';
import { openrouterWords } from '../../src/providers/openrouter/words.js';
import { pollinationsWords } from '../../src/providers/pollinations/words.js';
import { bflWords } from '../../src/providers/bfl/words.js';
import { falWords } from '../../src/providers/fal/words.js';
import { googleWords } from '../../src/providers/google/words.js';
import { de } from '../../src/translations/de.js';
import { MODELS } from '../../src/pricing/models.js';

/** Every module in English: typed `Strings`, so that a module added to the widget is walked here too. */
const english: Strings = {
  editor,
  editPrices,
  bounds,
  check,
  compare,
  controls,
  errors,
  gallery,
  generation,
  ledger,
  models,
  moreOptions,
  offers,
  prices,
  progress,
  pickers,
  prompts,
  records,
  reconcile,
  references,
  settings,
  signIn,
  tallyLine,
  tally,
  tokenPrices,
  uncertain,
  widget,
  words,
  puter: puterWords,
  huggingface: huggingfaceWords,
  openai: openaiWords,
  openrouter: openrouterWords,
  pollinations: pollinationsWords,
  bfl: bflWords,
  fal: falWords,
  google: googleWords,
};

/**
 * The sentences German says as English does, each for its reason: names (a provider's, a model's), and words made
 * of symbols and values alone. Nothing else may be the same.
 */
const SAME_IN_BOTH: Record<string, string> = {
  'words.providerName': 'the providers’ names (Puter, BFL, fal, OpenRouter, Hugging Face) are names in German too',
  'words.theProvider': 'a provider named in a sentence is its name (the gateway aside, "das Gateway")',
  'words.TheProvider': 'the same, at the start of a sentence',
  'progress.elapsed': 'seconds and minutes in their international symbols ("42 s", "1 min 15 s")',
  'pickers.pixels': 'a width and a height in pixels, with the international symbol ("1024 × 1024 px")',
  'moreOptions.seedLabel': '"Seed", the word German image tools use as English ones do',
};

/**
 * (A sentence that says nothing for a value, in English, as a model with no words on what it is best for, is not
 * compared.) The values said for sentences that choose among a few (each of them, each to be German), or whose English and
 * German differ for some values only (a shortcut is "⌘↵" on a Mac in both; "Strg+↵" is German for "Ctrl+↵").
 */
const VALUES: Record<string, unknown[][]> = {
  // A quality of its own name (GPT Image's low/medium/high); any other is said as the model names it ("1K").
  'moreOptions.qualityName': [['low'], ['medium'], ['high']],
  'gallery.settingsFrom': [['reuse'], ['revised'], ['finalize'], ['vary']],
  'gallery.chargeBasis': [
    ['reported', 'bfl', '1.4'],
    ['reported', 'openrouter'],
    ['quote', 'fal'],
    ['balance', 'bfl'],
    ['bound', 'google'],
    ['answer', 'google'],
  ],
  'models.bestFor': MODELS.map((model) => [model.id]),
  // Its nudge drawn as the link it is: here, its words.
  'gallery.notSaved': [
    ['bfl', '3:01 PM', (words: string) => words],
    ['bfl', undefined, (words: string) => words],
  ],
  // Its source's prompt drawn as the button it is: here, its words.
  'gallery.editOf': [['a lighthouse at dusk', (prompt: string) => prompt]],
  // What each provider keeps of an image it is sent, each of its kinds.
  'editor.imageKept': [
    ['OpenAI', 'abuse-logs-30-days'],
    ['Google', 'abuse-logs-55-days'],
    ['fal', 'public-address-7-days'],
  ],
  'widget.shortcut': [[false]],
  // Each side of an extend, and the picture of one.
  'editor.extendSide': [['top'], ['right'], ['bottom'], ['left']],
  'editor.extendPicture': [['1024×768', { top: 8, right: 200, bottom: 0, left: 16 }, '1240×776', '0.9']],
  'pickers.megapixelChoice': [[2.5]],
  'pickers.pixels': [[1024, 1024]],
  // "access token" where the provider calls its keys so (Hugging Face), else "API key".
  'signIn.keyLabel': [
    ['Hugging Face', true],
    ['BFL', false],
  ],
  'signIn.orPasteKey': [[true], [false]],
  'signIn.getKey': [[true], [false]],
  'signIn.rememberKey': [[true], [false]],
};

/**
 * A value for any sentence's parameter: a number where a sentence counts or compares (2), words where it writes one
 * in ("Fox"), a size (`width`, `height`), a list, a provider.
 */
const chameleon = (n: number) =>
  Object.assign([`Fox${n}`], {
    width: 1000 + n,
    height: 700 + n,
    [Symbol.toPrimitive]: (hint: string) => (hint === 'number' ? n + 2 : `Fox${n}`),
  });
/** The values tried, in turn, until a sentence says something in both languages: each kind alone, then all at once. */
const SAMPLES: ((index: number) => unknown)[] = [
  chameleon,
  (index) => index + 2,
  (index) => `Fox${index}`,
  () => 1,
  () => true,
  () => false,
];

/**
 * What a sentence says, as text: its string, or its parts (text, values, Lit templates, a record's words) one after the
 * other.
 */
function said(value: unknown): string {
  if (Array.isArray(value)) return value.map(said).join('');
  if (value && typeof value === 'object' && 'strings' in value && 'values' in value) {
    const template = value as { strings: readonly string[]; values: unknown[] };
    return template.strings
      .map((text, index) => text + (index < template.values.length ? said(template.values[index]) : ''))
      .join('');
  }
  // A record of words (an example prompt's name and prompt): each of its words.
  if (value && typeof value === 'object') return Object.values(value).map(said).join(' ');
  return String(value);
}

/** A sentence said in both languages with `given` values, else with each kind of sample in turn: the first both say. */
function sayBoth(englishSentence: unknown, germanSentence: unknown, given?: unknown[]): [string, string] | undefined {
  if (typeof englishSentence !== 'function') return [said(englishSentence), said(germanSentence)];
  if (given)
    return [said(englishSentence(...given)), said((germanSentence as (...values: unknown[]) => unknown)(...given))];
  const arity = Math.max(englishSentence.length, (germanSentence as () => unknown).length, 1);
  for (const sample of SAMPLES) {
    const values = Array.from({ length: arity + 1 }, (_, index) => sample(index));
    try {
      return [said(englishSentence(...values)), said((germanSentence as (...values: unknown[]) => unknown)(...values))];
    } catch {
      // another kind of value
    }
  }
  return undefined;
}

/** Every sentence of `translation` said as its English is: those it says as English does, outside the list. */
function walk(translation: Strings) {
  const same: string[] = [];
  const unsaid: string[] = [];
  let walked = 0;
  for (const module of Object.keys(english) as (keyof Strings)[]) {
    for (const [name, sentence] of Object.entries(english[module])) {
      const id = `${module}.${name}`;
      const german = (translation[module] as unknown as Record<string, unknown>)[name];
      walked++;
      for (const values of VALUES[id] ?? [undefined]) {
        const both = sayBoth(sentence, german, values);
        if (!both) unsaid.push(id);
        else if (both[0] && both[0] === both[1] && !SAME_IN_BOTH[id]) same.push(`${id}: "${both[0]}"`);
      }
    }
  }
  return { same, unsaid, walked };
}

describe('German, bundled (src/translations/de.ts)', () => {
  it('has every module English has, each with every sentence, and nothing English lacks', () => {
    expect(Object.keys(de).sort()).to.deep.equal(Object.keys(english).sort());
    for (const module of Object.keys(english) as (keyof Strings)[]) {
      expect(Object.keys(de[module]).sort(), module).to.deep.equal(Object.keys(english[module]).sort());
    }
  });

  it('says every sentence in German: none equals its English, but the listed names', () => {
    const { same, unsaid, walked } = walk(de);
    expect(unsaid, 'sentences no sample value could say').to.deep.equal([]);
    expect(same, 'German sentences equal to their English').to.deep.equal([]);
    expect(walked, 'every sentence walked').to.be.greaterThan(250);
  });

  it('finds an English sentence left in German (the walk itself)', () => {
    const leftInEnglish: Strings = { ...de, widget: { ...de.widget, generateLabel: widget.generateLabel } };
    expect(walk(leftInEnglish).same).to.deep.equal(['widget.generateLabel: "Generate"']);
  });

  it('lists no name that German now says otherwise (the list stays true)', () => {
    for (const id of Object.keys(SAME_IN_BOTH)) {
      const [module, name] = id.split('.') as [keyof Strings, string];
      const both = sayBoth(
        (english[module] as unknown as Record<string, unknown>)[name],
        (de[module] as unknown as Record<string, unknown>)[name],
      );
      expect(both?.[0], id).to.equal(both?.[1]);
    }
  });

  it('says where a price comes from in German, the names of providers and products as they are', () => {
    expect(de.prices.pricesFrom('Puter live catalogue', '2026-11-25')).to.equal(
      'Preise: Puter Live-Katalog, Stand 2026-11-25',
    );
    expect(de.prices.pricesFrom('Pollinations model list (bundled)', '2026-11-25')).to.equal(
      'Preise: Pollinations Modellliste (mitgeliefert), Stand 2026-11-25',
    );
    expect(de.prices.pricesFrom('OpenAI API pricing (GPT Image, per million tokens)', '2026-11-25')).to.equal(
      'Preise: OpenAI API-Preise (GPT Image, je Million Tokens), Stand 2026-11-25',
    );
  });
});

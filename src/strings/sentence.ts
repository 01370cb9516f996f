/**
 * A sentence as a layer below the elements says it: its English `text` and, where it is one of the widget's words
 * (`Strings`, strings.ts; not a provider's own words), its module, name and values, for an element to say it again
 * in its language (`reword`, strings.ts). A value may be a sentence itself (a status "of 2 images"). Below every words
 * module, so that each can say its own sentences (`sentencesOf`) beside its English.
 */
export interface Sentence {
  text: string;
  said?: readonly [module: string, name: string, values: readonly unknown[]];
}

/** The sentences of a words module as `Sentence`s: `say.keyRejected()` is the English of `keyRejected`, named. */
export type Sayer<Words> = {
  [N in keyof Words]: Words[N] extends (...values: infer V) => string
    ? (...values: { [I in keyof V]: V[I] | Sentence }) => Sentence
    : never;
};

/** Whether a value said in a sentence is a sentence itself (a status "of 2 images"), to be said in its words too. */
export const isSentence = (value: unknown): value is Sentence =>
  typeof value === 'object' && value !== null && 'text' in value && value.text !== undefined;

/** A sentence's value as said in English: a sentence's text, anything else as it is. */
const englishOf = (value: unknown) => (isSentence(value) ? value.text : value);

/**
 * What the English sentences `english` of the words module `module` say, as `Sentence`s (see `Sayer`). Use `sayer`
 * (strings.ts), which checks that `module` and `english` belong together; a words module that says its own sentences
 * beside its English uses this, as strings.ts names its type.
 */
export function sentencesOf<Words extends object>(module: string, english: Words): Sayer<Words> {
  return new Proxy(english, {
    get:
      (words, name: string) =>
      (...values: unknown[]): Sentence => ({
        text: (words[name as keyof typeof words] as (...values: unknown[]) => string)(...values.map(englishOf)),
        said: [module, name, values],
      }),
  }) as unknown as Sayer<Words>;
}

/**
 * A words module as it is written: a sentence that takes no values as what it says (its text), any other as the
 * function of its values. `sentences` makes the module of it, each sentence a function as `Strings` has it.
 */
export type Written<Words> = {
  [N in keyof Words]: Words[N] extends () => infer Says
    ? Parameters<Words[N]> extends []
      ? Says
      : Words[N]
    : Words[N];
};

/**
 * The words module `Words` from its sentences as written (`Written`): each sentence's text becomes the sentence that
 * says it. Typed by the module's interface, so that a sentence missing, one too many or one of another shape is a
 * compile error, as in a module written out whole.
 */
export function sentences<Words>(written: Written<Words>): Words {
  const said = Object.entries(written).map(([name, sentence]) => [
    name,
    typeof sentence === 'function' ? sentence : () => sentence,
  ]);
  return Object.fromEntries(said) as Words;
}

/**
 * A sentence that mixes text with what a template draws otherwise (an amount in bold, a link), as its parts in order
 * for a Lit template to render: parts`Spent ${amount} on 2 images` is ['Spent ', amount, ' on 2 images']. Text and
 * numbers run together into one part; a value that is parts itself (a clause said only sometimes) is laid in place.
 */
export function parts(text: TemplateStringsArray, ...values: unknown[]): unknown[] {
  const said: unknown[] = [];
  let words = '';
  const pieces = text.flatMap((piece, index) => (index < values.length ? [piece, ...[values[index]].flat()] : [piece]));
  for (const piece of pieces) {
    if (typeof piece === 'string' || typeof piece === 'number') words += piece;
    else {
      if (words) said.push(words);
      words = '';
      said.push(piece);
    }
  }
  return words ? [...said, words] : said;
}

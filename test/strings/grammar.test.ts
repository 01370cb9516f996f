// Counting and listing as each language's own rules say (`pluralForm`, `counted`, `listed` in src/strings/words.ts):
// a translation says each form of a counted word, never the rule, and a list as the language writes one.
import { expect } from '@open-wc/testing';
import { counted, listed, plural, pluralForm } from '../../src/strings/words.js';
import { signIn } from '../../src/strings/sign-in.js';

describe('counting in a language', () => {
  it('says one and more in English and German', () => {
    const images = { one: 'image', other: 'images' };
    expect([0, 1, 2, 1.5].map((n) => counted('en', n, images))).to.deep.equal([
      '0 images',
      '1 image',
      '2 images',
      '1.5 images',
    ]);
    expect([1, 4].map((n) => counted('de', n, { one: 'Bild', other: 'Bilder' }))).to.deep.equal(['1 Bild', '4 Bilder']);
    expect([1, 3].map((n) => plural(n, 'more model'))).to.deep.equal(['1 more model', '3 more models']);
  });

  it('chooses among the forms a language has more of (Polish: few and many), and a whole sentence as well', () => {
    const images = { one: 'obraz', few: 'obrazy', many: 'obrazów', other: 'obrazu' };
    expect([1, 2, 5, 22, 1.5].map((n) => counted('pl', n, images))).to.deep.equal([
      '1 obraz',
      '2 obrazy',
      '5 obrazów',
      '22 obrazy',
      '1.5 obrazu',
    ]);
    const waiting = (n: number) => pluralForm('en', n, { one: 'It is waiting.', other: `${n} are waiting.` });
    expect([1, 2].map(waiting)).to.deep.equal(['It is waiting.', '2 are waiting.']);
  });

  it('says the other form where a language has none of its own for a count', () => {
    expect(pluralForm('pl', 5, { one: 'obraz', other: 'obrazy' })).to.equal('obrazy');
  });
});

describe('listing in a language', () => {
  it('writes a list with "and" as British English does, and with "und" in German', () => {
    expect(listed('en-GB', ['“a”'])).to.equal('“a”');
    expect(listed('en-GB', ['“a”', '“b”'])).to.equal('“a” and “b”');
    expect(listed('en-GB', ['“a”', '“b”', '“c”'])).to.equal('“a”, “b” and “c”');
    expect(listed('de', ['„a“', '„b“', '„c“'])).to.equal('„a“, „b“ und „c“');
  });

  it('writes alternatives with "or" and "oder"', () => {
    expect(listed('en-GB', ['a', 'b', 'c'], 'disjunction')).to.equal('a, b or c');
    expect(listed('de', ['a', 'b', 'c'], 'disjunction')).to.equal('a, b oder c');
  });
});

describe('lists inside the sentences', () => {
  it('names three other addresses a key is kept for as a list, not "a and b and c"', () => {
    expect(signIn.keyNotSentHere(['a.example', 'b.example', 'c.example'])).to.equal(
      'Your key for a.example, b.example and c.example is kept for it, and not sent here: this address needs its own.',
    );
  });
});

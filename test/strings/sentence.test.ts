// A words module as written (`sentences`): a sentence that takes no values is its text, and says it; one that mixes
// text with what a template draws otherwise is its parts (`parts`), in order, text run together.
// Holds: src/strings/sentence.ts
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { parts, sentences } from '../../src/strings/sentence.js';

interface SampleStrings {
  close(): string;
  count(n: number): string;
  examples(): { name: string }[];
}

describe('a words module as written', () => {
  it('says a sentence written as its text, and keeps one written as a function', () => {
    const sample = sentences<SampleStrings>({
      close: 'Close',
      count: (n) => `${n} images`,
      examples: [{ name: 'Fox' }],
    });
    expect(sample.close()).to.equal('Close');
    expect(sample.count(3)).to.equal('3 images');
    expect(sample.examples()).to.deep.equal([{ name: 'Fox' }]);
    expect(Object.keys(sample)).to.deep.equal(['close', 'count', 'examples']);
  });
});

describe('a sentence in parts', () => {
  const amount = html`<strong>$0.25</strong>`;

  it('keeps what a template draws apart, and runs text and numbers together', () => {
    const model = 'FLUX.2 [pro]';
    expect(parts`${model}, ${2} images: ${amount} held`).to.deep.equal(['FLUX.2 [pro], 2 images: ', amount, ' held']);
    expect(parts`Only ${amount}`).to.deep.equal(['Only ', amount]);
    expect(parts`${amount} ausgegeben`).to.deep.equal([amount, ' ausgegeben']);
  });

  it('lays a clause said only sometimes in place, and nothing where it is not said', () => {
    const upTo = html`<strong>$0.32</strong>`;
    expect(parts`Spent ${amount}${parts`–${upTo}`}`).to.deep.equal(['Spent ', amount, '–', upTo]);
    expect(parts`Spent ${amount}${''}`).to.deep.equal(['Spent ', amount]);
  });
});

// A sentence a layer below the elements said, reworded in a page's own translation (`reword`, src/strings/strings.ts):
// the page's words where it gives a sentence, and English where what it gives in its place is no sentence (a page
// written in plain JavaScript may give a string): never a TypeError in place of an error's words.
import { expect } from '@open-wc/testing';
import { generationText } from '../../src/strings/generation.js';
import { reword, type Translation } from '../../src/strings/strings.js';

describe("a page's translation of what the layers below say", () => {
  const said = generationText.imageOf(generationText.queued(), 1, 2);

  it('says the sentence and its values in the words the page gives', () => {
    const translation: Translation = {
      generation: { imageOf: (status, index, count) => `${status} [${index}/${count}]`, queued: () => 'Waiting' },
    };
    expect(reword(said, translation)).to.equal('Waiting [1/2]');
  });

  it('says the English where the page gives something that is no sentence', () => {
    const page = JSON.parse('{ "generation": { "imageOf": "Bild", "queued": 3 }, "errors": null }');
    expect(reword(said, page)).to.equal('Queued (1 of 2)');
    expect(reword(said, JSON.parse('{ "generation": null }'))).to.equal('Queued (1 of 2)');
  });
});

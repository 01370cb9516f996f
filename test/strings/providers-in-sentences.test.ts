// How a provider is named inside a sentence: by its name, or, for the gateway, which has none of its own, as "the
// gateway" ("das Gateway", "beim Gateway" in German); and a host the key goes to is a place, not a person.
import { expect } from '@open-wc/testing';
import { gallery } from '../../src/strings/image/gallery.js';
import { signIn } from '../../src/strings/sign-in.js';
import { de } from '../../src/translations/de.js';

describe('providers in sentences', () => {
  it('the list of paid failures says "at the gateway" and "at BFL"', () => {
    const say = (words: typeof gallery, provider: string) =>
      words.paidFailure('FLUX.2 [klein] 9B', provider, '3:01 PM', '$0.0421', '…');
    expect(say(gallery, 'openai')).to.equal('FLUX.2 [klein] 9B at the gateway, 3:01 PM: $0.0421 charged. …');
    expect(say(gallery, 'bfl')).to.equal('FLUX.2 [klein] 9B at BFL, 3:01 PM: $0.0421 charged. …');
    expect(say({ ...gallery, ...de.gallery }, 'openai')).to.equal(
      'FLUX.2 [klein] 9B beim Gateway, 3:01 PM: $0.0421 berechnet. …',
    );
    expect(say({ ...gallery, ...de.gallery }, 'bfl')).to.equal(
      'FLUX.2 [klein] 9B bei BFL, 3:01 PM: $0.0421 berechnet. …',
    );
  });

  it('a host the key is sent to is where the user pays, not whom', () => {
    expect(signIn.keyStaysHere('localhost:8617')).to.equal(
      'Sent only to localhost:8617, where you pay; kept in this page unless you tick the box.',
    );
  });
});

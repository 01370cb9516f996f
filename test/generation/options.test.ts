import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import { booleanOption, priceBookOption, signalOption, textOption } from '../../src/generation/options.js';

/** The error `read` throws, which must be one. */
function refusal(read: () => unknown): UserPaysError {
  try {
    read();
  } catch (error) {
    if (error instanceof UserPaysError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
}

describe('The headless API’s options, read one by one', () => {
  it('text: the page’s, the fallback where absent; anything else refused by its name, never its value', () => {
    expect(textOption({ apiKey: 'sk-mine' }, 'apiKey')).to.equal('sk-mine');
    expect(textOption({}, 'apiKey')).to.equal('');
    expect(textOption({}, 'storageKey', 'userpays')).to.equal('userpays');
    expect(textOption({ storageKey: '' }, 'storageKey', 'userpays')).to.equal('');
    for (const value of [12345, null, {}, ['sk']]) {
      const error = refusal(() => textOption({ apiKey: value }, 'apiKey'));
      expect(error.code).to.equal('invalid-input');
      expect(error.retryable).to.equal(false);
      expect(error.message).to.equal('apiKey must be text (a string).');
    }
  });

  it('a signal: an AbortSignal or none', () => {
    const { signal } = new AbortController();
    expect(signalOption(signal)).to.equal(signal);
    expect(signalOption(undefined)).to.equal(undefined);
    for (const value of ['stop', null, {}]) expect(refusal(() => signalOption(value)).message).to.match(/^signal must/);
  });

  it('true or false: the fallback where absent, and nothing that merely looks like one', () => {
    expect(booleanOption({ generate: true }, 'generate', false)).to.equal(true);
    expect(booleanOption({}, 'generate', false)).to.equal(false);
    for (const value of ['yes', 1, null])
      expect(refusal(() => booleanOption({ generate: value }, 'generate', false)).message).to.equal(
        'generate must be true or false.',
      );
  });

  it('a price book: an object, or none (null and absent kept apart)', () => {
    const book = { 'flux-2-pro': {} };
    expect(priceBookOption(book)).to.equal(book);
    expect(priceBookOption(null)).to.equal(null);
    expect(priceBookOption(undefined)).to.equal(undefined);
    for (const value of ['cheap', 3]) expect(refusal(() => priceBookOption(value)).message).to.match(/^priceBook must/);
  });
});

// The model families besides FLUX (SPEC §12) load on first need, not with the first price (docs/performance.md, "The
// first price"): a page that sells FLUX never loads them; a page that names one of their models waits for them with
// no price shown and no refusal, then prices it; `UserPays.quote()` says to wait for `UserPays.loadModels()`.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { loadModels, quote } from '../../src/api.js';
import { UserPaysError } from '../../src/base/errors.js';
import { familiesInFor } from '../../src/pricing/index.js';
import { decision, imageWidget, panelsLoaded, words } from '../support/widget.js';

describe('the other model families, on first need', () => {
  it('a FLUX page never loads them: its first price, its panels and its picker are FLUX only', async () => {
    const el = await imageWidget({ provider: 'bfl', model: 'flux-2-pro' });
    await panelsLoaded(el);
    expect(decision(el).price).to.match(/^\$/);
    expect(familiesInFor()).to.equal(false);
    const names = [...el.shadowRoot!.querySelectorAll('.model-choice .name')].map((name) => words(name));
    expect(names.every((name) => name.startsWith('FLUX'))).to.equal(true);
  });

  it('UserPays.quote() of a family model before they load says to wait, in plain words; after loadModels() it prices', async () => {
    expect(familiesInFor()).to.equal(false);
    let refusal: unknown;
    try {
      quote({ provider: 'openai', model: 'gpt-image-1', prompt: 'a fox' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).to.be.instanceOf(UserPaysError);
    expect((refusal as UserPaysError).code).to.equal('invalid-input');
    expect((refusal as UserPaysError).message).to.include('Await UserPays.loadModels()');
    // A model of no family is refused at once, not left waiting.
    expect(() => quote({ provider: 'openai', model: 'gpt-image-9' })).to.throw(
      /There is no model called "gpt-image-9"/,
    );
    await loadModels();
    const priced = quote({ provider: 'openai', model: 'gpt-image-1', prompt: 'a fox', quality: 'high' });
    expect(priced.atMost).to.equal('0.166425');
  });
});

// The families' prices load on first need (src/providers/families.ts); where their part cannot load (offline for a
// moment), a page that names one of their models says so in plain words, and shows no price and no spinner.
import { expect } from '@open-wc/testing';
import { builtFiles, builtPage, chunkName } from '../support/built.js';
import { until } from '../support/wait.js';
import { decision, imageWidgetIn, part, words } from '../support/widget.js';

describe('the families’ part cannot load', () => {
  it('says the model’s prices could not load, with Generate refused and no price', async () => {
    const families = [...(await builtFiles()).keys()].find((url) => chunkName(url) === 'families')!;
    expect(families, 'the build has a families part').to.be.a('string');
    // The page's import map sends the families' part to a module that fails, as a dropped connection does.
    const failing = URL.createObjectURL(new Blob(['throw new Error("offline");\n'], { type: 'text/javascript' }));
    const { view } = await builtPage({ imports: { [families]: failing } });
    const el = await imageWidgetIn(view, { provider: 'openai', model: 'gpt-image-1', prompt: 'a fox' });
    await until(() => words(part(el, 'decision')).includes('could not load'), 10_000);
    expect(words(part(el, 'decision'))).to.include(
      'The prices of this model could not load. Check your connection, then pick it again.',
    );
    expect(decision(el).price).to.equal(undefined);
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(true);
    URL.revokeObjectURL(failing);
  });
});

// A page that opens on OpenAI's own API, which sells GPT Image only: the families' prices load on first need (each
// case in a file of its own: once they are loaded in a page, they stay).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import { decision, imageWidget, modelChoices, part, words, panelsLoaded } from '../../../support/widget.js';

describe('a page that opens on OpenAI’s own API, which sells GPT Image only', () => {
  it('loads the families, offers GPT Image grouped as one family, and prices the first with "at most"', async () => {
    const errors: unknown[] = [];
    addEventListener('userpays-error', (event) => errors.push(event), { once: true });
    const el = await imageWidget({ provider: 'openai', prompt: 'a fox' });
    await waitUntil(() => decision(el).price, 'GPT Image priced once the families load');
    expect(el.model).to.equal('gpt-image-2.6-flare');
    await panelsLoaded(el); // the bound's words are the panels'
    expect(decision(el).price).to.match(/^at most \$/);
    const names = [...el.shadowRoot!.querySelectorAll('.model-choice .name')].map((name) => words(name));
    expect(names.slice(0, 2)).to.deep.equal(['GPT Image 2.6 Flare', 'GPT Image 2.6 Sunburst']);
    // One family: no group heading.
    expect(el.shadowRoot!.querySelector('.family')).to.equal(null);
    expect(words(part(el, 'model'))).not.to.include('More models: GPT Image');
    expect(errors).to.deep.equal([]);
  });

  it('the picker says a price that is a bound by its most, as the decision row words it', async () => {
    const el = await imageWidget({ provider: 'openai', prompt: 'a fox' });
    await waitUntil(() => decision(el).price, 'GPT Image priced once the families load');
    await panelsLoaded(el); // the bound's words are the panels'
    const bound = /^at most (\$[\d.]+)$/.exec(decision(el).price!)![1];
    const choices = await modelChoices(el);
    expect(choices.find((choice) => choice.id === 'gpt-image-2.6-flare')!.price).to.equal(`at most ${bound}`);
    expect(
      choices.every((choice) => /^at most \$[\d.]+$/.test(choice.price)),
      'every GPT Image price a bound',
    ).to.equal(true);
  });
});

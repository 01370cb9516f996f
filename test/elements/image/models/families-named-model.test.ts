// A page that opens on OpenAI's own API, which sells GPT Image only: the families' prices load on first need (each
// case in a file of its own: once they are loaded in a page, they stay).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import { decision, imageWidget } from '../../../support/widget.js';

describe('a page that names a GPT Image model', () => {
  it('a page that names a GPT Image model shows no refusal while the families load', async () => {
    const errors: Event[] = [];
    const listener = (event: Event) => errors.push(event);
    addEventListener('userpays-error', listener);
    const el = await imageWidget({ provider: 'openai', model: 'gpt-image-2.6-sunburst', prompt: 'a fox' });
    // No red, no reason before they come (they load within a frame or two here).
    expect(el.shadowRoot!.querySelector('#reason [part=error], [part=error]')).to.equal(null);
    await waitUntil(() => decision(el).price, 'priced once the families load');
    expect(el.model).to.equal('gpt-image-2.6-sunburst');
    removeEventListener('userpays-error', listener);
    // Not "There is no model called gpt-image-2.6-sunburst": it was only not loaded yet.
    expect(errors).to.deep.equal([]);
  });
});

// A page that names a model its provider has shut down (SPEC §12): the picker shows the replacement chosen, says why
// in one sentence beside it, and prices and sends the replacement; nothing is refused, nothing is sent for the model
// that is gone. By the page's clock, which the test sets.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { controlledClock } from '../../../support/clock.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import { waitUntil } from '../../../support/wait.js';
import {
  chooseModel,
  decision,
  imageAction,
  imageWidget,
  modelChoices,
  part,
  tiles,
  words,
} from '../../../support/widget.js';

const note = (el: HTMLElement) => words(part(el, 'model')?.querySelector('.model-note'));

describe('a model its provider has shut down, named by the page', () => {
  const clock = controlledClock('2026-11-28T12:00:00Z');

  it('Imagen 4 with the user’s Google key: Nano Banana 2.1 is chosen, priced, and the reason said', async () => {
    const el = await imageWidget({ provider: 'google', model: 'imagen-4', prompt: 'a fox' });
    expect(el.model).to.equal('gemini-nano-banana-2.1');
    const choices = await modelChoices(el);
    expect(choices.find(({ checked }) => checked)?.id).to.equal('gemini-nano-banana-2.1');
    expect(choices.map(({ id }) => id)).to.not.include('imagen-4');
    expect(note(el)).to.equal(
      'Imagen 4 was shut down on 2026-08-17: Nano Banana 2.1, its replacement, makes this image instead.',
    );
    expect(decision(el).price).to.equal('at most $0.0582');
  });

  it('stops saying why once the user picks a model of their own', async () => {
    const el = await imageWidget({ provider: 'google', model: 'imagen-4-ultra', prompt: 'a fox' });
    expect(el.model).to.equal('gemini-3-pro-image');
    expect(note(el)).to.match(/^Imagen 4 Ultra was shut down/);
    await chooseModel(el, 'gemini-3.1-flash-lite-image');
    expect(note(el)).to.equal('');
  });

  it('GPT Image 1.5 at OpenAI is offered until 2026-12-01, then GPT Image 2.6 Sunburst in its place', async () => {
    clock.set('2026-11-30T23:00:00Z');
    const before = await imageWidget({ provider: 'openai', model: 'gpt-image-1.5', prompt: 'a fox' });
    expect(before.model).to.equal('gpt-image-1.5');
    clock.set('2026-12-02T00:00:00Z');
    const after = await imageWidget({ provider: 'openai', model: 'gpt-image-1.5', prompt: 'a fox' });
    expect(after.model).to.equal('gpt-image-2.6-sunburst');
    expect(note(after)).to.match(/^GPT Image 1\.5 was shut down on 2026-12-01/);
    expect((await modelChoices(after)).map(({ id }) => id)).to.not.include.members([
      'gpt-image-1.5',
      'gpt-image-1-mini',
    ]);
  });

  it('an image of a model since shut down: Reuse puts its prompt on the replacement, and says why', async () => {
    clock.set('2026-10-01T12:00:00Z'); // a day Google still served Nano Banana 2
    const el = await imageWidget(
      {
        provider: 'google',
        model: 'gemini-3.1-flash-image',
        prompt: 'a fox in the snow',
        endpoint: simEndpoint('google', 'now=2026-10-01T12:00:00Z;pending=20'),
        'storage-key': uniqueStorageKey(),
      },
      { apiKey: 'sim-test-key' },
    );
    await el.generate();
    await waitUntil(() => tiles(el)[0], 'the image shown');
    clock.set('2026-11-28T12:00:00Z'); // Google has shut it down since
    el.prompt = 'something else';
    (imageAction(tiles(el)[0], 'reuse') as HTMLButtonElement).click();
    await el.updateComplete;
    await waitUntil(() => el.model === 'gemini-nano-banana-2.1', 'the replacement in force');
    expect(el.prompt).to.equal('a fox in the snow');
    expect(note(el)).to.equal(
      'Nano Banana 2 was shut down on 2026-10-29: Nano Banana 2.1, its replacement, makes this image instead.',
    );
    expect(el.quote?.model).to.equal('gemini-nano-banana-2.1');
  });

  it('a model the page’s own `models` leaves out is changed without a word: the page chose it', async () => {
    const el = await imageWidget({ provider: 'bfl', models: 'flux-2-pro flux-2-max', prompt: 'a fox' });
    expect(el.model).to.equal('flux-2-pro');
    expect(note(el)).to.equal('');
  });
});

// One comparison across families (SPEC §12): with the price details open, the request at the shape
// chosen is priced on every model of every account the page allows, FLUX beside GPT Image, Nano Banana and Seedream,
// each with what it is best for; a price billed in tokens is a bound and said as one ("at most"), and the
// offers are ranked by the most each can cost; a click on another family's row switches to it.
// Holds: src/elements/image/details/panel/compare.ts
// Holds: src/elements/image/details/panel/family-filter.ts
// Holds: src/elements/image/shared/price-words.ts
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget, openPriceDetails, part } from '../../../support/widget.js';
import { controlledClock } from '../../../support/clock.js';
import { keySlot } from '../../../../src/elements/image/shared/key-slots.js';

interface Row {
  model: string;
  provider: string;
  bestFor: string;
  price: string;
  button: HTMLButtonElement;
}

/** The comparison's rows of offers that can make the request: the model, what it is best for, provider, price. */
const rows = (el: UserPaysImage): Row[] =>
  [...part(el, 'compare')!.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.unable)')].map((row) => {
    const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      model: text(row.querySelector('button')),
      provider: text(row.cells[1]),
      bestFor: text(row.querySelector('.best')),
      price: text(row.cells[2]),
      button: row.querySelector('button')!,
    };
  });

/** What an offer can cost at most, in dollars: its bound where it has one, else its price. */
const most = (row: Row) => Number((/at most \$([\d.]+)/.exec(row.price) ?? /\$([\d.]+)/.exec(row.price))![1]);

describe('<userpays-image>: one comparison across families', function () {
  this.timeout(30_000);

  // The models sold on a day of the test's choosing (Imagen shut down on 2026-08-17: it is none of them).
  controlledClock('2026-11-28T12:00:00Z');

  it('lists FLUX, GPT Image, Nano Banana and Seedream at 1024², bounds marked, by the most each costs', async () => {
    const el = await imageWidget({
      provider: 'bfl',
      endpoint: simEndpoint('bfl'),
      providers: 'puter openai google',
      width: 1024,
      height: 1024,
      prompt: 'A lighthouse on a cliff at dawn',
      locale: 'en-US',
      'storage-key': uniqueStorageKey(),
    });
    await openPriceDetails(el);
    // Lazy parts, loaded when the details open: as slow as the machine running the suite (10 s each).
    await waitUntil(() => part(el, 'compare'), 'the comparison', { timeout: 10_000 });
    part(el, 'compare')!.querySelector('summary')!.click();
    const wanted = [
      ['FLUX.2 [pro]', 'BFL'],
      ['GPT Image 2', 'OpenAI'],
      ['Nano Banana 2.1', 'Google'],
      ['Seedream 4.5', 'Puter'],
    ];
    await waitUntil(
      () =>
        wanted.every(([model, provider]) => rows(el).some((row) => row.model === model && row.provider === provider)),
      'every family in the comparison',
      { timeout: 10_000 },
    );
    const listed = rows(el);
    const row = (model: string, provider: string) => {
      const found = listed.find((each) => each.model === model && each.provider === provider);
      expect(found, `${model} at ${provider}, among ${listed.map((each) => each.model + ' at ' + each.provider)}`).to
        .exist;
      return found!;
    };
    expect(row('GPT Image 2', 'OpenAI').price, 'billed in tokens: a bound, then the price expected').to.match(
      /^at most \$[\d.]+ about \$[\d.]+$/,
    );
    expect(row('Nano Banana 2.1', 'Google').price).to.match(/at most/);
    expect(
      listed.some((each) => each.model.startsWith('Imagen')),
      'shut down: not offered',
    ).to.equal(false);
    expect(row('FLUX.2 [pro]', 'BFL').price).to.equal('$0.03');
    expect(row('Seedream 4.5', 'Puter').price, 'billed per image: exact').to.match(/^\$[\d.]+$/);
    expect(row('Nano Banana 2.1', 'Google').bestFor).to.equal('Fast edits, up to 4K');
    expect(row('GPT Image 2', 'OpenAI').bestFor).to.equal('Long prompts, text in images');
    // Those that can make the request; an edit model that only wants the user's image comes after them.
    const able = listed.filter((each) => each.bestFor !== 'Edits your image: add it next');
    const costs = able.map(most);
    expect(costs, 'ranked by the most each can cost').to.deep.equal([...costs].sort((a, b) => a - b));
    // The figure that reads first (bold) is the one they are ranked by: the column rises steadily.
    const bold = able.map((each) =>
      Number(/\$([\d.]+)/.exec(each.button.closest('tr')!.querySelector('strong')!.textContent!)![1]),
    );
    expect(bold, 'the bold figures, in the order listed').to.deep.equal(costs);
    // Each figure as the decision row rounds it: three significant digits under $1 (a bound rounded up), not six.
    const figures = listed.flatMap((each) => each.price.match(/\$[\d.]+/g)!);
    expect(figures.filter((figure) => !/^\$(0\.0*[1-9]\d{0,2}|[1-9]\d*\.\d\d)$/.test(figure))).to.deep.equal([]);

    // Where the offers span several families, one of them may be listed alone: each with its count, all first.
    const compare = part(el, 'compare')!;
    const select = compare.querySelector<HTMLSelectElement>('.families select')!;
    const options = [...select.options].map((option) => option.textContent!.trim());
    const lines = [...compare.querySelectorAll('tbody tr button')].map((button) => button.textContent!.trim());
    expect(options[0]).to.equal(`All families (${lines.length})`);
    expect(options).to.include(`FLUX (${lines.filter((name) => name.startsWith('FLUX')).length})`);
    select.value = 'GPT Image';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const gpt = rows(el);
    expect(gpt.length).to.be.greaterThan(1);
    expect(
      gpt.every((each) => each.model.startsWith('GPT Image')),
      gpt.map((each) => each.model).join(),
    ).to.equal(true);
    const gptCosts = gpt.map(most);
    const marked = gpt.filter((each) => each.button.closest('tr')!.querySelector('.badge'));
    expect(marked.length, 'the cheapest of those listed, marked (a tie, each)').to.be.greaterThan(0);
    expect(marked.map(most), 'only the cheapest').to.deep.equal(marked.map(() => gptCosts[0]));
    expect(compare.querySelectorAll('.badge').length, 'no other mark').to.equal(marked.length);
    expect(gptCosts).to.deep.equal([...gptCosts].sort((a, b) => a - b));
    // The summary names the cheapest of those listed, as the badge marks it, and of which family.
    expect(compare.querySelector('summary')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Compare prices · cheapest GPT Image: ${marked[0].model} at ${marked[0].provider}, ${
        marked[0].button.closest('tr')!.querySelector('strong')!.textContent
      }`,
    );
    expect(gpt.map((each) => each.model)).not.to.include(listed[0].model); // the cheapest of all is FLUX
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rows(el).length).to.equal(listed.length);

    row('Nano Banana 2.1', 'Google').button.click();
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['google', 'gemini-nano-banana-2.1']);
  });

  it('a line that switches to an account not here yet says first that one is needed there', async () => {
    const storageKey = uniqueStorageKey();
    const endpoint = simEndpoint('bfl');
    // A key the user keeps for Google on this device (as the switch would find it: the page's endpoint, no relay).
    localStorage.setItem(keySlot(storageKey, 'google', endpoint, ''), 'google-key');
    try {
      const el = await imageWidget({
        provider: 'bfl',
        endpoint,
        providers: 'openai google',
        width: 1024,
        height: 1024,
        prompt: 'A lighthouse on a cliff at dawn',
        locale: 'en-US',
        'storage-key': storageKey,
      });
      await openPriceDetails(el);
      await waitUntil(() => part(el, 'compare'), 'the comparison', { timeout: 10_000 });
      await waitUntil(() => rows(el).some((row) => row.provider === 'Google'), 'Google’s offers', { timeout: 10_000 });
      const line = (model: string, provider: string) =>
        rows(el)
          .find((row) => row.model === model && row.provider === provider)!
          .button.closest('tr')!;
      const gpt = line('GPT Image 2', 'OpenAI');
      // Under its name, before what the model is best for, and first in what describes its button.
      const about = [...gpt.querySelector('.about')!.children].filter((child) => !child.matches('.via'));
      expect(about.map((child) => child.textContent!.trim())).to.deep.equal([
        'Needs an account at OpenAI',
        'Long prompts, text in images',
      ]);
      const button = gpt.querySelector('button')!;
      const first = button.getAttribute('aria-describedby')!.split(' ')[0];
      expect(gpt.querySelector(`#${first}`)!.textContent).to.equal('Needs an account at OpenAI');
      // The account in force, and one whose key is here, need nothing more.
      expect(line('FLUX.2 [pro]', 'BFL').querySelector('.needs-account')).to.equal(null);
      expect(line('Nano Banana 2.1', 'Google').querySelector('.needs-account')).to.equal(null);
      // In German, the same, in its words.
      el.locale = '';
      el.lang = 'de';
      await waitUntil(
        () =>
          line('GPT Image 2', 'OpenAI').querySelector('.needs-account')?.textContent === 'Braucht ein Konto bei OpenAI',
        'the German words',
        { timeout: 10_000 },
      );
    } finally {
      localStorage.removeItem(keySlot(storageKey, 'google', endpoint, ''));
    }
  });
});

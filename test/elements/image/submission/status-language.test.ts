// The live status follows the page's language. A status the provider said once (a gateway says "Generating" as the
// request leaves, and nothing more until its reply) is kept as said and reworded in the element's words at each render:
// the page switching to German while it waits shows it in German, not in the English of its moment. So does the polite
// announcement of how a submission ended: it is read in the element's words as they are at each render.
// Holds: src/elements/image/submission/panel/submission-controller.ts
// Holds: src/elements/image/shared/flow-controller.ts
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { GATEWAY_PRICE_BOOK, simEndpoint, submissionsOf, uniqueStorageKey } from '../../../support/sim.js';
import { until } from '../../../support/wait.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { announced, part, words } from '../../../support/widget.js';

describe('<userpays-image>: the live status in the page’s language', function () {
  this.timeout(30_000);

  it('a status said in English is said in German once the page switches, with no word from the provider between', async () => {
    const run = uniqueStorageKey();
    // The widget speaks the closest lang, as the demo's <main> sets it.
    const main = await fixture<HTMLElement>(html`<main lang="en"></main>`);
    const el = document.createElement('userpays-image') as UserPaysImage;
    Object.entries({
      provider: 'openai',
      model: 'flux-2-klein-4b',
      prompt: 'a fox',
      'storage-key': run,
      endpoint: simEndpoint('openai', `pending=8000;run=${run}`),
    }).forEach(([name, value]) => el.setAttribute(name, value));
    Object.assign(el, { priceBook: GATEWAY_PRICE_BOOK, apiKey: `sk-status-${run}` });
    main.append(el);
    await el.updateComplete;
    const running = el.generate().catch(() => {});
    await until(async () => (await submissionsOf('openai', run)).length, 15_000, 'the request at the gateway');
    const progress = await until(() => part(el, 'progress'), 5_000, 'the progress');
    await until(() => words(progress).startsWith('Generating'), 5_000, 'said in English');
    main.lang = 'de';
    await until(() => words(part(el, 'progress')).startsWith('Wird erzeugt'), 5_000, 'said in German');
    expect(words(part(el, 'progress'))).not.to.contain('Generating');
    await running;
  });

  it('the announcement of an error is said in German once the page switches, as its box is', async () => {
    // BFL refuses it (429, too many tasks): nothing charged, and the widget says why, in its box and once, politely.
    const el = await bflWidget({ scenario: 'fault=429', apiKey: `sim-said-${uniqueStorageKey()}` });
    await el.generate().catch(() => {});
    const said = () => words(el.shadowRoot!.querySelector('#failure'));
    await until(() => said(), 10_000, 'the error');
    await el.updateComplete;
    const english = said();
    expect(english, 'said in English').to.match(/\bBFL\b.*\bnot charged\b|\btoo many\b/i);
    expect(announced(el).join(' ')).to.contain(english);
    el.lang = 'de';
    await until(() => said() !== english, 5_000, 'the box in German');
    await el.updateComplete;
    const german = said();
    expect(announced(el).join(' '), 'the live region follows').to.contain(german);
    expect(announced(el).join(' ')).not.to.contain(english);
  });
});

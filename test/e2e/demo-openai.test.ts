// The demo's "OpenAI · the user's own key" (demo/demo.js): GPT Image at the OpenAI simulator, which stands at the
// page's own address, where the widget knows OpenAI's prices only as the page states them. The page states them from
// the widget's own book (GET /openai-prices.json, demo/openai-prices.mjs): the price shown is the one the widget's own
// quote gives at OpenAI, and what the tally books is what the simulator's `usage` came to. A switch from the
// comparison to GPT Image at OpenAI brings this entry, never the gateway's.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import type { GenerateResult } from '../../src/base/types.js';
import { formatUsdRounded } from '../../src/pricing/index.js';
import { bounds } from '../../src/strings/image/bounds.js';
import { closeDemo, demoWidget, forgetDemo, openDemo } from '../support/demo.js';
import { simCharged, unique } from '../support/sim.js';
import { until } from '../support/wait.js';
import {
  blocked,
  decision,
  generateButton,
  modelOffered,
  openPriceDetails,
  panelsLoaded,
  tiles,
  typeKey,
} from '../support/widget.js';

const LABEL = 'OpenAI · the user’s own key';
const MODEL = 'gpt-image-2'; // served every day by OpenAI and its simulator (no shutdown announced)

/** The Provider list's option for OpenAI's own entry, as a user finds it by its label. */
function openaiOption(view: Window) {
  const select = view.document.getElementById('provider') as HTMLSelectElement;
  const option = [...select.options].find((each) => each.text === LABEL);
  expect(option, `the Provider list offers "${LABEL}"`).to.not.equal(undefined);
  return option!;
}

/** The widget's own quote of what the widget is set to, with the prices it has at OpenAI's own address. */
function quoteAtOpenAi(view: Window, widget: UserPaysImage) {
  const { UserPays } = view as unknown as typeof globalThis;
  const { provider, model, prompt, width, height, count, quality } = widget;
  // No endpoint: OpenAI's own, where the built-in book has its prices.
  return UserPays.quote({ provider, model, prompt, width, height, count, ...(quality && { quality }) });
}

describe('the demo’s OpenAI with the user’s own key', function () {
  this.timeout(30_000);
  afterEach(forgetDemo);

  it('prices GPT Image as the widget’s own book does at OpenAI, and the tally books the usage the simulator billed', async () => {
    const view = await openDemo(1280);
    const widget = await demoWidget(view, openaiOption(view).value);
    expect([widget.provider, widget.endpoint]).to.deep.equal(['openai', `${view.location.origin}/sim/openai`]);
    // The model picker, as a user picks: GPT Image 2 is offered once the page's prices have arrived.
    (await modelOffered(widget, MODEL)).click();
    await until(() => widget.model === MODEL && widget.quote?.model === MODEL, 5000, 'GPT Image 2 priced');
    // The user's own key, pasted: the simulator bills by key, and this one is the test's alone.
    const key = unique('sk-demo-openai');
    await typeKey(widget, key, { commit: true });
    await panelsLoaded(widget);

    const expected = quoteAtOpenAi(view, widget);
    expect(expected.atMost, 'GPT Image is a bound before the click').to.be.a('string');
    expect([widget.quote!.total, widget.quote!.atMost], 'the quote in force').to.deep.equal([
      expected.total,
      expected.atMost,
    ]);
    expect(decision(widget).price, 'the price shown').to.equal(
      bounds.atMostUnder(formatUsdRounded(expected.atMost!, 'en', true)),
    );
    expect(decision(widget).buys, 'what it is expected to cost').to.satisfy((buys: string) =>
      buys.startsWith(`${bounds.about(formatUsdRounded(expected.total, 'en'))} · `),
    );
    expect(blocked(widget).reason, 'nothing stands in the way').to.equal('');

    const tally = view.document.querySelector<UserPaysTally>('userpays-tally')!;
    const before = await until(() => tally.tally);
    const result = new Promise<GenerateResult>((resolve) =>
      widget.addEventListener('userpays-result', (event) => resolve((event as CustomEvent).detail), { once: true }),
    );
    generateButton(widget).click();
    const { charged, images } = await result;
    expect(images).to.have.length(1);
    await until(() => tiles(widget).some((tile) => tile.querySelector('img')?.complete), 5000, 'the image shown');

    // What the simulator billed the key: the tokens its reply's `usage` reported, at OpenAI's rates.
    const billed = await simCharged('openai', key);
    expect(new Decimal(billed).gt(0), 'billed').to.equal(true);
    expect(charged, 'booked: the usage reported, not the bound').to.equal(billed);
    expect(new Decimal(charged).lte(expected.atMost!), 'within the bound said').to.equal(true);
    await until(() => tally.tally?.images === before.images + 1, 5000, 'the tally counts the image');
    const after = tally.tally!;
    expect(new Decimal(after.spent).minus(before.spent).toFixed(), 'the tally').to.equal(new Decimal(billed).toFixed());
    expect(after.uncertain ?? '0', 'nothing left uncertain').to.equal(before.uncertain ?? '0');
  });

  it('a switch from the comparison to GPT Image at OpenAI brings this entry, not the gateway, at the price compared', async () => {
    const view = await openDemo(1280);
    const widget = await demoWidget(view, 'puter');
    await openPriceDetails(widget);
    const compare = widget.shadowRoot!.querySelector<HTMLDetailsElement>('[part~=compare]')!;
    const row = await until(() =>
      compare.querySelector<HTMLElement>(`tr[data-provider=openai][data-model="${MODEL}"]`),
    );
    const compared = row.querySelector('.price strong')!.textContent!.trim();
    row.querySelector<HTMLButtonElement>('button')!.click();
    const select = view.document.getElementById('provider') as HTMLSelectElement;
    await until(() => select.value === openaiOption(view).value, 5000, 'the bar follows');
    expect([widget.provider, widget.model]).to.deep.equal(['openai', MODEL]);
    expect(widget.endpoint, 'the OpenAI simulator').to.equal(`${view.location.origin}/sim/openai`);
    expect(widget.apiKey, 'the demo’s key for it').to.equal('sim-demo-key');
    expect(widget.priceBook?.[MODEL]?.openai, 'OpenAI’s prices, stated by the page').to.not.equal(undefined);
    await until(() => widget.quote?.model === MODEL && widget.quote.provider === 'openai', 5000, 'priced there');
    expect(decision(widget).price, 'the price compared').to.equal(compared);
    expect(blocked(widget).reason).to.equal('');
    const kept = JSON.parse(view.sessionStorage.getItem('demo-simulator')!);
    expect(kept.entry, 'kept for the tab').to.equal(openaiOption(view).value);
  });

  // Its prices arrive after the page's script has pointed the widget at the simulator, often before the widget's first
  // update: set then, they were lost to the null that update gives it (what was set before it was defined).
  it('kept for the tab, it opens priced again after a reload', async () => {
    const first = await openDemo(1280);
    const entry = openaiOption(first).value;
    await demoWidget(first, entry);
    closeDemo(); // the tab's choice kept
    for (let load = 1; load <= 3; load++) {
      const view = await openDemo(1280);
      const widget = view.document.querySelector<UserPaysImage>('userpays-image')!;
      expect((view.document.getElementById('provider') as HTMLSelectElement).value, `load ${load}`).to.equal(entry);
      await until(() => widget.quote?.provider === 'openai' && /^gpt-image-/.test(widget.quote.model), 5000, 'priced');
      const expected = quoteAtOpenAi(view, widget);
      expect([widget.quote!.total, widget.quote!.atMost], `load ${load}`).to.deep.equal([
        expected.total,
        expected.atMost,
      ]);
      closeDemo();
    }
  });
});

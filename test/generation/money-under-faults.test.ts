// Money stays exact when things go wrong: a programmatic submission is priced as it is sent; one budget, parsed
// strictly, enforced by every element of its key and across tabs; charges that may have happened are never booked as
// nothing; provider amounts are read strictly.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { UserPaysError } from '../../src/base/errors.js';
import { bookFailure, runGeneration } from '../../src/generation/run-generation.js';
import { sayBooked } from '../../src/generation/book-failure.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { ImageStore } from '../../src/images/image-store.js';
import { chargeOf } from '../../src/providers/bfl/adapter.js';
import type { Provider, ProviderOutcome, ProviderRequest, RunContext } from '../../src/providers/provider.js';
import type { ProviderId, SubmitDetail } from '../../src/base/types.js';
import { MemoryStorage, TabStorage, image as entryOf } from '../support/ledger.js';
import { bflEndpoint, falEndpoint, simLog, uniqueStorageKey } from '../support/sim.js';
import { imageWidget, part, words, type Attributes } from '../support/widget.js';
import { generationJob } from '../support/generation.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../src/providers/registry/prices.js';
import { mergePriceBook } from '../../src/pricing/index.js';

/** A BFL widget at the simulator under `scenario`, prompt "a lake", holding `apiKey`, with `attributes` more. */
const lakeWidget = (scenario: string, apiKey: string, attributes: Attributes = {}) =>
  imageWidget({ provider: 'bfl', endpoint: bflEndpoint(scenario), prompt: 'a lake', ...attributes }, { apiKey });

describe('a submission is priced as it is sent', () => {
  it('properties changed in the same task as generate(): the budget sees the real price, the event the real request', async () => {
    const run = uniqueStorageKey();
    const el = await lakeWidget(`pending=50;run=${run}`, 'sim-stale-key', { budget: '0.05' });
    const submitted: SubmitDetail[] = [];
    el.addEventListener('userpays-submit', (e) => submitted.push(e.detail));
    el.model = 'flux-2-max';
    el.width = el.height = 2048;
    const error = await el.generate().catch((e) => e);
    expect(error.code).to.equal('budget-exceeded'); // $0.16, not the $0.014 of the last render
    expect(submitted[0].quote).to.include({ model: 'flux-2-max', total: '0.16' });
    expect(submitted[0].request).to.include({ model: 'flux-2-max', width: 2048, height: 2048 });
    expect((await simLog()).filter((entry) => entry.path.includes(run) && entry.method === 'POST')).to.deep.equal([]);
  });

  it('on fal the same submission is booked at its own price, not the previous model’s', async () => {
    const el = await imageWidget({ provider: 'fal', endpoint: falEndpoint('pending=50'), prompt: 'a lake' });
    el.apiKey = 'sim-stale-fal-key';
    el.model = 'flux-2-max';
    el.width = el.height = 2048;
    const result = await el.generate();
    expect(result.charged).to.equal('0.16'); // $0.07 + 3 × $0.03, not klein 4B's $0.005
    expect(result.quote).to.include({ model: 'flux-2-max', total: '0.16' });
  });
});

describe('one budget, parsed strictly', () => {
  for (const budget of ['$0.01', '0,01', 'ten', '-1']) {
    it(`a malformed budget ("${budget}") stops spending, in words, instead of lifting the cap`, async () => {
      const run = uniqueStorageKey();
      const el = await lakeWidget(`pending=50;run=${run}`, 'sim-budget-key', { budget });
      const error = await el.generate().catch((e) => e);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.contain(`("${budget}") is not an amount of dollars`);
      expect(el.shadowRoot!.textContent).to.contain('nothing can be spent until it is fixed');
      // Nothing that could cost money: reading what the key has left (GET /v1/credits) is free.
      const sent = (await simLog()).filter((entry) => entry.path.includes(run) && !entry.path.endsWith('/v1/credits'));
      expect(sent).to.deep.equal([]);
    });
  }

  it('a <userpays-tally budget> is enforced by every widget of its key', async () => {
    const storageKey = uniqueStorageKey();
    const run = uniqueStorageKey();
    const tally = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} budget="0.02"></userpays-tally>`,
    );
    const el = await lakeWidget(`pending=50;run=${run}`, 'sim-budget-key', { 'storage-key': storageKey });
    await el.generate();
    expect((await el.generate().catch((e) => e)).code).to.equal('budget-exceeded');
    expect(el.tally).to.deep.include({ budget: '0.02', remaining: '0.006' });
    expect(tally.tally).to.deep.equal(el.tally);
    tally.remove();
  });

  it('a budget written with trailing zeros ("1.00") settles: elements re-render a bounded number of times', async () => {
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey, storage: new MemoryStorage() });
    let heard = 0;
    ledger.subscribe(() => heard++);
    const owner = {};
    ledger.setPageBudget(owner, '1.00');
    ledger.setPageBudget(owner, '1.00'); // each render sets it again: the same amount is no news
    ledger.setPageBudget(owner, '1');
    expect(heard).to.equal(1);
    expect(ledger.budgetInForce()).to.equal('1');
    // On the page: a tally and a widget with such budgets (this once re-rendered forever and froze the page).
    const tally = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} budget="1.00"></userpays-tally>`,
    );
    const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, budget: '0.50' });
    let updates = 0;
    const count = () => updates++;
    tally.addEventListener('userpays-tally', count);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates).to.be.lessThan(3);
    expect(el.tally).to.deep.include({ budget: '0.5', remaining: '0.5' });
    tally.remove();
    el.remove();
  });

  it('two tabs that reserve at the same moment cannot both pass a budget with room for one', async () => {
    const storageKey = uniqueStorageKey();
    const shared = new Map<string, string>();
    // Two tabs whose storage has not reached each other yet: only the lock manager tells them apart.
    const tabA = new LedgerStore({ storageKey, storage: new TabStorage(shared) });
    const tabB = new LedgerStore({ storageKey, storage: new TabStorage(shared) });
    tabA.setPageBudget(tabA, '0.05');
    tabB.setPageBudget(tabB, '0.05');
    const request = { ...entryOf, quoted: '0.03' };
    const outcomes = await Promise.allSettled([tabA.reserve([request], '0.03'), tabB.reserve([request], '0.03')]);
    expect(outcomes.map((outcome) => outcome.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).to.equal('budget-exceeded');
    for (const tab of [tabA, tabB]) for (const entry of tab.pending()) tab.settle(entry.id, { void: true });
  });
});

/** A provider that calls back as told, then fails with `error` (or succeeds with a 1×1 image). */
function scripted(steps: (context: RunContext) => void, error?: UserPaysError, id: ProviderId = 'bfl'): Provider {
  return {
    id,
    defaultEndpoint: 'https://api.bfl.ai',
    needsKey: false,
    async generate(_request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
      steps(context);
      if (error) throw error;
      const canvas = new OffscreenCanvas(1, 1);
      canvas.getContext('2d')!.fillRect(0, 0, 1, 1);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return { image: { blob, width: 1, height: 1 }, task: { provider: 'bfl', id: 't' } };
    },
  };
}

async function run(provider: Provider) {
  const job = generationJob({ provider, endpoint: 'https://api.bfl.ai', request: { prompt: 'p' } });
  const { ledger } = job;
  const outcome = await runGeneration(job).catch((error: unknown) => error as UserPaysError);
  return { outcome, entry: ledger.entries()[0], tally: ledger.tally() };
}

describe('charges that may have happened are never booked as nothing', () => {
  const lost = () => new UserPaysError('network', 'lost');

  it('a reply lost after the request left: uncertain, counted apart and against the budget', async () => {
    const { outcome, entry, tally } = await run(scripted((context) => context.onSending?.(), lost()));
    expect(entry).to.include({ status: 'uncertain', charged: '0.014', error: 'network' });
    expect(tally).to.deep.include({ spent: '0', uncertain: '0.014' });
    expect((outcome as UserPaysError).message).to.equal(
      'The connection broke: BFL may have charged $0.014, counted as possibly spent.',
    );
  });

  it('nothing left, or the provider refused at the door: void', async () => {
    expect((await run(scripted(() => {}, lost()))).entry.status).to.equal('void');
    const refused = new UserPaysError('invalid-input', 'HTTP 422');
    refused.answered = true;
    expect((await run(scripted((context) => context.onSending?.(), refused))).entry.status).to.equal('void');
  });

  it('a gateway 502 at submission is no answer: uncertain', async () => {
    const gateway = new UserPaysError('provider-error', 'HTTP 502');
    expect((await run(scripted((context) => context.onSending?.(), gateway))).entry.status).to.equal('uncertain');
  });

  it('billed, then the image could not be fetched: charged at the quote', async () => {
    const { entry, tally } = await run(
      scripted((context) => (context.onSending?.(), context.onBilled?.()), new UserPaysError('provider-error', '404')),
    );
    expect(entry).to.include({ status: 'charged', charged: '0.014' });
    expect(tally).to.deep.include({ spent: '0.014', images: 0 });
  });

  it('a cost that is no plain number is no report: the quote is booked, the entry never left pending', async () => {
    for (const cost of [1e25, -5, NaN, '7', null]) {
      const { entry } = await run(
        scripted(
          (context) => {
            context.onSending?.();
            context.onAccepted?.({ provider: 'bfl', id: 't' }, chargeOf(cost));
            context.onBilled?.();
          },
          new UserPaysError('moderated', 'after'),
        ),
      );
      expect(entry, String(cost)).to.include({ status: 'charged', charged: '0.014' });
    }
  });

  it('reads BFL’s cost to the nearest 0.001 credit (its replies carry float noise)', () => {
    expect(chargeOf(7.000000000000001)).to.deep.equal({ credits: '7', usd: '0.07' });
    expect(chargeOf(1.4)).to.deep.equal({ credits: '1.4', usd: '0.014' });
    expect(chargeOf(0.30000000000000004)).to.deep.equal({ credits: '0.3', usd: '0.003' });
    for (const cost of [1e25, -5, NaN, Infinity, '7', undefined]) expect(chargeOf(cost)).to.equal(undefined);
  });

  it('the booking rule, case by case', () => {
    const error = (answered = false) => Object.assign(new UserPaysError('network', 'x'), { answered });
    const seen = { sending: true, accepted: false, billed: false, uncharged: false };
    expect(bookFailure({ ...seen, sending: false }, error(), '1')).to.deep.equal({ void: true, error: 'network' });
    expect(bookFailure(seen, error(true), '1')).to.deep.equal({ void: true, error: 'network' });
    expect(bookFailure(seen, error(), '1')).to.deep.equal({ uncertain: '1', error: 'network' });
    expect(bookFailure({ ...seen, accepted: true, uncharged: true }, error(), '1')).to.deep.equal({
      void: true,
      error: 'network',
    });
    expect(
      bookFailure({ ...seen, accepted: true, billed: true, charge: { usd: '2', credits: '200' } }, error(true), '1'),
    ).to.deep.equal({ charged: '2', credits: '200', error: 'network' });
  });

  // OpenAI's own API was "the gateway" here too: whom the user pays is named at the endpoint the job went to.
  it("a reply of OpenAI's own API lost after the request left names OpenAI; a gateway's, the gateway", async () => {
    const said = async (endpoint: string) => {
      const provider = scripted((context) => context.onSending?.(), lost(), 'openai');
      const request = { provider: 'openai' as const, model: 'gpt-image-1.5', quality: 'low' };
      const priceBook = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);
      const error = await runGeneration(generationJob({ provider, endpoint, request, priceBook })).catch(
        (thrown: UserPaysError) => thrown,
      );
      return (error as UserPaysError).message.replace(/\$[\d.]+/, '$…');
    };
    expect(await said('https://api.openai.com')).to.equal(
      'The connection broke: OpenAI may have charged $…, counted as possibly spent.',
    );
    expect(await said('https://gateway.example')).to.equal(
      'The connection broke: the gateway may have charged $…, counted as possibly spent.',
    );
  });

  it('what may have been charged is said as a bound to three figures, rounded up; booked exactly', () => {
    const said = (uncertain: string) => {
      const error = new UserPaysError('network', 'x');
      sayBooked(error, { uncertain, error: 'network' }, 'bfl');
      return error.message;
    };
    expect(said('0.294742')).to.contain('may have charged $0.295,');
    expect(said('0.0140')).to.contain('may have charged $0.014,');
    // A provider named after the colon, mid-sentence: "the gateway", not "The gateway".
    const gateway = new UserPaysError('network', 'x');
    sayBooked(gateway, { uncertain: '0.04', error: 'network' }, 'openai');
    expect(gateway.message).to.equal(
      'The connection broke: the gateway may have charged $0.04, counted as possibly spent.',
    );
    // Sent up to 7 times: one request's price first, to three figures as the list says it, not "$0.042106"; the bound
    // rounded up.
    const resent = new UserPaysError('network', 'x');
    resent.sends = 7;
    sayBooked(resent, { uncertain: '0.294742', error: 'network' }, 'openai');
    expect(resent.message).to.equal(
      'The connection broke: the gateway may have charged $0.0421 (up to $0.295 if the browser sent it more than ' +
        'once), all counted as possibly spent.',
    );
  });

  it('a reply that does not say whether it charged is never "no reply came" (fal\'s 422 after the run)', () => {
    const said = (error: UserPaysError) => {
      sayBooked(error, { uncertain: '0.005', error: error.code }, 'fal');
      return error.message;
    };
    const refused = Object.assign(new UserPaysError('moderated', 'fal declined this prompt.'), { answered: true });
    expect(said(refused)).to.equal(
      'fal declined this prompt. fal may have charged $0.005 all the same, counted as possibly spent.',
    );
    // An unreadable reply is still one that said nothing.
    expect(said(new UserPaysError('provider-error', 'fal sent an unreadable reply.'))).to.contain('No reply came');
  });
});

describe('a failure after BFL accepted is booked at BFL’s cost, in the widget too', () => {
  it('content moderated after acceptance: charged, and the tally shows it as spent with no image', async () => {
    const el = await lakeWidget('pending=50;fault=content-moderated', 'sim-moderated-key');
    expect((await el.generate().catch((e) => e)).code).to.equal('moderated');
    expect(el.tally).to.deep.include({ spent: '0.014', images: 0, paidFailures: 1 });
    // The tally line says what was paid for: never "on 0 images".
    await el.updateComplete;
    expect(words(part(el, 'tally'))).to.match(/^Spent \$0\.014 on 1 request without an image\b/);
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
  });

  it('an image no browser can open (a broken file from the delivery host): charged, said so, nothing saved or shown', async () => {
    const storageKey = uniqueStorageKey();
    const el = await lakeWidget('pending=50;deliveryCors=1;fault=broken-image', 'sim-broken-image-key', {
      locale: 'en-US',
      'storage-key': storageKey,
    });
    // Its bytes are decoded to show as they come (the gallery's preload), before they are refused: that URL goes.
    const { createObjectURL, revokeObjectURL } = URL;
    const [made, revoked] = [[] as string[], [] as string[]];
    URL.createObjectURL = (blob) => (made[made.length] = createObjectURL(blob));
    URL.revokeObjectURL = (url) => revokeObjectURL((revoked[revoked.length] = url));
    const error = await el.generate().catch((e) => e);
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    expect(made).to.have.length(1);
    expect(revoked).to.deep.equal(made);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=image]')).to.equal(null);
    expect(error.code).to.equal('provider-error');
    expect(error.message).to.equal(
      'BFL sent an image this browser cannot open. Try again. BFL charged $0.014 for it all the same, and your tally counts it.',
    );
    expect(el.tally).to.deep.include({ spent: '0.014', images: 0 });
    expect(await new ImageStore({ storageKey }).list()).to.deep.equal([]);
    expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
  });
});

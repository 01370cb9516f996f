// Whom the user pays is named as the user knows it: OpenAI at OpenAI's own API, which is no gateway; a gateway the page
// names, "the gateway". OpenAI's own address is answered here by the OpenAI simulator over loopback HTTP (the page's
// fetch sends it there), so that the pipeline sees the endpoint it has when the page names none.
import { expect } from '@open-wc/testing';
import { submit, type Submission } from '../../src/generation/submit.js';
import { ImageStore } from '../../src/images/image-store.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { priceOf } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../../src/providers/registry/prices.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { uncertainCharges } from '../../src/elements/tally/uncertain-charges.js';
import { controlledClock } from '../support/clock.js';
import { simEndpoint, uniqueStorageKey } from '../support/sim.js';

const OPENAI = 'https://api.openai.com';

describe('the payee named in what a submission says', function () {
  this.timeout(20_000);
  controlledClock('2026-11-20T12:00:00Z');
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });
  const newStorageKey = storageKeysForgottenAfterEach();

  /** The note a GPT Image submission comes back with, its reply without usage: at OpenAI's own API, or a gateway's. */
  async function noteAt(endpoint: string) {
    const scenario = `usage=none;format=b64;now=2026-11-20T12:00:00Z;run=${uniqueStorageKey()}`;
    const sim = simEndpoint('openai', scenario);
    window.fetch = (input, init) =>
      realFetch(typeof input === 'string' && input.startsWith(OPENAI) ? sim + input.slice(OPENAI.length) : input, init);
    const storageKey = newStorageKey();
    const asked = {
      provider: 'openai' as const,
      model: 'gpt-image-1.5',
      prompt: 'a red ceramic mug',
      width: 1024,
      height: 1024,
      count: 1,
      quality: 'low',
      inputs: [],
    };
    const book = priceBookFor(OPENAI, BUILTIN_PRICE_BOOK, 'openai');
    const ledger = new LedgerStore({ storageKey });
    const submission: Submission = {
      asked,
      priced: priceOf({ ...asked, endpoint: endpoint || OPENAI }, book),
      endpoint: endpoint && sim,
      relay: '',
      apiKey: `sk-payee-${storageKey}`,
      budget: null,
      budgetProblem: '',
      ledger,
      images: Promise.resolve(new ImageStore({ storageKey })),
      signal: new AbortController().signal,
      urlOf: ({ blob }) => URL.createObjectURL(blob!),
    };
    const { chargeNote } = await submit(submission);
    return { note: chargeNote?.text.replace(/\$[\d.]+/, '$…'), ledger };
  }

  it("a reply of OpenAI's own API that does not say its cost names OpenAI; a gateway's, the gateway", async () => {
    expect((await noteAt('')).note).to.equal(
      'OpenAI did not say what this cost: at most $…, which your tally counts as may have been charged until you say what your OpenAI account shows.',
    );
    expect((await noteAt('gateway')).note).to.equal(
      'The gateway did not say what this cost: at most $…, which your tally counts as may have been charged until you say what your gateway account shows.',
    );
  });

  it("the tally's list of charges not known yet names OpenAI at its own API, the gateway elsewhere", async () => {
    const own = (await noteAt('')).ledger;
    expect(own.uncertain().map(({ payee }) => payee)).to.deep.equal(['OpenAI']);
    expect(uncertainCharges(own, Date.now(), {}).map(({ provider }) => provider)).to.deep.equal(['OpenAI']);
    const gateway = (await noteAt('gateway')).ledger;
    expect(gateway.uncertain().map(({ payee }) => payee)).to.deep.equal([undefined]);
    expect(uncertainCharges(gateway, Date.now(), {}).map(({ provider }) => provider)).to.deep.equal(['openai']);
    // Kept where the ledger is read again (another tab, a reload).
    expect(new LedgerStore({ storageKey: own.storageKey }).uncertain()[0].payee).to.equal('OpenAI');
  });
});

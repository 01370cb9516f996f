// What the real providers do that a user of the widget meets, against the simulators that play them so: fal's
// safety checker, FLUX.2 [dev] at fal, BFL's `cost: null`, OpenRouter's 502s and BYOK, and the balances BFL and fal
// tell a key's owner, and what is said once an account is out of credit.
import { expect, fixture, html } from '@open-wc/testing';
import { countReplies } from '../../../support/record-fetches.js';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { ImageStore } from '../../../../src/images/image-store.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import { storageKeysForgottenAfterEach } from '../../../support/storage.js';
import { failure } from '../../../support/failure.js';
import { unique } from '../../../support/sim.js';
import { decision, drawn, part, words } from '../../../support/widget.js';

const newStorageKey = storageKeysForgottenAfterEach();

async function widget(provider: string, model: string, endpoint: string, apiKey: string, size = 1024) {
  const storageKey = newStorageKey();
  const el = await fixture<UserPaysImage>(html`
    <userpays-image
      provider=${provider}
      model=${model}
      locale="en-US"
      width=${size}
      height=${size}
      storage-key=${storageKey}
      endpoint=${endpoint}
      prompt="a red kite over the dunes"
    ></userpays-image>
  `);
  await drawn(el); // the third of a test's widgets is below the fold
  el.apiKey = apiKey;
  await el.updateComplete;
  return { el, storageKey };
}

const text = (el: UserPaysImage) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('real provider facts, in the widget', function () {
  this.timeout(20_000);
  it('fal: a flagged [klein] image (has_nsfw_concepts, a black image) is withheld, and booked as fal bills it', async () => {
    const endpoint = `${location.origin}/sim/fal/s/fault=nsfw;pending=50;run=${unique()}`;
    const { el, storageKey } = await widget('fal', 'flux-2-klein-4b', endpoint, `fal-${unique()}`);
    const error = await failure(el.generate());
    expect(error.code).to.equal('moderated');
    expect(error.message).to.contain("fal's safety checker withheld this image");
    expect(error.message).to.contain('fal charged $0.005 for it all the same');
    expect(await new ImageStore({ storageKey }).list(), 'nothing shown or saved').to.deep.equal([]);
    const [entry] = new LedgerStore({ storageKey }).entries();
    expect(entry).to.include({ status: 'charged', charged: '0.005', error: 'moderated' });
  });

  it('fal: FLUX.2 [dev] is hosted, at fal-ai/flux-2, $0.012 per megapixel', async () => {
    const run = unique();
    const endpoint = `${location.origin}/sim/fal/s/pending=50;run=${run}`;
    const { el } = await widget('fal', 'flux-2-dev', endpoint, `fal-${unique()}`);
    const result = await el.generate();
    expect(result.charged).to.equal('0.012');
    const log: { method: string; path: string }[] = await (await fetch('/sim/fal/_log')).json();
    const [submit] = log.filter((e) => e.method === 'POST' && e.path.includes(run));
    expect(submit.path).to.equal(`/sim/fal/s/pending=50;run=${run}/fal-ai/flux-2`);
  });

  it('BFL: a task whose reply says `cost: null` is booked at the quote, and the widget says so', async () => {
    const endpoint = `${location.origin}/sim/bfl/s/cost=null;pending=50;deliveryCors=1;run=${unique()}`;
    const { el, storageKey } = await widget('bfl', 'flux-2-pro', endpoint, `bfl-${unique()}`);
    const result = await el.generate();
    expect(result.charged).to.equal('0.03');
    const [entry] = new LedgerStore({ storageKey }).entries();
    expect(entry).to.include({ status: 'charged', charged: '0.03' });
    expect(entry.credits, 'no credits BFL did not report').to.equal(undefined);
    await el.updateComplete;
    expect(text(el)).to.contain("BFL did not say what this cost, so the preview's price ($0.03) is booked.");
  });

  it('OpenRouter: a 502 in its own error body books nothing; a bare 502 after sending stays uncertain on a pasted key, the usage said beside it', async () => {
    const cases: [string, object][] = [
      ['fault=502', { status: 'void', error: 'provider-error' }],
      ['fault=503', { status: 'void', error: 'provider-error' }],
      // It may have been charged: /api/v1/key's usage, read before and after, rose by the price; but a pasted key may
      // be used elsewhere too, so that is a hint only (a key its sign-in made settles it:
      // test/faults/settle-from-balance.test.ts).
      ['fault=502-bare', { status: 'uncertain', charged: '0.014', error: 'provider-error' }],
    ];
    for (const [scenario, booked] of cases) {
      const endpoint = `${location.origin}/sim/openrouter/s/${scenario};pending=50;run=${unique()}`;
      const { el, storageKey } = await widget('openrouter', 'flux-2-klein-4b', endpoint, `sk-or-${unique()}`);
      await failure(el.generate());
      const [entry] = new LedgerStore({ storageKey }).entries();
      expect(entry, scenario).to.include(booked);
      await el.updateComplete;
      if (entry.status === 'void') expect(el.tally?.spent ?? '0', scenario).to.equal('0');
      if (entry.status === 'void') expect(el.tally?.uncertain ?? '0', scenario).to.equal('0');
      else
        expect(text(el), scenario).to.contain(
          'Your OpenRouter balance moved by $0.014 meanwhile, perhaps from elsewhere.',
        );
    }
  });

  it('OpenRouter BYOK: OpenRouter’s fee and the upstream provider’s charge both booked, said apart', async () => {
    const endpoint = `${location.origin}/sim/openrouter/s/byok=1;pending=50;run=${unique()}`;
    const { el, storageKey } = await widget('openrouter', 'flux-2-klein-4b', endpoint, `sk-or-${unique()}`);
    const result = await el.generate();
    expect(result.charged).to.equal('0.0147');
    const [entry] = new LedgerStore({ storageKey }).entries();
    expect(entry).to.include({ status: 'charged', charged: '0.0147', upstream: '0.014' });
    await el.updateComplete;
    expect(text(el)).to.contain(
      "OpenRouter charged $0.0007, and the model's own provider charged $0.014 to your key there (bring your own key); both are booked.",
    );
  });

  it('BFL: the key’s credits beside the price ("$0.014 of your $10.00 left"), read once the key rests', async () => {
    const { el } = await widget('bfl', 'flux-2-klein-4b', `${location.origin}/sim/bfl`, `bfl-${unique()}`);
    // Beside the key it is read with, and the price in the decision row: what the click costs, what the key has.
    await waitUntil(() => part(el, 'balance'), 'the balance line', { timeout: 4000 });
    expect(words(part(el, 'balance'))).to.equal('$10.00 left');
    expect(decision(el).price).to.equal('$0.014');
    // After an image, $9.986: said to what matters, rounded down so that a touched balance never reads as more than
    // it is (the receipt keeps every digit).
    await el.generate();
    await waitUntil(() => words(part(el, 'balance')) !== '$10.00 left', 'the balance read again', { timeout: 4000 });
    expect(words(part(el, 'balance'))).to.equal('$9.98 left');
  });

  it('fal: an Admin key’s balance from fal’s billing API; an ordinary key gets none, quietly', async () => {
    const endpoint = `${location.origin}/sim/fal`;
    const admin = await widget('fal', 'flux-2-klein-4b', endpoint, `sim-admin-${unique()}`);
    await waitUntil(() => part(admin.el, 'balance'), 'the balance line', { timeout: 4000 });
    expect(words(part(admin.el, 'balance'))).to.equal('$10.00 left');
    expect(decision(admin.el).price).to.equal('$0.005');

    const plain = await widget('fal', 'flux-2-klein-4b', endpoint, `fal-${unique()}`);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const log: { path: string; hasKey: boolean }[] = await (await fetch('/sim/fal/_log')).json();
    expect(log.some((e) => e.path.startsWith('/sim/fal/v1/account/billing') && e.hasKey)).to.equal(true);
    expect(part(plain.el, 'balance')).to.equal(null);
    expect(text(plain.el)).not.to.contain('left');
    expect(plain.el.shadowRoot!.querySelector('[part~=error]')).to.equal(null);
  });

  // Pollinations' key reads only its own budget (`pollenBudget`), which a 402 for the account's pollen leaves as it was:
  // the read after the refusal must not bring back "$1.00 left" beside "does not have enough credit".
  // The key's budget says nothing of the account's pollen, so the line says only what the 402 says: not enough for this
  // image, which may be a little, not that it holds none.
  it('Pollinations, a pasted key with a budget: after a 402 for the account, its line says not enough credit, after a re-read too', async () => {
    const endpoint = `${location.origin}/sim/pollinations/s/pollen=0;keybudget=1;run=${unique()}`;
    const { el } = await widget('pollinations', 'flux-2-klein-4b', endpoint, `sk_sim${unique()}`);
    await waitUntil(() => words(part(el, 'balance')) === '$1.00 left', 'the key’s budget', { timeout: 4000 });
    const reads = countReplies(window, '/account/key');
    try {
      const error = await failure(el.generate());
      expect(error.code).to.equal('insufficient-funds');
      // The key's budget read again after the refusal (not one before sending), and the line drawn from it.
      const sent = reads.replies;
      await waitUntil(() => reads.replies > sent, 'the read after the refusal', { timeout: 4000 });
    } finally {
      reads.stop();
    }
    await el.updateComplete;
    await el.updateComplete;
    // The account is Pollinations', whatever host the key goes to (here the simulator's).
    expect(words(part(el, 'balance'))).to.equal('Your Pollinations account does not have enough credit for this image');
  });

  it('BFL: after a 402, an account its own balance says holds nothing is said to be out of credit', async () => {
    // `sim-empty`: a key whose account has no credits (demo/sim/bfl.mjs), on this page's origin (BFL's CORS as the
    // relay gives it).
    const endpoint = `${location.origin}/sim/bfl/s/fault=402;run=${unique()}`;
    const { el } = await widget('bfl', 'flux-2-klein-4b', endpoint, 'sim-empty');
    await waitUntil(() => words(part(el, 'balance')) === '$0.00 left', 'the balance read', { timeout: 4000 });
    const error = await failure(el.generate());
    expect(error.code).to.equal('insufficient-funds');
    // The read after the refusal says $0.00 still: out of credit, where a read above zero would say what is left.
    await waitUntil(
      () => words(part(el, 'balance')) === 'Your BFL account is out of credit',
      'out of credit, after the read',
      { timeout: 4000 },
    );
  });

  it('fal: an account out of credit (its 402, its 403 "Exhausted balance") is sent to fal’s billing page', async () => {
    for (const fault of ['402', 'exhausted']) {
      const endpoint = `${location.origin}/sim/fal/s/fault=${fault};run=${unique()}`;
      const { el } = await widget('fal', 'flux-2-klein-4b', endpoint, `fal-${unique()}`);
      const error = await failure(el.generate());
      expect(error.code, fault).to.equal('insufficient-funds');
      await el.updateComplete;
      // Beside the error, as Puter's, BFL's, OpenRouter's and Pollinations' are: where fal's own refusal says to top up.
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~=error].error-box a');
      expect([link?.href, link?.target, words(link)], fault).to.deep.equal([
        'https://fal.ai/dashboard/billing',
        '_blank',
        'Open your fal dashboard ↗',
      ]);
    }
  });

  it('BFL: a provider that does not answer the page (no CORS) shows no balance and no error', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // On the other loopback name: a cross-origin host, as api.bfl.ai is to a page.
      const other = location.host.startsWith('localhost')
        ? location.host.replace('localhost', '127.0.0.1')
        : location.host.replace('127.0.0.1', 'localhost');
      const endpoint = `${location.protocol}//${other}/sim/bfl/s/cors=none;run=${unique()}`;
      const { el } = await widget('bfl', 'flux-2-klein-4b', endpoint, `bfl-${unique()}`);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(part(el, 'balance')).to.equal(null);
      expect(text(el)).not.to.contain('left');
      expect(el.shadowRoot!.querySelector('[part~=error]')).to.equal(null);
      expect(warnings, 'nothing said to the console either').to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});

// Pollinations, against its simulator (demo/sim/pollinations.mjs, held to pollinations/pollinations'
// own sources): the adapter alone, with pasted keys (`sk_sim…`), then "Sign in with Pollinations" in the demo, as a
// user goes: the budget and the days chosen before leaving, the key scoped to them, the image booked at its price, what
// is left of the budget shown, the key sent to no other host.
import { expect } from '@open-wc/testing';
import { provider } from '../../src/providers/pollinations/adapter.js';
import type { ModelSettings } from '../../src/base/types.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { prices as pollinationsPrices } from '../../src/providers/pollinations/prices.js';
import { retired } from '../../src/pricing/index.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { failure } from '../support/failure.js';
import { providerHarness } from '../support/provider-harness.js';
import { simCharges, simLog, simEndpoint, unique } from '../support/sim.js';
import { authorize, demoForgottenAfterEach, demoSignInButton, signInPage, withPopup } from '../support/demo.js';
import { until } from '../support/wait.js';
import { part, words } from '../support/widget.js';

describe('Pollinations adapter (against the simulator)', function () {
  this.timeout(20_000);
  const { completed, start, endpoint } = providerHarness(provider, { keyPrefix: 'sk_sim' });

  it('makes the image with GET /image/{prompt}, the key as a Bearer token in the header only, charged once', async () => {
    const run = await completed('', { prompt: 'a red kite over dunes', seed: 42 });
    expect([run.outcome.image.width, run.outcome.image.height]).to.deep.equal([512, 384]);
    expect((await simCharges('pollinations', run.key)).images).to.equal(1);
    // This test's own request (another file's may be in the simulator's log as well: files run side by side).
    const [made] = (await simLog('pollinations')).filter((entry) =>
      entry.path.startsWith('/sim/pollinations/image/a%20red%20kite'),
    );
    expect(made.path).to.equal(
      '/sim/pollinations/image/a%20red%20kite%20over%20dunes?model=klein&width=512&height=384&seed=42',
    );
    expect([made.hasKey, made.path.includes(run.key)]).to.deep.equal([true, false]);
  });

  it('prompt enhancement: enhance=true when on; left out when off, as Pollinations reads any text as true', async () => {
    expect(provider.controls()).to.deep.equal({ enhancePrompt: { default: false }, seedReproduces: true });
    const made = async (settings: ModelSettings) => {
      const prompt = unique('a kite');
      const run = await completed('', { prompt, settings });
      const [entry] = (await simLog('pollinations')).filter((e) =>
        e.path.includes(`/image/${encodeURIComponent(prompt)}?`),
      );
      return { run, entry };
    };
    const on = await made({ enhancePrompt: true });
    expect(new URL(on.entry.path, location.origin).searchParams.get('enhance')).to.equal('true');
    expect(on.entry.asked).to.include({ enhance: true });
    // Pollinations answers the bytes alone: no word of a rewritten prompt.
    expect(on.run.outcome.image.revisedPrompt).to.equal(undefined);
    const off = await made({ enhancePrompt: false });
    expect(new URL(off.entry.path, location.origin).searchParams.has('enhance')).to.equal(false);
    expect(off.entry.asked).to.include({ enhance: false });
    const error = await failure(start('', { settings: { enhancePrompt: 'false' as unknown as boolean } }).promise);
    expect([error.code, error.message]).to.deep.equal([
      'invalid-input',
      'Prompt enhancement at Pollinations is either on or off (true or false).',
    ]);
  });

  it('what the key has left of its budget, from /account/key; a key without one is said to have none', async () => {
    const key = unique('sk_sim');
    const before = await provider.balance({ endpoint: endpoint('keybudget=1'), apiKey: key });
    expect([before?.usd?.toString(), before?.uncapped]).to.deep.equal(['1', false]);
    await completed('keybudget=1', {}, { apiKey: key });
    const after = await provider.balance({ endpoint: endpoint('keybudget=1'), apiKey: key });
    expect(after?.usd?.toString()).to.equal('0.995');
    const none = await provider.balance({ endpoint: endpoint(), apiKey: unique('sk_sim') });
    expect([none?.usd, none?.uncapped]).to.deep.equal([undefined, true]);
  });

  it('the other families: sent at the size and quality priced; a price in tokens charged what this site’s key fell by', async () => {
    // gpt-image-2 as the widget submits it (families.ts): the 1024² and medium it makes, its rates.
    const request = {
      model: 'gpt-image-2',
      width: 1024,
      height: 1024,
      quality: 'medium',
      wiring: { model: 'gpt-image-2', rates: { textIn: '3.75', imageIn: '6', imageOut: '22.5' } },
    };
    const mine = await completed('keybudget=1', request, { keyMadeBySignIn: true });
    // 1,756 image tokens and the prompt's 5 (20 bytes, as the simulator counts them), taken from the key's budget.
    expect(mine.outcome.charge).to.deep.equal({ usd: '0.03952875' });
    const [sent] = (await simLog('pollinations')).filter((e) => e.path.includes('model=gpt-image-2')).slice(-1);
    const query = new URL(sent.path, location.origin).searchParams;
    expect([query.get('width'), query.get('height'), query.get('quality')]).to.deep.equal(['1024', '1024', 'medium']);
    // A key the user pasted may be spent elsewhere meanwhile: its fall says nothing of this image (the bound is booked).
    expect((await completed('keybudget=1', request)).outcome.charge).to.equal(undefined);
    // Nor when another call with the key ran meanwhile (in any tab of the origin).
    const apiKey = unique('sk_sim');
    const both = [1, 2].map(() => start('keybudget=1', request, { keyMadeBySignIn: true, apiKey }));
    const outcomes = await Promise.all(both.map((run) => run.promise));
    expect(outcomes.map((outcome) => outcome.charge)).to.deep.equal([undefined, undefined]);
    // Nano Banana's tier goes as the size made: no quality is sent (Pollinations' query takes GPT Image's only).
    await completed('', {
      model: 'gemini-3-pro-image',
      width: 2048,
      height: 2048,
      quality: '2K',
      wiring: { model: 'nanobanana-pro' },
    });
    const [banana] = (await simLog('pollinations')).filter((e) => e.path.includes('model=nanobanana-pro')).slice(-1);
    expect(new URL(banana.path, location.origin).searchParams.has('quality')).to.equal(false);
    expect((banana as any).made).to.include({ width: 2048, height: 2048, quality: '2K' });
    // Seedream 4.5 at half its 2K preset, so that Pollinations makes it at 2K, the size shown.
    await completed('', { model: 'seedream-4.5', width: 2560, height: 1440, wiring: { model: 'seedream-pro' } });
    const [seedream] = (await simLog('pollinations')).filter((e) => e.path.includes('model=seedream-pro')).slice(-1);
    expect(seedream.path).to.include('width=1280&height=720');
    expect((seedream as any).made).to.include({ width: 2560, height: 1440 });
  });

  it('no key: auth-required, pointing to signing in first, before anything is sent', async () => {
    const error = await failure(start('', {}, { apiKey: undefined }).promise);
    expect([error.code, error.message]).to.deep.equal([
      'auth-required',
      'Sign in with Pollinations (or enter your own Pollinations key), then try again.',
    ]);
  });

  for (const [scenario, code, said] of [
    ['fault=401', 'auth-failed', 'Pollinations refused your key: it may have expired'],
    ['keybudget=0.001', 'auth-required', 'This site has spent the budget you gave it at Pollinations.'],
    ['pollen=0', 'insufficient-funds', 'Your Pollinations account does not have enough credit for this.'],
    ['keymodels=flux', 'invalid-input', 'Your Pollinations key may not use FLUX.2 [klein] 4B'],
  ]) {
    it(`${scenario} → ${code}, in words that say what to do`, async () => {
      const run = start(scenario);
      const error = await failure(run.promise);
      expect(error.code).to.equal(code);
      expect(error.message).to.contain(said);
      expect(error.message).to.not.contain(run.key);
      expect((await simCharges('pollinations', run.key)).images).to.equal(0);
    });
  }

  it('a model for bought pollen only, refused with daily pollen alone: said so, while another model is paid from it', async () => {
    // Five pollen of the day's grant, none bought: Nano Banana Pro is paid-only at Pollinations, GPT Image 2 is not.
    const scenario = 'tierpollen=5;pollen=0';
    const banana = { model: 'gemini-3-pro-image', width: 1024, height: 1024, wiring: { model: 'nanobanana-pro' } };
    const run = start(scenario, banana);
    const error = await failure(run.promise);
    expect([error.code, error.message]).to.deep.equal([
      'insufficient-funds',
      'Pollinations sells Nano Banana Pro for bought pollen only, not for the free pollen your account gets each day. Buy pollen at Pollinations, or pick another model.',
    ]);
    expect((await simCharges('pollinations', run.key)).images).to.equal(0);
    expect(error.modelOnly, 'the account is not out of credit: it pays for other models').to.equal(true);
    const gpt = {
      model: 'gpt-image-2',
      width: 1024,
      height: 1024,
      quality: 'medium',
      wiring: { model: 'gpt-image-2' },
    };
    expect((await completed(scenario, gpt)).outcome.image.width).to.equal(1024);
  });

  it('prices read live from /image/models, the bundled ones where it does not answer, the quote saying which', async () => {
    const live = await liveCatalogue('pollinations', simEndpoint('pollinations', `price=klein:0.006;run=${unique()}`));
    const quote = quoteFor({ provider: 'pollinations', model: 'flux-2-klein-4b' }, live);
    expect([quote.total, quote.source.name]).to.deep.equal(['0.006', 'Pollinations model list (live)']);
    const gone = await liveCatalogue('pollinations', `${location.origin}/sim/nowhere`);
    const bundled = quoteFor({ provider: 'pollinations', model: 'flux-2-klein-4b' }, gone);
    expect([bundled.total, bundled.source.name]).to.deep.equal(['0.005', 'Pollinations model list (bundled)']);
  });
});

describe('Sign in with Pollinations (the demo, its simulator)', function () {
  this.timeout(40_000);
  demoForgottenAfterEach();

  it('asks the budget and the days first; the sign-in carries them, the App Key, state and S256; the key pays and what is left shows', async () => {
    const { view, widget, button } = await demoSignInButton('pollinations');
    expect(words(button)).to.equal('Sign in with Pollinations');
    button.click();
    const grant = await until(() => widget.shadowRoot!.querySelector<HTMLElement>('[part~=grant]'));
    const days = grant.querySelector<HTMLInputElement>('#grant-days')!;
    expect([grant.querySelector<HTMLInputElement>('#grant-cap')!.value, days.value]).to.deep.equal(['1', '7']);

    days.value = '0'; // refused in words, nothing leaves
    grant.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await widget.updateComplete;
    expect(words(part(widget, 'grant')!.querySelector('[part~=error]')!)).to.equal(
      'Enter a whole number of days from 1 to 365, such as 7.',
    );
    widget.shadowRoot!.querySelector<HTMLInputElement>('#grant-days')!.value = '3';
    widget.shadowRoot!.querySelector<HTMLInputElement>('#grant-cap')!.value = '2';
    const leave = part(widget, 'grant')!.querySelector<HTMLElement>('button.secondary')!;
    const popup = await withPopup(view, () => leave.click());
    const page = (await signInPage(() => popup))!;
    const asked = new URL(page.location.href).searchParams;
    // The models the book sells at Pollinations that have not ended upstream by the page's own clock.
    const at = (view as Window & typeof globalThis).Date.now();
    const sold = Object.values(pollinationsPrices).filter((entry) => !retired(entry.lifecycle, at));
    expect(
      Object.fromEntries(
        ['client_id', 'code_challenge_method', 'budget', 'expiry', 'models'].map((k) => [k, asked.get(k)]),
      ),
    ).to.deep.equal({
      client_id: 'pk_simdemo',
      code_challenge_method: 'S256',
      budget: '2',
      expiry: '3',
      models: sold.map((entry) => entry.model).join(','),
    });
    expect(asked.get('models')).to.include('klein,flux,').and.include('nanobanana-2-lite,nanobanana-pro');
    expect(asked.get('state')).to.match(/^up\./);
    expect(asked.get('redirect_uri')).to.equal(`${location.origin}/demo/index.html`);
    await authorize(() => popup);
    await until(() => words(part(widget, 'account')).startsWith('Signed in with Pollinations'), 8000);

    const result = await widget.generate();
    expect(result.charged).to.equal('0.005');
    expect(result.images[0].receipt).to.include({ quoted: '0.005', basis: 'quote', left: '1.995' });
    // What is left, to what matters and never more than it is: $1.99 of the $2 budget, not "$2.00" as if untouched
    // (every digit is the receipt's, above, and in its title).
    await until(() => words(part(widget, 'account')).includes('$1.99 left of this key’s budget'), 8000);
    const [entry] = new LedgerStore({ storageKey: widget.storageKey }).entries();
    expect([entry.status, entry.charged]).to.deep.equal(['charged', '0.005']);
    // The demo's requests: other test files' runs, in parallel, name their own (`run=`) and hosts of their own.
    const keyed = (await simLog('pollinations')).filter((e) => e.hasKey && !e.path.includes('/s/run='));
    expect(
      keyed.every((e) => e.host === location.host),
      'the key only to Pollinations',
    ).to.equal(true);
  });

  it('a site that earns: its App Key in the sign-in, the share on its own line, booked and taken; the key’s days said, then its end', async () => {
    const { view, widget, button } = await demoSignInButton('pollinations', 'app=pk_simearn');
    expect([widget.pollinationsAppKey, widget.pollinationsEarnings]).to.deep.equal(['pk_simearn', true]);
    expect(widget.quote!.lines).to.deep.equal([
      { label: 'Flat price per image', amount: '0.005' },
      { label: 'This site’s share (25%)', amount: '0.00125' },
    ]);
    button.click();
    const leave = await until(() => part(widget, 'grant')?.querySelector<HTMLElement>('button.secondary'));
    const popup = await withPopup(view, () => leave.click());
    const page = (await signInPage(() => popup))!;
    expect(new URL(page.location.href).searchParams.get('client_id')).to.equal('pk_simearn');
    await authorize(() => popup);
    await until(() => words(part(widget, 'account')).includes('the key works until'), 8000);

    const result = await widget.generate();
    expect(result.charged).to.equal('0.00625');
    expect(result.images[0].receipt).to.deep.include({ quoted: '0.00625', left: '0.99375' });
    expect(result.images[0].receipt).not.to.have.property('moved'); // the budget fell by what was booked
    expect((await simCharges('pollinations', widget.apiKey)).usd).to.equal('0.00625');

    // Eight days on (this page's clock; the key was given for 7): the sign-in is offered again, with when it ended.
    const { Date: FrameDate } = view as Window & typeof globalThis;
    const now = FrameDate.now;
    FrameDate.now = () => now.call(FrameDate) + 8 * 86_400_000;
    widget.prompt = 'a red kite over dunes'; // any change draws the widget again
    await until(() => words(part(widget, 'account')).includes('key expired on'), 5000);
    expect(words(part(widget, 'account'))).to.match(
      /^Sign in with Pollinations Your Pollinations key expired on .+: sign in again\.$/,
    );
  });
});

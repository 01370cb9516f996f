// The Puter adapter with the REAL @heyputer/puter.js SDK (its dist/puter.cjs, loaded by a script tag the way the
// element loads it) against the Puter simulator over real HTTP (demo/sim/puter.mjs; faults by scenario segment).
import { generation as text } from '../../src/strings/generation.js';
import { puterWords as puterText } from '../../src/providers/puter/words.js';
import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import type { ProviderOutcome, ProviderRequest, RunContext } from '../../src/providers/provider.js';
import { PUTER_API } from '../../src/providers/registry/catalog.js';
import { PuterProvider, puterSdk } from '../../src/providers/puter/adapter.js';
import { puterError } from '../../src/providers/puter/account.js';
import { PUTER_SRC, puterCalls, puterEndpoint, removePuterDialogs, sdk, setPuterAccount } from '../support/puter.js';
import { until } from '../support/wait.js';
import { unique } from '../support/sim.js';
import { consoleDuring } from '../support/console.js';

const provider = new PuterProvider();

/** Runs one generation signed in as a fresh account; `result` is the outcome or the UserPaysError. */
async function run(
  scenario = '',
  request: Partial<ProviderRequest> = {},
  context: Partial<RunContext> = {},
  balance?: number,
) {
  const marker = unique();
  const token = unique('token');
  if (balance !== undefined) await setPuterAccount(token, { balance });
  sdk().setAuthToken(token);
  const statuses: string[] = [];
  const started = performance.now();
  const result = await provider
    .generate(
      { model: 'flux-2-klein-4b', prompt: 'a lighthouse at dusk', width: 1024, height: 1024, ...request },
      {
        endpoint: puterEndpoint(scenario ? `${scenario};run=${marker}` : `run=${marker}`),
        signal: new AbortController().signal,
        onProgress: (p) => statuses.push(p.status.text),
        ...context,
      },
    )
    .catch((error: unknown) => error as UserPaysError);
  const log = await puterCalls(marker);
  return { result, log, statuses, ms: performance.now() - started, token };
}

async function expectError(scenario: string, code: string, message?: RegExp) {
  const { result, log } = await run(scenario);
  expect(result, scenario).to.be.instanceOf(UserPaysError);
  expect((result as UserPaysError).code, scenario).to.equal(code);
  if (message) expect((result as UserPaysError).message).to.match(message);
  expect(log.length, 'the SDK made the call').to.be.greaterThan(0);
  return result as UserPaysError;
}

describe('Puter provider (real SDK, simulator)', function () {
  this.timeout(20_000);

  before(async () => {
    expect((window as any).puter, 'nothing loads the SDK before its first use').to.equal(undefined);
    expect(document.querySelector('script[src*="puter"]')).to.equal(null);
    await puterSdk(puterEndpoint(), PUTER_SRC);
  });
  afterEach(removePuterDialogs);
  after(() => sdk()?.auth.signOut());

  it('loads the SDK once, from puter-src, pointed at a non-Puter endpoint', async () => {
    const scripts = [...document.querySelectorAll('script')].filter((s) => s.src.includes('puter.cjs'));
    expect(scripts.map((s) => new URL(s.src).pathname)).to.deep.equal([PUTER_SRC]);
    const g = globalThis as any;
    expect(g.PUTER_API_ORIGIN).to.equal(puterEndpoint());
    expect(g.PUTER_ORIGIN).to.equal(location.origin);
    expect([g.puter_socket_enabled, g.PUTER_QUIET]).to.deep.equal([false, true]);
    const other = puterEndpoint('fault=500');
    const again = await puterSdk(other, '/never-loaded.js');
    expect(again).to.equal(g.puter);
    expect(again.APIOrigin).to.equal(other);
    expect(document.querySelectorAll('script[src*="puter"], script[src*="never-loaded"]').length).to.equal(1);
    expect(provider).to.include({ id: 'puter', needsKey: false, defaultEndpoint: PUTER_API });
    expect(PUTER_API).to.equal('https://api.puter.com');
  });

  it('makes one image per call from the model’s own URL, as Puter returns it: shown from it, not saved, for an hour', async () => {
    // The first image of this page: its host is told to the console once, if ever.
    let ran!: Awaited<ReturnType<typeof run>>;
    const said = await consoleDuring(async () => void (ran = await run('', { seed: 7 })));
    const { result, log, statuses } = ran;
    // No relay carries the hosts of Puter's models (relay/worker.js serves the BYO-key providers' hosts): the
    // developer is not told to set one.
    expect(said.filter((line) => /relay/i.test(line))).to.deep.equal([]);
    const outcome = result as ProviderOutcome;
    // The file host answers no CORS (whether replicate.delivery does is not documented): the image is shown from its
    // URL, measured there, and Replicate deletes it after an hour.
    expect(outcome.image.blob).to.equal(undefined);
    expect(outcome.image.remote!.url).to.match(/^http:\/\/[^/]+\/sim\/puter-cdn\/[\w-]+\.png$/);
    expect(outcome.image.remote!.expiresAt! - Date.now()).to.be.within(3_590_000, 3_600_000);
    expect(outcome.image).to.include({ width: 1024, height: 1024 }); // Replicate makes 1:1 at 1 MP
    expect(log.map((e) => e.model)).to.deep.equal(['black-forest-labs/flux-2-klein-4b']);
    expect(statuses).to.deep.equal(['Generating']);
    expect(outcome.task.provider).to.equal('puter');
  });

  it('saves the image where its host lets the page read it, and reads a data: URL where a model sends one', async () => {
    for (const scenario of ['imageCors=1', 'result=data']) {
      const outcome = (await run(scenario, { seed: 7 })).result as ProviderOutcome;
      expect(outcome.image.blob!.type, scenario).to.equal('image/png');
      const bytes = new Uint8Array(await outcome.image.blob!.slice(0, 8).arrayBuffer());
      expect([...bytes], scenario).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(outcome.image, scenario).to.include({ width: 1024, height: 1024 });
    }
  });

  it('books a call whose image link is already gone as charged: Puter billed it when its model answered', async () => {
    let billed = 0;
    const { result, token } = await run('fault=expired-image', {}, { onBilled: () => billed++ });
    expect((result as UserPaysError).code).to.equal('provider-error');
    expect(billed, 'told the pipeline it is paid for (booked as charged, not as nothing)').to.equal(1);
    const { usd } = await (await fetch(`/sim/puter/_charges?token=${token}`)).json();
    expect(usd).to.equal('0.001');
  });

  it('sends a model sized by ratio the ratio itself (Puter would reduce 1360×768 to 85:48)', async () => {
    const { result, log } = await run('', { width: 1360, height: 768, ratio: '16:9' });
    expect((log[0] as unknown as { ratio: string }).ratio).to.equal('16:9');
    expect((result as ProviderOutcome).image).to.include({ width: 1360, height: 768 });
  });

  it('never sends a Together-served model more references than it takes (it would drop the second silently)', async () => {
    const reference = { dataUrl: 'data:image/png;base64,AAAA', width: 64, height: 64 };
    const { result, log } = await run('', { model: 'flux-2-flex', inputs: [reference, reference] });
    expect((result as UserPaysError).code).to.equal('invalid-input');
    expect(log, 'nothing sent').to.deep.equal([]);
  });

  it('books the quote, not the balance drop, while a call of another tab runs (the drop would count both)', async () => {
    localStorage.setItem('userpays:puter-calls', JSON.stringify({ started: 7, finished: 6 })); // one running elsewhere
    try {
      const { result } = await run();
      expect((result as ProviderOutcome).charge).to.equal(undefined);
    } finally {
      localStorage.removeItem('userpays:puter-calls');
    }
  });

  it('reports the balance change as the real charge, even where it differs from the quote', async () => {
    const quote = quoteFor({ model: 'flux-2-max', width: 1024, height: 1024 });
    expect(quote.total).to.equal('0.07340032');
    const plain = (await run('', { model: 'flux-2-max', width: 1024, height: 1024 })).result as ProviderOutcome;
    expect(plain.charge).to.deep.equal({ usd: '0.07340032' });
    expect(plain.image).to.include({ width: 1024, height: 1024 });
    // The simulator charges double under scale=2: the booked charge follows the account, not the preview.
    const doubled = (await run('scale=2', { model: 'flux-2-max', width: 1024, height: 1024 }))
      .result as ProviderOutcome;
    expect(doubled.charge).to.deep.equal({ usd: '0.14680064' });
  });

  it('sends reference images and is charged for them by Puter’s rule', async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 1024, height: 1024 });
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
    const input = { dataUrl: canvas.toDataURL('image/png'), width: 1024, height: 1024 };
    const request = { model: 'flux-2-pro', width: 1024, height: 1024, inputs: [input, input] };
    const { result } = await run('', request);
    // $0.03 for the 1 MP it makes + $0.015 × (2 references × ⌈1,048,576 / 10⁶⌉ = 2 MP each).
    expect(quoteFor({ ...request, inputs: [input, input] }).total).to.equal('0.09');
    expect((result as ProviderOutcome).charge).to.deep.equal({ usd: '0.09' });
  });

  it('reports no charge when another Puter call ran meanwhile (the quote is booked then)', async () => {
    const token = unique('token');
    sdk().setAuthToken(token);
    const go = () =>
      provider.generate(
        { model: 'flux-2-klein-4b', prompt: 'twins', width: 256, height: 256 },
        { endpoint: puterEndpoint('pending=300'), signal: new AbortController().signal },
      );
    const [a, b] = await Promise.all([go(), go()]);
    expect([a.charge, b.charge]).to.deep.equal([undefined, undefined]);
    const solo = await go();
    expect(solo.charge).to.deep.equal({ usd: '0.001' });
  });

  it('maps 402 insufficient_funds to insufficient-funds (and closes the dialog the SDK opens: puter-dialog.test.ts)', async () => {
    // Whose account is short is said: the account line beside it is Puter's.
    const short = await expectError('fault=402', 'insufficient-funds');
    expect(short.message).to.equal(
      'Your Puter account does not have enough credit for this. Add credit at Puter, then try again.',
    );
    expect(document.querySelector('usage-limit-dialog'), 'the SDK’s dialog').to.not.exist;
    // A real shortfall, not a forced fault: the account has $0.0005 and the image costs $0.001.
    const { result, log } = await run('', {}, {}, 50_000);
    expect((result as UserPaysError).code).to.equal('insufficient-funds');
    expect(log.length).to.equal(1);
  });

  it('maps 401 to auth-required, saying what to do', async () => {
    await expectError('fault=401', 'auth-required', /Sign in with Puter/);
  });

  /**
   * The SDK drops an expired token and asks the user to sign in again in its own dialog: answers it with the
   * dialog's sign-in or cancel button.
   */
  async function answerSignInDialog(button: '#launch-auth-popup' | '#launch-auth-popup-cancel') {
    await until(() => document.querySelector('puter-dialog'));
    (document.querySelector('puter-dialog')!.shadowRoot!.querySelector(button) as HTMLButtonElement).click();
  }

  // Declined, the SDK rejects with `{status: 401}` alone, which is an answer, not a lost reply ("Puter may have
  // charged"); and while its box is open the progress does not say "Generating".
  it('maps an expired session to auth-required when the user cancels Puter’s sign-in: answered, nothing charged', async () => {
    const pending = run('fault=token_auth_failed');
    await answerSignInDialog('#launch-auth-popup-cancel');
    const { result, statuses } = await pending;
    expect((result as UserPaysError).code).to.equal('auth-required');
    expect((result as UserPaysError).answered, 'Puter answered 401: booked as nothing').to.equal(true);
    expect(sdk().auth.isSignedIn()).to.equal(false);
    expect(statuses).to.include(puterText.asksToSignIn());
  });

  it('an expired session the user signs in again to: says to generate again, not to sign in', async () => {
    const pending = run('fault=token_auth_failed');
    await answerSignInDialog('#launch-auth-popup'); // the simulator's popup signs in
    const { result } = await pending;
    expect((result as UserPaysError).code).to.equal('auth-required');
    if (sdk().auth.isSignedIn()) expect((result as UserPaysError).message).to.equal(puterText.signedInAgain());
    else expect.fail('the SDK did not sign in again through the simulated popup');
  });

  it('lets the SDK retry a 429 by itself, and maps the 429 it gives up on to rate-limited', async () => {
    const retried = await run('fault=429;times=2');
    expect((retried.result as ProviderOutcome).image.width).to.equal(1024);
    expect(retried.log.map((e) => e.fault)).to.deep.equal(['429', '429', undefined]);
    // The SDK retries a 429 for ~12 s; its kill switch (puter.config.autoRetry) shows the final mapping quickly.
    sdk().config = { autoRetry: false };
    try {
      const { result, log, ms } = await run('fault=429');
      expect((result as UserPaysError).code).to.equal('rate-limited');
      expect(log.length).to.equal(1);
      expect(ms).to.be.below(8000); // not the SDK's ~12 s of retries
    } finally {
      delete sdk().config;
    }
  });

  it('maps a failed or moderated prediction (500 internal_error) to provider-error, saying nothing was charged', async () => {
    const failed = await expectError('fault=failed', 'provider-error', /provider failed, or refused the prompt/);
    expect(failed.message).to.contain('Nothing was charged');
    expect(failed.answered, 'booked as nothing').to.equal(true);
  });

  it('says which of Puter’s account gates stands in the way (403), and what to do', async () => {
    const email = await expectError('fault=email_confirmation_required', 'auth-required', /confirm your email address/);
    expect(email.message).to.contain('puter.com');
    await expectError('fault=phone_verification_required', 'auth-required', /verify your phone number/);
    await expectError('fault=card_verification_required', 'auth-required', /verify your card/);
  });

  it('maps the SDK’s own prompt_required (it refuses an empty prompt before any request) to invalid-input', async () => {
    const { result, log } = await run('', { prompt: '' });
    expect((result as UserPaysError).code).to.equal('invalid-input');
    expect((result as UserPaysError).message).to.equal(text.promptMissing());
    expect((result as UserPaysError).answered, 'nothing sent: booked as nothing').to.equal(true);
    expect(log).to.deep.equal([]);
  });

  it('maps upstream_bad_request to invalid-input: only other settings help, Puter named', async () => {
    const refused = await expectError('fault=upstream_bad_request', 'invalid-input', /unchanged will not help/);
    expect(refused.message, 'who said so').to.match(/^Puter /);
    expect(refused.retryable).to.equal(false);
  });

  it('maps a 500 to provider-error and a dropped connection to network', async () => {
    await expectError('fault=500', 'provider-error');
    await expectError('fault=network', 'network');
  });

  it('stops waiting on cancel, and says Puter may still charge', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    // Puter answers after a minute, longer than the test's own timeout: only the cancel can end the call in time, so
    // no bound on the machine's clock is needed.
    const { result, log } = await run('pending=60000', {}, { signal: controller.signal });
    expect((result as UserPaysError).code).to.equal('cancelled');
    expect((result as UserPaysError).message).to.match(/may still charge/);
    expect(log.length).to.equal(1);
  });

  it('maps the SDK’s sign-in rejections and network failures', () => {
    const code = (thrown: unknown) => puterError(thrown).code;
    expect(code({ error: 'popup_blocked', msg: 'The sign-in popup was blocked by the browser.' })).to.equal(
      'auth-required',
    );
    expect(code({ error: 'auth_window_closed' })).to.equal('auth-required');
    expect(code({ error: { code: 'auth_canceled', message: 'Authentication canceled' } })).to.equal('auth-required');
    expect(code({ status: 401, message: 'Unauthorized' })).to.equal('auth-required');
    // A status is Puter's answer; none (a failed connection) or a gateway's 502 or 504 is not.
    expect(puterError({ status: 401, message: 'Unauthorized' }).answered).to.equal(true);
    expect(puterError(Object.assign(new XMLHttpRequest(), {})).answered).to.equal(false);
    expect(puterError({ status: 504 }).answered).to.equal(false);
    expect(code({ error: 'Insufficient credits', code: 'insufficient_funds' })).to.equal('insufficient-funds');
    expect(code({ code: 'upstream_auth_failed', message: 'bad key' })).to.equal('provider-error');
    expect(code(Object.assign(new XMLHttpRequest(), {}))).to.equal('network');
    expect(code(new TypeError('Failed to fetch'))).to.equal('network');
    // Each says what to do next.
    expect(puterError({ error: 'popup_blocked' }).message).to.match(/allow pop-ups/);
    expect(puterError({ error: { code: 'auth_canceled' } }).message).to.match(/^Sign in with Puter/);
  });
});

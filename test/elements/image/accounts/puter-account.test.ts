// The end user's Puter account and <userpays-image provider="puter">, with the REAL Puter SDK against the
// simulator: the account area, sign-in through Puter's own popup (from a real click, or its consent dialog),
// live prices, generation through the shared pipeline, the balance and the check that stops what it cannot cover.
// (One file: the SDK opens its popup by the name "Puter", which two pages of the same origin would share.)
// Holds: src/elements/image/accounts/panel/puter/index.ts
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { UserPaysError } from '../../../../src/base/errors.js';
import { PuterAccountController } from '../../../../src/elements/image/accounts/panel/puter/puter-account-controller.js';
import type { ErrorDetail } from '../../../../src/base/types.js';
import { simLog, unique, uniqueStorageKey } from '../../../support/sim.js';
import { blocked, decision, generateButton, part, priceDetailsText, words } from '../../../support/widget.js';
import {
  PUTER_SRC,
  puterCalls,
  puterEndpoint,
  removePuterDialogs,
  sdk,
  setPuterAccount,
  setPuterSignIn,
} from '../../../support/puter.js';
import { until } from '../../../support/wait.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';

/** The Puter user's key-value store for this site, as the simulator holds it. */
async function puterKv(username: string): Promise<Record<string, unknown>> {
  const response = await fetch('/sim/puter/_kv/read', {
    method: 'POST',
    body: JSON.stringify({ username, origin: location.origin }),
  });
  return (await response.json()).entries;
}

const FILE = unique('account');

/** A real click (user activation, so the SDK may open its popup), at the middle of the element. */
async function click(target: HTMLElement) {
  target.scrollIntoView();
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<userpays-image provider="puter"> (real SDK, simulator)', function () {
  this.timeout(20_000);
  const marker = unique();
  let el: UserPaysImage;

  before(async () => {
    localStorage.removeItem('puter.auth.token.v2');
    await setPuterSignIn({ username: 'demo-user', balance: 50_000_000 });
    // One widget for the whole story (open-wc's fixture() would be removed after each test).
    el = Object.assign(document.createElement('userpays-image'), {
      locale: 'en-US',
      storageKey: uniqueStorageKey(),
      endpoint: puterEndpoint(`scale=2;run=${marker}`),
      puterSrc: PUTER_SRC,
      prompt: 'a paper boat on a pond',
      width: 512,
      height: 512,
    });
    document.body.append(el);
    await el.updateComplete;
  });
  after(() => {
    el.remove();
    sdk()?.auth.signOut();
  });

  it('is the default provider: offers Sign in, prices from Puter’s live catalogue, and loads no SDK yet', async () => {
    expect(el.provider).to.equal('puter');
    // Drawn once Puter's account part has loaded, into the place the first paint kept.
    await until(() => part(el, 'sign-in'));
    expect(part(el, 'sign-in')!.textContent).to.contain('Sign in with Puter');
    expect(part(el, 'key'), 'no API key box').to.equal(null);
    await until(() => el.quote?.source.name === 'Puter live catalogue');
    expect(el.quote!.total).to.equal('0.002'); // the simulator's catalogue at scale=2
    expect(await priceDetailsText(el)).to.contain('Puter live catalogue');
    expect((window as any).puter).to.equal(undefined);
    // Closed as the user leaves them (open, they lie over the controls: the next test's click is on Sign in).
    el.shadowRoot!.querySelector<HTMLElement>('.details > summary')!.click();
  });

  it('signs in from the click (Puter’s popup, no extra dialog) and shows the user and the balance', async () => {
    await click(part(el, 'sign-in')!);
    await until(() => part(el, 'account')!.textContent!.includes('demo-user'));
    await el.updateComplete;
    expect(document.querySelector('puter-dialog'), 'the popup opened straight from the click').to.equal(null);
    const account = words(part(el, 'account'));
    expect(account).to.contain('demo-user');
    // What the account has left on its line; the price beside Generate, which the balance covers.
    expect(account).to.contain('Puter account demo-user · $0.50 left');
    expect(decision(el).price).to.equal('$0.002');
    expect(generateButton(el).disabled).to.equal(false);
    expect(part(el, 'sign-in')).to.equal(null);
  });

  it('generates through the pipeline, books the real charge and refreshes the balance', async () => {
    const result = await el.generate();
    expect(result.images).to.have.length(1);
    expect(result.images[0]).to.include({ width: 1024, height: 1024 }); // 1:1 at Replicate's 1 MP
    expect(result.charged).to.equal('0.002');
    expect(el.tally).to.include({ spent: '0.002', images: 1 });
    await until(() => part(el, 'account')!.textContent!.includes('$0.498 left'));
    await el.updateComplete;
    expect(words(part(el, 'account'))).to.contain('demo-user · $0.498 left');
    const calls = await puterCalls(marker);
    expect(calls.map((e) => e.model)).to.deep.equal(['black-forest-labs/flux-2-klein-4b']);
  });

  it('makes `count` calls, one ledger entry each', async () => {
    el.count = 2;
    await el.updateComplete;
    const before = (await puterCalls(marker)).length;
    const result = await el.generate();
    expect(result.images).to.have.length(2);
    expect(result.charged).to.equal('0.004');
    expect((await puterCalls(marker)).length - before).to.equal(2);
    expect(el.tally).to.include({ spent: '0.006', images: 3 });
    el.count = 1;
  });

  it('stops a submission the balance cannot cover before it is sent', async () => {
    await setPuterAccount(sdk().authToken, { balance: 100_000 }); // $0.001, the image costs $0.002
    const before = (await puterCalls(marker)).length;
    const failed = new Promise<ErrorDetail>((resolve) =>
      el.addEventListener('userpays-error', (e) => resolve(e.detail), { once: true }),
    );
    await el.generate().catch(() => {});
    expect((await failed).code).to.equal('insufficient-funds');
    await el.updateComplete;
    // The submission's error (the reason beside Generate, below, is one too).
    expect(el.shadowRoot!.querySelector('[part~=error].error-box')!.textContent).to.contain(
      'This costs $0.002 and your Puter account has $0.001 left. Add funds at puter.com',
    );
    // Now known: the balance on the account line, and Generate disabled, saying why, beside the price.
    expect(words(part(el, 'account'))).to.contain('demo-user · $0.001 left');
    expect(decision(el).price).to.equal('$0.002');
    expect(generateButton(el).disabled).to.equal(true);
    expect(blocked(el).reason).to.equal('Your Puter balance is $0.001');
    expect((await puterCalls(marker)).length).to.equal(before);
    expect(el.tally).to.include({ images: 3 });
  });

  it('says what the account has left to what matters, never to the microcent', async () => {
    // Puter counts in microcents: $0.964344 before the image, $0.962344 after it at $0.002.
    await setPuterAccount(sdk().authToken, { balance: 96_434_400 });
    await el.generate();
    await until(() => part(el, 'account')!.textContent!.includes('$0.962 left'));
    expect(words(part(el, 'account'))).to.contain('demo-user · $0.962 left');
    expect(words(part(el, 'account'))).not.to.contain('0.962344');
  });

  it('keeps the ledger in the user’s Puter account: each charge under its own id, and the budget', async () => {
    const key = el.storageKey;
    const charged = async () =>
      Object.entries(await puterKv('demo-user')).filter(
        ([name, row]) => name.startsWith(`${key}:ledger:entry:`) && Array.isArray(row) && row[7] === 1,
      );
    // Four images charged (one, two, one): each written to the account once it settled.
    await until(async () => (await charged()).length === 4);
    expect((await charged()).map(([, row]) => (row as unknown[])[9])).to.deep.equal([
      '0.002',
      '0.002',
      '0.002',
      '0.002',
    ]);
    const ledger = new LedgerStore({ storageKey: key });
    expect(ledger.budgetHeld).to.equal('account');
    ledger.budget = '3';
    await until(async () => (await puterKv('demo-user'))[`${key}:ledger:budget`] === '3');
  });

  it('signs out', async () => {
    const signOut = [...part(el, 'account')!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Sign out'),
    )!;
    signOut.click();
    await until(() => part(el, 'sign-in'));
    await el.updateComplete;
    expect(part(el, 'sign-in')).to.exist;
    expect(sdk().auth.isSignedIn()).to.equal(false);
    // Signed out: the budget holds on this browser alone.
    expect(new LedgerStore({ storageKey: el.storageKey }).budgetHeld).to.equal('browser');
  });

  it('says so, in the widget and as userpays-error, when the user closes the sign-in popup', async () => {
    await setPuterSignIn({ outcome: 'close' });
    const errors: string[] = [];
    el.addEventListener('userpays-error', (e) => errors.push(e.detail.code));
    await click(part(el, 'sign-in')!);
    await until(() => errors.length);
    expect(errors).to.deep.equal(['auth-required']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=error].error-box')!.textContent).to.contain('Sign in with Puter');
    expect(part(el, 'sign-in')).to.exist;
    await setPuterSignIn({});
  });
});

/** The account controller on a stand-in host (counting its re-renders), on the simulator with `scenario`. */
function accountOn(scenario = '', storageKey?: string) {
  const host = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  const endpoint = puterEndpoint(`${scenario};run=${FILE}`);
  return new PuterAccountController(host, {
    active: () => true,
    endpoint: () => endpoint,
    puterSrc: () => PUTER_SRC,
    storageKey: () => storageKey ?? '',
  });
}

/** Clicks "Continue" in the SDK's consent dialog (shown when signIn() runs without a user gesture). */
async function continueInPuterDialog() {
  await until(() => document.querySelector('puter-dialog')?.shadowRoot?.querySelector('#launch-auth-popup'));
  (
    document.querySelector('puter-dialog')!.shadowRoot!.querySelector('#launch-auth-popup') as HTMLButtonElement
  ).click();
}

describe('Puter account (real SDK, simulator)', function () {
  this.timeout(20_000);

  before(() => localStorage.removeItem('puter.auth.token.v2'));
  afterEach(async () => {
    removePuterDialogs();
    await setPuterSignIn({});
  });
  after(() => sdk()?.auth.signOut());

  it('signs in through Puter’s popup, then shows the user and the balance', async () => {
    await setPuterSignIn({ username: 'ada', balance: 45_000_000 });
    const account = accountOn();
    const signingIn = account.signIn();
    await continueInPuterDialog();
    await signingIn;
    expect(account.user).to.equal('ada');
    expect(account.balance?.usd?.toString()).to.equal('0.45');
    expect(sdk().auth.isSignedIn()).to.equal(true);
    expect((await simLog('puter')).filter((e) => e.kind === 'signin').length).to.be.greaterThan(0);
    // A fresh account on the same page sees the session.
    const again = accountOn();
    await again.refresh();
    expect(again.user).to.equal('ada');
  });

  it('says auth-required when the user closes Puter’s popup without signing in', async () => {
    sdk().auth.signOut();
    await setPuterSignIn({ outcome: 'close' });
    const account = accountOn();
    const signingIn = account.signIn().catch((error: unknown) => error as UserPaysError);
    await continueInPuterDialog();
    const error = await signingIn;
    expect(error).to.be.instanceOf(UserPaysError);
    expect((error as UserPaysError).code).to.equal('auth-required');
    expect(account.user).to.equal(undefined);
  });

  it('is signed in when the popup’s token is handled after the SDK saw the popup closed', async () => {
    sdk().auth.signOut();
    const token = unique('token');
    await setPuterAccount(token, { username: 'hedy', balance: 1_000_000 });
    const signIn = sdk().auth.signIn;
    // The order a busy page can see with a popup in its own process (puterSignIn in src/providers/puter/account.ts):
    // the popup's token message is still queued when the SDK's watch finds the popup closed and rejects.
    sdk().auth.signIn = () => {
      window.postMessage({ msg: 'puter.token', success: true, token, username: 'hedy' }, location.origin);
      return Promise.reject({ error: 'auth_window_closed' });
    };
    const account = accountOn();
    try {
      await account.signIn();
    } finally {
      sdk().auth.signIn = signIn;
    }
    expect(account.user).to.equal('hedy');
    expect(account.balance?.usd?.toString()).to.equal('0.01');
  });

  it('refreshes the balance from getMonthlyUsage (microcents → USD)', async () => {
    const token = unique('token');
    await setPuterAccount(token, { username: 'grace', balance: 13_494_935 });
    sdk().setAuthToken(token);
    const account = accountOn();
    await account.refresh();
    expect(account.user).to.equal('grace');
    expect(account.balance?.usd?.toString()).to.equal('0.13494935');
    await setPuterAccount(token, { balance: 3_000_000 });
    await account.refresh();
    expect(account.balance?.usd?.toString()).to.equal('0.03');
  });

  it('finds the balance short of a price, or covering it, before anything is sent', async () => {
    const token = unique('token');
    await setPuterAccount(token, { balance: 2_000_000 }); // $0.02
    sdk().setAuthToken(token);
    const marker = unique();
    const account = accountOn(`check=${marker}`);
    // What it found, for the submission to say (runSubmission, balanceRefusal): nothing is sent by the check itself.
    const short = await account.check('0.03');
    expect([short.enough, short.left?.toString()]).to.deep.equal([false, '0.02']);
    expect(account.balance?.usd?.toString()).to.equal('0.02');
    const covered = await account.check('0.02');
    expect([covered.enough, covered.left?.toString()]).to.deep.equal([true, '0.02']);
    expect(await puterCalls(marker)).to.deep.equal([]);
  });

  it('signs in from check() when signed out, and signs out', async () => {
    sdk().auth.signOut();
    await setPuterSignIn({ username: 'lin' });
    const account = accountOn();
    const checking = account.check('0.001');
    await continueInPuterDialog();
    await checking;
    expect(account.user).to.equal('lin');
    await account.signOut();
    expect(account.user).to.equal(undefined);
    expect(account.balance).to.equal(undefined);
    expect(sdk().auth.isSignedIn()).to.equal(false);
  });

  it('merges the account’s ledger when the account is read, once it has something left to list it with', async () => {
    const username = unique('user');
    const token = unique('token');
    await setPuterAccount(token, { username, balance: 0 });
    sdk().setAuthToken(token);
    const storageKey = uniqueStorageKey();
    // A charge another device wrote, as the ledger stores a row, in the session the account holds.
    const row = ['from-phone', 1767225600000, 'puter', 'flux-schnell', 1024, 1024, '0.003', 1, 1767225601000, '0.003'];
    const entries = { [`${storageKey}:ledger:entry:from-phone`]: row, [`${storageKey}:ledger:since`]: 1767225600000 };
    await fetch('/sim/puter/_kv/seed', {
      method: 'POST',
      body: JSON.stringify({ username, origin: location.origin, entries }),
    });
    const account = accountOn('', storageKey);
    try {
      // Nothing left: Puter would refuse to list the values (402) and the SDK open its dialog; not asked yet.
      await account.refresh();
      expect(account.user).to.equal(username);
      expect(new LedgerStore({ storageKey }).tally().spent).to.equal('0');
      expect(document.querySelector('usage-limit-dialog')).to.equal(null);
      await setPuterAccount(token, { balance: 1_000_000 });
      await account.refresh();
      expect(new LedgerStore({ storageKey }).tally()).to.include({ spent: '0.003', images: 1 });
      expect(new LedgerStore({ storageKey }).budgetHeld).to.equal('account');
    } finally {
      await account.signOut();
      for (const key of Object.keys(localStorage)) if (key.startsWith(`${storageKey}:`)) localStorage.removeItem(key);
    }
  });
});

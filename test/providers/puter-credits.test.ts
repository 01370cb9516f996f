// Puter accounts as a deployment that shows credits reports them (HeyPuter/puter 27c4506, extensions/metering.ts:
// every amount of /metering/usage pre-scaled by a multiplier it never sends, `allowanceInfo.unit: 'credits'`), and
// Puter's cap on AI calls at once per account (drivers/util/aiLimits.ts): the real SDK against the simulator.
import { expect, fixture, html } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { balanceRefusal, puterBalance } from '../../src/providers/puter/account.js';
import type { ProviderOutcome } from '../../src/providers/provider.js';
import { PuterProvider, puterCheck } from '../../src/providers/puter/adapter.js';
import { cleanLocalStorage, forgetStorage } from '../support/storage.js';
import {
  PUTER_SRC,
  puterCalls,
  puterEndpoint,
  puterSessionsEnded,
  sdk,
  setPuterAccount,
  signedInToPuter,
} from '../support/puter.js';
import { unique, uniqueStorageKey } from '../support/sim.js';
import { blocked, part, words } from '../support/widget.js';

/** A fresh account of `balance` microcents on `plan`, signed in at the simulator under `scenario`. */
async function account(scenario: string, balance = 50_000_000, plan?: string) {
  const run = unique();
  const endpoint = puterEndpoint(`${scenario};run=${run}`);
  const { puter, token } = await signedInToPuter(endpoint, { balance, plan });
  return { puter, endpoint, token, run };
}

describe('Puter balances in credits', function () {
  this.timeout(20_000);
  puterSessionsEnded();

  it('once a charge shows what a credit is worth, refuses in dollars what the credits cannot cover, before sending', async () => {
    const { puter, endpoint, token, run } = await account('credits=2000;imageCors=1');
    const outcome = (await new PuterProvider().generate(
      { model: 'flux-2-klein-4b', prompt: 'a kite', width: 1024, height: 1024 },
      { endpoint, signal: new AbortController().signal },
    )) as ProviderOutcome;
    expect(outcome.charge).to.deep.equal({ usd: '0.001' }); // 2 credits at 2000 a dollar
    await setPuterAccount(token, { balance: 50_000 }); // 1 credit: $0.0005
    expect((await puterBalance(puter, endpoint))!.usd!.toString()).to.equal('0.0005');
    const found = await puterCheck(puter, endpoint, '0.001');
    expect(found.enough).to.equal(false);
    expect(found.left!.toString()).to.equal('0.0005');
    const error = balanceRefusal(found, '0.001');
    expect(error.code).to.equal('insufficient-funds');
    expect(error.message).to.contain('This costs $0.001 and your Puter account has $0.0005 left');
    expect(await puterCalls(run)).to.have.length(1); // the first call only
  });

  it('without a charge to learn from: refuses nothing left, and says plainly it cannot check the rest', async () => {
    const empty = await account('credits=2000', 0);
    const none = await puterCheck(empty.puter, empty.endpoint, '0.001');
    expect(none.enough).to.equal(false);
    expect([none.left, none.credits!.toString()]).to.deep.equal([undefined, '0']);
    const error = balanceRefusal(none, '0.001');
    expect(error.code).to.equal('insufficient-funds');
    expect(error.message).to.contain('no credits left');

    const some = await account('credits=2000', 50_000);
    const balance = (await puterBalance(some.puter, some.endpoint))!;
    expect(balance.usd).to.equal(undefined);
    expect(balance.credits!.toString()).to.equal('1');
    // Not refused here: Puter itself refuses what it cannot cover (402, nothing charged).
    const enough = await puterCheck(some.puter, some.endpoint, '0.001');
    expect(enough.enough).to.equal(true);
    expect(enough.credits!.toString()).to.equal('1');
    expect(await puterCalls(some.run)).to.deep.equal([]);
  });

  it('says before the click, beside the price, that the balance is in credits and the price cannot be checked', async () => {
    const storageKey = uniqueStorageKey();
    const { endpoint } = await account('credits=2000', 13_500_000);
    const el = await fixture<UserPaysImage>(html`
      <userpays-image
        locale="en-US"
        storage-key=${storageKey}
        endpoint=${endpoint}
        puter-src=${PUTER_SRC}
      ></userpays-image>
    `);
    // The note under the account line, above the decision row with the price and Generate.
    const note = () => {
      const next = part(el, 'account')?.nextElementSibling;
      return next?.matches('p.muted') ? next : undefined;
    };
    await waitUntil(() => words(note()).includes('credits'), 'the account line', { timeout: 5000 });
    expect(words(note())).to.contain('Your Puter account has 270 credits left');
    expect(words(note())).to.contain('cannot be checked');
    expect(note()!.compareDocumentPosition(part(el, 'decision')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // Not refused here (Puter refuses what the credits cannot cover): only the empty prompt stands in the way.
    expect(blocked(el).reason).to.equal('Describe the image first');
    cleanLocalStorage(storageKey);
  });
});

describe('Puter’s cap on calls at once', function () {
  this.timeout(30_000);
  after(() => sdk()?.auth.signOut());

  for (const [plan, count, limit] of [
    ['free', 4, 3],
    ['temp', 3, 2],
  ] as const) {
    it(`count=${count} on a ${plan} account makes every image with no 429: at most ${limit} calls at once`, async () => {
      const storageKey = uniqueStorageKey();
      const { endpoint, run } = await account(`pending=600;imageCors=1;plan=${plan}`);
      const el = await fixture<UserPaysImage>(html`
        <userpays-image
          count=${count}
          storage-key=${storageKey}
          endpoint=${endpoint}
          puter-src=${PUTER_SRC}
          prompt="a paper crane"
        ></userpays-image>
      `);
      const statuses: string[] = [];
      el.addEventListener('userpays-progress', (event) => statuses.push(event.detail.status));
      const result = await el.generate();
      expect(result.images).to.have.length(count);
      const calls = await puterCalls(run);
      expect(calls.filter((call) => (call as { refused?: number }).refused)).to.deep.equal([]);
      expect(calls).to.have.length(count);
      expect(statuses.some((s) => s.startsWith(`Waiting: Puter makes ${limit} images at a time`))).to.equal(true);
      await forgetStorage(storageKey);
    });
  }
});

describe('Puter’s refusal of what the balance cannot cover', () => {
  it('says what is left to what matters, never to the microcent', () => {
    // Puter counts in microcents: after a few images an account has $0.964344, said "$0.964" (the price, exactly).
    const error = balanceRefusal({ enough: false, left: new Decimal('0.964344') }, '1.2', undefined, 'en-US');
    expect(error.message).to.contain('This costs $1.20 and your Puter account has $0.964 left');
    expect(error.message).not.to.contain('0.964344');
  });
});

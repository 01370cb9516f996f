// The real Puter backend's replies (test/recorded/puter/: the image catalogue, and /metering/usage before and
// after one FLUX.2 [klein] 4B call), replayed to the real @heyputer/puter.js SDK through the adapter: the catalogue
// prices the call, the balance drop between the two usage replies is what is booked. And the same replies as a
// deployment that shows credits renders them (extensions/metering.ts: every amount × a multiplier it never sends).
import { expect } from '@open-wc/testing';
import type { ProviderOutcome } from '../../src/providers/provider.js';
import { PuterProvider } from '../../src/providers/puter/adapter.js';
import { puterBalance } from '../../src/providers/puter/account.js';
import { puterSessionsEnded, signedInToPuter } from '../support/puter.js';
import { unique } from '../support/sim.js';

const provider = new PuterProvider();

/** Signs a fresh account in at `endpoint` (the replay answers the routes it did not record with the simulator). */
const signedIn = async (endpoint: string) => (await signedInToPuter(endpoint)).puter;

const generate = (endpoint: string) =>
  provider.generate(
    { model: 'flux-2-klein-4b', prompt: 'a doodle of a shiba inu', width: 1024, height: 1024 },
    { endpoint, signal: new AbortController().signal },
  ) as Promise<ProviderOutcome>;

describe('Puter’s recorded replies, replayed to the real SDK', function () {
  this.timeout(20_000);
  puterSessionsEnded();

  it('books the recorded balance drop of one [klein] 4B call: exactly its catalogue price, $0.001', async () => {
    const endpoint = `${location.origin}/replay/puter/${unique()}`;
    const puter = await signedIn(endpoint);
    expect((await puterBalance(puter, endpoint))!.usd!.toString()).to.equal('0.49999977357685566');
    const outcome = await generate(endpoint);
    expect(outcome.charge).to.deep.equal({ usd: '0.001' });
  });

  it('in credits, shows what is left in credits, learns their worth from the call, and books it in USD', async () => {
    const endpoint = `${location.origin}/replay/puter/${unique()};credits=2000`;
    const puter = await signedIn(endpoint);
    // Before: the records hold only egress, whose price is not known: credits, and a plain word that the price
    // cannot be checked against them.
    const before = (await puterBalance(puter, endpoint))!;
    expect(before.usd).to.equal(undefined);
    expect(before.credits!.toDecimalPlaces(4).toString()).to.equal('999.9995');
    expect(before.unpriced!('en-US').text).to.contain('1,000 credits left');
    expect(before.unpriced!('en-US').text).to.contain('cannot be checked');
    // The call's record (replicate:…/flux-2-klein-4b:output_mp, 2 credits for 1 unit at 0.1¢) teaches the rate:
    // 2000 credits a dollar, and the drop of 2 credits is $0.001.
    const outcome = await generate(endpoint);
    expect(outcome.charge).to.deep.equal({ usd: '0.001' });
    const after = (await puterBalance(puter, endpoint))!;
    expect(after.credits).to.equal(undefined);
    expect(after.usd!.toDecimalPlaces(6).toString()).to.equal('0.499');
  });
});

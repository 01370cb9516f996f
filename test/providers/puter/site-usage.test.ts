// What the Puter user signed in on the page spent on this site this month (src/providers/puter/site-usage.ts), through
// the REAL Puter SDK against the simulator (demo/sim/puter.mjs, `appTotals`): this site's app's total in USD, another
// app's spend left out, nothing spent said as $0; no one signed in, the SDK serving another Puter, an account counted
// in credits, and a reply that does not name this site, each said as unread, nothing guessed.
// Holds: src/providers/puter/site-usage.ts
import { expect } from '@open-wc/testing';
import { puterSiteUsage } from '../../../src/providers/puter/site-usage.js';
import {
  puterEndpoint,
  puterGenerate,
  puterSessionsEnded,
  sdk,
  setPuterAccount,
  signedInToPuter,
} from '../../support/puter.js';
import { unique } from '../../support/sim.js';
import { TEST_APP, puterAppToken } from '../../support/puter-files.js';

describe('puterSiteUsage: this site’s spend this month, from the account signed in on the page', function () {
  this.timeout(30_000);
  puterSessionsEnded();

  it('is this site’s app’s total in USD, another app’s spend left out; nothing spent is $0', async () => {
    const endpoint = puterEndpoint();
    const { token } = await signedInToPuter(endpoint);
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ month: '0' });
    await setPuterAccount(token, { spent: 1 }); // a microcent: written out, never as "1e-8"
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ month: '0.00000001' });
    await setPuterAccount(token, { spent: 1_234_567, app: 'app-of-another-site' });
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ month: '0.00000001' });
    await setPuterAccount(token, { spent: 2_500_000 }); // this site's app, from another device
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ month: '0.02500001' });
    const args = { prompt: 'a doodle', model: 'black-forest-labs/flux-2-klein-4b', ratio: { w: 1, h: 1 } };
    expect((await puterGenerate(puterEndpoint(`pending=0;run=${unique()}`), token, args)).status).to.equal(200);
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ month: '0.02600001' }); // + $0.001, the call's
  });

  it('a token naming its app, as a website’s sign-in gives: that app’s total, which the reply must name', async () => {
    const endpoint = puterEndpoint();
    await signedInToPuter(endpoint);
    const token = puterAppToken();
    sdk().setAuthToken(token);
    expect(sdk().appID).to.equal(TEST_APP);
    await setPuterAccount(token, { spent: 700_000 });
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ month: '0.007' });
    const real = sdk().auth.getMonthlyUsage;
    try {
      sdk().auth.getMonthlyUsage = async () => ({
        ...(await real.call(sdk().auth)),
        appTotals: { 'app-of-another-site': { total: 700_000, count: 1 }, others: {} },
      });
      expect(await puterSiteUsage(endpoint)).to.deep.equal({ unread: 'no-site' });
    } finally {
      sdk().auth.getMonthlyUsage = real;
    }
  });

  it('no one signed in, or the page’s SDK serving another Puter: signed out, nothing asked', async () => {
    const endpoint = puterEndpoint();
    await signedInToPuter(endpoint);
    expect(await puterSiteUsage(puterEndpoint('run=elsewhere'))).to.deep.equal({ unread: 'signed-out' });
    sdk().auth.signOut();
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ unread: 'signed-out' });
  });

  it('an account counted in credits: said so, its worth not guessed', async () => {
    const endpoint = puterEndpoint(`credits=2000;run=${unique()}`);
    const { token } = await signedInToPuter(endpoint);
    await setPuterAccount(token, { spent: 1_000_000 });
    expect(await puterSiteUsage(endpoint)).to.deep.equal({ unread: 'credits' });
  });

  it('a reply that names no app of its own (a user’s own token), or the service down: unread', async () => {
    const endpoint = puterEndpoint();
    await signedInToPuter(endpoint);
    const real = sdk().auth.getMonthlyUsage;
    try {
      sdk().auth.getMonthlyUsage = async () => ({
        ...(await real.call(sdk().auth)),
        appTotals: { 'os-global': { total: 100, count: 1 } },
      });
      expect(await puterSiteUsage(endpoint)).to.deep.equal({ unread: 'no-site' });
      sdk().auth.getMonthlyUsage = async () => ({ ...(await real.call(sdk().auth)), appTotals: undefined });
      expect(await puterSiteUsage(endpoint)).to.deep.equal({ unread: 'no-site' });
    } finally {
      sdk().auth.getMonthlyUsage = real;
    }
    const down = 'http://127.0.0.1:9'; // nothing listens there: the connection is refused
    sdk().setAPIOrigin(down);
    try {
      expect(await puterSiteUsage(down)).to.deep.equal({ unread: 'unreadable' });
    } finally {
      sdk().setAPIOrigin(endpoint);
    }
  });
});

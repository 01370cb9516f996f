// A page that loaded and configured the Puter SDK itself — a self-hosted Puter sets PUTER_API_ORIGIN before
// puter.js — keeps it: the widget without `endpoint` prices, checks the balance and generates there, and never
// points the SDK back at api.puter.com. (A file of its own: the SDK must load on a page that configured it first.)
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { until } from '../support/wait.js';
import { PUTER_SRC, puterEndpoint, sdk, setPuterAccount } from '../support/puter.js';
import { simLogOf, unique } from '../support/sim.js';
import { imageWidget } from '../support/widget.js';

describe('a Puter SDK the page configured itself', function () {
  this.timeout(20_000);

  it('keeps its origin: live prices, the account and the generation all go there', async () => {
    const marker = unique();
    const origin = puterEndpoint(`run=${marker}`);
    Object.assign(globalThis, {
      PUTER_API_ORIGIN: origin,
      PUTER_ORIGIN: location.origin,
      puter_socket_enabled: false,
      PUTER_QUIET: true,
    });
    await new Promise((resolve, reject) => {
      const script = document.head.appendChild(document.createElement('script'));
      script.onload = resolve;
      script.onerror = reject;
      script.src = PUTER_SRC;
    });
    const token = unique('token');
    await setPuterAccount(token, { balance: 50_000_000, username: 'self-hosted' });
    sdk().setAuthToken(token);

    const el = await imageWidget({ 'puter-src': PUTER_SRC, prompt: 'a kite' });
    await until(() => el.quote?.source.name === 'Puter live catalogue');
    await until(() => el.shadowRoot!.querySelector('[part~=account]')?.textContent?.includes('self-hosted'));
    const result = await el.generate();
    expect(result.images).to.have.length(1);
    expect(sdk().APIOrigin).to.equal(origin);
    const kinds = (await simLogOf('puter', marker)).map((entry) => entry.kind);
    expect(kinds).to.include.members(['catalogue', 'generate']);
  });
});

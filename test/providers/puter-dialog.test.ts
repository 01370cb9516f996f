// Puter out of funds (402): the real SDK opens its own modal "Low Balance" dialog over the page, which a strict CSP
// leaves unstyled and invisible, swallowing every click. The widget says the same in its own
// words beside Generate, so the adapter closes the SDK's dialog and the page stays usable.
import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import { PuterProvider, puterSdk } from '../../src/providers/puter/adapter.js';
import { PUTER_SRC, puterCalls, puterEndpoint, sdk } from '../support/puter.js';
import { unique } from '../support/sim.js';

describe('Puter out of funds: the SDK’s low-balance dialog', function () {
  this.timeout(20_000);
  before(() => puterSdk(puterEndpoint(), PUTER_SRC));
  after(() => sdk()?.auth.signOut());

  it('is closed once the 402 is ours to say: nothing modal is left over the page, and a click lands', async () => {
    const marker = unique();
    sdk().setAuthToken(unique('token'));
    const opened = new Promise<Element>((resolve) => {
      const watch = new MutationObserver(() => {
        const dialog = document.querySelector('usage-limit-dialog');
        if (dialog) resolve(dialog);
      });
      watch.observe(document.body, { childList: true });
    });
    const result = await new PuterProvider()
      .generate(
        { model: 'flux-2-klein-4b', prompt: 'a lighthouse at dusk', width: 1024, height: 1024 },
        { endpoint: puterEndpoint(`fault=402;run=${marker}`), signal: new AbortController().signal },
      )
      .catch((error: unknown) => error);
    expect(result).to.be.instanceOf(UserPaysError);
    expect((result as UserPaysError).code).to.equal('insufficient-funds');
    expect(await puterCalls(marker)).to.have.length(1);
    // The SDK did open it (so this test sees the real thing), and it is gone.
    expect((await opened).isConnected).to.equal(false);
    expect(document.querySelector('usage-limit-dialog')).to.equal(null);
    const button = Object.assign(document.createElement('button'), { textContent: 'a page control' });
    document.body.append(button);
    const box = button.getBoundingClientRect();
    expect(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)).to.equal(button);
    button.remove();
  });
});

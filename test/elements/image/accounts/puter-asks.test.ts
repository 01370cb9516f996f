// Where a Puter session ended mid-call and no click is fresh, Puter's SDK asks the user to sign in again in a box of its
// own over the page: a modal that covers the canvas, which says why the image waits (on a phone, all of it), where the
// pinned row alone would say only "Running…". The question is said in the pinned row too, which the box leaves in
// view. Alone in its file: a key pressed in the same page gives the call a fresh click, and the SDK then
// opens its sign-in window at once, with no box.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { puterWords as puterText } from '../../../../src/providers/puter/words.js';
import { PUTER_SRC, puterEndpoint, puterSessionsEnded, signedInToPuter } from '../../../support/puter.js';
import { unique } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { imageWidget, part, words } from '../../../support/widget.js';

describe('<userpays-image> while Puter asks in its own box', function () {
  this.timeout(20_000);
  before(() => signedInToPuter());
  puterSessionsEnded();

  it('says its question in the pinned row too, and not once it is answered', async () => {
    const el = await imageWidget({
      provider: 'puter',
      locale: 'en-US',
      endpoint: puterEndpoint(`fault=token_auth_failed;run=${unique()}`),
      'puter-src': PUTER_SRC,
      prompt: 'a harbour at dawn',
    });
    const told: object[] = [];
    el.addEventListener('userpays-progress', (event) => told.push(event.detail));
    const outcome = el.generate().then(
      () => 'made',
      (error: { code: string }) => error.code,
    );
    const box = await until(() => document.querySelector('puter-dialog'), 8000, "Puter's box");
    const asking = () => el.shadowRoot!.querySelector('[part~=decision] .asking');
    await waitUntil(() => asking(), 'said in the pinned row');
    expect(words(asking())).to.equal(puterText.asksToSignIn());
    await waitUntil(() => words(part(el, 'progress')).includes(puterText.asksToSignIn()), 'and in the canvas');
    box.shadowRoot!.querySelector<HTMLButtonElement>('#launch-auth-popup-cancel')!.click();
    expect(await outcome).to.equal('auth-required');
    await el.updateComplete;
    expect(asking(), 'gone with the box').to.equal(null);
    // The event's shape is the public ProgressDetail: that the provider asks is the widget's own to say.
    expect(told.length).to.be.greaterThan(0);
    expect(told.filter((detail) => 'asks' in detail)).to.deep.equal([]);
  });
});

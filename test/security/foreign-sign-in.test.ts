// A sign-in takes its answer only from where this tab sent the user: OpenRouter answers `?code=`
// alone, no state, and a code asked for without a challenge is traded whatever verifier comes, so a code that another
// page of the site hands over could sign the user in to someone else's account. The demo (its simulators, under its
// strict CSP) as a user drives it, and pages of the site loaded with answers nobody here asked for: a frame or a
// window of the same origin, or the same tab after a sign-in by redirect came back without one.
import { expect } from '@open-wc/testing';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import {
  authorize,
  demoForgottenAfterEach,
  demoSignInButton,
  demoWidget,
  forgetDemo,
  openDemo,
  signInButton,
  signInPage,
  toProvider,
  withPopup,
} from '../support/demo.js';
import { foreignCode, signInCodeLoaded, siteFrameWith, tradeCode } from '../support/foreign-code.js';
import { until } from '../support/wait.js';
import { accountLine, part } from '../support/widget.js';

const signedIn = (widget: UserPaysImage) => accountLine(widget).startsWith('Signed in with OpenRouter');
/** Whether `check` comes true within `ms` (false: it did not, which is what these tests expect of a hostile answer). */
const within = (check: () => unknown, ms: number) =>
  until(check, ms).then(
    () => true,
    () => false,
  );

describe('a sign-in takes no answer it did not send for (a same-origin tab loading ?code= while a sign-in waits)', function () {
  this.timeout(40_000);
  const frames: HTMLIFrameElement[] = [];
  const windows: Window[] = [];
  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    for (const opened of windows.splice(0)) opened.close();
    await forgetDemo();
    sessionStorage.clear();
  });

  it('a frame of the site loads someone else’s ?code= while the popup is open: the sign-in ends with its own popup’s key, the other code unused', async () => {
    const { view, widget, button } = await demoSignInButton('openrouter');
    const leave = await toProvider(widget, button);
    const popup = await withPopup(view, () => leave.click());
    await signInPage(() => popup); // the sign-in waits

    const code = await foreignCode();
    const frame = await siteFrameWith(`code=${code}`); // the link, in another page of the origin
    frames.push(frame);
    expect(await within(() => signedIn(widget), 1500), 'not signed in by the code the frame carried').to.equal(false);

    await authorize(() => popup); // the user's own answer, in the window the widget opened
    await until(() => signedIn(widget), 8000);
    await until(() => popup!.closed, 5000); // closed by the tab that opened it, once it read the answer
    const theirs = await tradeCode(code);
    expect(theirs, 'the code the frame carried was never traded').to.be.a('string');
    expect(widget.apiKey).to.not.equal(theirs);
    expect(widget.apiKey).to.match(/^sk-or-v1-sim-/);
    expect(frame.contentWindow!.location.search, 'the frame’s address left as it came').to.equal(`?code=${code}`);
  });

  it('a page of the site loaded with ?code=&state=up.… that no tab waits for stays open', async () => {
    const opened = open('/test/fixtures/built.html?code=someone-else&state=up.nobody-waits', '_blank')!;
    windows.push(opened);
    await until(() => opened.document?.readyState === 'complete' && signInCodeLoaded(opened), 8000);
    expect(await within(() => opened.closed, 3500), 'the site’s page closed itself').to.equal(false);
  });

  it('by redirect: a page loaded with ?code= after the tab came back without an answer trades nothing (the one-shot marker is gone)', async () => {
    const view = await openDemo(1280);
    await demoWidget(view, 'openrouter');
    const first = await signInButton(view, 'openrouter');
    const leave = await toProvider(first.widget, first.button);
    await withPopup(view, () => leave.click(), true); // popups blocked: the whole page goes
    await signInPage(() => (view.location.pathname.includes('/sim/') ? view : null));
    expect(view.sessionStorage.getItem('userpays:sign-in:left'), 'marked just before it left').to.be.a('string');

    view.history.back(); // the user comes back without answering: the first page after leaving
    await until(() => view.location.pathname.endsWith('/demo/index.html') && view.document.readyState === 'complete');
    const back = await signInButton(view, 'openrouter');
    await until(() => view.sessionStorage.getItem('userpays:sign-in:left') === null, 8000, 'the marker read');
    expect(back.widget.apiKey).to.equal('');

    // Later, in the same tab, a link to the site with someone else's code.
    const code = await foreignCode();
    view.location.href = `${view.location.pathname}?code=${code}`;
    await until(() => view.location.search.includes('code=') && view.document.readyState === 'complete', 8000);
    await until(() => signInCodeLoaded(view), 8000, 'the sign-in code in the page');
    const widget = await until(() => {
      const found = view.document.querySelector<UserPaysImage>('userpays-image');
      return found?.provider === 'openrouter' && found.shadowRoot ? found : null;
    });
    await until(
      () => part(widget, 'sign-in') || part(widget, 'account'),
      8000,
      'the sign-in or the account line drawn',
    );
    expect(await within(() => signedIn(widget), 2000), 'not signed in by the code the link carried').to.equal(false);
    expect(widget.apiKey).to.equal('');
    expect(await tradeCode(code), 'the code the link carried was never traded').to.be.a('string');
  });
});

describe('a sign-in by popup after a redirect that came back without an answer', function () {
  this.timeout(40_000);
  demoForgottenAfterEach();

  it('the window starts with a copy of the tab’s session storage, marker included: neither finishes the old sign-in, the new one signs in', async () => {
    const { view, widget, button } = await demoSignInButton('openrouter');
    // What a page that reads no marker (no widget with a sign-in, no answer in its address) leaves behind.
    const here = view.location.origin + view.location.pathname;
    const stale = {
      provider: 'openrouter',
      endpoint: `${location.origin}/sim/openrouter`,
      verifier: 'a'.repeat(43),
      state: 'up.stale',
      redirectUri: here,
      address: here,
      stateless: true,
      redirect: true,
      at: Date.now(),
    };
    view.sessionStorage.setItem('userpays:sign-in', JSON.stringify([stale]));
    view.sessionStorage.setItem('userpays:sign-in:left', stale.state);

    const leave = await toProvider(widget, button);
    const popup = await withPopup(view, () => leave.click());
    const page = await signInPage(() => popup); // the simulator's page, on this origin: its storage is the window's
    expect(page.sessionStorage.getItem('userpays:sign-in:left'), 'the window’s copy of the marker: removed').to.equal(
      null,
    );
    await authorize(() => popup);
    await until(() => signedIn(widget), 8000);
    await until(() => popup!.closed, 5000);
    expect(view.sessionStorage.getItem('userpays:sign-in:left'), 'the tab’s stale marker: removed').to.equal(null);
  });
});

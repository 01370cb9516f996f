// A tab that left to sign in by redirect finishes it on the page the account system sends it back to, and only
// there: a page loaded in between with someone else's answer (a forged link) finishes nothing, and leaves the sign-in
// for the real answer, which still finishes it. A real answer that comes too late says so in words.
import { expect } from '@open-wc/testing';
import { loadedFrame } from '../../support/frames.js';
import { until } from '../../support/wait.js';
import { LEFT_TO_SIGN_IN } from '../../../src/providers/engine/sign-in-redirect.js';

/** The page at `query` (test/fixtures/frame.html running sign-in-return.ts). */
const page = (query: string) => `/test/fixtures/frame.html${query}#sign-in-return`;

/** The page's outcome (test/fixtures/sign-in-return.ts): the key it signed in with, or the error it said. */
type Page = Window & { back?: Promise<{ key?: string; code?: string; message?: string }> };

/** Loads `query` in `frame`, as the tab loads a page, and gives what that page made of the sign-in. */
async function load(frame: HTMLIFrameElement, query: string) {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = page(query);
  await loaded;
  return await until(() => (frame.contentWindow as Page).back, 5_000, 'the page finished');
}

/** A frame whose page left to sign in (it is on the account system's page now), and the state it left with. */
async function leftToSignIn() {
  const frame = await loadedFrame(page('?leave'));
  const state = await until(() => sessionStorage.getItem(LEFT_TO_SIGN_IN), 5_000, 'the page left');
  await until(() => frame.contentWindow!.location.href === 'about:blank', 5_000, 'at the account system');
  return { frame, state };
}

describe('a sign-in by redirect, finished by its own answer only', function () {
  this.timeout(20_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    frames.splice(0).forEach((frame) => frame.remove());
    sessionStorage.clear();
  });

  it('a forged answer loaded first finishes nothing, and the real answer then still signs in', async () => {
    const { frame, state } = await leftToSignIn();
    frames.push(frame);
    expect(await load(frame, '?code=forged&state=up.forged')).to.deep.equal({ key: undefined });
    expect(sessionStorage.getItem(LEFT_TO_SIGN_IN), 'left for the real answer').to.equal(state);
    expect(await load(frame, `?code=real&state=${state}`)).to.deep.equal({ key: 'key-for-real' });
    expect(sessionStorage.getItem(LEFT_TO_SIGN_IN), 'used once').to.equal(null);
  });

  it('a page without an answer still ends the sign-in: no later page may finish it', async () => {
    const { frame, state } = await leftToSignIn();
    frames.push(frame);
    expect(await load(frame, '')).to.deep.equal({ key: undefined });
    expect(await load(frame, `?code=real&state=${state}`)).to.deep.equal({ key: undefined });
  });

  it('the real answer of a sign-in no longer kept says so, in words', async () => {
    const { frame, state } = await leftToSignIn();
    frames.push(frame);
    // What a sign-in past its fifteen minutes leaves: the marker, and no sign-in kept with it.
    sessionStorage.removeItem('userpays:sign-in');
    expect(await load(frame, `?code=real&state=${state}`)).to.deep.equal({
      code: 'auth-failed',
      message: 'This sign-in was started more than 15 minutes ago, so it can no longer be finished. Sign in again.',
    });
  });
});

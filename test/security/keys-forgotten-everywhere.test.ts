// Sign out, and unticking "Remember my key on this device", forget the key in every widget and tab of
// the storage key at once, not only in the widget that was clicked. Two widgets on one page and one in another tab
// (test/support/tabs.ts: a page of its own, with its own modules) share a remembered key; after the click in one, the
// others ask for the key and send nothing with it, as the simulator's log shows. Requests are told apart by a scenario
// segment, `run=…`, which the simulators ignore and a key's account does not depend on (it is the endpoint's origin):
// one tag before the click and another after it, so that a balance read begun before the click, and answered after,
// is not taken for one sent after it.
// Holds: src/elements/image/accounts/panel/keys-channel.ts
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { cleanMadeStorage } from '../support/storage.js';
import { until } from '../support/wait.js';
import { demoWidget, forgetDemo, openDemo, signInButton, signInByPopup } from '../support/demo.js';
import { bflEndpoint, simLogOf, type SimulatorName, uniqueStorageKey } from '../support/sim.js';
import { openTab } from '../support/tabs.js';
import { blocked, drawn, imageWidget, part, typeKey, words } from '../support/widget.js';

/** What the simulator `sim` received for the run `tag`. */
const received = (sim: SimulatorName, tag: string) => simLogOf(sim, `run=${tag}/`);

/** A `<userpays-image>` made in `document` (this page's, a tab's, the demo's: each defines the element itself). */
async function widgetIn(document: Document, settings: Partial<UserPaysImage>): Promise<UserPaysImage> {
  const el = document.createElement('userpays-image') as UserPaysImage;
  Object.assign(el, { prompt: 'a paper lantern', ...settings });
  document.body.append(el);
  return drawn(el);
}

/** What `el` does with a click on Generate now: the error's code, the reason said beside Generate, its key. */
async function generateNow(el: UserPaysImage) {
  await el.updateComplete;
  const error = (await el.generate().catch((thrown: unknown) => thrown)) as { code?: string };
  await el.updateComplete;
  return [error.code, blocked(el).reason, el.apiKey];
}

describe('forgetting a key reaches every widget and tab of the storage key', function () {
  this.timeout(40_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(async () => {
    frames.splice(0).forEach((frame) => frame.remove());
    await forgetDemo(); // what it stored under the demo's storage key, before another file's demo test may open it
    sessionStorage.clear();
    cleanMadeStorage();
  });

  it('Sign out in one widget: the page’s other widget, a widget in another tab and UserPays.generate send nothing with the key', async () => {
    const [before, after] = [uniqueStorageKey(), uniqueStorageKey()];
    const at = (tag: string) => `${location.origin}/sim/openrouter/s/run=${tag}`;
    const view = await openDemo(1280);
    const signedIn = await demoWidget(view, 'openrouter');
    const { button } = await signInButton(view, 'openrouter');
    await signInByPopup(view, signedIn, button);
    await until(() => signedIn.apiKey, 8000);
    const key = signedIn.apiKey;
    (part(signedIn, 'remember') as HTMLInputElement).click(); // remembered on this device
    await signedIn.updateComplete;
    expect(localStorage.getItem(`userpays:key:openrouter:${location.origin}`)).to.equal(key);

    // The same account (the simulator's origin), on the demo's storage key.
    const other = await widgetIn(view.document, { provider: 'openrouter', endpoint: at(before) });
    const frame = await openTab('userpays');
    frames.push(frame);
    const inTab = await widgetIn(frame.contentDocument!, { provider: 'openrouter', endpoint: at(before) });
    expect([other.apiKey, inTab.apiKey], 'the remembered key, in both').to.deep.equal([key, key]);
    await other.generate(); // it pays with it
    expect((await received('openrouter', before)).some((entry) => entry.hasKey)).to.equal(true);

    const signOut = [...signedIn.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=account] button')].find(
      (b) => words(b) === 'Sign out',
    )!;
    signOut.click();
    for (const el of [other, inTab]) el.endpoint = at(after); // the same account: only the tag differs
    // The word reaches the others in a task of their own.
    await until(() => !other.apiKey && !inTab.apiKey).catch(() => {});
    for (const el of [other, inTab]) {
      expect(await generateNow(el)).to.deep.equal(['auth-required', 'Not signed in to OpenRouter', '']);
    }
    const { UserPays } = view as unknown as typeof globalThis; // the demo's own
    const headless = (await UserPays.generate(
      { provider: 'openrouter', prompt: 'a paper lantern' },
      { endpoint: at(after) },
    ).catch((thrown: unknown) => thrown)) as { code?: string };
    expect(headless.code, 'UserPays.generate has no key either').to.equal('auth-required');
    expect((await received('openrouter', after)).filter((entry) => entry.hasKey)).to.deep.equal([]);
    expect(localStorage.getItem(`userpays:key:openrouter:${location.origin}`)).to.equal(null);
  });

  it('unticking "Remember my key" in one widget: the others, on this page and in another tab, forget the key they read from it', async () => {
    const [storageKey, after] = [uniqueStorageKey(), uniqueStorageKey()];
    const endpoint = bflEndpoint(`pending=50;run=${storageKey}`);
    const make = () => imageWidget({ provider: 'bfl', 'storage-key': storageKey, endpoint, prompt: 'a lamp' });
    const typed = await make();
    await typeKey(typed, 'remembered-then-forgotten', { commit: true });
    (part(typed, 'remember') as HTMLInputElement).click();
    await typed.updateComplete;
    const other = await make();
    const frame = await openTab(storageKey);
    frames.push(frame);
    const inTab = await widgetIn(frame.contentDocument!, { provider: 'bfl', storageKey, endpoint });
    expect([other.apiKey, inTab.apiKey], 'the remembered key, in both').to.deep.equal([
      'remembered-then-forgotten',
      'remembered-then-forgotten',
    ]);

    (part(typed, 'remember') as HTMLInputElement).click(); // unticked: forget it on this device
    for (const el of [other, inTab]) el.endpoint = bflEndpoint(`pending=50;run=${after}`); // the same account
    await typed.updateComplete;
    expect(localStorage.getItem(`${storageKey}:key:bfl:${location.origin}`)).to.equal(null);
    expect(typed.apiKey, 'typed here, it still serves this widget for this visit').to.equal(
      'remembered-then-forgotten',
    );
    await until(() => !other.apiKey && !inTab.apiKey).catch(() => {});
    for (const el of [other, inTab]) {
      expect(await generateNow(el)).to.deep.equal(['auth-required', 'Add your BFL API key', '']);
      expect((part(el, 'remember') as HTMLInputElement).checked, 'nothing remembered').to.equal(false);
    }
    expect((await received('bfl', after)).filter((entry) => entry.hasKey)).to.deep.equal([]);
  });
});

// The history a user keeps in their own Puter account (docs/ledger.md, "Images in the user's Puter files" and "In the
// user's account"): images in their files, the spending in their key-value store, deleted from both by the tally's
// Reset…; the real SDK against the simulator (demo/sim/puter-fs.mjs, puter-kv.mjs). The other browser is a page on the OTHER loopback origin (puter-files-tab.ts):
// storage of its own, as another device's, its own SDK signed in to the same Puter user and app, for the widget tells
// one device from another by what its storage holds, and a website's files by the app its token names.
import { expect, waitUntil } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import {
  PUTER_SRC,
  puterEndpoint,
  puterSessionsEnded,
  sdk,
  setPuterAccount,
  signedInToPuter,
} from '../../../support/puter.js';
import { accountImageFiles, puterAppToken, setPuterFiles, TEST_APP } from '../../../support/puter-files.js';
import { otherOrigin, simEndpoint, unique, uniqueStorageKey } from '../../../support/sim.js';
import { imageAction, imageWidgetsForgottenAfterEach, part, tiles, words } from '../../../support/widget.js';
import { until } from '../../../support/wait.js';

/** A page on the other origin running puter-files-tab.ts, and how to ask it. */
async function otherBrowser() {
  const frame = document.createElement('iframe');
  frame.src = `${otherOrigin()}/test/fixtures/frame.html#puter-files-tab`;
  const ready = new Promise<void>((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.source === frame.contentWindow && e.data?.ready) (removeEventListener('message', on), resolve());
    };
    addEventListener('message', on);
  });
  document.body.append(frame);
  // In view, as a browser the user looks at: a widget far from the viewport is drawn only once it comes near it.
  frame.scrollIntoView();
  await ready;
  let next = 0;
  const ask = (cmd: string, ...args: unknown[]) =>
    new Promise<any>((resolve, reject) => {
      const id = ++next;
      const on = (e: MessageEvent) => {
        if (e.source !== frame.contentWindow || e.data?.id !== id) return;
        removeEventListener('message', on);
        if ('error' in e.data) reject(new Error(e.data.error));
        else resolve(e.data.result);
      };
      addEventListener('message', on);
      frame.contentWindow!.postMessage({ id, cmd, args }, '*');
    });
  return { frame, ask };
}

describe('the history a user keeps in their own Puter account: images in their files, spending in their store', function () {
  this.timeout(40_000);
  puterSessionsEnded();
  const mount = imageWidgetsForgottenAfterEach();
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    document.querySelectorAll('usage-limit-dialog').forEach((dialog) => dialog.remove());
  });

  /** This browser signed in to Puter as a user of its own, and its widget on Puter (images its page may read). */
  async function signedInWidget(scenario = '') {
    const endpoint = puterEndpoint(`imageCors=1;pending=100;run=${unique()}${scenario}`);
    await signedInToPuter(endpoint);
    const username = unique('files-user');
    const token = puterAppToken();
    await setPuterAccount(token, { username });
    sdk().setAuthToken(token);
    const el = await mount({ provider: 'puter', endpoint, 'puter-src': PUTER_SRC, locale: 'en-US' });
    await waitUntil(() => words(part(el, 'account')).includes(username), 'signed in', { timeout: 10_000 });
    return { el, username };
  }

  const keep = async (el: UserPaysImage, prompt: string) => {
    el.prompt = prompt;
    await el.generate();
    await waitUntil(() => tiles(el).some((tile) => tile.querySelector('img')?.alt === prompt), 'shown here');
  };

  it('an image kept in one browser is listed in the other’s gallery from the user’s files, and shows', async () => {
    const { el, username } = await signedInWidget();
    await keep(el, 'a lighthouse in fog');
    await waitUntil(async () => (await accountImageFiles(username)).length === 2, 'in the account', {
      timeout: 10_000,
    });
    const [json, png] = await accountImageFiles(username);
    expect(json).to.match(/^[\w-]+\.json$/);
    expect(png).to.equal(json.replace('.json', '.png'));

    const other = await otherBrowser();
    frames.push(other.frame);
    const token = puterAppToken();
    await setPuterAccount(token, { username });
    const endpoint = simEndpoint('puter', `run=${unique()}`, { crossOrigin: true });
    await other.ask('open', endpoint, token, uniqueStorageKey());
    await waitUntil(
      async () =>
        (await other.ask('gallery')).some((image: any) => image.prompt === 'a lighthouse in fog' && image.shown),
      'listed and shown there',
      { timeout: 15_000 },
    );
    const shown = await other.ask('gallery');
    expect(shown.map((image: any) => image.id)).to.deep.equal([json.replace('.json', '')]);
  });

  it('a charge made in one browser is in the other’s tally, and counted once after a reload there', async () => {
    const { el, username } = await signedInWidget();
    await keep(el, 'a kite over dunes');
    const spent = el.tally!.spent;
    expect(Number(spent)).to.be.greaterThan(0);
    const token = puterAppToken();
    await setPuterAccount(token, { username });
    const endpoint = simEndpoint('puter', `run=${unique()}`, { crossOrigin: true });
    // The same site's widget (its storage key) on another device: nothing of this browser's storage is there.
    const storageKey = el.getAttribute('storage-key')!;
    for (const load of ['first', 'after a reload']) {
      const other = await otherBrowser();
      frames.push(other.frame);
      await other.ask('open', endpoint, token, storageKey);
      await waitUntil(async () => (await other.ask('spent')) === spent, `the charge there, ${load}`, {
        timeout: 15_000,
      });
      other.frame.remove();
    }
    expect(el.tally!.spent).to.equal(spent); // nothing came back twice here either
  });

  it('offline during a keep: in this browser’s gallery at once, in the account once it answers again', async () => {
    const { el, username } = await signedInWidget();
    await setPuterFiles(username, { fault: 'down' });
    await keep(el, 'a harbour at dusk');
    expect(await accountImageFiles(username)).to.deep.equal([]);
    await setPuterFiles(username, { fault: null });
    dispatchEvent(new Event('online'));
    await waitUntil(async () => (await accountImageFiles(username)).length === 2, 'written once back', {
      timeout: 10_000,
    });
    expect(tiles(el).map((tile) => tile.querySelector('img')?.alt)).to.deep.equal(['a harbour at dusk']);
  });

  it('a full Puter storage is said in plain words; the image stays in this browser', async () => {
    const { el, username } = await signedInWidget();
    await setPuterFiles(username, { fault: 'full' });
    await keep(el, 'a meadow at noon');
    await waitUntil(() => part(el, 'account-files'), 'said', { timeout: 10_000 });
    expect(words(part(el, 'account-files'))).to.equal(
      'Your Puter storage is full, so new images are kept in this browser only. Free up space in your Puter files, and they are copied there with the next image you keep.',
    );
    expect(tiles(el).map((tile) => tile.querySelector('img')?.alt)).to.deep.equal(['a meadow at noon']);
    expect(await accountImageFiles(username)).to.deep.equal([]);
    await setPuterFiles(username, { fault: null });
    await keep(el, 'a meadow at dusk');
    await waitUntil(async () => (await accountImageFiles(username)).length === 4, 'both written', { timeout: 10_000 });
    await waitUntil(() => !part(el, 'account-files'), 'no longer said');
  });

  it('Delete in the tally’s Reset… takes the spending and the images from the account: none of it is left', async () => {
    const { el, username } = await signedInWidget();
    await keep(el, 'a heron at dawn');
    const kept = async () =>
      (
        await (
          await fetch('/sim/puter/_kv/read', { method: 'POST', body: JSON.stringify({ username, app: TEST_APP }) })
        ).json()
      ).entries as Record<string, unknown>;
    const entries = async () => Object.keys(await kept()).filter((key) => key.includes(':entry:'));
    await waitUntil(async () => (await accountImageFiles(username)).length === 2, 'the image in the account', {
      timeout: 10_000,
    });
    await waitUntil(async () => (await entries()).length === 1, 'the charge in the account', { timeout: 10_000 });
    const tally = document.createElement('userpays-tally');
    tally.setAttribute('storage-key', el.getAttribute('storage-key')!);
    document.body.append(tally);
    try {
      const reset = await until(() => part(tally, 'reset')?.querySelector<HTMLButtonElement>('button[value=delete]'));
      expect(reset.textContent?.trim()).to.equal('Delete here and from my Puter account, images too');
      part(tally, 'reset')!.querySelector('summary')!.click();
      reset.click();
      await waitUntil(async () => (await accountImageFiles(username)).length === 0, 'images gone', { timeout: 10_000 });
      await waitUntil(async () => (await entries()).length === 0, 'the charge gone', { timeout: 10_000 });
      expect(Object.keys(await kept())).to.deep.equal([]);
      await waitUntil(() => tiles(el).length === 0, 'the gallery here emptied too');
    } finally {
      tally.remove();
    }
  });

  it('deleting the images here removes them from the account: the app’s folder holds nothing', async () => {
    const { el, username } = await signedInWidget();
    await keep(el, 'a fox in snow');
    await waitUntil(async () => (await accountImageFiles(username)).length === 2, 'in the account', {
      timeout: 10_000,
    });
    const tile = tiles(el)[0];
    imageAction(tile, 'delete')!.click();
    await waitUntil(async () => (await accountImageFiles(username)).length === 0, 'gone from the account', {
      timeout: 10_000,
    });
  });
});

// The user's Puter files through the real SDK (@heyputer/puter.js) against the simulator (demo/sim/puter-fs.mjs):
// what PuterAccountFiles writes where, reads back, removes, and how a full or unreachable storage reaches the seam.
import { expect } from '@open-wc/testing';
import { AccountFull } from '../../../src/providers/account-files.js';
import { PuterAccountFiles, removeAccountImages } from '../../../src/providers/puter/adapter.js';
import { puterEndpoint, puterSessionsEnded, sdk, setPuterAccount, signedInToPuter } from '../../support/puter.js';
import { accountImageFiles, puterAppToken, puterFilesOf, setPuterFiles, TEST_APP } from '../../support/puter-files.js';
import { unique } from '../../support/sim.js';

const record = (id: string, createdAt = 1_000) => ({
  id,
  entryId: `entry-${id}`,
  prompt: `a lighthouse ${id}`,
  model: 'flux-2-klein-4b',
  provider: 'puter',
  width: 2,
  height: 2,
  charged: '0.0014',
  createdAt,
  type: 'image/png',
});
const png = (text = 'png') => new Blob([text], { type: 'image/png' });

describe('PuterAccountFiles: the images in the user’s Puter files', function () {
  this.timeout(20_000);
  puterSessionsEnded();
  let username: string;
  let files: PuterAccountFiles;

  beforeEach(async () => {
    await signedInToPuter(puterEndpoint());
    username = unique('files-user');
    const token = puterAppToken();
    await setPuterAccount(token, { username });
    sdk().setAuthToken(token);
    files = new PuterAccountFiles(sdk());
  });

  it('writes each image as its bytes and its record in the app’s own folder, and lists and reads them back', async () => {
    expect(sdk().appID, 'the app id from the token').to.equal(TEST_APP);
    await files.put('one', png('first'), record('one'));
    expect(await accountImageFiles(username)).to.deep.equal(['one.json', 'one.png']);
    const listed = await new PuterAccountFiles(sdk()).list(); // another device: nothing known beforehand
    expect(listed).to.deep.equal([record('one')]);
    expect(await (await files.read('one')).text()).to.equal('first');
  });

  it('writes the same image twice as one (replaced), and lists nothing of another hand’s', async () => {
    await files.put('one', png('first'), record('one'));
    await files.put('one', png('again'), record('one'));
    await setPuterFiles(username, {
      files: [
        { path: `/${username}/AppData/${TEST_APP}/userpays/images/notes.json`, text: '{"id":"other"}' },
        { path: `/${username}/AppData/${TEST_APP}/userpays/images/two.json`, text: 'not json' },
      ],
    });
    expect((await files.list()).map(({ id }) => id)).to.deep.equal(['one']);
    expect(await (await files.read('one')).text()).to.equal('again');
  });

  it('an empty account lists nothing; removing what it lacks is done already', async () => {
    expect(await files.list()).to.deep.equal([]);
    await files.remove('nothing');
    await files.removeAll();
  });

  it('removes one image, then every image (the folder gone), leaving the rest of the user’s files', async () => {
    await setPuterFiles(username, { files: [{ path: `/${username}/Documents/mine.txt`, text: 'theirs' }] });
    await files.put('one', png(), record('one'));
    await files.put('two', png(), record('two'));
    await files.remove('one');
    expect(await accountImageFiles(username)).to.deep.equal(['two.json', 'two.png']);
    await removeAccountImages(sdk());
    expect(await accountImageFiles(username)).to.deep.equal([]);
    expect((await puterFilesOf(username)).files.map(({ path }) => path)).to.deep.equal([
      `/${username}/Documents/mine.txt`,
    ]);
  });

  it('a full storage is AccountFull, and nothing is written', async () => {
    await setPuterFiles(username, { fault: 'full' });
    const refused = await files.put('one', png(), record('one')).catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(AccountFull);
    expect(await accountImageFiles(username)).to.deep.equal([]);
    document.querySelectorAll('usage-limit-dialog').forEach((dialog) => dialog.remove());
  });

  it('a storage smaller than the image is full too', async () => {
    await setPuterFiles(username, { capacity: 3 });
    expect(await files.put('one', png('four'), record('one')).catch((error: unknown) => error)).to.be.instanceOf(
      AccountFull,
    );
    document.querySelectorAll('usage-limit-dialog').forEach((dialog) => dialog.remove());
  });

  it('an account that does not answer rejects, not as full', async () => {
    await setPuterFiles(username, { fault: 'down' });
    const refused = await files.put('one', png(), record('one')).catch((error: unknown) => error);
    expect(refused).to.exist.and.not.to.be.instanceOf(AccountFull);
    await setPuterFiles(username, { fault: null });
    await files.put('one', png(), record('one'));
    expect(await accountImageFiles(username)).to.deep.equal(['one.json', 'one.png']);
  });

  it('an account with nothing left to spend is refused writes (402), not as full', async () => {
    const token = puterAppToken();
    await setPuterAccount(token, { username, balance: 0 });
    sdk().setAuthToken(token);
    const refused: any = await files.put('one', png(), record('one')).catch((error: unknown) => error);
    expect(refused).to.exist.and.not.to.be.instanceOf(AccountFull);
    expect(refused.status).to.equal(402);
    expect(await accountImageFiles(username)).to.deep.equal([]);
  });

  it('without an app id (a token that names no app) nothing is written anywhere', async () => {
    const token = unique('plain-token');
    await setPuterAccount(token, { username });
    sdk().setAuthToken(token);
    sdk().appID = undefined;
    expect(await files.put('one', png(), record('one')).catch((error: unknown) => error)).to.be.instanceOf(TypeError);
    expect((await puterFilesOf(username)).files).to.deep.equal([]);
    // Where the SDK itself files it (under `~/`, outside any app's folder), Puter refuses the site's token as not found.
    const refused: any = await sdk()
      .fs.write('userpays/one.png', png(), { createMissingParents: true })
      .catch((error: unknown) => error);
    expect([refused.status, refused.code]).to.deep.equal([404, 'subject_does_not_exist']);
    expect((await puterFilesOf(username)).files).to.deep.equal([]);
  });
});

// The widget's side of the ledger's recovery and of key storage (docs/ledger.md, docs/contract.md): paid work a closed page left behind is finished on the next load
// (asking for the key when it is needed), the gallery is bounded by keep-images, and a key is persisted
// only on the user's explicit opt-in.
// Holds: src/elements/image/accounts/panel/account-handlers.ts
// Holds: src/elements/image/submission/panel/resume-controller.ts
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { until } from '../../support/wait.js';
import { bflEndpoint, uniqueStorageKey } from '../../support/sim.js';
import { openTab } from '../../support/tabs.js';
import { imageWidget, part, typeKey } from '../../support/widget.js';
import { cleanMadeStorage } from '../../support/storage.js';

const images = (el: UserPaysImage) => [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('[part~=image]')];

/** A page (iframe running test/fixtures/tab.ts) that starts a generation and then goes away. */
async function pageThatLeavesAPaidTask(storageKey: string, endpoint: string) {
  const frame = await openTab(storageKey);
  void frame.contentWindow!.tab.generate(endpoint, 'left behind').catch(() => {});
  const ledger = new LedgerStore({ storageKey });
  await until(() => ledger.pending()[0]?.task);
  frame.remove(); // the page is gone: its lock on the entry is released
  return ledger;
}

describe('<userpays-image> recovery, keep-images, remembered keys', () => {
  afterEach(cleanMadeStorage);

  it('asks for the key, then resumes a paid task a closed page left pending, exactly once', async () => {
    const storageKey = uniqueStorageKey();
    const endpoint = bflEndpoint('pending=1200');
    const ledger = await pageThatLeavesAPaidTask(storageKey, endpoint);
    const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, endpoint });
    await until(() =>
      el.shadowRoot!.textContent!.includes(
        `A paid image from an earlier visit is waiting at ${new URL(endpoint).host}`,
      ),
    );
    expect(ledger.pending()).to.have.length(1);

    el.apiKey = 'sim-recovery-key';
    await until(() => images(el).length === 1);
    expect(images(el)[0].alt).to.equal('left behind');
    expect(part(el, 'result')!.textContent).to.contain('$0.014');
    await until(() => el.tally?.images === 1);
    expect(el.tally?.spent).to.equal('0.014');
    expect(ledger.pending()).to.have.length(0);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).not.to.contain('waiting at');
  });

  it('fetches waiting images once the key is entered (committed), not on every keystroke', async () => {
    const storageKey = uniqueStorageKey();
    const endpoint = bflEndpoint('pending=600');
    const ledger = await pageThatLeavesAPaidTask(storageKey, endpoint);
    const taskId = ledger.pending()[0].task!.id;
    const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey, endpoint });
    await until(() => el.shadowRoot!.textContent!.includes(`is waiting at ${new URL(endpoint).host}`));
    const realFetch = window.fetch;
    const polls: string[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes(taskId)) polls.push(String(input));
      return realFetch(input, init);
    };
    try {
      const key = part(el, 'key') as HTMLInputElement;
      for (const typed of ['s', 'si', 'sim', 'sim-', 'sim-k', 'sim-ke', 'sim-key']) {
        key.value = typed;
        key.dispatchEvent(new Event('input'));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(polls, 'no resume while typing').to.deep.equal([]);
      key.dispatchEvent(new Event('change')); // Enter, or focus leaving the field
      await until(() => images(el).length === 1);
      expect(polls.length).to.be.greaterThan(0);
      expect(ledger.pending()).to.have.length(0);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps only keep-images images, newest first', async () => {
    const el = await imageWidget({
      provider: 'bfl',
      'keep-images': 2,
      endpoint: bflEndpoint('pending=50'),
      prompt: 'three foxes',
      count: 3,
    });
    el.apiKey = 'sim-keep-key';
    await el.generate();
    await el.generate();
    await el.updateComplete;
    await until(() => images(el).length === 2);
    expect(el.tally?.images).to.equal(6);
  });

  it('keeps the key in memory only unless the user opts in, and forgets it when they opt out', async () => {
    const storageKey = uniqueStorageKey();
    const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey });
    await typeKey(el, 'sim-secret-key');
    expect(el.apiKey).to.equal('sim-secret-key');
    expect(JSON.stringify({ ...localStorage })).not.to.contain('sim-secret-key');

    const remember = part(el, 'remember') as HTMLInputElement;
    remember.click();
    expect(localStorage.getItem(`${storageKey}:key:bfl:https://api.bfl.ai`)).to.equal('sim-secret-key');
    const next = await imageWidget({ provider: 'bfl', 'storage-key': storageKey });
    expect(next.apiKey).to.equal('sim-secret-key');
    expect(next.getAttributeNames().join(' ')).not.to.contain('key=');

    (part(next, 'remember') as HTMLInputElement).click();
    expect(localStorage.getItem(`${storageKey}:key:bfl:https://api.bfl.ai`)).to.equal(null);
  });
});

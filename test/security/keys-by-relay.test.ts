// A key is bound to the relay it was given through, as it is to its provider and its endpoint's origin.
// Two relays run relay/worker.js in workerd (test/relay/relay-server.mjs), both forwarding to the BFL simulator: the
// page moves `relay` from the first to the second, and the key never goes through the second, typed, remembered, or
// remembered before keys named their relay. What went through is read on both sides: the page's fetches (what each
// relay was handed) and the simulator's log (what reached the provider, and whether it carried a key). Requests are
// told apart by a scenario segment, `run=…`, which the simulator ignores and a key's account does not depend on (it
// is the endpoint's origin): one tag before the relay moves and another after, so that a balance read begun through
// the first relay, and answered after the move, is not taken for one sent through the second.
// Holds: src/elements/image/shared/key-slots.ts
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { authorize, forgetDemo, openDemo, withPopup } from '../support/demo.js';
import { relayUrl } from '../support/relay.js';
import { bflEndpoint, simLogOf, uniqueStorageKey } from '../support/sim.js';
import { blocked, imageWidget, part, typeKey, words } from '../support/widget.js';
import { recordRequests } from '../support/record-fetches.js';

/** The BFL simulator, its requests tagged `tag` in its log. */
const tagged = (tag: string) => bflEndpoint(`pending=50;run=${tag}`);

/** A BFL widget on `storageKey`, its requests through `relay`, tagged `tag` (the storage key unless said). */
const bflWidget = (storageKey: string, relay: string, tag = storageKey) =>
  imageWidget({
    provider: 'bfl',
    locale: 'en-US',
    'storage-key': storageKey,
    endpoint: tagged(tag),
    relay,
    prompt: 'a lamp',
  });

/** What the simulator received tagged `tag`. */
const received = (tag: string) => simLogOf('bfl', `run=${tag}/`);

/** Types `key` into the widget's key field, as the user does, and commits it. */
const typeAndCommit = (el: UserPaysImage, key: string) => typeKey(el, key, { commit: true });

describe('a key goes only through the relay it was given through', function () {
  this.timeout(20_000);
  const sentTo = recordRequests().originsGiven;
  const storageKey = storageKeysForgottenAfterEach();

  // Two relays of the same site that both forward to the simulator: `small` differs from `main` only in its size
  // caps, far above a BFL submission's, so whatever the widget hands it would reach the simulator.
  const relays = async () => ({ first: await relayUrl('main'), second: await relayUrl('small') });

  it('a typed key: moved to another relay, the widget asks for it again and says why; the new relay never sees it', async () => {
    const { first, second } = await relays();
    const key = storageKey();
    const el = await bflWidget(key, first);
    await typeAndCommit(el, 'typed-through-the-first-relay');
    await el.generate();
    const submitted = (await received(key)).find((entry) => entry.method === 'POST')!;
    expect([submitted.method, submitted.hasKey, submitted.origin], 'through the first relay').to.deep.equal([
      'POST',
      true,
      null,
    ]);
    const after = uniqueStorageKey();

    el.relay = second; // the page moves the relay
    el.endpoint = tagged(after); // the same account: only the tag differs
    await el.updateComplete;
    expect(el.apiKey).to.equal('');
    const error = await el.generate().catch((thrown: { code: string }) => thrown);
    expect((error as { code: string }).code).to.equal('auth-required');
    await el.updateComplete;
    const field = part(el, 'key') as HTMLInputElement;
    expect(field.value).to.equal('');
    expect(words(field.closest('.key-field'))).to.contain(
      `Your key was given to go through the relay at ${new URL(first).host}; this page now sends it through the relay at ${new URL(second).host}, so it is not sent: enter it again to send it this way.`,
    );
    expect(blocked(el).reason).to.equal('Add your BFL API key');
    expect((await received(after)).filter((entry) => entry.hasKey)).to.deep.equal([]);
    expect([...sentTo('typed-through-the-first-relay')]).to.deep.equal([new URL(first).origin]);

    el.relay = first; // back where it was given: the key again
    expect(el.apiKey).to.equal('typed-through-the-first-relay');
  });

  it('a remembered key: after a reload with another relay, nothing is sent with it', async () => {
    const { first, second } = await relays();
    const key = storageKey();
    const page = await bflWidget(key, first);
    await typeAndCommit(page, 'remembered-through-the-first-relay');
    (part(page, 'remember') as HTMLInputElement).click();
    page.remove();

    const after = uniqueStorageKey();
    const reloaded = await bflWidget(key, second, after);
    expect(reloaded.apiKey).to.equal('');
    await reloaded.generate().catch(() => {});
    expect((await received(after)).filter((entry) => entry.hasKey)).to.deep.equal([]);
    expect(sentTo('remembered-through-the-first-relay').size).to.equal(0);
    reloaded.relay = first;
    expect(reloaded.apiKey).to.equal('remembered-through-the-first-relay');
  });

  it('a key remembered without a relay, or before keys named their relay, is never sent through one', async () => {
    const { first } = await relays();
    const key = storageKey();
    // As a page without a relay (or an earlier version of the widget, which named no relay) left it.
    localStorage.setItem(`${key}:key:bfl:${location.origin}`, 'remembered-without-a-relay');
    const el = await bflWidget(key, first);
    expect(el.apiKey).to.equal('');
    await el.generate().catch(() => {});
    expect((await received(key)).filter((entry) => entry.hasKey)).to.deep.equal([]);
    expect(sentTo('remembered-without-a-relay').size).to.equal(0);
    el.relay = ''; // straight to the provider, as it was given
    expect(el.apiKey).to.equal('remembered-without-a-relay');
  });

  it('UserPays.signIn: the key it gives goes only through the relay the call named', async () => {
    const { first, second } = await relays();
    const [before, after] = [uniqueStorageKey(), uniqueStorageKey()];
    const at = (tag: string) => `${location.origin}/sim/openrouter/s/run=${tag}`;
    const received = (tag: string) => simLogOf('openrouter', `run=${tag}/`);
    const view = await openDemo(1280); // a page whose address can take the sign-in's answer
    try {
      const { UserPays } = view as unknown as typeof globalThis;
      let signedIn: Promise<void> | undefined;
      const popup = await withPopup(view, () => {
        signedIn = UserPays.signIn('openrouter', { endpoint: at(before), relay: first });
      });
      await authorize(() => popup);
      await signedIn;
      const request = { provider: 'openrouter' as const, prompt: 'a lamp' };
      await UserPays.generate(request, { endpoint: at(before), relay: first });
      const paid = (await received(before)).filter((entry) => /\/(images|chat\/completions)$/.test(entry.path));
      expect(
        paid.map((entry) => [entry.hasKey, entry.origin]),
        'through the first relay',
      ).to.deep.equal([[true, null]]);

      for (const relay of [second, '']) {
        const refused = (await UserPays.generate(request, { endpoint: at(after), relay }).catch(
          (thrown: unknown) => thrown,
        )) as { code?: string };
        expect(refused.code, relay ? 'through another relay' : 'without a relay').to.equal('auth-required');
      }
      expect((await received(after)).filter((entry) => entry.hasKey)).to.deep.equal([]);
    } finally {
      await forgetDemo(); // its images and ledger under the demo's storage key, before another file's demo test
    }
  });
});

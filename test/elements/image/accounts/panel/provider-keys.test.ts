// A key belongs to one provider: switching `provider` never sends the previous provider's key anywhere else,
// in memory or remembered on disk. Every request the widget makes is recorded with its headers.
// Holds: src/elements/image/accounts/panel/account-controller.ts
import { expect } from '@open-wc/testing';
import '../../../../../src/define.js';
import { ProviderKeys } from '../../../../../src/elements/image/accounts/panel/provider-keys.js';
import { SignedKeys } from '../../../../../src/elements/image/accounts/panel/signed-keys.js';
import { bflEndpoint, falEndpoint, uniqueStorageKey } from '../../../../support/sim.js';
import { recordRequests } from '../../../../support/record-fetches.js';
import { imageWidget, part, typeKey } from '../../../../support/widget.js';
import { errorEvent } from '../../../../support/failure.js';
import { cleanMadeStorage } from '../../../../support/storage.js';

/** A BFL widget on `storageKey` with `key` typed and Remember ticked, as a user does. */
async function rememberingBfl(storageKey: string, key: string) {
  const el = await imageWidget({ provider: 'bfl', 'storage-key': storageKey });
  await typeKey(el, key);
  (part(el, 'remember') as HTMLInputElement).click();
  return el;
}

describe('keys stay with their provider', () => {
  const { carrying } = recordRequests();
  afterEach(cleanMadeStorage);

  it('a provider switch never sends the previous provider’s key, and switching back finds it again', async () => {
    const el = await imageWidget({ provider: 'bfl', endpoint: bflEndpoint('pending=50'), prompt: 'a lamp' });
    el.apiKey = 'key-for-bfl';
    await el.generate();

    // Switched in the same task as the submission: no update ran in between.
    el.provider = 'fal';
    el.endpoint = falEndpoint('pending=50');
    expect(el.apiKey).to.equal('');
    expect((await errorEvent(el)).code).to.equal('auth-required');
    await el.updateComplete;
    expect((part(el, 'key') as HTMLInputElement).value).to.equal('');

    el.apiKey = 'key-for-fal';
    await el.generate();
    el.provider = 'bfl';
    el.endpoint = bflEndpoint('pending=50');
    expect(el.apiKey).to.equal('key-for-bfl');
    await el.generate();

    expect(carrying('key-for-bfl').length).to.be.greaterThan(0);
    expect(carrying('key-for-fal').length).to.be.greaterThan(0);
    expect(carrying('key-for-bfl').every((request) => new URL(request.url).pathname.startsWith('/sim/bfl/'))).to.equal(
      true,
    );
    expect(carrying('key-for-fal').every((request) => new URL(request.url).pathname.startsWith('/sim/fal/'))).to.equal(
      true,
    );
  });

  it('a key set before the first update belongs to the provider of that update', async () => {
    const el = document.createElement('userpays-image');
    el.apiKey = 'key-for-fal';
    el.provider = 'fal';
    document.body.append(el);
    await el.updateComplete;
    expect(el.apiKey).to.equal('key-for-fal');
    el.provider = 'bfl';
    expect(el.apiKey).to.equal('');
    el.remove();
  });

  it('an empty key set before the first update (a page that gives none) leaves the remembered key on this device', async () => {
    const storageKey = uniqueStorageKey();
    await rememberingBfl(storageKey, 'remembered-bfl-key');
    // As the demo did in the sign-in's popup and on each reload: `apiKey = ''` before the widget first drew.
    const el = Object.assign(document.createElement('userpays-image'), { apiKey: '', provider: 'bfl', storageKey });
    document.body.append(el);
    await el.updateComplete;
    expect(el.apiKey).to.equal('remembered-bfl-key');
    expect(localStorage.getItem(`${storageKey}:key:bfl:https://api.bfl.ai`)).to.equal('remembered-bfl-key');
    el.remove();
  });

  it('typed keys go to the provider in force; a remembered key only to its own provider', async () => {
    const storageKey = uniqueStorageKey();
    const el = await rememberingBfl(storageKey, 'typed-bfl-key');
    el.provider = 'fal';
    await el.updateComplete;
    expect((part(el, 'key') as HTMLInputElement).value).to.equal('');
    expect((part(el, 'remember') as HTMLInputElement).checked).to.equal(false);
    expect(localStorage.getItem(`${storageKey}:key:bfl:https://api.bfl.ai`)).to.equal('typed-bfl-key');
    expect(Object.keys(localStorage).filter((name) => name.startsWith(`${storageKey}:key:fal`))).to.deep.equal([]);

    const next = await imageWidget({ provider: 'fal', 'storage-key': storageKey });
    expect(next.apiKey).to.equal('');
    next.provider = 'bfl';
    expect(next.apiKey).to.equal('typed-bfl-key');
  });
});

describe('ProviderKeys', () => {
  afterEach(cleanMadeStorage);

  /** A host for keys outside an element (the panels make them once the element has rendered). */
  const standIn = {
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  };
  const keysOf = (storageKey: string, endpoint = '') =>
    new ProviderKeys(standIn, {
      storageKey: () => storageKey,
      provider: () => 'bfl',
      endpoint: () => endpoint,
      relay: () => '',
    });
  const BFL = 'https://api.bfl.ai';

  it('keeps one key per provider and origin, on disk only after the opt-in, and keeps it in memory after an opt-out', () => {
    const storageKey = uniqueStorageKey();
    const keys = keysOf(storageKey);
    keys.set('bfl', '', '', 'b');
    keys.set('fal', '', '', 'f');
    expect([
      keys.get('bfl', '', ''),
      keys.get('bfl', BFL, ''),
      keys.get('fal', '', ''),
      keys.get('openai', '', ''),
    ]).to.deep.equal(['b', 'b', 'f', '']);
    expect(Object.keys(localStorage).filter((k) => k.startsWith(storageKey))).to.deep.equal([]);
    keys.remember(true);
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL}`)).to.equal('b');
    keys.set('bfl', '', '', 'b2');
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL}`)).to.equal('b2');
    expect(keysOf(storageKey).current).to.equal('b2');
    keys.remember(false);
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL}`)).to.equal(null);
    expect(keys.get('bfl', '', '')).to.equal('b2');
    expect(keys.isRemembered()).to.equal(false);
  });

  it('saves what the box shows: ticked before the key is typed, the key is stored as it is typed', () => {
    const storageKey = uniqueStorageKey();
    const keys = keysOf(storageKey);
    keys.remember(true);
    expect(keys.isRemembered()).to.equal(true);
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL}`)).to.equal(null); // nothing to store yet
    keys.set('bfl', '', '', 'typed-later');
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL}`)).to.equal('typed-later');
  });

  it('a key belongs to its origin: another host of the same provider has none, on this page or after a reload', () => {
    const storageKey = uniqueStorageKey();
    const regional = keysOf(storageKey, 'https://api.eu.bfl.ai');
    regional.current = 'eu-key';
    regional.remember(true);
    expect(keysOf(storageKey, 'https://api.eu.bfl.ai/').current).to.equal('eu-key'); // a reload, same origin
    expect(keysOf(storageKey, 'https://api.us.bfl.ai').current).to.equal('');
    expect(keysOf(storageKey).current).to.equal('');
    expect(regional.routes('bfl')).to.deep.equal(['https://api.eu.bfl.ai']); // said at the other host's field
  });

  // Whether this site's sign-in made the key in force is known beside it (its balance is this
  // ledger's alone, and no key field is drawn for it; elements/image/accounts/panel/signed-keys.ts), kept with a remembered key, and
  // lost when a key is typed or forgotten.
  it('knows which key this site’s sign-in made: kept with a remembered key, not a key typed since or forgotten', () => {
    const storageKey = uniqueStorageKey();
    const keys = keysOf(storageKey);
    const signed = new SignedKeys(keys);
    const afterReload = () => new SignedKeys(keysOf(storageKey)).madeBySignIn();
    keys.set('bfl', '', '', 'from-sign-in');
    signed.hold('bfl', '', '', 'from-sign-in');
    expect([signed.madeBySignIn(), afterReload()], 'not kept: this page only').to.deep.equal([true, false]);
    keys.remember(true);
    signed.keep();
    expect(afterReload(), 'kept on this device, after a reload').to.equal(true);
    expect(JSON.stringify({ ...localStorage }).split('from-sign-in').length, 'the key once on disk').to.equal(2);
    keys.current = 'typed';
    expect([signed.madeBySignIn(), afterReload()], 'a typed key is not the sign-in’s').to.deep.equal([false, false]);
    keys.set('bfl', '', '', 'from-sign-in');
    signed.hold('bfl', '', '', 'from-sign-in');
    keys.forget('bfl', '', '');
    signed.forget('bfl', '', '');
    expect([signed.madeBySignIn(), afterReload()]).to.deep.equal([false, false]);
    expect(Object.keys(localStorage).filter((name) => name.startsWith(storageKey))).to.deep.equal([]);
  });

  it('a key belongs to the relay it was given through: another relay, or none, has none, on this page or after a reload', () => {
    const storageKey = uniqueStorageKey();
    const keysThrough = (relay: string) =>
      new ProviderKeys(standIn, {
        storageKey: () => storageKey,
        provider: () => 'bfl',
        endpoint: () => '',
        relay: () => relay,
      });
    const relayed = keysThrough('https://relay.example/worker');
    relayed.current = 'relayed-key';
    relayed.remember(true);
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL} via https://relay.example`)).to.equal('relayed-key');
    expect(keysThrough('https://relay.example/another-path').current, 'the same relay (its origin)').to.equal(
      'relayed-key',
    );
    expect(keysThrough('https://other-relay.example').current).to.equal('');
    expect(keysThrough('').current, 'straight to BFL').to.equal('');
    expect(relayed.routes('bfl')).to.deep.equal([`${BFL} via https://relay.example`]);
  });

  it('a key remembered before keys had origins: kept for the provider’s public host; a gateway’s is forgotten', () => {
    const storageKey = uniqueStorageKey();
    localStorage.setItem(`${storageKey}:key:bfl`, 'old-bfl');
    localStorage.setItem(`${storageKey}:key:openai`, 'old-gateway');
    const keys = keysOf(storageKey);
    expect(keys.get('bfl', '', '')).to.equal('old-bfl');
    expect(keys.get('bfl', 'https://api.eu.bfl.ai', '')).to.equal('');
    expect(keys.get('openai', 'https://gateway.example', '')).to.equal('');
    // The provider's public host is OpenAI's now: a key remembered for whichever gateway a page named then is not
    // OpenAI's, and never goes there.
    expect(keys.get('openai', '', '')).to.equal('');
    expect(localStorage.getItem(`${storageKey}:key:openai:https://api.openai.com`)).to.equal(null);
    expect(localStorage.getItem(`${storageKey}:key:bfl`)).to.equal(null);
    expect(localStorage.getItem(`${storageKey}:key:bfl:${BFL}`)).to.equal('old-bfl');
    expect(localStorage.getItem(`${storageKey}:key:openai`)).to.equal(null);
  });
});

// A new id: a UUID where the page is a secure context, else 32 random hex digits, never the same twice.
import { expect } from '@open-wc/testing';
import { newId } from '../../src/base/ids.js';

describe('newId', () => {
  it('is a UUID in a secure context, and new each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    expect(ids.size).to.equal(100);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is 32 random hex digits where the page has no randomUUID (a page over plain http)', () => {
    const randomUUID = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, newId));
      expect(ids.size).to.equal(100);
      for (const id of ids) expect(id).to.match(/^[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', randomUUID);
    }
  });
});

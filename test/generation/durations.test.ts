import { expect } from '@open-wc/testing';
import { Durations, kindOf } from '../../src/generation/durations.js';
import { MemoryStorage } from '../support/ledger.js';

describe('Durations (how long each kind of image took here)', () => {
  it('predicts nothing before three samples, then the earliest of the last nine', () => {
    const durations = new Durations('k', new MemoryStorage());
    durations.record('bfl flux-2-pro 1', 3000);
    durations.record('bfl flux-2-pro 1', 2500);
    expect(durations.earliest('bfl flux-2-pro 1')).to.equal(undefined);
    durations.record('bfl flux-2-pro 1', 2800);
    expect(durations.earliest('bfl flux-2-pro 1')).to.equal(2500);
    for (let i = 0; i < 9; i++) durations.record('bfl flux-2-pro 1', 4000 + i);
    expect(durations.earliest('bfl flux-2-pro 1')).to.equal(4000); // the old ones went
    expect(durations.earliest('bfl flux-2-max 1')).to.equal(undefined);
  });

  it('stays bounded: 40 kinds at most, the oldest going first; one store per storage key', () => {
    const storage = new MemoryStorage();
    const durations = new Durations('k', storage);
    for (let kind = 0; kind < 45; kind++) for (let i = 0; i < 3; i++) durations.record(`kind ${kind}`, 1000 + i);
    expect(Object.keys(JSON.parse(storage.getItem('k:durations')!))).to.have.length(40);
    expect(durations.earliest('kind 0')).to.equal(undefined);
    expect(durations.earliest('kind 44')).to.equal(1000);
    expect(storage.getItem('k:durations')!.length).to.be.below(4000);
    expect(new Durations('other', storage).earliest('kind 44')).to.equal(undefined);
  });

  it('keeps no implausible time, and reads damaged or tampered data as no history', () => {
    const storage = new MemoryStorage();
    const durations = new Durations('k', storage);
    for (const ms of [0, -5, Number.NaN, Infinity, 11 * 60_000]) durations.record('x', ms);
    expect(storage.getItem('k:durations')).to.equal(null);
    for (const damaged of ['{', '[1,2,3]', '{"x":[1,"2",3]}', '{"x":[-1,-2,-3]}', 'null']) {
      storage.setItem('k:durations', damaged);
      expect(durations.earliest('x'), damaged).to.equal(undefined);
    }
  });

  it('a storage that refuses to write only means no prediction', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const durations = new Durations('k', full);
    expect(() => durations.record('x', 1000)).not.to.throw();
    expect(durations.earliest('x')).to.equal(undefined);
  });

  it("says a kind's usual wait, the median of the last nine, kept apart from its times from acceptance", () => {
    const durations = new Durations('k', new MemoryStorage());
    const kind = kindOf({ provider: 'puter', model: 'flux-2-pro', width: 1024, height: 1024 });
    expect(kind).to.equal('puter flux-2-pro 1');
    expect(durations.usualWait(kind)).to.equal(undefined);
    durations.recordWait(kind, 7000);
    expect(durations.usualWait(kind), 'one wait').to.equal(7000);
    durations.recordWait(kind, 5000);
    expect(durations.usualWait(kind), 'two: their middle').to.equal(6000);
    durations.recordWait(kind, 30_000);
    expect(durations.usualWait(kind), 'a slow one does not pull it far').to.equal(7000);
    // The polls are placed by the times from acceptance alone: a whole wait is not one of them.
    expect(durations.earliest(kind)).to.equal(undefined);
    for (const ms of [0, Number.NaN, 11 * 60_000]) durations.recordWait(kind, ms);
    expect(durations.usualWait(kind), 'an implausible wait is not kept').to.equal(7000);
  });
});

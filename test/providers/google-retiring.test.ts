// Google's replies say when it retires the model (`modelStatus.retirementTime`): a month ahead, the user is told.
import { expect } from '@open-wc/testing';
import { retiringDay } from '../../src/providers/google/adapter.js';
import { controlledClock } from '../support/clock.js';

describe('a retirement Google announces in its reply', () => {
  controlledClock('2026-10-01T12:00:00Z');

  it('is said from a month before its day', () => {
    const status = { modelStage: 'DEPRECATED', retirementTime: '2026-10-29T00:00:00Z' };
    expect(retiringDay(status)).to.equal('2026-10-29');
    expect(retiringDay({ ...status, retirementTime: '2026-11-15T00:00:00Z' })).to.equal(undefined);
  });

  it('is not said where the reply names no time, or one that is no date', () => {
    expect(retiringDay(undefined)).to.equal(undefined);
    expect(retiringDay({ modelStage: 'STABLE' })).to.equal(undefined);
    expect(retiringDay({ modelStage: 'DEPRECATED', retirementTime: 'soon' })).to.equal(undefined);
  });
});

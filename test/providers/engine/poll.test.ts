import { expect } from '@open-wc/testing';
import { DEFAULT_POLL, MIN_GAP_MS, nextPollDelay, type PollState } from '../../../src/providers/engine/poll.js';
import type { PollPolicy } from '../../../src/providers/provider.js';

const state = (s: Partial<PollState> = {}): PollState => ({ now: 0, polls: 0, failures: 0, ...s });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Plays the schedule against a task that is ready at `readyMs` and reports linear progress from `queueMs`
 * (or none), with `rttMs` per poll. Returns the poll times and how long after ready the Ready poll landed.
 */
function simulate(
  readyMs: number,
  queueMs: number,
  withProgress: boolean,
  policy: PollPolicy = DEFAULT_POLL,
  rttMs = 4,
) {
  const s = state();
  const times: number[] = [];
  for (;;) {
    s.now += nextPollDelay(s, policy);
    times.push(s.now);
    s.lastPollAt = s.now;
    const serverTime = s.now + rttMs / 2;
    s.now += rttMs;
    if (serverTime >= readyMs) return { times, late: serverTime - readyMs };
    s.polls++;
    if (withProgress && serverTime >= queueMs) {
      const sample: [number, number] = [
        s.now,
        Math.round(((serverTime - queueMs) / (readyMs - queueMs)) * 1000) / 1000,
      ];
      s.moving = !!s.last && sample[1] > s.last[1];
      s.first ??= sample;
      s.last = sample;
    }
    if (times.length > 1000) throw new Error('never finished');
  }
}

/** Fixed 2 s polling, the reference the performance targets are reported against. */
const fixedLate = (readyMs: number) => Math.ceil(readyMs / 2000) * 2000 - readyMs;

describe('nextPollDelay (the polling schedule)', () => {
  it('never polls within 500 ms of the last poll sent (≤ 2 polls/s), whatever the state or policy', () => {
    const policies: PollPolicy[] = [
      DEFAULT_POLL,
      { initialMs: 0, maxMs: 0, timeoutMs: 1 },
      { initialMs: 100, maxMs: 300, timeoutMs: 1000 },
    ];
    let rnd = 7;
    const random = () => (rnd = (rnd * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const now = random() * 20_000;
      const t0 = random() * now;
      const first: [number, number] = [t0, random()];
      const last: [number, number] = [t0 + random() * (now - t0), random()];
      const s = state({
        now,
        polls: Math.floor(random() * 30),
        failures: Math.floor(random() * 3),
        first,
        last,
        moving: random() > 0.3,
      });
      const policy = { ...policies[i % policies.length], expectedMs: random() > 0.5 ? random() * 5000 : undefined };
      expect(nextPollDelay(s, policy)).to.be.at.least(MIN_GAP_MS); // before any poll: from now
      // After one, sent `since` ago (its reply took that long): the next is 500 ms after it was sent, or later.
      const since = random() * 700;
      expect(nextPollDelay({ ...s, lastPollAt: now - since }, policy) + since).to.be.at.least(MIN_GAP_MS - 1e-9);
    }
  });

  it('without progress starts at initialMs and backs off gently to maxMs', () => {
    const waits = Array.from({ length: 8 }, (_, polls) => Math.round(nextPollDelay(state({ polls }))));
    expect(waits).to.deep.equal([500, 625, 781, 977, 1221, 1500, 1500, 1500]);
    expect(nextPollDelay(state({ polls: 3 }), { initialMs: 800, maxMs: 1000, timeoutMs: 1 })).to.equal(1000);
  });

  it('polls just after the ready time extrapolated from moving progress', () => {
    // 10 % at 1 s, 50 % at 3 s → 100 % at 5.5 s; now 3 s: wait 2.5 s in steps of ≤ maxMs, aiming 40 ms late.
    const s = state({ now: 3000, polls: 3, first: [1000, 0.1], last: [3000, 0.5], moving: true });
    expect(nextPollDelay(s, { initialMs: 500, maxMs: 5000, timeoutMs: 1 })).to.equal(2540);
    // Capped by maxMs, leaving at least the minimum gap for the last step.
    expect(nextPollDelay(s)).to.equal(1500);
    expect(nextPollDelay({ ...s, now: 4500 })).to.equal(1040);
    expect(nextPollDelay({ ...s, now: 3700 })).to.equal(1340); // 1840 left: 1340 now, 500 after
    // Past the estimate but still moving: poll again as soon as allowed.
    expect(nextPollDelay({ ...s, now: 6000 })).to.equal(500);
  });

  it('ignores stalled progress and falls back to backing off', () => {
    const s = state({ now: 9000, polls: 6, first: [1000, 0.1], last: [8000, 0.99], moving: false });
    expect(nextPollDelay(s)).to.equal(1500);
  });

  it('backs off after failed polls and honours Retry-After', () => {
    expect(nextPollDelay(state({ failures: 1 }))).to.equal(1000);
    expect(nextPollDelay(state({ failures: 2 }))).to.equal(1500);
    expect(nextPollDelay(state({ failures: 1, retryAfterMs: 3000 }))).to.equal(3000);
    expect(nextPollDelay(state({ retryAfterMs: 100 }))).to.equal(500);
  });

  it('sees a ready task within 250 ms (median) where fixed 2 s polling needs ~1 s, at ≤ 2 polls/s', () => {
    const late: number[] = [];
    const lateNoProgress: number[] = [];
    const fixed: number[] = [];
    let polls = 0;
    let tasks = 0;
    for (let readyMs = 1000; readyMs <= 9000; readyMs += 137) {
      for (const queueMs of [0, 400, 900]) {
        const run = simulate(readyMs, Math.min(queueMs, readyMs / 2), true);
        run.times.forEach((t, i) => i && expect(t - run.times[i - 1]).to.be.at.least(MIN_GAP_MS));
        late.push(run.late);
        polls += run.times.length;
        tasks++;
        fixed.push(fixedLate(readyMs));
      }
      lateNoProgress.push(simulate(readyMs, 0, false).late);
    }
    console.log(
      `poll schedule over ${tasks} simulated tasks (1–9 s): median ${median(late).toFixed(0)} ms after ready with progress, ` +
        `${median(lateNoProgress).toFixed(0)} ms without, fixed 2 s polling ${median(fixed).toFixed(0)} ms; ` +
        `${(polls / tasks).toFixed(1)} polls per task`,
    );
    expect(median(late)).to.be.below(100);
    expect([...late].sort((x, y) => x - y)[Math.floor(late.length * 0.9)]).to.be.below(150);
    // At worst one poll lands just before ready and the next may only come 500 ms later.
    expect(Math.max(...late)).to.be.below(800);
    expect(median(lateNoProgress)).to.be.below(median(fixed));
  });

  it('with a history and no progress in the first reply: sparse until the earliest it has been ready, then every 500 ms', () => {
    const policy = { ...DEFAULT_POLL, expectedMs: 2500 };
    const times: number[] = [];
    const s = state();
    for (let i = 0; i < 6; i++) {
      s.now += nextPollDelay(s, policy);
      times.push(s.now);
      s.polls++;
    }
    // 500 (the first poll: does the provider report progress?), 2000 (the longest step), 2500 (the earliest
    // it has been ready so far), then as often as allowed.
    expect(times).to.deep.equal([500, 2000, 2500, 3000, 3500, 4000]);
  });

  it('with a history of similar tasks, sees a task without progress within 300 ms (median), fewer polls than dense polling', () => {
    const lateLearned: number[] = [];
    const lateBlind: number[] = [];
    let pollsLearned = 0;
    let pollsDense = 0;
    // A kind of image that takes 2–3.3 s; the history is the last 9 of them, as generation/durations.ts keeps.
    const readies = Array.from({ length: 60 }, (_, i) => 2000 + ((i * 577) % 1300));
    readies.forEach((readyMs, i) => {
      const history = readies.slice(Math.max(0, i - 9), i);
      const expectedMs = history.length >= 3 ? Math.min(...history) : undefined;
      const learned = simulate(readyMs, 0, false, { ...DEFAULT_POLL, expectedMs });
      if (expectedMs !== undefined) {
        lateLearned.push(learned.late);
        pollsLearned += learned.times.length;
        pollsDense += Math.ceil(readyMs / MIN_GAP_MS);
      }
      learned.times.forEach((t, j) => j && expect(t - learned.times[j - 1]).to.be.at.least(MIN_GAP_MS));
      lateBlind.push(simulate(readyMs, 0, false).late);
    });
    expect(median(lateLearned)).to.be.below(300);
    expect(median(lateLearned)).to.be.below(median(lateBlind));
    expect(pollsLearned).to.be.below(pollsDense);
  });
});

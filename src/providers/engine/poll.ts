import { UserPaysError } from '../../base/errors.js';
import { isHttpError } from './http.js';
import { sleep } from './http.js';
import type { PollPolicy } from '../provider.js';
import { generationText as text } from '../../strings/generation.js';

/** Never more than 2 polls a second (docs/contract.md, performance targets), whatever the policy says. */
export const MIN_GAP_MS = 500;
/** Aim this long after the estimated ready time, so the poll lands just after it. */
const AIM_MS = 40;
/** Failed polls (5xx, network, 429) in a row tolerated before giving up. */
const MAX_FAILURES = 3;

export const DEFAULT_POLL: PollPolicy = { initialMs: MIN_GAP_MS, maxMs: 1500, timeoutMs: 300_000 };

/**
 * The time polling goes by: the page's own (its monotonic clock, real waits). A test sets `now` and `wait` to a clock
 * it controls, so that what it reads of the schedule is the schedule's, however slow the machine running it.
 */
export const pollClock = {
  now: (): number => performance.now(),
  wait: (ms: number, signal: AbortSignal): Promise<void> => sleep(ms, signal),
};

/** What the schedule knows; times are ms since polling started. */
export interface PollState {
  now: number;
  /** Status replies received so far. */
  polls: number;
  /** Failed polls in a row. */
  failures: number;
  /** First and latest `[time, progress 0–1]` the provider reported. */
  first?: [number, number];
  last?: [number, number];
  /** The latest progress was higher than the one before (a stalled task gets no estimate). */
  moving?: boolean;
  /** Wait the provider asked for (Retry-After), ms. */
  retryAfterMs?: number;
  /** When the last status request was sent: the 500 ms between polls count from there, not from its reply. */
  lastPollAt?: number;
}

/**
 * How long to wait before the next poll. With moving progress: extrapolate the ready time from the first and
 * latest samples and poll just after it (a far estimate is approached in steps of at most `maxMs`, leaving a
 * last step of at least the minimum gap). When the first reply has no progress and there is `expectedMs` (the
 * earliest this kind of image has been ready here): sparse until then (steps of at most `maxMs`), then every
 * 500 ms. Without either:
 * start at `initialMs`, ×1.25 per poll up to `maxMs`. After a failed poll: 2×, 4×… `initialMs`, up to `maxMs`.
 * Always ≥ 500 ms after the last poll was sent (so dense polling is every 500 ms, not 500 ms plus the reply's
 * way back) and ≥ Retry-After.
 */
export function nextPollDelay(state: PollState, policy: PollPolicy = DEFAULT_POLL): number {
  const { first, last, now } = state;
  const gap = MIN_GAP_MS - (state.lastPollAt === undefined ? 0 : now - state.lastPollAt);
  let wait = policy.initialMs * (state.failures ? 2 ** state.failures : 1.25 ** state.polls);
  if (!state.failures && state.moving && first && last && last[1] > first[1]) {
    const left = last[0] + ((1 - last[1]) * (last[0] - first[0])) / (last[1] - first[1]) + AIM_MS - now;
    wait = left > policy.maxMs ? Math.min(policy.maxMs, left - MIN_GAP_MS) : left;
  } else if (!state.failures && state.polls && !state.last && policy.expectedMs !== undefined) {
    // The first reply had no progress to go by, but there is a history: land the next poll at the earliest this
    // kind of image has been ready, then poll as often as allowed, so the ready moment is missed by at most the
    // minimum gap. (The first poll comes at `initialMs` as ever: it shows whether the provider reports progress.)
    const until = policy.expectedMs - now;
    wait = until > gap ? until : gap;
  }
  return Math.max(gap, Math.min(wait, policy.maxMs), state.retryAfterMs ?? 0);
}

/**
 * Polls on the schedule above: `request` fetches a status (its retryable errors — 5xx, network, 429 — are
 * retried up to 3 times in a row, honouring Retry-After), `read` turns it into `{ done }` or `{ progress }` (with
 * the `retryAfterMs` the reply asked for, honoured before the next poll) and throws the final errors (moderated,
 * failed …).
 */
export async function pollUntil<T>(
  request: () => Promise<unknown>,
  read: (reply: any) => { done?: T; progress?: number | null; retryAfterMs?: number },
  signal: AbortSignal,
  policy: PollPolicy = DEFAULT_POLL,
): Promise<T> {
  const start = pollClock.now();
  const state: PollState = { now: 0, polls: 0, failures: 0 };
  for (;;) {
    state.now = pollClock.now() - start;
    await pollClock.wait(nextPollDelay(state, policy), signal);
    state.lastPollAt = pollClock.now() - start;
    let reply;
    try {
      reply = await request();
    } catch (thrown) {
      if (signal.aborted || !isHttpError(thrown) || !thrown.retryable || ++state.failures > MAX_FAILURES) throw thrown;
      state.retryAfterMs = thrown.retryAfterMs;
      continue;
    }
    state.failures = 0;
    let answer: ReturnType<typeof read>;
    try {
      answer = read(reply);
    } catch (thrown) {
      // A reply of a shape `read` cannot take (a TypeError on the way) is the provider's, not a lost connection.
      throw thrown instanceof UserPaysError ? thrown : new UserPaysError('provider-error', text.unreadableReply());
    }
    const { done, progress, retryAfterMs } = answer;
    if (done) return done;
    state.retryAfterMs = retryAfterMs; // what a status reply asks for too (BFL's Retry-After on every poll)
    state.polls++;
    if (typeof progress === 'number') {
      const sample: [number, number] = [pollClock.now() - start, progress];
      state.moving = !!state.last && progress > state.last[1];
      state.first ??= sample;
      state.last = sample;
    }
  }
}

// What a call that should fail failed with: a generation's UserPaysError, any rejection, or a widget's error event.
import { expect, oneEvent } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import type { ErrorDetail } from '../../src/base/types.js';

/** The `UserPaysError` a generation rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<UserPaysError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the generation to fail');
    },
    (e) => e,
  );
  expect(error).to.be.instanceOf(UserPaysError);
  return error;
}

/** What `promise` rejects with, whatever it is; undefined where it resolves (a fetch that may be aborted…). */
export function rejection<E = any>(promise: Promise<unknown>): Promise<E | undefined> {
  return promise.then(
    () => undefined,
    (thrown: E) => thrown,
  );
}

/** The detail of the `userpays-error` a widget's `generate()` fires (its rejection is left aside). */
export async function errorEvent(el: HTMLElement & { generate(): Promise<unknown> }): Promise<ErrorDetail> {
  const event = oneEvent(el, 'userpays-error');
  await el.generate().catch(() => {});
  return (await event).detail as ErrorDetail;
}

import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';

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

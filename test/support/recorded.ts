// The exchanges recorded with the real services (test/recorded/, its README and NOTICE say what each is and where it
// came from), as the test server serves the repository's files.
import { expect } from '@open-wc/testing';

/** A recorded file, parsed; the test fails, naming the file, if it cannot be read. */
export async function recorded<T = any>(file: string): Promise<T> {
  const response = await fetch(`/test/recorded/${file}`);
  expect(response.ok, `test/recorded/${file}: ${response.status}`).to.equal(true);
  return response.json() as Promise<T>;
}

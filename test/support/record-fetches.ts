/**
 * Records, in order, every fetch a test makes as `METHOD url` (tests push their own markers, such as
 * 'accepted', to check what happened when). Registers the hooks for the calling suite; the list is
 * emptied before each test and `window.fetch` restored after it.
 */
export function recordFetches(realFetch: typeof fetch = window.fetch): string[] {
  const calls: string[] = [];
  beforeEach(() => {
    calls.length = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : String(input)}`);
      return realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });
  return calls;
}

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

/** One request the page sent: its URL and the values of all its headers. */
export interface SentRequest {
  url: string;
  headers: string[];
}

/**
 * Records every fetch of the page while a test runs, with the values of its headers (hooks registered for the calling
 * suite, the list emptied before each test): `sent`, and `carrying(key)`, those with `key` in a header, and
 * `originsGiven(key)`, the origins they went to (a relay's own, for a relayed request).
 */
export function recordRequests() {
  const sent: SentRequest[] = [];
  const realFetch = window.fetch;
  beforeEach(() => {
    sent.length = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      sent.push({ url, headers: [...new Headers(init?.headers).values()] });
      return realFetch(input, init);
    };
  });
  afterEach(() => (window.fetch = realFetch));
  const carrying = (key: string) => sent.filter((request) => request.headers.some((value) => value.includes(key)));
  const originsGiven = (key: string) => new Set(carrying(key).map((request) => new URL(request.url).origin));
  return { sent, carrying, originsGiven };
}

/**
 * Counts the replies `view` has read in full from addresses ending in `suffix` (a balance read: `/account/key`), from
 * now until `stop()`, which puts the view's own fetch back.
 */
export function countReplies(view: Window, suffix: string) {
  const fetched = view.fetch;
  const counted = { replies: 0, stop: () => void (view.fetch = fetched) };
  view.fetch = async (...args: Parameters<typeof fetch>) => {
    const reply = await fetched.apply(view, args);
    if (String(args[0] instanceof Request ? args[0].url : args[0]).endsWith(suffix)) {
      void reply
        .clone()
        .text()
        .then(() => counted.replies++);
    }
    return reply;
  };
  return counted;
}

/** A fetch the page made: where to, its method and its body as given. */
export interface Fetched {
  url: string;
  method?: string;
  body: unknown;
}

/** Every fetch the page makes while `run` runs (then `fetch` is the page's own again), and what `run` came to. */
export async function fetchesDuring<T>(run: () => Promise<T>): Promise<{ outcome: T; sent: Fetched[] }> {
  const sent: Fetched[] = [];
  const realFetch = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: input instanceof Request ? input.url : String(input), method: init?.method, body: init?.body });
    return realFetch(input, init);
  };
  try {
    return { outcome: await run(), sent };
  } finally {
    window.fetch = realFetch;
  }
}

/** The JSON bodies of the POSTs the page makes while `run` runs, and what `run` came to. */
export async function jsonPostedDuring<T>(
  run: () => Promise<T>,
): Promise<{ outcome: T; bodies: Record<string, any>[] }> {
  const { outcome, sent } = await fetchesDuring(run);
  const bodies = sent.flatMap(({ method, body }) =>
    method === 'POST' && typeof body === 'string' ? [JSON.parse(body)] : [],
  );
  return { outcome, bodies };
}

// What a page says to the console while a test runs: a key must never be in it.

/** Everything said to the console (log, info, warn, error, debug) while `work` runs, each call as one line. */
export async function consoleDuring(work: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const original = methods.map((method) => console[method]);
  methods.forEach((method, i) => {
    console[method] = (...args: unknown[]) => {
      seen.push(args.map(String).join(' '));
      original[i].apply(console, args);
    };
  });
  try {
    await work();
  } finally {
    methods.forEach((method, i) => (console[method] = original[i]));
  }
  return seen;
}

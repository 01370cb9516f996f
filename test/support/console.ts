// What a page says to the console while a test runs: a key must never be in it.
import { waitUntil } from './wait.js';

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

/**
 * What `act` tells the page's developer in the console (`console.error`): said once the words for it have loaded
 * (a price book's problems: src/pricing/price-book-problems.ts), so it waits for them.
 */
export async function toldDeveloper(act: () => void): Promise<string> {
  const told: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void told.push(args.map(String).join(' '));
  try {
    act();
    await waitUntil(() => told.length > 0, 'told in the console');
  } finally {
    console.error = original;
  }
  return told.join('\n');
}

// A same-origin tab loading `?code=` while a sign-in waits: someone else's OpenRouter sign-in gives a code that any
// page can trade (asked for without a challenge, as OpenRouter allows: the simulator's `challenge=optional`, see
// demo/sim/openrouter.mjs), and a link to the site carries it into a tab, a window or a frame of the site's origin.
// What the site must never do is trade it for the user: the key would be someone else's, their prompts and images
// theirs, without the cap the user chose.
import { loadedFrame } from './frames.js';
import { pageFetch, simEndpoint } from './sim.js';
import { until } from './wait.js';

/** The simulator's OpenRouter that takes a sign-in without a challenge, as OpenRouter does. */
const WITHOUT_CHALLENGE = () => simEndpoint('openrouter', 'challenge=optional');

/**
 * Someone else's OpenRouter code: their sign-in, approved without a challenge, its code taken from the address it sends
 * them back to (untraded). Any verifier trades it (OpenRouter's exchange reads the verifier only where the sign-in had
 * a challenge).
 */
export async function foreignCode(): Promise<string> {
  const reply = await pageFetch(`${WITHOUT_CHALLENGE()}/auth/approve`, {
    method: 'POST',
    body: new URLSearchParams({ callback_url: `${location.origin}/sim/openrouter/_log` }),
  });
  const code = new URL(reply.url).searchParams.get('code');
  if (!code) throw new Error('the simulator gave no code');
  return code;
}

/**
 * Trades `code` as whoever holds it would: the key, where the code was still unused; null where it had been traded
 * (or was never one).
 */
export async function tradeCode(code: string): Promise<string | null> {
  const reply = await pageFetch(`${WITHOUT_CHALLENGE()}/api/v1/auth/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return reply.ok ? ((await reply.json()).key as string) : null;
}

/** Whether `view` has fetched the sign-in's code (the built `oauth` chunk), which finishes an answer in the address. */
export const signInCodeLoaded = (view: Window) =>
  view.performance.getEntriesByType('resource').some((entry) => /\/chunks\/oauth-[^/]*\.js$/.test(entry.name));

/**
 * A page of the site (the built entry alone, test/fixtures/built.html) loaded with `query` (`?code=…`, `state=…`) in
 * a frame of this page's origin, as a link opened in another tab of the site is: resolved once it has loaded the
 * sign-in's code, which finishes such an answer as it loads. Remove it when done.
 */
export async function siteFrameWith(query: string): Promise<HTMLIFrameElement> {
  const frame = await loadedFrame(`/test/fixtures/built.html?${query}`);
  await until(() => signInCodeLoaded(frame.contentWindow!), 8000, 'the sign-in code in the frame');
  return frame;
}

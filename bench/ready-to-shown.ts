// Bundled by bench/run.mjs with esbuild: provider ready → image shown, through the real pipeline (provider →
// image store → ledger → object URL → decoded <img>) with the polling policy under test passed in, and through
// the widget itself. The bundle also gives the page the ledger's load measurement (bench/ledger-load.ts).
import { runGeneration } from '../src/generation/run-generation.js';
import { ImageStore } from '../src/images/image-store.js';
import { LedgerStore } from '../src/ledger/ledger.js';
import { quoteFor } from '../src/providers/registry/prices.js';
import { BflProvider } from '../src/providers/bfl/adapter.js';
import { measureLedgerLoad } from './ledger-load.js';
import type { PollPolicy } from '../src/providers/provider.js';

interface Sample {
  /** ms from the provider's ready time (the simulator's, `_ready`) to the decoded image. */
  addedMs: number;
  /** Of which: ready → the reply that said so (how late the poll landed); the rest is download, store, decode. */
  pollLateMs: number;
  polls: number;
  /** Shortest gap between two polls of this task, ms. */
  minGapMs: number;
}

// Watch the status requests (when each was sent: how often the provider was asked) and their replies (when the
// provider was ready, and when the page heard it).
/** The origin of each task's simulator, for `_ready`. */
const readyAt = new Map<string, string>();
const heardAt = new Map<string, number>();
const pollTimes = new Map<string, number[]>();
const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const id = /get_result\?id=([^&]+)/.exec(url)?.[1];
  if (id) pollTimes.set(id, [...(pollTimes.get(id) ?? []), performance.now()]);
  const response = await realFetch(input, init);
  if (id) {
    const body = await response.clone().json();
    if (body.status === 'Ready') {
      heardAt.set(id, performance.now());
      // BFL's Ready reply does not say when the task became ready: the simulator does, on a route of its own,
      // asked for once the image is shown (not here, where it would hold the reply up).
      readyAt.set(id, new URL(url).origin);
    }
  }
  return response;
};

/**
 * The generation just run, its image shown at `shown` (ms since the epoch): runs are sequential, so the watched
 * replies all belong to it.
 */
async function sampleOf(shown: number): Promise<Sample> {
  const [[id, origin]] = readyAt;
  const { readyAt: ready } = await (await realFetch(`${origin}/sim/bfl/_ready?id=${id}`)).json();
  const times = pollTimes.get(id)!;
  let minGapMs = Infinity;
  for (let i = 1; i < times.length; i++) minGapMs = Math.min(minGapMs, times[i] - times[i - 1]);
  const pollLateMs = performance.timeOrigin + heardAt.get(id)! - ready;
  return { addedMs: shown - ready, pollLateMs, polls: times.length, minGapMs };
}

/**
 * `runs` generations one after another, each given its endpoint (a different pending time) by `generate`, which
 * resolves when its image is shown (ms since the epoch).
 */
async function measure(base: string, scenario: string, runs: number, generate: (endpoint: string) => Promise<number>) {
  const samples: Sample[] = [];
  // One user generating one kind of image again and again: from the fourth, the widget predicts from the
  // ones before (ledger/durations.ts). The first three (no history) are left out of the figures.
  // The same durations for every policy, spread evenly over 1.5–2.5 s by the golden-ratio sequence: as even as
  // uniform random draws in the long run, without their clumps, so a few dozen runs give a steady median. (An
  // arithmetic sequence would fall into a few clusters modulo the 500 ms between polls, and favour or punish one
  // phase of them; the golden ratio's multiples fall evenly modulo any gap.)
  for (let i = 0; i < runs + 3; i++) {
    // 1.5–2.5 s: one kind of image takes about as long each time (BFL's FLUX.2 [klein] takes 1–3 s).
    const pending = Math.round(1500 + ((i * 0.6180339887498949) % 1) * 1000);
    // deliveryCors: the image saved in the browser (as through a relay), the path whose time is the target.
    const endpoint = `${base}/s/pending=${pending};queue=0;deliveryCors=1${scenario ? `;${scenario}` : ''}`;
    readyAt.clear();
    heardAt.clear();
    pollTimes.clear();
    const sample = await sampleOf(await generate(endpoint));
    if (i >= 3) samples.push(sample);
  }
  const added = samples.map((s) => s.addedMs).sort((a, b) => a - b);
  return {
    runs,
    medianAddedMs: Math.round(added[runs >> 1]),
    medianPollLateMs: Math.round(samples.map((s) => s.pollLateMs).sort((a, b) => a - b)[runs >> 1]),
    /** Of each: the Ready reply heard → the image shown (download, store, booking, decode; the widget's render). */
    medianAfterPollMs: Math.round(samples.map((s) => s.addedMs - s.pollLateMs).sort((a, b) => a - b)[runs >> 1]),
    p90AddedMs: Math.round(added[Math.floor(runs * 0.9)]),
    pollsPerTask: samples.reduce((sum, s) => sum + s.polls, 0) / runs,
    maxPollsPerSecond: Math.round((1000 / Math.min(...samples.map((s) => s.minGapMs))) * 100) / 100,
  };
}

const request = {
  provider: 'bfl' as const,
  model: 'flux-2-klein-4b',
  prompt: 'bench',
  width: 512,
  height: 512,
  count: 1,
  inputs: [],
};

/**
 * The pipeline alone, with the polling policy under test: provider → image store → ledger → object URL →
 * decoded `<img>`.
 */
function pipeline(base: string, scenario: string, poll: PollPolicy | undefined, runs: number) {
  const storageKey = `bench-${Date.now()}-${Math.random()}`;
  return measure(base, scenario, runs, async (endpoint) => {
    const outcome = await runGeneration({
      provider: new BflProvider(),
      endpoint,
      apiKey: 'sim-bench-key',
      request,
      inputs: [],
      quote: quoteFor(request),
      ledger: new LedgerStore({ storageKey }),
      images: new ImageStore({ storageKey }),
      signal: new AbortController().signal,
      poll,
    });
    const img = new Image();
    img.src = URL.createObjectURL(outcome.stored[0].blob!);
    document.body.append(img);
    await img.decode();
    const shown = performance.timeOrigin + performance.now();
    // Gone once measured: left on the page, the 81 images (1 MB each decoded) put the widget measured next some
    // 21,000 px down (two to a row of the 1280 px viewport), out of view, where no user waits for an image.
    img.remove();
    URL.revokeObjectURL(img.src);
    return shown;
  });
}

/**
 * The same through the widget itself (dist/userpays.js, loaded by the page), with its own polling: one
 * `<userpays-image>` generating again and again, each image shown when its `<img>` in the gallery has decoded.
 * This is what a user waits for: the pipeline, then the gallery read back from IndexedDB, the widget's render and
 * the gallery's own `<img>`.
 */
async function widget(base: string, scenario: string, runs: number) {
  const el = document.createElement('userpays-image') as HTMLElement & {
    apiKey: string;
    endpoint: string;
    generate(): Promise<unknown>;
  };
  const { provider, model, prompt, width, height } = request;
  const attributes = {
    provider,
    model,
    prompt,
    width,
    height,
    locale: 'en-US',
    'storage-key': `bench-${Math.random()}`,
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  document.body.append(el);
  el.apiKey = 'sim-bench-key';
  const root = el.shadowRoot!;
  const images = () => [...root.querySelectorAll<HTMLImageElement>('img[part~=image]')];
  try {
    return await measure(base, scenario, runs, async (endpoint) => {
      el.endpoint = endpoint;
      const before = new Set(images().map((img) => img.src));
      // Watched from before the submission, so that no render is missed.
      const shown = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          const img = images().find((x) => !before.has(x.src));
          if (!img) return;
          observer.disconnect();
          void img.decode().then(() => resolve(performance.timeOrigin + performance.now()));
        });
        observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
      });
      await el.generate();
      return shown;
    });
  } finally {
    el.remove();
  }
}

(window as any).readyToShown = pipeline;
(window as any).widgetReadyToShown = widget;
(window as any).measureLedgerLoad = measureLedgerLoad;

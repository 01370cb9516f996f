// The protocol simulators the demo server and the test runner mount under `/sim/`.
// Each is a sibling module exporting `create…Simulator(options)` → `{ handle(req, res): Promise<boolean> }`;
// adding one (puter, fal, openai, huggingface, pollinations, google) is one module and one line below.
import { createBflSimulator } from './bfl.mjs';
import { createFalSimulator } from './fal.mjs';
import { createGoogleSimulator } from './google.mjs';
import { createHuggingFaceSimulator } from './huggingface.mjs';
import { createOpenAiSimulator } from './openai.mjs';
import { createOpenRouterSimulator } from './openrouter.mjs';
import { createPollinationsSimulator } from './pollinations.mjs';
import { createPuterSimulator } from './puter.mjs';
import { createReportReplay } from './report-replay.mjs';

/**
 * @param {{ pendingMs?: number | ((model: string) => number), queueMs?: number | ((model: string) => number),
 *   deliveryTtlMs?: number }} [options] pendingMs: how long a task stays Pending (a number, or per model);
 *   queueMs: the first part of it spent queued (no progress); deliveryTtlMs: lifetime of signed image URLs.
 */
export function createSimulator(options = {}) {
  const simulators = [
    createBflSimulator(options),
    createFalSimulator(options),
    createGoogleSimulator(options),
    createHuggingFaceSimulator(options),
    createOpenAiSimulator(options),
    createOpenRouterSimulator(options),
    createPollinationsSimulator(options),
    createPuterSimulator(options),
    // Not a provider: the replay of a report of "Check this account" (docs/check.md).
    createReportReplay(),
  ];
  return {
    /** True when the request was under `/sim/` and has been answered (or deliberately dropped). */
    async handle(req, res) {
      for (const simulator of simulators) if (await simulator.handle(req, res)) return true;
      return false;
    },
  };
}

// OpenRouter's records of generations, planted in its simulator (demo/sim/openrouter-records.mjs) for a test to read.
import { expect } from '@open-wc/testing';
import { pageFetch, simEndpoint, unique } from './sim.js';

/** A record planted for `key` (`total_cost` in USD), and its generation id. */
export async function plantedRecord(key: string, totalCost: number) {
  const id = unique('gen');
  const reply = await pageFetch(`${simEndpoint('openrouter')}/_records?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    body: JSON.stringify({ id, total_cost: totalCost }),
  });
  expect(reply.status).to.equal(200);
  return id;
}

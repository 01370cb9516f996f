// One submission through the real pipeline (src/generation/run-generation.ts), as the widget and the headless API
// run it: priced, booked in a ledger, its images saved.
import type { GenerationJob } from '../../src/generation/run-generation.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { ImageStore } from '../../src/images/image-store.js';
import { type PriceBook } from '../../src/pricing/index.js';
import type { PublicRequest } from '../../src/base/types.js';
import { MemoryStorage } from './ledger.js';
import { uniqueStorageKey } from './sim.js';
import { quoteFor } from '../../src/providers/registry/prices.js';

export interface JobOptions extends Omit<
  GenerationJob,
  'request' | 'inputs' | 'quote' | 'ledger' | 'images' | 'signal'
> {
  /** Over the default request: "a lighthouse", FLUX.2 [klein] 4B at BFL, 1024×1024, one image. */
  request?: Partial<PublicRequest>;
  /** Where its images are saved (and its ledger kept, where it is in localStorage): one of its own unless given. */
  storageKey?: string;
  /** Its ledger: in a storage of its own, in memory, unless given. */
  ledger?: LedgerStore;
  /** What prices it: the built-in prices unless given. */
  priceBook?: PriceBook;
  signal?: AbortSignal;
}

/** The job `runGeneration` takes for one submission at `endpoint` with `provider` (an adapter), priced as the widget prices it. */
export function generationJob({
  request,
  storageKey = uniqueStorageKey(),
  ledger = new LedgerStore({ storageKey, storage: new MemoryStorage() }),
  priceBook,
  signal = new AbortController().signal,
  ...job
}: JobOptions): GenerationJob {
  const full: PublicRequest = {
    provider: 'bfl',
    model: 'flux-2-klein-4b',
    prompt: 'a lighthouse',
    width: 1024,
    height: 1024,
    count: 1,
    inputs: [],
    ...request,
  };
  return {
    ...job,
    request: full,
    inputs: [],
    quote: quoteFor(full, priceBook),
    ledger,
    images: new ImageStore({ storageKey }),
    signal,
  };
}

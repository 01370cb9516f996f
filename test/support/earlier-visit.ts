// A paid BFL task an earlier visit left: its page submitted it and closed before it was ready (no page holds its
// lock), as a ledger of `storageKey` records it.
import Decimal from 'decimal.js';
import { waitUntil } from './wait.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { bflWidget } from './bfl-widget.js';
import { MemoryStorage, image } from './ledger.js';
import { bflEndpoint, releaseHold, submitToBfl, unique, uniqueStorageKey } from './sim.js';
import { part } from './widget.js';

/**
 * Submits `prompt` to the BFL simulator with `key` (tagged `run`), and books it as pending in `storageKey`'s ledger.
 * With `hold`, the task stays Pending until the test releases it (`releaseHold('bfl', hold)`).
 */
export async function leftAtBfl(
  storageKey: string,
  { run, key, prompt, hold }: { run: string; key: string; prompt: string; hold?: string },
) {
  const body = { prompt, width: 1024, height: 1024, output_format: 'png' };
  const scenario = `pending=3000;${hold ? `hold=${hold};` : ''}run=${run}`;
  const { body: task } = await submitToBfl(bflEndpoint(scenario), key, 'flux-2-klein-4b', body);
  // Written by a ledger of its own (another page's), then handed to this page's storage.
  const storage = new MemoryStorage();
  const other = uniqueStorageKey();
  const earlier = new LedgerStore({ storageKey: other, storage });
  const { id } = earlier.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014', prompt });
  const credits = String(task.cost);
  earlier.attachTask(
    id,
    { provider: 'bfl', id: task.id, pollingUrl: task.polling_url },
    { usd: new Decimal(credits).times('0.01').toFixed(), credits },
  );
  localStorage.setItem(`${storageKey}:ledger`, storage.getItem(`${other}:ledger`)!);
}

/**
 * A BFL widget on `storageKey` whose ledger holds a paid task an earlier visit left at the simulator (prompt "an
 * earlier harbour"), shown as under way: it is finishing that image, which stays under way (however slow the machine
 * running the test) until `release()` lets the simulator make it ready.
 */
export async function widgetResuming(storageKey: string, { run, key }: { run: string; key: string }) {
  const hold = unique('hold');
  await leftAtBfl(storageKey, { run, key, prompt: 'an earlier harbour', hold });
  const el = await bflWidget({
    scenario: 'pending=60',
    run,
    prompt: 'a lighthouse in a storm',
    apiKey: key,
    storageKey,
  });
  await waitUntil(() => part(el, 'progress'), 'shown as under way', { timeout: 10_000 });
  return { el, release: () => releaseHold('bfl', hold) };
}

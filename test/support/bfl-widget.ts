import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { bflEndpoint, uniqueStorageKey } from './sim.js';

export interface BflWidgetOptions {
  /** The simulator's scenario (`pending=60`, `fault=402`…); its delivery host answers CORS. */
  scenario: string;
  /** Tags the submissions in the simulator's log, so a test finds its own. */
  run: string;
  prompt: string;
  apiKey: string;
  storageKey?: string;
}

/** A `<userpays-image>` for FLUX.2 [klein] 4B at the BFL simulator, its key entered and its first update done. */
export async function bflWidget({ scenario, run, prompt, apiKey, storageKey = uniqueStorageKey() }: BflWidgetOptions) {
  const el = await fixture<UserPaysImage>(
    html`<userpays-image
      provider="bfl"
      model="flux-2-klein-4b"
      locale="en-US"
      storage-key=${storageKey}
      endpoint=${bflEndpoint(`${scenario};deliveryCors=1;run=${run}`)}
      prompt=${prompt}
    ></userpays-image>`,
  );
  el.apiKey = apiKey;
  await el.updateComplete;
  return el;
}

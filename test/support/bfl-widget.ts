import '../../src/define.js';
import { simEndpoint, uniqueStorageKey } from './sim.js';
import { imageWidget, type Attributes } from './widget.js';

export interface BflWidgetOptions {
  /** The simulator's scenario (`pending=60`, `fault=402`…); its delivery host answers CORS. */
  scenario?: string;
  /** Tags the submissions in the simulator's log, so a test finds its own: the storage key unless given. */
  run?: string;
  prompt?: string;
  apiKey?: string;
  storageKey?: string;
  /** More attributes of the element (`relay`, `budget`…). */
  attributes?: Attributes;
  /**
   * The simulator on the other loopback name, as api.bfl.ai is for a page: the submit follows its CORS preflight on a
   * connection it reuses, so a reset before any reply is one the browser sends again by itself, every time.
   */
  crossOrigin?: boolean;
}

/** A `<userpays-image>` for FLUX.2 [klein] 4B at the BFL simulator, its key entered and its first update done. */
export async function bflWidget({
  scenario = '',
  storageKey = uniqueStorageKey(),
  run = storageKey,
  prompt = 'a fox',
  apiKey,
  attributes = {},
  crossOrigin = false,
}: BflWidgetOptions = {}) {
  return imageWidget(
    {
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      locale: 'en-US',
      'storage-key': storageKey,
      endpoint: simEndpoint('bfl', `${scenario};deliveryCors=1;run=${run}`, { crossOrigin }),
      prompt,
      ...attributes,
    },
    apiKey === undefined ? {} : { apiKey },
  );
}

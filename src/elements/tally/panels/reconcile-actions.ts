/**
 * `<userpays-tally>`'s "Reconcile with my account" and the settling of its uncertain charges from the providers'
 * records of their generations (generation/reconcile.ts, loaded through the engine when first needed; docs/ledger.md,
 * "Reconcile"). The keys are the user's own, remembered on this device by the image widget (`keySlot`: only where
 * they ticked "Remember my key on this device"); the tally keeps none of its own, and sends each only to the origin
 * (and relay) it was given for.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProviderId } from '../../../base/checks.js';
import { clock } from '../../../base/clock.js';
import { dayOf } from '../../../base/days.js';
import type { ProviderId } from '../../../base/types.js';
import { loadEngine } from '../../../lazy/index.js';
import type { LedgerStore } from '../../../ledger/ledger.js';
import type { RecordAccess, SiteUsage } from '../../../providers/provider.js';
import { providerInfo, relayFor } from '../../../providers/registry/catalog.js';
import { checkEndpoint, checkRelay } from '../../../providers/urls.js';
import { reword, wordsIn } from '../../../strings/strings.js';
import { tallyLine } from '../../../strings/tally/tally-line.js';
import type { Sentence } from '../../../strings/sentence.js';
import { keySlot, readKey } from '../../image/shared/key-slots.js';
import type { Spoken } from '../../shared/language-controller.js';
import { spokenTime } from '../uncertain-charges.js';
import type { ReconcileView } from './reconcile.js';

/** What reconciling reads when it acts (never a stale copy). */
export interface ReconcileTarget {
  host: ReactiveControllerHost;
  ledger(): LedgerStore | undefined;
  storageKey(): string;
  /** The endpoint the page names for each provider ('' or absent: its public one), as its `<userpays-image>` does. */
  endpoints(): Readonly<Record<string, string>>;
  /** The site's relay ('' for none), as its `<userpays-image>` has it. */
  relay(): string;
  language: Spoken;
}

/**
 * After a record was not there yet (its lag is not documented: UNVERIFIED) or could not be read, how long to wait
 * before asking again, each time; after the last, only the user's "Reconcile" asks. A refused key is not asked again.
 */
const ASK_AGAIN_MS = [15_000, 60_000, 300_000];

/** The key remembered for `id` at `endpoint` ('' for its public one), and where it may go; undefined without one. */
export function accessOf(
  storageKey: string,
  id: ProviderId,
  endpoint: string,
  relay: string,
): RecordAccess | undefined {
  try {
    const apiKey = readKey(keySlot(storageKey, id, endpoint, relay));
    const through = relayFor(id, endpoint, relay);
    const at = endpoint || providerInfo(id)?.defaultEndpoint() || '';
    return apiKey ? { endpoint: checkEndpoint(at), apiKey, ...(through && { relay: checkRelay(through) }) } : undefined;
  } catch {
    return undefined; // an endpoint or relay the page may not use: no key goes there
  }
}

/**
 * Reconciles on the user's click, and settles each uncertain charge that names its generation from the provider's
 * record as soon as the tally shows it and a key for it is remembered, asking again a few times, further apart, while
 * the record is not there yet.
 */
export class AccountReconcile implements ReactiveController {
  view?: ReconcileView;
  /** Each uncertain entry asked about on this page: how many times, and the next time's timer. */
  readonly #asked = new Map<string, { times: number; timer?: ReturnType<typeof setTimeout> }>();
  readonly #target: ReconcileTarget;

  constructor(target: ReconcileTarget) {
    this.#target = target;
    target.host.addController(this);
  }

  #access = (id: ProviderId, endpoint?: string) => {
    const { storageKey, endpoints, relay } = this.#target;
    return accessOf(storageKey(), id, endpoint ?? endpoints()[id] ?? '', relay());
  };

  /**
   * What the account signed in to `id` on this page (the image widget's sign-in: Puter's SDK) says this site spent
   * this month, at the endpoint the page names for it, through its adapter; the tally signs no one in.
   */
  #siteUsage = async (id: ProviderId): Promise<SiteUsage> => {
    const provider = await (await loadEngine()).providerFor(id);
    const named = this.#target.endpoints()[id] ?? '';
    const endpoint = checkEndpoint(named || providerInfo(id)?.defaultEndpoint() || '');
    return (await provider.siteUsage?.(endpoint)) ?? { unread: 'unreadable' };
  };

  #words = (sentence: Sentence) => reword(sentence, this.#target.language.translation);

  hostUpdated() {
    const ledger = this.#target.ledger();
    for (const entry of ledger?.uncertain() ?? []) {
      const { provider, task } = entry;
      if (this.#asked.has(entry.id) || !task?.id || !isProviderId(provider)) continue;
      if (!this.#access(provider, task.endpoint)) continue;
      this.#asked.set(entry.id, { times: 0 });
      void this.#ask(entry.id);
    }
  }

  hostDisconnected() {
    for (const asked of this.#asked.values()) clearTimeout(asked.timer);
    this.#asked.clear(); // asked again once shown again
  }

  /** Asks the record of the uncertain entry `id` once, and again later where it was not there yet or not read. */
  async #ask(id: string) {
    const ledger = this.#target.ledger();
    const asked = this.#asked.get(id);
    const entry = ledger?.uncertain().find((each) => each.id === id);
    if (!ledger || !asked || !entry) return;
    const engine = await loadEngine();
    const { settleFromRecords } = await engine.loadReconcile();
    const source = { providerFor: engine.providerFor, accessFor: this.#access };
    const [settled] = await settleFromRecords(ledger, [entry], source, this.#target.language.locale);
    if (settled && settled.outcome !== 'uncertain') return this.#show({ settled: [this.#words(settled.said)] });
    const refused = settled?.said.said?.[1] === 'recordKeyRefused';
    const wait = ASK_AGAIN_MS[asked.times++];
    if (wait !== undefined && !refused && this.#asked.get(id) === asked)
      asked.timer = setTimeout(() => void this.#ask(id), wait);
  }

  #show(view: ReconcileView) {
    this.view = view;
    this.#target.host.requestUpdate();
  }

  /** "Reconcile with my account": what each record settled, then each provider's figure beside the ledger's. */
  async reconcile() {
    const ledger = this.#target.ledger();
    if (!ledger || this.view?.asking) return;
    const { locale, translation } = this.#target.language;
    this.#show({ asking: true, settled: [] });
    try {
      const engine = await loadEngine();
      const { reconcileWithAccounts } = await engine.loadReconcile();
      const now = clock.now();
      const since = Date.parse(ledger.tally().since);
      const lineText = wordsIn(translation, 'tallyLine', tallyLine);
      const done = await reconcileWithAccounts(
        ledger,
        { providerFor: engine.providerFor, accessFor: this.#access, siteUsage: this.#siteUsage },
        { now, since, sinceSaid: spokenTime(since, dayOf(now), locale, true, lineText), locale },
      );
      this.#show({
        settled: done.settled.map(({ said }) => this.#words(said)),
        providers: done.providers.map(({ provider, said }) => ({ provider, said: said.map(this.#words) })),
      });
    } catch {
      // The code could not load (offline): nothing was asked, and the tally says so as it would a provider's silence.
      this.#show({ settled: [], failed: true });
    }
  }
}

/** The tally's handlers for reconciling: the controller (whose `view` is what it last said), and the click. */
export function reconcileHandlers(target: ReconcileTarget) {
  const reconciling = new AccountReconcile(target);
  return { reconciling, reconcileClick: () => void reconciling.reconcile() };
}

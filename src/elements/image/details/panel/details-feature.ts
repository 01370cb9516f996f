import { nothing, type ReactiveController } from 'lit';
import { clock } from '../../../../base/clock.js';
import { dayOf } from '../../../../base/days.js';
import type { ProviderId } from '../../../../base/types.js';
import { payeeAt } from '../../../../providers/registry/catalog.js';
import { bestForAt } from '../../shared/best-for.js';
import type { ImageParts } from '../../shared/image-parts.js';
import { PanelPart } from '../../shared/panel-part.js';
import { perTally } from '../../shared/per-tally.js';
import type { Features } from '../../shared/features.js';
import type { Drawing, PanelSlots } from '../../shared/slots.js';
import type { PriceDetailsPart } from './index.js';

/**
 * The price details (the breakdown, the source, the projection, the comparison): a part loaded when the user opens
 * them, prefetched when the pointer or the focus comes to their summary.
 */
export class DetailsFeature implements ReactiveController {
  readonly part: PanelPart<PriceDetailsPart>;
  /** The price details are open (their disclosure's `toggle`, heard on its way down: a toggle does not bubble). */
  open = false;
  /** The ledger's spending per local day, read again when the tally changes. */
  readonly spentByDay = perTally((ledger) => ledger.spentByDay());
  readonly #parts: ImageParts;
  readonly #accounts: Features['accounts'];

  constructor(parts: ImageParts, { accounts }: Pick<Features, 'accounts'>) {
    const { host } = parts;
    this.#parts = parts;
    this.#accounts = accounts;
    this.part = new PanelPart(host, {
      wanted: () => this.open,
      worthPrefetching: () => true,
      load: () => import('./index.js').then(({ priceDetailsPart }) => priceDetailsPart(host)),
    });
    const root = host.renderRoot;
    root.addEventListener(
      'toggle',
      (event) => {
        const details = event.target as HTMLDetailsElement;
        if (details.matches('[part~=compare]')) this.#bringingCompare = details.open;
        else if (details.matches('.details')) this.open = details.open;
        else return;
        host.requestUpdate();
      },
      true,
    );
    // Open over the controls, they close as a popover does: Escape (the focus back on their summary), or a press
    // anywhere else in the widget.
    root.addEventListener('keydown', (event) => {
      const details = (event.target as Element).closest?.('.details');
      if ((event as KeyboardEvent).key !== 'Escape' || !(details instanceof HTMLDetailsElement) || !details.open)
        return;
      event.preventDefault();
      details.open = false;
      details.querySelector('summary')?.focus();
    });
    root.addEventListener(
      'pointerdown',
      (event) => {
        const details = root.querySelector<HTMLDetailsElement>('.details[open]');
        if (details && !event.composedPath().includes(details)) details.open = false;
      },
      true,
    );
    // The user scrolling the details, pressing in them, moving the focus or a key takes over from bringing the
    // comparison up (the press or the key that opens it comes before its toggle).
    for (const type of ['wheel', 'touchstart', 'pointerdown', 'focusin', 'keydown'] as const)
      root.addEventListener(type, () => (this.#bringingCompare = false), { passive: true });
    // Open, placed after each update (hostUpdated): what loads around them moves their summary, and their body with it.
    host.addController(this);
  }

  /**
   * The comparison was opened, and is kept at the details' top as its offers come in and what is above it changes
   * (`showFirst`), until the user takes over.
   */
  #bringingCompare = false;

  hostUpdated() {
    const details = this.#parts.host.renderRoot.querySelector<HTMLDetailsElement>('.details[open]');
    if (!details) return void (this.#bringingCompare = false);
    fitAbove(details);
    const compare = details.querySelector<HTMLElement>('[part~=compare][open]');
    if (this.#bringingCompare && compare) showFirst(compare);
  }

  /**
   * Whether choosing an offer of a provider switches to an account the widget does not have yet: another provider than
   * the one in force, with no key for it where the switch would look (that provider, the page's endpoint and relay),
   * or, for Puter, no one signed in here. Each provider asked once a render, for all its offers.
   */
  #needsAccount(): (provider: ProviderId) => boolean {
    const { host } = this.#parts;
    const known = new Map<ProviderId, boolean>();
    return (provider) => {
      if (provider === host.provider) return false;
      if (!known.has(provider)) known.set(provider, !this.#accounts.hasAccountFor(provider));
      return known.get(provider)!;
    };
  }

  /** The details' part, ahead of their opening, when the pointer or the focus comes to their summary. */
  prefetch(target: Element) {
    if (target.closest('.details')) this.part.prefetch();
  }

  /**
   * The price details, drawn once their part is here. Each offer with what its model is for and whom it pays (another
   * provider at its own endpoint); the projection where the ledger is read.
   */
  slots({ view, on }: Drawing<{ offerChoose(event: Event): void }>): Pick<PanelSlots, 'details'> {
    const { host, pricing, ledger: ledgerPart, language } = this.#parts;
    const { quote } = pricing;
    const details = this.part.loaded;
    if (!quote || !details) return { details: nothing };
    const { ledger, tally } = ledgerPart;
    const { locale, translation } = language;
    const needsAccount = this.#needsAccount();
    const rendered = details.render(
      {
        // A request the model cannot make has no payable price: the details compare what can make it.
        quote: pricing.problem ? undefined : quote,
        locale,
        translation,
        offers: view.offers.map((offer) => ({
          ...offer,
          bestFor: bestForAt(this.#parts, offer.provider, offer.model),
          payee: payeeAt(offer.provider, offer.provider === host.provider ? host.endpoint : ''),
          needsAccount: needsAccount(offer.provider),
        })),
        provider: host.provider,
        model: host.model,
        editing: !!this.#parts.request().edit,
        projection: ledger &&
          tally && {
            total: quote.total,
            most: quote.atMost,
            count: quote.count,
            remaining: tally.remaining,
            byDay: this.spentByDay(ledger, tally),
            today: dayOf(clock.now()),
            locale,
            translation,
          },
      },
      on.offerChoose,
    );
    return { details: rendered };
  }
}

/**
 * Where the open details stand (details.ts): their summary sticks on the pinned row (its height), and their body takes
 * the room above the summary up to the top of the controls or of the viewport, whichever is lower, so that they open
 * whole in view; where the summary is near the viewport's top, up to the top of the controls (the page scrolls to the
 * rest), never past the widget's own edge, where it would be cut.
 */
function fitAbove(details: HTMLDetailsElement) {
  const summary = details.querySelector('summary');
  const controls = details.closest('.controls');
  const row = controls?.querySelector(':scope > [part~=decision]');
  if (!summary || !controls || !row) return;
  details.style.setProperty('--_details-above', `${row.getBoundingClientRect().height}px`);
  const top = summary.getBoundingClientRect().top;
  const controlsTop = controls.getBoundingClientRect().top;
  const inView = top - Math.max(controlsTop, 0);
  const room = inView >= MIN_ROOM ? inView : top - controlsTop;
  details.style.setProperty('--_details-room', `${Math.max(room - GAP, 0)}px`);
}
/** The least room worth opening into within the viewport (some six offers of the comparison), and a gap left above. */
const MIN_ROOM = 240;
const GAP = 8;

/**
 * The comparison, opened within the details: their own scroll brings it to their top, where most of it shows (the
 * page does not move).
 */
function showFirst(compare: HTMLElement) {
  const body = compare.closest<HTMLElement>('.details-body');
  if (body) body.scrollTop = compare.offsetTop - parseFloat(getComputedStyle(body).paddingTop);
}

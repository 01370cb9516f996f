import Decimal from 'decimal.js';
import { css, html, nothing, type ReactiveController } from 'lit';
import { formatUsd } from '../../../../pricing/index.js';
import { payeeAt } from '../../../../providers/registry/catalog.js';
import { wordsIn } from '../../../../strings/strings.js';
import { uncertain } from '../../../../strings/tally/uncertain.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { ImageView } from '../../shared/view.js';

/**
 * The answer a charge no reply confirmed is offered first, one click away, where its account's balance is evidence
 * for it: "Your BFL balance fell by $0.014: count it as charged once". `entry` is its ledger entry, and
 * `value` what the click books, as the tally's own answers say it (`settleUncertain`, uncertain-charges.ts).
 */
export interface EvidenceOffer {
  entry: string;
  value: string;
  label: string;
}

/** What the last submission's error left uncertain (`UserPaysError.uncertainCharge`), as the submission keeps it. */
type LastCharge = () => { entry: string; timesMoved?: number } | undefined;

/**
 * A lost reply held at the bound of every send the browser may have made of it (7 × the price over plain http, 2 over
 * https) keeps that much of a budget until the user says what it cost; where the account's balance moved by a whole
 * number of the price across it, and nothing else of this ledger on that provider ran meanwhile (`pricesShown`), that
 * answer is the likeliest, and is offered beside Generate (`render`, in the pinned row) and as the fix of a budget's
 * refusal (`offer`, spending.ts) in one sentence that says the evidence and what the click books. The click is the
 * tally's own answer (the panels' `uncertainChoice`): one way to money. What the balance moved by on a key others may
 * use too is the error's alone (`timesMoved`), kept here past the error's box until its charge is settled; on a key
 * this ledger's alone it is the entry's certain part, in the ledger.
 */
export class BalanceEvidence implements ReactiveController {
  readonly #parts: ImageParts;
  readonly #lastCharge: LastCharge;
  /** Each uncertain entry's `timesMoved`, by its id, as its error said. */
  readonly #moved = new Map<string, number>();

  constructor(parts: ImageParts, lastCharge: LastCharge) {
    this.#parts = parts;
    this.#lastCharge = lastCharge;
    parts.host.addController(this);
  }

  /** What the last submission's error says the balance moved by is kept before each draw. */
  hostUpdate() {
    this.#remember();
  }

  /** The first uncertain charge with such evidence, and its answer in the widget's words; undefined where none has. */
  offer(): EvidenceOffer | undefined {
    this.#remember();
    const ledger = this.#parts.ledger.ledger;
    if (!ledger) return undefined;
    const open = ledger.uncertain();
    // Settled meanwhile (here, in another tab, by a later read): nothing is offered for it again.
    for (const id of this.#moved.keys()) if (!open.some((entry) => entry.id === id)) this.#moved.delete(id);
    const { host, language } = this.#parts;
    for (const entry of open) {
      const times = ledger.pricesShown(entry, this.#moved.get(entry.id));
      if (!times) continue;
      const payee = entry.payee ?? payeeAt(entry.provider, entry.provider === host.provider ? host.endpoint : '');
      const amount = formatUsd(new Decimal(entry.quoted).times(times).toFixed(), language.locale);
      const label = wordsIn(language.translation, 'uncertain', uncertain).uncertainBalanceFell(payee, amount, times);
      return { entry: entry.id, value: times > 1 ? `times-${times}` : 'once', label };
    }
    return undefined;
  }

  /**
   * The offer beside Generate, over the price in the pinned row: not while a submission runs, nor where the row's
   * refusal already makes it its fix (the same sentence twice in one row).
   */
  render(view: ImageView, onChoice: (event: Event) => void) {
    const fix = view.decision.blocked?.fix;
    const offer = view.busy || (fix && 'answer' in fix) ? undefined : this.offer();
    return offer ? html`<p class="evidence">${renderEvidenceButton(offer, onChoice)}</p>` : nothing;
  }

  #remember() {
    const charge = this.#lastCharge();
    if (charge?.timesMoved) this.#moved.set(charge.entry, charge.timesMoved);
  }
}

/**
 * The offer as a button of its own, named by its sentence (the evidence and what it books), beside Generate or as a
 * budget's fix: `value` and `data-id` as the tally's answers carry them.
 */
function renderEvidenceButton(offer: EvidenceOffer, onChoice: (event: Event) => void) {
  return html`<button
    type="button"
    class="link evidence"
    value=${offer.value}
    data-id=${offer.entry}
    @click=${onChoice}
  >
    ${offer.label}
  </button>`;
}

/** The offer over the price: a line of the row's width, wrapping as a sentence does. */
export const evidenceStyles = css`
  .decision > .evidence {
    grid-column: 1 / -1;
    margin: 0;
  }
  .decision button.evidence {
    text-align: start;
    white-space: normal;
  }
`;

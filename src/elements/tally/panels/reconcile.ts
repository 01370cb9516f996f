import { html, nothing } from 'lit';
import { reconcile as english } from '../../../strings/reconcile.js';
import { wordsIn } from '../../../strings/strings.js';
import type { Spoken } from '../../shared/language-controller.js';

/** What "Reconcile with my account" last said (reconcile-actions.ts), in the element's words. */
export interface ReconcileView {
  /** The accounts are being asked: the button waits. */
  asking?: boolean;
  /** What the providers' records of generations settled (each uncertain charge settled, in a sentence). */
  settled: readonly string[];
  /** Each provider spent with, and what its figures said beside the ledger's; absent until reconciled. */
  providers?: readonly { provider: string; said: readonly string[] }[];
  /** Reconciling could not load: nothing was asked. */
  failed?: boolean;
}

/**
 * `part="reconcile"`: the action, then what the records settled and, for each provider, its own figure beside the
 * ledger's or why there is none (a list, one item per provider), said as it arrives.
 */
export function renderReconcile(view: ReconcileView | undefined, spoken: Spoken, onClick: (event: Event) => void) {
  const text = wordsIn(spoken.translation, 'reconcile', english);
  const providers = view?.providers;
  return html`<div part="reconcile">
    <button ?disabled=${!!view?.asking} @click=${onClick}>${text.reconcileAction()}</button>
    <div role="status" class="said">
      ${view?.asking ? html`<p class="muted">${text.reconcileAsking()}</p>` : nothing}
      ${view?.failed ? html`<p part="error" class="error">${text.reconcileNotLoaded()}</p>` : nothing}
      ${view?.settled.map((said) => html`<p>${said}</p>`)}
      ${
        providers && !providers.length
          ? html`<p class="muted">${text.reconcileNothing()}</p>`
          : providers?.length
            ? html`<ul>
                ${providers.map(({ provider, said }) => html`<li data-provider=${provider}>${said.join(' ')}</li>`)}
              </ul>`
            : nothing
      }
    </div>
  </div>`;
}

import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Blocked, ImageHandlers } from './view.js';

/**
 * The fix beside why Generate cannot (image-template.ts's decision row): a link where it is elsewhere (where to add
 * funds), else a button that focuses a field, changes the model, or books the answer a lost reply's balance points to
 * (`answer`: "Your BFL balance fell by $0.014: count it as charged once", price/panel/balance-evidence.ts), `value` and
 * `data-id` as the tally's own answers carry them.
 */
export function renderFix(fix: NonNullable<Blocked['fix']>, on: Pick<ImageHandlers, 'fix'>) {
  if ('url' in fix) return html`<a href=${fix.url} target="_blank" rel="noopener noreferrer">${fix.label}</a>`;
  const answer = 'answer' in fix ? fix.answer : undefined;
  return html`<button
    type="button"
    class=${answer ? 'link evidence' : 'link'}
    value=${ifDefined(answer?.value)}
    data-id=${ifDefined(answer?.entry)}
    data-focus-target=${ifDefined('focus' in fix ? fix.focus : undefined)}
    data-model=${ifDefined('model' in fix ? fix.model : undefined)}
    @click=${on.fix}
  >
    ${fix.label}
  </button>`;
}

/**
 * Why Generate cannot, under it (`#reason`, which Generate names as what describes it), with its fix; marked as the
 * widget's error where the price itself is what cannot be (the page's `::part(error)` styles it). Nothing where nothing
 * stands in the way.
 */
export function renderReason(blocked: Blocked | false | undefined, on: Pick<ImageHandlers, 'fix'>) {
  if (!blocked) return nothing;
  return html`<p
    id="reason"
    class="reason"
    part=${ifDefined(blocked.at === 'price' && blocked.reason ? 'error' : undefined)}
  >
    <span>${blocked.reason}</span>
    ${blocked.fix ? renderFix(blocked.fix, on) : nothing}
  </p>`;
}

import { css, html, nothing } from 'lit';
import { progress, type ProgressStrings } from '../../../../strings/image/progress.js';
import { wordsIn } from '../../../../strings/strings.js';
import { signIn } from '../../../../strings/sign-in.js';
import type { ProviderId } from '../../../../base/types.js';
import type { ImageHandlers, ImageView } from '../../shared/view.js';
import { icon } from '../../shared/icons.js';

// What the last submission came to where it failed: its error where its image would have been (the canvas), with where
// to add funds, the answers to a charge it left uncertain, and Try again where trying again can succeed.

/** Another provider the page allows to make the same model, where the one in force cannot be reached. */
export interface Elsewhere {
  provider: ProviderId;
  model: string;
  /** Its name and price, in the widget's words. */
  name: string;
  payee: string;
  price: string;
}

/** What the error offers beside Try again and Dismiss, each where it applies. */
export interface WaysOn {
  /**
   * With a short-balance error, or one lifted at the account's plan and billing (Google's quota): where the user adds
   * funds or sees the plan, and to whom.
   */
  funds?: { url: string; provider: string };
  /** Where the provider refused this page (no relay): the same model at another provider (`useElsewhere`). */
  elsewhere?: Elsewhere;
  /**
   * Where the error left a charge uncertain (`entry`, its ledger entry, still open): where the balance moved by a
   * whole number of the request's price, the answer that books that ("Charged once, $0.014", "Charged twice, $0.028")
   * and "It was not" (`uncertainChoice`, as the tally's own answers: `value` as `settleUncertain` reads it, `data-id`
   * the entry); else `ask`, a link to the list under the tally, which asks it.
   */
  uncertain?: {
    entry: string;
    answers?: { value: string; label: unknown; notCharged: unknown } | undefined;
    ask: string;
  };
}

/** What the error's controls do: the widget's own (`fix`, `retry`) and the panels' (submission/panel/submission-handlers.ts). */
export interface FailureHandlers extends Pick<ImageHandlers, 'retry' | 'fix'> {
  dismissError(): void;
  errorKeydown(event: KeyboardEvent): void;
  useElsewhere(event: Event): void;
  uncertainChoice(event: Event): void;
}

/**
 * The answers to a charge the error left uncertain: the two answers as one pair (the list's own `.answers`), the box's
 * buttons, its question being the charge; Try again is then a link. Without them, the way to the list that asks it.
 */
function renderUncertain(uncertain: NonNullable<WaysOn['uncertain']>, on: FailureHandlers) {
  if (!uncertain.answers)
    return html`<button type="button" class="link" data-focus-target="uncertain-first" @click=${on.fix}>
      ${uncertain.ask}
    </button>`;
  return html`<span class="answers">
    ${(
      [
        [uncertain.answers.value, uncertain.answers.label],
        ['void', uncertain.answers.notCharged],
      ] as const
    ).map(
      ([value, label]) =>
        // The answer the balance points to leads, as the likeliest; "It was not" stays at hand, outlined: two buttons
        // of one weight would read as a coin toss against the evidence.
        html`<button
          type="button"
          class=${value === 'void' ? 'secondary' : 'primary'}
          value=${value}
          data-id=${uncertain.entry}
          @click=${on.uncertainChoice}
        >
          ${label}
        </button>`,
    )}
  </span>`;
}

/**
 * The row of ways on from the error, each where it applies: the answers to an uncertain charge, where to add funds,
 * the same model at another provider, and Try again (`retry`, where trying again can succeed).
 */
function renderWaysOn(
  { funds, elsewhere, uncertain }: WaysOn,
  { translation, decision }: ImageView,
  retry: boolean,
  progressText: ProgressStrings,
  on: FailureHandlers,
) {
  return html`<div class="row">
    ${uncertain ? renderUncertain(uncertain, on) : nothing}
    ${
      funds
        ? html`<a href=${funds.url} target="_blank" rel="noopener"
            >${wordsIn(translation, 'signIn', signIn).addFunds(funds.provider)}</a
          >`
        : nothing
    }
    ${
      elsewhere
        ? html`<button
            type="button"
            class="secondary"
            data-provider=${elsewhere.provider}
            data-model=${elsewhere.model}
            @click=${on.useElsewhere}
          >
            ${progressText.useElsewhere(elsewhere.name, elsewhere.payee, elsewhere.price)}
          </button>`
        : nothing
    }
    ${
      retry
        ? html`<button type="button" class=${uncertain ? 'link' : 'secondary'} @click=${on.retry}>
            ${progressText.retry(decision.price && String(decision.price))}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * The error of the last submission, the ways on from it that apply (`WaysOn`) and Try again in a row under it, and
 * Dismiss (×) in its corner, last in the keyboard's order, as Escape within the box.
 */
export function renderFailure(view: ImageView, waysOn: WaysOn, on: FailureHandlers) {
  const { error, translation, decision } = view;
  const { funds, elsewhere, uncertain } = waysOn;
  const progressText = wordsIn(translation, 'progress', progress);
  if (!error) return nothing;
  // Not while Generate is refused (a budget held by charges no reply said): the row beside it says why and what to
  // do, and trying again would only be refused for it.
  const retry = error.retryable && error.code !== 'cancelled' && !decision.blocked;
  // A cancel the user chose is said calmly: what became of it, in the colours of the text, not an alarm.
  return html`<div
    part="error"
    class=${error.code === 'cancelled' ? 'error-box chosen' : 'error-box'}
    tabindex="-1"
    data-focus="error"
    role="group"
    aria-labelledby="failure"
    @keydown=${on.errorKeydown}
  >
    <p id="failure">${error.message}</p>
    ${uncertain || funds || elsewhere || retry ? renderWaysOn(waysOn, view, retry, progressText, on) : nothing}
    <button
      type="button"
      class="tool dismiss"
      aria-label=${progressText.dismiss()}
      title=${progressText.dismiss()}
      @click=${on.dismissError}
    >
      ${icon('close')}
    </button>
  </div>`;
}

/** A submission's error, with its ways on and Dismiss (only a submission, which waits for this part, has one). */
export const failureStyles = css`
  .error-box {
    position: relative;
    display: grid;
    gap: 0.5rem;
    color: var(--_danger);
    border: 1px solid;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.6rem 0.8rem;
    background: color-mix(in srgb, var(--_danger) 6%, transparent);
  }
  .error-box.chosen {
    color: inherit;
    border-color: var(--_border);
    background: none;
  }
  .error-box p,
  .error-box .answers {
    margin: 0;
  }
  /* Dismiss in the corner, as alerts have it; the message's first line ends short of it. */
  .error-box .dismiss {
    position: absolute;
    inset-block-start: 0.2rem;
    inset-inline-end: 0.2rem;
    color: inherit;
  }
  .error-box > p::before {
    content: '';
    float: inline-end;
    width: 1.6rem;
    height: 1lh;
  }
  /* The two answers side by side where both fit on one line each (English at 480 px), else one above the other, each
     as wide as the box: an answer is read at a glance only whole, so its words never break within its button while
     the box's width holds them. */
  .error-box .answers button {
    flex: 1 1 auto;
    padding-inline: 0.75rem;
  }
  /* Narrow, the canvas stands above the controls: an error with no image yet is shown there alone (the prompts to
     start from are under the prompt); wide, the empty state stays under it (image-template.ts). */
  @container (width < 720px) {
    .error-box + .empty {
      display: none;
    }
  }
`;

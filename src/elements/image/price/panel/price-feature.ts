import { nothing, type TemplateResult } from 'lit';
import { clock } from '../../../../base/clock.js';
import type { Quote } from '../../../../base/types.js';
import { reword, type Sentence } from '../../../../strings/strings.js';
import { adoptBeside } from '../../../shared/adopted-styles.js';
import { renderTallySummary } from '../../../tally/tally-summary.js';
import { uncertainCharges } from '../../../tally/uncertain-charges.js';
import type * as UncertainList from '../../../tally/uncertain-list/index.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features, PriceContract } from '../../shared/features.js';
import { PanelPart } from '../../shared/panel-part.js';
import type { Drawing, PanelSlots } from '../../shared/slots.js';
import type { ImageHandlers, ImageView } from '../../shared/view.js';
import { BalanceEvidence } from './balance-evidence.js';
import { renderAsking, renderOutcome, renderSpentBrief, renderUndo } from './notes.js';
import { PinnedRowController } from './pinned-row.js';
import { priceHandlers, type PriceHandlers } from './price-handlers.js';
import { spendingBlocked } from './spending.js';

/**
 * The price and the decision row, once the panels are here: what the session spent, the charges no reply confirmed
 * (their list loads once the ledger holds one), what the provider asks and a change just made with its Undo (over
 * the price), what the last submission charged where the preview did not say it, and why the budget or the account
 * leaves no room for the next click.
 */
export class PriceFeature implements PriceContract {
  readonly pinnedRow: PinnedRowController;
  readonly evidence: BalanceEvidence;
  readonly uncertainList: PanelPart<typeof UncertainList>;
  /** What the decision row's notes and answers do. */
  readonly handlers: PriceHandlers;
  /**
   * A change just made for the user (Vary, Reuse, Finalize, Delete), said with an Undo, and what undoes it; `near`: the
   * image beside whose toolbar it is said (the one clicked, or the one that took a deleted image's place). Without
   * `undo`, a booking that cannot be taken back (`noteBooked` without one), said until the next submission; `booked`, one
   * booked for the user that can, as long.
   */
  undoable?: { sentence: string; undo?: () => unknown; near?: string; route?: string; booked?: true };
  /**
   * The note that a charge was booked at its price's bound (no reply said what it came to), once the user has answered
   * for every such charge: no longer true, it is not drawn (the next submission's note is another).
   */
  boundNoteAnswered?: Sentence;
  readonly #parts: ImageParts;
  readonly #features: Features;

  constructor(parts: ImageParts, features: Features) {
    const { host } = parts;
    this.#parts = parts;
    this.#features = features;
    // What the keyboard reaches above the decision row is brought into view clear of it.
    this.pinnedRow = new PinnedRowController(host);
    this.evidence = new BalanceEvidence(parts, () => features.shown.lastUncertainCharge);
    this.uncertainList = new PanelPart(host, {
      wanted: () => parts.ledger.tally?.uncertain,
      load: () =>
        import('../../../tally/uncertain-list/index.js').then((list) => {
          adoptBeside(host, [list.uncertainStyles]);
          return list;
        }),
    });
    this.handlers = priceHandlers(parts, features, this);
    // The page changed the provider (its own select): a change made to the form before it is not what the form holds
    // (Vary's note would stay over another provider's form).
    host.addController({
      hostUpdate: () => {
        if (this.undoable?.route !== undefined && this.undoable.route !== host.provider) this.withdrawFormUndo();
      },
    });
    this.#openWhereTheFixGoes();
  }

  /**
   * A fix beside Generate that goes to a field in More options (a model's control, the file field) opens it first, as
   * a field in a closed disclosure takes no focus; one that is itself an action, the file field's chooser or Sign in
   * (its form, or the provider's popup), is taken within the click that asked, as a chooser and a popup need the
   * user's gesture: heard before the fix's own handler (submission/panel/submission-handlers.ts), which focuses.
   */
  #openWhereTheFixGoes() {
    const root = this.#parts.host.renderRoot;
    root.addEventListener(
      'click',
      (event) => {
        const id = (event.target as Element).closest<HTMLElement>('[data-focus-target]')?.dataset.focusTarget;
        const field = id ? root.querySelector<HTMLElement>(`#${id}`) : null;
        const closed = field?.closest<HTMLDetailsElement>('details:not([open])');
        if (closed) closed.open = true;
        if ((field instanceof HTMLInputElement && field.type === 'file') || id === 'sign-in') field?.click();
      },
      true,
    );
  }

  /** Why the budget in force or the account's balance leaves no room for `quote`, with the fix; else undefined. */
  blocked(quote: Quote) {
    const { left, cannotPay, capped } = this.#features.accounts.spending();
    return spendingBlocked(this.#parts, left, quote, cannotPay, capped, this.evidence.offer());
  }

  /** Says that a change was just made for the user, with an Undo that runs `undo`, beside image `near`'s toolbar. */
  offerUndo(sentence: string, undo: () => unknown, near?: string) {
    this.undoable = { sentence, undo, near, route: this.#parts.host.provider };
    this.#parts.host.requestUpdate();
  }

  /**
   * Says what the user's answer just booked where it cannot be undone (a charge settled: the ledger's entries only ever
   * move on, so that every tab converges), in the pinned row, where the error that offered it was.
   */
  noteBooked(sentence: string, undo?: () => string | undefined) {
    this.undoable = undo ? { sentence, undo, booked: true } : { sentence };
    this.#parts.host.requestUpdate();
  }

  /** Undo: runs what undoes the change just made; what it says where it could not be undone as asked. */
  undo(): string | undefined {
    const undoable = this.undoable;
    this.undoable = undefined;
    this.#parts.host.requestUpdate();
    const said = undoable?.undo?.();
    return typeof said === 'string' ? said : undefined;
  }

  /**
   * Takes back the Undo of a change made to the form (said above Generate: no image `near`) once the user has edited
   * the form or sent it: its words would be false, and Undo would throw away what was typed since. Delete's Undo,
   * beside its image, stays.
   */
  withdrawFormUndo() {
    if (!this.undoable?.undo || this.undoable.near || this.undoable.booked) return;
    this.undoable = undefined;
    this.#parts.host.requestUpdate();
  }

  /**
   * A submission starts: a change made to the form was what it sends (its Undo goes), and what an answer or a balance
   * booked is in the tally now (its note, and its Undo, go).
   */
  submitting() {
    this.withdrawFormUndo();
    if (this.undoable && (!this.undoable.undo || this.undoable.booked)) this.undoable = undefined;
  }

  bringClear(element: Element) {
    this.pinnedRow.bringClear(element);
  }

  /**
   * What the decision row draws: the session's spend (the tally line, and under Generate in a few words), the charges
   * no reply confirmed, what the last submission charged where the preview did not say it. The note over the price is
   * the canvas's to place (`note`), beside the image it concerns where that is shown.
   */
  slots({ on }: Drawing<ImageHandlers & PriceHandlers>): Pick<PanelSlots, 'tally' | 'spent' | 'uncertain' | 'outcome'> {
    const { ledger: ledgerPart, language } = this.#parts;
    const { ledger, tally } = ledgerPart;
    const list = this.uncertainList.loaded;
    const { chargeNote, retiringNote } = this.#features.shown;
    return {
      tally: tally ? renderTallySummary(tally, language) : nothing,
      spent: tally ? renderSpentBrief(tally, language) : nothing,
      uncertain:
        ledger && list
          ? list.renderUncertain(uncertainCharges(ledger, clock.now(), language), language, on.uncertainChoice)
          : nothing,
      // What the provider charged, where the preview did not say it (see `Submitted.chargeNote`).
      outcome: renderOutcome(
        [chargeNote === this.boundNoteAnswered ? undefined : chargeNote, retiringNote].map((note) =>
          note ? reword(note, language.translation) : '',
        ),
      ),
    };
  }

  /**
   * Over the price in the pinned row: what the provider asks in its own box (`asking`), else the change just made with
   * its Undo where it is not said beside its image (`undo`), else the answer a lost reply's balance points to.
   */
  note(
    asking: string | undefined,
    undo: TemplateResult | undefined,
    view: ImageView,
    on: Pick<PriceHandlers, 'uncertainChoice'>,
  ) {
    if (asking) return renderAsking(asking);
    return undo ?? this.evidence.render(view, on.uncertainChoice);
  }

  /** The change just made with its Undo, drawn (where it is said is the canvas's to decide). */
  renderUndo(on: Pick<PriceHandlers, 'undo'>) {
    const { undoable } = this;
    return undoable && renderUndo(undoable.sentence, undoable.undo && on.undo, this.#parts.language.translation);
  }
}

import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { StartupController } from './startup-controller.js';

/**
 * What the three elements share, as Shoelace's `ShoelaceElement` holds what its components share: a `locale`, a
 * first update in a turn of its own (`StartupController`: no long task at load), and an `updateComplete` that also
 * waits for what the first paint did without (the ledger, the panels, Puter's live prices), so that
 * `await el.updateComplete` sees the whole element.
 *
 * @cssstate rendered - The element has drawn its first paint; until then dist/userpays.css keeps its place.
 */
export abstract class UserPaysElement extends LitElement {
  /**
   * Whether this element's first render is worth rehearsing in a turn of its own before it shows (see
   * `StartupController.schedule`): the widget's is.
   */
  protected static rehearseFirstRender = false;

  /** BCP 47 locale for money and dates; the browser's when empty. */
  @property() locale = '';

  /**
   * Custom state `rendered` (`:state(rendered)`) once the first render is in the DOM: until then the page's
   * reservation stylesheet (dist/userpays.css) holds the element's place, so nothing under it moves.
   */
  private readonly internals = this.attachInternals();

  protected readonly startup = new StartupController(
    this,
    () => this.locale,
    (this.constructor as typeof UserPaysElement).rehearseFirstRender ? () => this.render() : undefined,
  );

  /** The first update in a turn of its own (see StartupController); the others as Lit schedules them. */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.startup.schedule(() => super.scheduleUpdate());
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.internals.states.add('rendered');
  }

  /** Resolves once this update is done, and the work after the first paint (and what it drew) is done too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await this.startup.settled;
    return (await super.getUpdateComplete()) && first;
  }
}

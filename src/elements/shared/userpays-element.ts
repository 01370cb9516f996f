import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Translation } from '../../strings/strings.js';
import { LanguageController } from './language-controller.js';
import { NearController } from './near-controller.js';
import { StartupController } from './startup-controller.js';

/**
 * What the three elements share, as Shoelace's `ShoelaceElement` holds what its components share: their words (the
 * closest `lang`, `strings` over it) and `locale`, a first update in a turn of its own (`StartupController`: no long
 * task at load), and an `updateComplete` that also waits for what the first paint did without (the ledger, the
 * panels, Puter's live prices), so that `await el.updateComplete` sees the whole element.
 *
 * @attribute lang - The language of the element's words (BCP 47), the global attribute: where the element has none,
 * its closest ancestor's, as native controls take it (followed as it changes). English and German (`de`) are bundled;
 * `strings` gives any other.
 * @cssstate rendered - The element has drawn its first paint; until then dist/userpays.css keeps its place.
 */
export abstract class UserPaysElement extends LitElement {
  /**
   * The reactive properties, as Lit declares them without decorators: each public one with its attribute (kebab-case
   * where it has two words; none for objects and the key), the private ones as internal state.
   */
  static override properties: PropertyDeclarations = {
    locale: {},
    strings: { attribute: false },
  };
  /**
   * Whether this element's first render is worth rehearsing in a turn of its own before it shows (see
   * `StartupController.schedule`): the widget's is.
   */
  protected static rehearseFirstRender = false;
  /**
   * Whether this element is drawn only once it comes near the viewport (see `NearController`): the widget is, so
   * that a page of many draws those in view first and the rest as they are scrolled to.
   */
  protected static drawWhenNear = false;

  /** BCP 47 locale for money and dates; when empty, the element's language (`lang`, its own or inherited), else the browser's. */
  locale = '';

  /**
   * The element's words, typed by `Strings`: a translation into any language, whole or in part, over those of its
   * `lang` (English where neither gives a sentence). See docs/translating.md.
   */
  strings: Translation | null = null;

  /** The words the element speaks and the locale of its amounts and dates, as `lang`, `strings` and `locale` say. */
  protected readonly language = new LanguageController(this);

  /**
   * Custom state `rendered` (`:state(rendered)`) once the first render is in the DOM: until then the page's
   * reservation stylesheet (dist/userpays.css) holds the element's place, so nothing under it moves.
   */
  readonly #internals = this.attachInternals();

  protected readonly startup = new StartupController(
    this,
    () => this.language.locale ?? '',
    (this.constructor as typeof UserPaysElement).rehearseFirstRender ? () => this.render() : undefined,
  );

  /** Where the element is drawn only near the viewport, what says whether it is held (draws nothing) for now. */
  protected readonly near = (this.constructor as typeof UserPaysElement).drawWhenNear
    ? new NearController(this, this.startup)
    : undefined;

  /**
   * The first update in a turn of its own (see StartupController), once the words of the element's language are
   * here (a bundled translation, loading: never English first) and, for one drawn near the viewport, once it is known
   * whether it is; the others as Lit schedules them.
   */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.startup.schedule(() => super.scheduleUpdate(), this.language.loading, this.near?.verdict());
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Drawn: the reservation gives way to what it was kept for, in the same frame.
    if (!this.near?.held) this.#internals.states.add('rendered');
  }

  /** Resolves once this update is done, and the work after the first paint (and what it drew) is done too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await this.startup.settled;
    await this.language.loading; // the words of a language just set, and the update they ask for
    return (await super.getUpdateComplete()) && first;
  }
}

import type { Quote } from '../../../base/types.js';
import type { ImageParts } from '../image-parts.js';
import type { Blocked, ImageHandlers, ImageView } from '../view.js';
import { panelHandlers, type PanelHandlers } from './image-actions.js';
import { PanelControllers } from './panel-controllers.js';
import { renderSlots } from './panel-slots.js';
import type { PanelSlots } from './slots.js';
import { spendingBlocked } from '../price/panel/spending.js';
import { runSubmission } from '../submission/panel/submission-run.js';
import { moreOptions } from '../../../strings/more-options.js';
import { modelName } from '../../../pricing/index.js';
import { prices } from '../../../strings/prices.js';
import { wordsIn } from '../../../strings/strings.js';
import { isKeyError } from '../../../base/errors.js';
import { payeeAt } from '../../../providers/catalog.js';
import { signIn } from '../../../strings/sign-in.js';
import { widget } from '../../../strings/image/widget.js';
import { words } from '../../../strings/words.js';

/**
 * `<userpays-image>`'s other half, made when its panels load (after the first paint): its controllers
 * (`PanelControllers`), what their controls do (`handlers`) and what they draw into the widget's places (`slots`).
 * The element holds it in one field, there once the panels are.
 */
export class ImagePanels extends PanelControllers {
  /** What the panels' controls do. */
  readonly handlers: PanelHandlers;

  constructor(parts: ImageParts) {
    super(parts, (controllers, standing, run) =>
      runSubmission(parts, controllers, {
        ...standing,
        ...run,
        // Whether this site's sign-in made the key: known to the panels only (the first paint carries none of it); the key
        // must be the one in force (a key of another route is never taken for the sign-in's).
        keyMadeBySignIn:
          !!standing.apiKey && standing.apiKey === controllers.keys.current && controllers.signedKeys.madeBySignIn(),
      }),
    );
    this.handlers = panelHandlers(parts, this);
    // Images pasted anywhere in the widget become reference images, where the model takes them.
    parts.host.renderRoot.addEventListener('paste', (event) => {
      if (parts.pricing.capability?.references?.max) this.handlers.referencesChosen(event);
    });
    // What draws the result, ahead of the click: loaded when the pointer or the focus comes to Generate; the price
    // details' part when it comes to their summary; the sign-in's when it comes to Sign in.
    const prefetch = (event: Event) => {
      const target = event.target as Element;
      if (target.closest?.('[part~=submit]')) this.galleryView.prefetch();
      if (target.closest?.('.details')) this.details.prefetch();
      if (target.closest?.('[part~=sign-in]')) this.signIn.prefetch();
    };
    // The price details opened or closed (a toggle does not bubble: heard on its way down).
    parts.host.renderRoot.addEventListener(
      'toggle',
      (event) => {
        const details = event.target as HTMLDetailsElement;
        if (!details.matches('.details')) return;
        this.detailsOpen = details.open;
        parts.host.requestUpdate();
      },
      true,
    );
    // A fix beside Generate that goes to a field in More options (a model's control, the file field) opens it first,
    // as a field in a closed disclosure takes no focus; one that is itself an action, the file field's chooser or
    // Sign in (its form, or the provider's popup), is taken within the click that asked, as a chooser and a popup
    // need the user's gesture: heard before the fix's own handler (image-handlers.ts), which focuses.
    parts.host.renderRoot.addEventListener(
      'click',
      (event) => {
        const id = (event.target as Element).closest<HTMLElement>('[data-focus-target]')?.dataset.focusTarget;
        const field = id ? parts.host.renderRoot.querySelector<HTMLElement>(`#${id}`) : null;
        const closed = field?.closest<HTMLDetailsElement>('details:not([open])');
        if (closed) closed.open = true;
        if ((field instanceof HTMLInputElement && field.type === 'file') || id === 'sign-in') field?.click();
      },
      true,
    );
    parts.host.renderRoot.addEventListener('pointerover', prefetch);
    parts.host.renderRoot.addEventListener('focusin', prefetch);
  }

  /**
   * Why the provider would refuse one of the model's own controls as set (More options: [flex]'s steps 100; none where
   * the controls part is not here, as nothing was set there), why the budget in force or the account's balance leaves
   * no room for `quote`, or why the account signed in with cannot pay (its sign-in said so), with the fix; undefined
   * where none of these stands in the way.
   */
  blocked(quote: Quote): Blocked | undefined {
    const setting = this.controls.loaded?.blocked(this.parts.language.translation);
    if (setting) return setting;
    const state = this.signIn.loaded?.controller.state();
    // The key the sign-in gave was refused: sending again would only be refused again, until a new sign-in.
    if (state?.signed && isKeyError(this.submission.error)) {
      const { host, language } = this.parts;
      const provider = wordsIn(language.translation, 'words', words).providerName(
        payeeAt(host.provider, host.endpoint),
      );
      const signInText = wordsIn(language.translation, 'signIn', signIn);
      // A refusal for a permission the sign-in did not give says so, as its message does (Hugging Face's 403).
      const notAllowed = this.submission.error?.code === 'auth-required';
      return {
        reason: notAllowed ? signInText.signedKeyNotAllowed(provider) : signInText.signedKeyRefused(provider),
        at: 'key',
        fix: { label: wordsIn(language.translation, 'widget', widget).fixSignIn(), focus: 'sign-in' },
      };
    }
    // What is left is of the key's own cap where its provider says it has one (OpenRouter's `limit`), not the account's.
    const capped = this.parts.host.provider !== 'puter' && this.account.cap && (state?.signed ? 'signed' : 'pasted');
    const evidence = this.evidence.offer();
    return spendingBlocked(this.parts, this.accountLeft(), quote, !!state?.cannotPay, capped || undefined, evidence);
  }

  /**
   * Why a request cannot be made as it stands (`problem`), with its fix where there is one: a model that edits the
   * user's image (FLUX.1 Kontext, Fill), with none attached, asks for one (the file field in More options, which opens
   * on it, its chooser with it). Where that is all that is missing and the request is priced (`priced`: BFL prices
   * them per image, whatever the image), it is the form's next step, not an error.
   */
  problemBlocked(problem: string, priced: boolean): Blocked {
    const { capability, fitted } = this.parts.pricing;
    const wanting = capability?.references.required && !fitted?.inputs.length;
    if (!wanting) return { reason: problem, at: 'price' };
    const { translation } = this.parts.language;
    const step =
      priced && problem === wordsIn(translation, 'prices', prices).needsImage(modelName(this.parts.host.model));
    const text = wordsIn(translation, 'moreOptions', moreOptions);
    return {
      reason: problem,
      at: step ? 'image' : 'price',
      fix: { label: text.chooseImage(), focus: 'references-input' },
    };
  }

  /** What the panels draw into the widget's places, from its view. */
  slots(view: ImageView, on: ImageHandlers): PanelSlots {
    return renderSlots(this.parts, this, view, { ...on, ...this.handlers });
  }
}

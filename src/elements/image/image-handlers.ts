import type { ImageParts } from './shared/image-parts.js';
import type { ImagePanels } from './panels/image-panels.js';
import type { ImageHandlers } from './shared/view.js';
import { valueOf } from '../shared/fields.js';

/**
 * What the widget's controls do (Lit calls each with the event): they set the element's state, never draw. `panels`:
 * the widget's other half, once it is here (made when the panels load; these handlers are made before).
 */
export function imageHandlers(parts: ImageParts, panels: () => ImagePanels | undefined): ImageHandlers {
  const { host, form } = parts;
  const edited = () => panels()?.edited();
  /** A submission from the user's gesture: once per gesture (a double click is one intent). */
  const submitFromGesture = () => {
    if (!parts.gesture.claim()) return;
    host.generate().catch(() => {}); // shown in the widget and fired as userpays-error
  };
  const handlers: ImageHandlers = {
    promptInput: (event) => {
      edited();
      host.prompt = valueOf(event);
    },
    moreToggle: (event) => form.setMoreOpen((event.target as HTMLDetailsElement).open),
    morePrefetch: () => panels()?.options.controls.prefetch(),
    submit: (event) => {
      event.preventDefault();
      // The second click of a double click, a stray third, the Enter after them: one intent, one submission.
      submitFromGesture();
    },
    retry: submitFromGesture,
    fix: (event) => {
      const { focusTarget, model, id } = (event.currentTarget as HTMLElement).dataset;
      // An answer to a charge no reply confirmed (a budget's refusal offers the one its balance points to): booked as
      // the tally's answers are, by the panels, which drew it.
      if (id) return panels()?.handlers.uncertainChoice(event);
      if (model) host.model = model;
      if (focusTarget) host.renderRoot.querySelector<HTMLElement>(`#${focusTarget}`)?.focus();
    },
    press: () => parts.gesture.input(),
    numberInput: (event) => {
      edited();
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'seed') host.seed = value === '' ? undefined : Number(value);
      // A side being typed may be empty for a moment: the controls stay, and the size is said to be wrong.
      else if (name === 'width' || name === 'height') host[name] = value === '' ? Number.NaN : Number(value);
    },
    pickerChange: (event) => {
      edited();
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'model') host.model = value;
      else if (name === 'count') host.count = Number(value);
      else if (name === 'quality') host.quality = value;
    },
    shapeChoose: (event) => {
      edited();
      form.showCustomSize(false);
      [host.width, host.height] = valueOf(event).split('x').map(Number);
    },
    customToggle: () => {
      const custom = !form.customSize;
      form.showCustomSize(custom);
      if (custom)
        void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('[name=width]')?.focus());
    },
    modelsToggle: () => form.showAllModels(!form.allModels),
    formKeydown: (event) => {
      parts.gesture.input();
      if (event.key !== 'Enter' || event.isComposing) return;
      const target = event.composedPath()[0] as HTMLElement;
      // The playground convention: Ctrl/Cmd+Enter generates; a bare Enter in a field never spends money.
      if (event.ctrlKey || event.metaKey) {
        // Where Generate is refused, the panels say why instead (price/panel/price-handlers.ts).
        if (!panels()?.handlers.refusedSubmit(event, target)) handlers.submit(event); // it prevents the default itself
      } else if (target.localName === 'input') {
        event.preventDefault();
        if (target.id === 'key') panels()?.submission.resume.keyEntered(); // Enter commits the key, as leaving the field does
      }
    },
  };
  return handlers;
}

import type { ImageHost } from './image-parts.js';
import type { ImageParts } from './panels/lazy-parts.js';
import type { ImageHandlers } from './view.js';

/** What the widget's controls do (Lit calls each with the event): they set the element's state, never draw. */
export function imageHandlers(host: ImageHost, parts: ImageParts): ImageHandlers {
  const { edited } = parts;
  const root = () => host.shadowRoot!;
  /** A submission from the user's gesture: once per gesture (a double click is one intent). */
  const submitFromGesture = () => {
    if (!parts.gesture.claim()) return;
    host.generate().catch(() => {}); // shown in the widget and fired as userpays-error
  };
  const handlers: ImageHandlers = {
    fieldInput: (event) => {
      edited();
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'prompt') host.prompt = value;
      else if (name === 'seed') host.seed = value === '' ? undefined : Number(value);
      // A side being typed may be empty for a moment: the controls stay, and the size is said to be wrong.
      else if (name === 'width' || name === 'height') host[name] = value === '' ? Number.NaN : Number(value);
    },
    pickerChange: (event) => {
      edited();
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'model') host.model = value;
      else if (name === 'count') host.count = Number(value);
    },
    shapeChoose: (event) => {
      edited();
      parts.setCustomSize(false);
      [host.width, host.height] = (event.target as HTMLInputElement).value.split('x').map(Number);
    },
    customToggle: () => {
      const custom = !parts.customSize;
      parts.setCustomSize(custom);
      if (custom) parts.flow?.focusAt('[name=width]');
    },
    modelsToggle: () => parts.setAllModels(!parts.allModels),
    moreToggle: (event) => parts.setMoreOpen((event.target as HTMLDetailsElement).open),
    morePrefetch: () => void parts.controls?.prefetch(),
    submit: (event) => {
      event.preventDefault();
      // The second click of a double click, a stray third, the Enter after them: one intent, one submission.
      submitFromGesture();
    },
    retry: submitFromGesture,
    fix: (event) => {
      const { focusTarget, model } = (event.currentTarget as HTMLElement).dataset;
      if (model) host.model = model;
      if (focusTarget) root().querySelector<HTMLElement>(`#${focusTarget}`)?.focus();
    },
    press: () => parts.gesture.input(),
    formKeydown: (event) => {
      parts.gesture.input();
      if (event.key !== 'Enter' || event.isComposing) return;
      const target = event.composedPath()[0] as HTMLElement;
      // The playground convention: Ctrl/Cmd+Enter generates; a bare Enter in a field never spends money.
      if (event.ctrlKey || event.metaKey)
        handlers.submit(event); // it prevents the default itself
      else if (target.localName === 'input') {
        event.preventDefault();
        if (target.id === 'key') parts.resume?.keyEntered(); // Enter commits the key, as leaving the field does
      }
    },
  };
  return handlers;
}

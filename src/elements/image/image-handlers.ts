import { asUserPaysError } from '../../base/errors.js';
import type { ProviderId } from '../../base/types.js';
import type { ImageHost, ImageParts } from './image-parts.js';
import { finalOf } from './image-view.js';
import type { GalleryImage } from '../../images/gallery.js';
import type { ImageHandlers } from './image-template.js';

/** What the widget's controls do (Lit calls each with the event): they set the element's state, never draw. */
export function imageHandlers(host: ImageHost, parts: ImageParts): ImageHandlers {
  /** The user changed what would be sent: an error about the last attempt no longer describes it. */
  const edited = () => {
    if (parts.submission.status === 'idle') parts.submission.dismissError();
  };
  const handlers: ImageHandlers = {
    fieldInput: (event) => {
      edited();
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'prompt') host.prompt = value;
      else if (name === 'seed') host.seed = value === '' ? undefined : Number(value);
      else if (name === 'width' || name === 'height') host[name] = Number(value);
    },
    pickerChange: (event) => {
      edited();
      const { name, value } = event.target as HTMLSelectElement;
      if (name === 'model') host.model = value;
      else if (name === 'count') host.count = Number(value);
      else if (!parts.setCustomSize(value === 'custom')) [host.width, host.height] = value.split('x').map(Number);
    },
    shapeChoose: (event) => {
      edited();
      parts.setCustomSize(false);
      [host.width, host.height] = (event.currentTarget as HTMLButtonElement).value.split('x').map(Number);
    },
    referencesChosen: (event) => {
      // Chosen in the picker, dropped on the area, or pasted: the files of the event that carries them.
      const given = event as Partial<DragEvent & ClipboardEvent>;
      const input = event.target as HTMLInputElement;
      const files = given.dataTransfer?.files ?? given.clipboardData?.files ?? input.files;
      if (event.type === 'dragover' || (event.type !== 'change' && files?.length)) event.preventDefault();
      if (event.type === 'dragover' || !files?.length) return;
      void parts.references.add([...files], parts.pricing.capability?.references.max ?? 0);
      if (event.type === 'change') input.value = ''; // the same file can be chosen again
    },
    referenceRemove: (event) => parts.references.remove(Number((event.currentTarget as HTMLElement).dataset.index)),
    keyInput: (event) => {
      edited();
      parts.keys.current = (event.target as HTMLInputElement).value.trim();
      host.requestUpdate();
    },
    // Committed (Enter, or focus left the field): only then may waiting images be fetched with the key.
    keyCommit: () => parts.resume.keyEntered(),
    rememberChange: (event) => {
      parts.keys.remember((event.target as HTMLInputElement).checked);
      host.requestUpdate();
    },
    signIn: () => void parts.account.signIn().catch((error) => parts.submission.report(asUserPaysError(error))),
    signOut: () => void parts.account.signOut(),
    submit: (event) => {
      event.preventDefault();
      // The second click of a double click, a stray third, the Enter after them: one intent, one submission.
      if (!parts.gesture.claim()) return;
      host.generate().catch(() => {}); // shown in the widget and fired as userpays-error
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
        if (target.id === 'key') parts.resume.keyEntered(); // Enter commits the key, as leaving the field does
      }
    },
    imageAction: (event) =>
      void parts.panels.panels?.actOnImage(event, parts.gallery.images, {
        remove: (id) => parts.gallery.remove(id),
        say: (sentence) => parts.flow.say(sentence),
        addReference: (file) => parts.references.add([file], 8),
        reuse: (settings, final) => {
          edited();
          Object.assign(host, settings);
          if (final) host.model = finalOf(host, parts, settings as GalleryImage)!.model;
        },
      }),
    offerChoose: (event) => {
      const { provider, model } = (event.currentTarget as HTMLElement).dataset;
      edited();
      [host.provider, host.model] = [provider as ProviderId, model!];
    },
    cancel: () => {
      parts.submission.requestCancel();
      // Asked first where the provider has billed: the focus on the choice that throws nothing away.
      if (parts.submission.confirmingCancel) parts.flow.focusNext('keep-waiting');
    },
    stopWaiting: () => {
      parts.submission.stopWaiting();
      parts.flow.focusNext('submit'); // the widget is free for the next one
    },
    keepWaiting: () => {
      parts.submission.keepWaiting();
      parts.flow.focusNext('progress');
    },
    dismissError: () => parts.submission.dismissError(),
  };
  return handlers;
}

import { css } from 'lit';

/** The place results are shown, where an event happened inside it. */
const canvasOf = (event: Event) =>
  event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.matches('.canvas'));

/** Whether a drag carries files (their kinds are known only once dropped). */
const carriesFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');

/** The first image among an event's files (a drop's, a paste's), else its first file, to be refused in words. */
function fileOf(event: DragEvent | ClipboardEvent): File | undefined {
  const files = [...((event as DragEvent).dataTransfer?.files ?? (event as ClipboardEvent).clipboardData?.files ?? [])];
  return files.find((file) => file.type.startsWith('image/')) ?? files[0];
}

/**
 * An image of the user's own, dropped where results are shown, or pasted while an image is edited: edited there (SPEC
 * §13: "drop, paste or choose"; choosing is More options' "Edit an image of your own", the keyboard's way). While files
 * are dragged over that place, it says it takes them (`data-drop`). A file that is no image is refused in words by
 * `open`, as a chosen one is.
 */
export function listenForImages(
  root: Node,
  { wanted, editing, open }: { wanted: () => boolean; editing: () => boolean; open: (file: File) => void },
) {
  const over = (event: Event) => {
    const canvas = canvasOf(event);
    if (!canvas || !carriesFiles(event as DragEvent) || !wanted()) return;
    event.preventDefault(); // a drop here is the widget's, not the browser's (which would leave the page for the file)
    canvas.toggleAttribute('data-drop', true);
  };
  const out = (event: Event) => {
    const canvas = canvasOf(event);
    const into = (event as DragEvent).relatedTarget;
    if (canvas && !(into instanceof Node && canvas.contains(into))) canvas.removeAttribute('data-drop');
  };
  root.addEventListener('dragover', over);
  root.addEventListener('dragleave', out);
  root.addEventListener('drop', (event) => {
    const canvas = canvasOf(event);
    canvas?.removeAttribute('data-drop');
    const file = fileOf(event as DragEvent);
    if (!canvas || !file || !wanted()) return;
    event.preventDefault();
    open(file);
  });
  // Outside the editor a pasted image is a reference image (More options); inside, it is the image to edit.
  root.addEventListener('paste', (event) => {
    const file = fileOf(event as ClipboardEvent);
    if (!file || !editing()) return;
    event.preventDefault();
    open(file);
  });
}

/** Where results are shown, while files are dragged over it: a dashed frame in the accent colour, inside its edge. */
export const imageDropStyles = css`
  .canvas[data-drop] {
    outline: 2px dashed var(--_accent);
    outline-offset: -6px;
  }
`;

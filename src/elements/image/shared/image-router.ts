/**
 * Where an image the user drops or pastes in the widget goes, decided here once (SPEC §13: "drop, paste or choose"):
 * the image to edit, or one of the model's reference images. One set of listeners on the element's render root hears
 * every drop and paste; the editor and More options each say here what they take, and neither knows of the other.
 */

/** Where a dropped or pasted image goes. */
export type ImageDestination = 'edit' | 'references';

/** What the editor takes. */
export interface ImageToEdit {
  /** Whether an image dropped where results are shown opens in the editor (editing allowed, and a model here edits). */
  wanted(): boolean;
  /** Whether an image is being edited. */
  editing(): boolean;
  /** Opens `file` in the editor; a file that is no image is refused there in words, as a chosen one is. */
  open(file: File): void;
}

/** What More options takes. */
export interface ReferencesTaken {
  /** Whether the model in force takes reference images. */
  taken(): boolean;
  /** Adds the event's files to the reference images (a drag over the drop zone is told it may drop there). */
  add(event: DragEvent | ClipboardEvent): void;
}

/** Where a drop happened: where results are shown, the reference images' drop zone, or elsewhere (none). */
export type DropPlace = 'results' | 'references' | undefined;

/** What the rule reads of the widget at the moment of a drop or a paste. */
export interface RouterState {
  editing: boolean;
  editWanted: boolean;
  referencesTaken: boolean;
}

/**
 * The rule. A paste: while an image is edited, it is the image to edit; else, where the model takes reference images,
 * a reference; else the page's (text pastes as text). A drop: on the reference images' drop zone, a reference; where
 * results are shown, the image to edit, where editing is wanted; else the browser's.
 */
export function destinationOf(
  kind: 'drop' | 'paste',
  place: DropPlace,
  state: RouterState,
): ImageDestination | undefined {
  if (kind === 'paste') return state.editing ? 'edit' : state.referencesTaken ? 'references' : undefined;
  if (place === 'references') return 'references';
  return place === 'results' && state.editWanted ? 'edit' : undefined;
}

/** The elements of each place (an element of the place, or inside it). */
const PLACES = { results: '.canvas', references: '.refs .drop' } as const;

/** The place an event happened in, and its element. */
function placeOf(event: Event): { place: DropPlace; at?: HTMLElement } {
  for (const node of event.composedPath()) {
    if (!(node instanceof HTMLElement)) continue;
    if (node.matches(PLACES.references)) return { place: 'references', at: node };
    if (node.matches(PLACES.results)) return { place: 'results', at: node };
  }
  return { place: undefined };
}

/** The first image among an event's files (a drop's, a paste's), else its first file, to be refused in words. */
function fileOf(event: DragEvent | ClipboardEvent): File | undefined {
  const given = event instanceof ClipboardEvent ? event.clipboardData : event.dataTransfer;
  const files = [...(given?.files ?? [])];
  return files.find((file) => file.type.startsWith('image/')) ?? files[0];
}

/** Whether a drag carries files (their kinds are known only once dropped). */
const carriesFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');

/** The router of one render root: the editor and More options set what they take. */
export class ImageRouter {
  edit?: ImageToEdit;
  references?: ReferencesTaken;

  constructor(root: Node) {
    root.addEventListener('dragover', (event) => this.#over(event as DragEvent));
    root.addEventListener('dragleave', (event) => this.#leave(event as DragEvent));
    root.addEventListener('drop', (event) => this.#drop(event as DragEvent));
    root.addEventListener('paste', (event) => this.#paste(event as ClipboardEvent));
  }

  #state(): RouterState {
    return {
      editing: !!this.edit?.editing(),
      editWanted: !!this.edit?.wanted(),
      referencesTaken: !!this.references?.taken(),
    };
  }

  /** A drag over a place that takes it: told so (the results' place says it with `data-drop`). */
  #over(event: DragEvent) {
    const { place, at } = placeOf(event);
    const destination = destinationOf('drop', place, this.#state());
    if (destination === 'references') return this.references?.add(event);
    if (destination !== 'edit' || !at || !carriesFiles(event)) return;
    event.preventDefault(); // a drop here is the widget's, not the browser's (which would leave the page for the file)
    at.toggleAttribute('data-drop', true);
  }

  #leave(event: DragEvent) {
    const { place, at } = placeOf(event);
    const into = event.relatedTarget;
    if (place === 'results' && at && !(into instanceof Node && at.contains(into))) at.removeAttribute('data-drop');
  }

  #drop(event: DragEvent) {
    const { place, at } = placeOf(event);
    if (place === 'results') at?.removeAttribute('data-drop');
    const destination = destinationOf('drop', place, this.#state());
    if (destination === 'references') return this.references?.add(event);
    this.#open(destination, event);
  }

  #paste(event: ClipboardEvent) {
    const destination = destinationOf('paste', undefined, this.#state());
    if (destination === 'references') return this.references?.add(event);
    this.#open(destination, event);
  }

  /** The event's image opened in the editor, where that is where it goes and it carries a file. */
  #open(destination: ImageDestination | undefined, event: DragEvent | ClipboardEvent) {
    const file = fileOf(event);
    if (destination !== 'edit' || !file) return;
    event.preventDefault();
    this.edit?.open(file);
  }
}

const routers = new WeakMap<Node, ImageRouter>();

/** The router of `root` (an element's render root): made, and listening, at the first ask. */
export function imageRouter(root: Node): ImageRouter {
  let router = routers.get(root);
  if (!router) routers.set(root, (router = new ImageRouter(root)));
  return router;
}

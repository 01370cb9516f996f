// Where an image dropped or pasted in the widget goes, decided once for the editor and More options: the rule itself,
// and the router on a render root of the widget's places (where results are shown, the reference images' drop zone).
import { expect } from '@open-wc/testing';
import { destinationOf, imageRouter, type RouterState } from '../../../../src/elements/image/shared/image-router.js';

const state = (more: Partial<RouterState> = {}): RouterState => ({
  editing: false,
  editWanted: false,
  referencesTaken: false,
  ...more,
});

/** A render root with the places the router knows, and what the editor and More options were given. */
function widget({ editing = false, editWanted = true, referencesTaken = true } = {}) {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<section class="canvas"><img alt="" /></section>
    <textarea></textarea>
    <div class="refs"><div class="drop"><ul class="thumbs"></ul></div></div>`;
  document.body.append(host);
  const opened: File[] = [];
  const added: Event[] = [];
  const now = { editing, editWanted, referencesTaken };
  const router = imageRouter(root);
  router.edit = { wanted: () => now.editWanted, editing: () => now.editing, open: (file) => opened.push(file) };
  router.references = { taken: () => now.referencesTaken, add: (event) => added.push(event) };
  const at = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  return { host, root, now, opened, added, at };
}

const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'mine.png', { type: 'image/png' });

/** A paste of `items` (files, or text) on `target`: whether the page's paste was stopped. */
function paste(target: Element, ...items: (File | string)[]) {
  const data = new DataTransfer();
  for (const item of items) typeof item === 'string' ? data.items.add(item, 'text/plain') : data.items.add(item);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** A drag event of `type` carrying `files` on `target`. */
function drag(target: Element, type: string, ...files: File[]) {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  const event = new DragEvent(type, { dataTransfer: data, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

let made: HTMLElement[] = [];
afterEach(() => {
  made.forEach((host) => host.remove());
  made = [];
});
const mounted = (options?: Parameters<typeof widget>[0]) => {
  const mounted = widget(options);
  made.push(mounted.host);
  return mounted;
};

describe('the rule of where a dropped or pasted image goes', () => {
  it('a paste: the image to edit while one is edited, else a reference where the model takes them, else the page’s', () => {
    expect(destinationOf('paste', undefined, state({ editing: true, referencesTaken: true }))).to.equal('edit');
    expect(destinationOf('paste', undefined, state({ referencesTaken: true }))).to.equal('references');
    expect(destinationOf('paste', undefined, state({ editWanted: true }))).to.equal(undefined);
  });

  it('a drop: a reference on their drop zone, the image to edit where results are shown if editing is wanted', () => {
    expect(destinationOf('drop', 'references', state({ editing: true, editWanted: true }))).to.equal('references');
    expect(destinationOf('drop', 'results', state({ editWanted: true }))).to.equal('edit');
    expect(destinationOf('drop', 'results', state({ referencesTaken: true }))).to.equal(undefined);
    expect(destinationOf('drop', undefined, state({ editWanted: true, referencesTaken: true }))).to.equal(undefined);
  });
});

describe('the image router', () => {
  it('gives an image pasted while one is edited to the editor, and not to the references', () => {
    const { at, opened, added } = mounted({ editing: true });
    const file = png();
    expect(paste(at('textarea'), file).defaultPrevented).to.equal(true);
    expect(opened).to.deep.equal([file]);
    expect(added).to.deep.equal([]);
  });

  it('gives an image pasted anywhere, while none is edited, to the references where the model takes them', () => {
    const { at, opened, added } = mounted();
    const event = paste(at('textarea'), png());
    expect(added).to.deep.equal([event]);
    expect(opened).to.deep.equal([]);
  });

  it('leaves a paste to the page where nothing takes it, and text pasted while an image is edited', () => {
    const { at, now, opened, added } = mounted({ referencesTaken: false });
    expect(paste(at('textarea'), png()).defaultPrevented).to.equal(false);
    now.editing = true;
    expect(paste(at('textarea'), 'just words').defaultPrevented).to.equal(false);
    expect([opened, added]).to.deep.equal([[], []]);
  });

  it('opens an image dropped where results are shown in the editor, saying it takes it while dragged over', () => {
    const { at, opened, added } = mounted();
    const canvas = at('.canvas');
    expect(drag(at('.canvas img'), 'dragover', png()).defaultPrevented, 'a drop there is the widget’s').to.equal(true);
    expect(canvas.hasAttribute('data-drop')).to.equal(true);
    const leave = new DragEvent('dragleave', { bubbles: true, composed: true, relatedTarget: at('textarea') });
    canvas.dispatchEvent(leave);
    expect(canvas.hasAttribute('data-drop'), 'said no more once the drag leaves').to.equal(false);
    drag(canvas, 'dragover', png());
    const file = png();
    expect(drag(canvas, 'drop', file).defaultPrevented).to.equal(true);
    expect(canvas.hasAttribute('data-drop')).to.equal(false);
    expect(opened).to.deep.equal([file]);
    expect(added).to.deep.equal([]);
  });

  it('leaves a drop where results are shown to the browser where editing is not wanted', () => {
    const { at, opened, added } = mounted({ editWanted: false });
    expect(drag(at('.canvas'), 'dragover', png()).defaultPrevented).to.equal(false);
    expect(at('.canvas').hasAttribute('data-drop')).to.equal(false);
    expect(drag(at('.canvas'), 'drop', png()).defaultPrevented).to.equal(false);
    expect([opened, added]).to.deep.equal([[], []]);
  });

  it('gives what is dragged over and dropped on the references’ drop zone to the references, while an image is edited too', () => {
    const { at, opened, added } = mounted({ editing: true });
    const over = drag(at('.thumbs'), 'dragover', png());
    const drop = drag(at('.drop'), 'drop', png());
    expect(added).to.deep.equal([over, drop]);
    expect(opened).to.deep.equal([]);
  });

  it('is one router, listening once, for a render root', () => {
    const { root, at, added } = mounted();
    expect(imageRouter(root)).to.equal(imageRouter(root));
    paste(at('textarea'), png());
    expect(added.length).to.equal(1);
  });
});

// The editor's own part (a chunk of its own), loaded when the user asks to edit an image (Edit on an image, or an image
// of their own): the editor's template, the mask painter and their styles. What is edited, and how it is sent, is the
// editor feature's, in the panels (../editor-feature.ts).
import type { ReactiveElement } from 'lit';
import { adoptBeside } from '../../../../shared/adopted-styles.js';
import { editorStyles } from './editor.styles.js';
import { renderEditor } from './editor-template.js';
import { MaskPainter, type MaskSize } from './mask-painter.js';
import { maskPainterHandlers } from './mask-painter-handlers.js';
import { maskPainterStyles } from './mask-painter-template.js';

/** What the panels draw of the editor, and the painter of a mask, once this part is here. */
export interface EditorPart {
  render: typeof renderEditor;
  /** A painter for an image of `size`, and its controls' handlers; `changed` asks the widget to draw it again. */
  painterFor(size: MaskSize, changed: () => void): { painter: MaskPainter; on: ReturnType<typeof maskPainterHandlers> };
}

/** The editor's part of the widget `host`, its styles adopted beside the panels'. */
export function editorPart(host: ReactiveElement): EditorPart {
  adoptBeside(host, [editorStyles, maskPainterStyles]);
  return {
    render: renderEditor,
    painterFor: (size, changed) => {
      const painter = new MaskPainter(size, changed);
      return { painter, on: maskPainterHandlers(painter) };
    },
  };
}

// The editor's extension (a chunk of its own), loaded when the user chooses to extend the image: the image on its new
// canvas, each side dragged or typed, and its styles. How far each side goes, and how it is sent, is the editor
// feature's, in the panels (../editor-feature.ts, ../extension.ts).
import type { ReactiveElement } from 'lit';
import { adoptBeside } from '../../../../shared/adopted-styles.js';
import { extendStyles } from './extend.styles.js';
import { extensionHandlers } from './extend-handlers.js';
import { renderExtension } from './extend-template.js';

export type { ExtensionHandlers, ExtensionView } from './extend-template.js';

/** What the panels draw of an extend, once this part is here. */
export interface ExtendPart {
  render: typeof renderExtension;
  handlers: typeof extensionHandlers;
}

/** The extension's part of the widget `host`, its styles adopted beside the panels'. */
export function extendPart(host: ReactiveElement): ExtendPart {
  adoptBeside(host, [extendStyles]);
  return { render: renderExtension, handlers: extensionHandlers };
}

// A small element that draws the mask painter as the editor does: a painter for a source of a known size, its
// template and handlers, in a box of a known size; and what tests do with it: strokes of a pointer at pixels of the
// source, keys on the painting area, the mask exported and decoded.
import { LitElement, css } from 'lit';
import { MaskPainter } from '../../src/elements/image/editor/panel/view/mask-painter.js';
import { maskPainterHandlers } from '../../src/elements/image/editor/panel/view/mask-painter-handlers.js';
import {
  maskPainterStyles,
  renderMaskPainter,
  type MaskPainterHandlers,
} from '../../src/elements/image/editor/panel/view/mask-painter-template.js';
import { theme } from '../../src/elements/shared/theme.js';
import type { Translation } from '../../src/strings/strings.js';
import { pngBlob } from './images.js';

class MaskPainterHost extends LitElement {
  static override styles = [
    theme,
    maskPainterStyles,
    css`
      .mask-area {
        inline-size: var(--box-width);
        block-size: var(--box-height);
        border-radius: 0;
      }
    `,
  ];
  painter!: MaskPainter;
  on!: MaskPainterHandlers;
  src = '';
  translation?: Translation;

  override render() {
    return renderMaskPainter(
      { src: this.src, alt: 'A green test picture', painter: this.painter.view(), translation: this.translation },
      this.on,
    );
  }
}
customElements.define('test-mask-painter-host', MaskPainterHost);

const mounted: HTMLElement[] = [];

/** Removes the painters mounted so far (after each test). */
export function unmountPainters() {
  for (const host of mounted.splice(0)) host.remove();
}

/**
 * A painter for a source of `width` × `height`, drawn in a box of `box` CSS pixels (by default twice the source's
 * size, so that the image fills it), on the page; the mask as exported, decoded; and strokes and keys.
 */
export async function mountPainter({
  width = 320,
  height = 200,
  box = [width * 2, height * 2] as [number, number],
  translation = undefined as Translation | undefined,
} = {}) {
  const host = document.createElement('test-mask-painter-host') as MaskPainterHost;
  host.painter = new MaskPainter({ width, height }, () => host.requestUpdate());
  host.on = maskPainterHandlers(host.painter);
  host.src = URL.createObjectURL(await pngBlob(width, height));
  host.translation = translation;
  host.style.setProperty('--box-width', `${box[0]}px`);
  host.style.setProperty('--box-height', `${box[1]}px`);
  document.body.append(host);
  mounted.push(host);
  await host.updateComplete;
  const root = host.shadowRoot!;
  const canvas = root.querySelector('canvas')!;
  const area = root.querySelector<HTMLElement>('[part~="mask"]')!;
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((each) => each.textContent!.trim() === name)!;

  /** The client point over source pixel (x, y), from the canvas's box and the fit computed here, independently. */
  const client = (x: number, y: number) => {
    const rect = canvas.getBoundingClientRect();
    const scale = Math.min(rect.width / width, rect.height / height);
    return {
      clientX: rect.left + (rect.width - width * scale) / 2 + x * scale,
      clientY: rect.top + (rect.height - height * scale) / 2 + y * scale,
    };
  };
  /** A stroke through these source pixels, as a pointer of `pointerType` makes it. */
  const stroke = async (points: [number, number][], pointerType = 'mouse') => {
    const init = { bubbles: true, composed: true, pointerId: 7, pointerType, isPrimary: true, button: 0 };
    const [first, ...rest] = points;
    canvas.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1, ...client(...first!) }));
    for (const point of rest)
      canvas.dispatchEvent(new PointerEvent('pointermove', { ...init, buttons: 1, ...client(...point) }));
    const last = points[points.length - 1]!;
    canvas.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0, ...client(...last) }));
    await host.updateComplete;
  };
  /** `key` pressed on the painting area, with `modifiers`. */
  const press = async (key: string, modifiers: KeyboardEventInit = {}) => {
    area.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...modifiers }),
    );
    await host.updateComplete;
  };
  const click = async (name: string) => {
    button(name).click();
    await host.updateComplete;
  };
  const said = () => root.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
  return {
    host,
    painter: host.painter,
    root,
    canvas,
    area,
    button,
    stroke,
    press,
    click,
    said,
    client,
    mask: () => decoded(host.painter),
  };
}

/** The painter's mask, exported and decoded: its size, its red channel by pixel, and the PNG's data URL. */
async function decoded(painter: MaskPainter) {
  const mask = await painter.mask();
  const blob = await (await fetch(mask.dataUrl)).blob();
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  const at = (x: number, y: number) => data[(y * bitmap.width + x) * 4]!;
  /** Every value of every channel, each exactly 0 or 255 (alpha 255). */
  const values = new Set<number>();
  let white = 0;
  for (let index = 0; index < data.length; index += 4) {
    values
      .add(data[index]!)
      .add(data[index + 1]!)
      .add(data[index + 2]!);
    if (data[index + 3] !== 255) values.add(-1);
    if (data[index] === 255) white++;
  }
  return {
    ...mask,
    decodedWidth: bitmap.width,
    decodedHeight: bitmap.height,
    at,
    values: [...values].sort((a, b) => a - b),
    whiteShare: white / (bitmap.width * bitmap.height),
    /** Whether every pixel is white exactly where `inside` says. */
    whereWhite: (inside: (x: number, y: number) => boolean) => {
      const wrong: string[] = [];
      for (let y = 0; y < bitmap.height; y++)
        for (let x = 0; x < bitmap.width; x++) if ((at(x, y) === 255) !== inside(x, y)) wrong.push(`${x},${y}`);
      return wrong;
    },
  };
}

// The demo page (demo/index.html, under its own strict Content-Security-Policy) in an iframe of the test page.
import { until } from './puter.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';

let frame: HTMLIFrameElement | undefined;

/** The demo in an iframe `width` pixels wide (and `height` high), loaded, its widget rendered. */
export async function openDemo(width: number, height = 900): Promise<Window> {
  closeDemo();
  frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await loaded;
  const view = frame.contentWindow!;
  await until(() => view.document.querySelector('userpays-image')?.shadowRoot?.querySelector('[part~=submit]'));
  return view;
}

/** The demo's widget, on `provider` (the demo's simulator for it, and its key), with `scenario` if given. */
export async function demoWidget(view: Window, provider: string, scenario = ''): Promise<UserPaysImage> {
  const pick = (id: string, value: string) => {
    const select = view.document.getElementById(id) as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };
  pick('provider', provider);
  if (scenario) pick('scenario', scenario);
  const widget = view.document.querySelector('userpays-image') as UserPaysImage;
  await widget.updateComplete;
  return widget;
}

export function closeDemo() {
  frame?.remove();
  frame = undefined;
}

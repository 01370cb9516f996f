// The demo page (demo/index.html, under its own strict Content-Security-Policy) in an iframe of the test page.
import { loadedFrame } from './frames.js';
import { forgetStorage, holdDefaultStorageKey } from './storage.js';
import { until } from './wait.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { ProviderId } from '../../src/base/types.js';
import { providerInfo } from '../../src/providers/registry/catalog.js';

let frame: HTMLIFrameElement | undefined;
/** Lets the next test have the default storage key, which the demo stores under (`holdDefaultStorageKey`). */
let release: (() => void) | undefined;
/** The windows the demo opened (`withPopup`): closed with it, so that no test finds another's left open. */
const popups: Window[] = [];

/** The demo in an iframe `width` pixels wide (and `height` high), loaded, its widget rendered. */
export async function openDemo(width: number, height = 900): Promise<Window> {
  closeDemo();
  release = await holdDefaultStorageKey();
  frame = await loadedFrame('/demo/index.html', { width, height });
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

/** Removes the demo's frame, closes the windows it opened, and lets the next test have the default storage key. */
export function closeDemo() {
  frame?.remove();
  frame = undefined;
  for (const popup of popups.splice(0)) popup.close();
  release?.();
  release = undefined;
}

/**
 * Closes the demo, and forgets what it stored: under its storage key (`userpays`, which the examples share), and the
 * provider and scenario its bar keeps for the tab (`demo-simulator`: the runner may load the next test file in the same
 * tab, whose demo would open on them).
 */
export async function forgetDemo() {
  const held = release;
  release = undefined; // held until what the demo stored is forgotten
  closeDemo();
  sessionStorage.removeItem('demo-simulator');
  await forgetStorage('userpays');
  held?.();
}

/** Runs `click` with the demo's window.open captured: the popup it opens, or none (`blocked`: as a browser that blocks it). */
export async function withPopup(view: Window, click: () => void, blocked = false): Promise<Window | null> {
  const real = view.open;
  let popup: Window | null = null;
  view.open = (...args: Parameters<Window['open']>) => (blocked ? null : (popup = real.apply(view, args)));
  try {
    click();
  } finally {
    view.open = real;
  }
  if (popup) popups.push(popup);
  return popup;
}

/** The account system's page (the simulator's, same origin as the demo) in `where`, once it has loaded. */
export const signInPage = (where: () => Window | null) =>
  until(() => (where()?.document?.querySelector('#authorize') ? where() : null), 8000);

/**
 * The account system's page (the simulator's, same origin as the demo), loaded in `where`: Authorize is pressed (or
 * another of its links, such as Hugging Face's `authorize-free`).
 */
export async function authorize(where: () => Window | null, link = 'authorize') {
  (await signInPage(where))!.document.querySelector<HTMLElement>(`#${link}`)!.click();
}

/**
 * What leaves for the provider after the sign-in button, as a user goes: the button itself, or, where the provider caps
 * the key it gives (OpenRouter), its click and then the form that asks how much the site may spend (part `grant`), with
 * `cap` typed (as offered where absent): its Continue. Click it inside `withPopup`: the window opens from that click.
 */
export async function toProvider(widget: UserPaysImage, button: HTMLElement, cap?: string): Promise<HTMLElement> {
  if (!providerInfo(button.dataset.provider as ProviderId)?.capsSignIn) return button;
  button.click();
  const grant = await until(() => widget.shadowRoot!.querySelector<HTMLElement>('[part~=grant]'), 5000);
  if (cap !== undefined) grant.querySelector<HTMLInputElement>('#grant-cap')!.value = cap;
  return grant.querySelector<HTMLElement>('button.secondary')!;
}

/** The widget of the demo (after a page load too), its sign-in button for `provider` drawn. */
export async function signInButton(view: Window, provider: string) {
  const button = await until(
    () =>
      view.document
        .querySelector('userpays-image')
        ?.shadowRoot?.querySelector<HTMLElement>(`[part~=sign-in][data-provider=${provider}]`),
    8000,
  );
  return { widget: view.document.querySelector('userpays-image') as UserPaysImage, button };
}

/**
 * The demo, 1280 px wide, on `provider`'s simulator under `scenario`, its sign-in button drawn: the page, its widget,
 * the button.
 */
export async function demoSignInButton(provider: string, scenario = '') {
  const view = await openDemo(1280);
  await demoWidget(view, provider, scenario);
  return { view, ...(await signInButton(view, provider)) };
}

/**
 * After each test of the calling suite: the demo forgotten (`forgetDemo`), and the tab's session storage cleared (what
 * a sign-in keeps there for its return).
 */
export function demoForgottenAfterEach() {
  afterEach(async () => {
    await forgetDemo();
    sessionStorage.clear();
  });
}

/**
 * Signs in with the popup as a user does: Continue on the widget's grant (`cap` typed there, where given), then
 * Authorize on the provider's page in the popup.
 */
export async function signInByPopup(view: Window, widget: UserPaysImage, button: HTMLElement, cap?: string) {
  const leave = await toProvider(widget, button, cap);
  const popup = await withPopup(view, () => leave.click());
  await authorize(() => popup);
}

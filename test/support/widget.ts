// Finding and driving the controls of `<userpays-image>` as a user does (src/elements/image/prompt/prompt-template.ts,
// image-template.ts and the panels of src/elements/image/panels/): native radio groups for the model, the shape, the size
// and the count; More options and the price details, which arrive with the panels after the first paint; the
// decision row (the price, what it buys, Generate and why it cannot run); the result and the history.
import { fixture } from '@open-wc/testing';
import { until, waitUntil } from './wait.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { bflEndpoint, simEndpoint, uniqueStorageKey, type SimulatorName } from './sim.js';
import { storageKeysForgottenAfterEach } from './storage.js';

/** A `<userpays-image>`, the source element or the built one (the examples load dist/). */
type Widget = HTMLElement & { updateComplete: Promise<boolean> };

/** A widget's attributes as a page writes them (`'storage-key'`, `endpoint`, `style`…); undefined ones are left out. */
export type Attributes = Record<string, string | number | undefined>;

/** A `<userpays-image>` of `doc` with `attributes` (a `storage-key` of its own unless one is given), not yet connected. */
export function imageElement(doc: Document, attributes: Attributes) {
  const el = doc.createElement('userpays-image') as UserPaysImage;
  for (const [name, value] of Object.entries({ 'storage-key': uniqueStorageKey(), ...attributes }))
    if (value !== undefined) el.setAttribute(name, String(value));
  return el;
}

/**
 * `el` drawn: a widget far from the viewport is drawn only once it comes near it (src/elements/shared/near-controller.ts),
 * so one that is held is scrolled into view, as a user would, and waited for. One drawn already is left where it is.
 */
export async function drawn<T extends Widget>(el: T): Promise<T> {
  await el.updateComplete;
  if (el.matches(':state(rendered)')) return el;
  el.scrollIntoView({ block: 'nearest' });
  await until(() => el.matches(':state(rendered)'), 5000, 'the widget drawn');
  await el.updateComplete;
  return el;
}

/**
 * A `<userpays-image>` in the test's fixture container, whichever definition the test loaded (the source's, by
 * importing src/define.js, or the built one), with `attributes` (a `storage-key` of its own unless one is given), then
 * `properties` set (a key, a price book…), its update done.
 */
export async function imageWidget(
  attributes: Attributes = {},
  properties: Partial<UserPaysImage> = {},
): Promise<UserPaysImage> {
  const el = imageElement(document, attributes);
  await fixture(el);
  await drawn(el);
  Object.assign(el, properties);
  await el.updateComplete;
  return el;
}

/**
 * Mounts widgets as `imageWidget` does, for the calling suite: what each stored under its storage key (its own, or the
 * one its attributes give) is forgotten after each test, and under any other key handed to `forget`.
 */
export function imageWidgetsForgottenAfterEach() {
  const storageKeys = storageKeysForgottenAfterEach();
  const mount = async (attributes: Attributes = {}, properties: Partial<UserPaysImage> = {}) => {
    const el = await imageWidget(attributes, properties);
    storageKeys.forget(el.storageKey);
    return el;
  };
  return Object.assign(mount, { forget: storageKeys.forget });
}

/**
 * A `<userpays-image>` in another page (`view`, a frame with modules of its own: the built files, a strict policy),
 * made without markup, with `attributes`, at the end of its body, its first update done.
 */
export async function imageWidgetIn(view: Window, attributes: Attributes): Promise<UserPaysImage> {
  await view.customElements.whenDefined('userpays-image');
  const el = imageElement(view.document, attributes);
  view.document.body.append(el);
  return drawn(el);
}

/**
 * A BFL widget in another page (`view`): FLUX.2 [klein] 4B at the simulator (its delivery host answering CORS), on
 * `storageKey`, `apiKey` entered.
 */
export async function bflWidgetIn(view: Window, storageKey: string, apiKey: string) {
  const el = await imageWidgetIn(view, {
    provider: 'bfl',
    model: 'flux-2-klein-4b',
    'storage-key': storageKey,
    endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${storageKey}`),
    prompt: 'a fox in the snow',
  });
  el.apiKey = apiKey;
  return el;
}

/** The first element of the widget's shadow tree with `name` among its parts. */
export const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);

/** Whitespace as a reader hears it: runs of it as one space, none at the ends. */
export const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The colour the theme token `variable` (`--_danger`…) computes to in `el` (a probe in its shadow root). */
export function themeColour(el: HTMLElement, variable: string) {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  el.shadowRoot!.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** The value of the checked radio of a group (`model`, `quality`…), if one is. */
export const checkedRadio = (el: HTMLElement, name: string) => radios(el, name).find((radio) => radio.checked)?.value;

/** What the widget's account line says (who is signed in, what is left), as read. */
export const accountLine = (el: HTMLElement) => words(part(el, 'account'));

/** Waits for the panels (More options, the price details, the result and the history), loaded after the first paint. */
export async function panelsLoaded(el: Widget) {
  await waitUntil(() => part(el, 'more'), 'the panels load');
  await el.updateComplete;
}

/** The radio of the model `id`, once the picker shows it: the step under the models is taken until it does. */
export async function modelOffered(el: Widget, id: string) {
  const model = () => radios(el, 'model').find((radio) => radio.value === id);
  return until(
    async () => {
      part(el, 'model')!.querySelector<HTMLButtonElement>('button.link[aria-expanded=false]')?.click();
      await el.updateComplete;
      return model();
    },
    5_000,
    `${id} offered`,
  );
}

/** The page changes the widget's provider to `provider`'s simulator: its endpoint with it, as a page's select does. */
export function switchToSimulator(el: UserPaysImage, provider: SimulatorName, scenario = '') {
  el.endpoint = simEndpoint(provider, scenario);
  el.provider = provider;
}

/** The radios of a group (`model`, `shape`, `size`, `count`), in order. */
export const radios = (el: HTMLElement, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[type=radio][name=${name}]`),
];

/** Every model the picker offers (unfolding "N more models" where the first five are shown): its row, as read. */
export async function modelChoices(el: Widget) {
  const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=model] button[aria-expanded=false]');
  if (more) {
    more.click();
    await el.updateComplete;
  }
  return radios(el, 'model').map((radio) => {
    const row = radio.closest('label')!;
    return {
      id: radio.value,
      name: words(row.querySelector('.name')),
      price: words(row.querySelector('.price')),
      checked: radio.checked,
    };
  });
}

/** Chooses the model `id` in the picker, as a click on its row does. */
export async function chooseModel(el: Widget, id: string) {
  await modelChoices(el);
  const radio = radios(el, 'model').find((choice) => choice.value === id);
  if (!radio) throw new Error(`the picker offers no model ${id}`);
  radio.click();
  await el.updateComplete;
}

/** Chooses how many images under More options (once the panels are here). */
export async function chooseCount(el: Widget, count: number) {
  await panelsLoaded(el);
  radios(el, 'count')
    .find((radio) => radio.value === String(count))!
    .click();
  await el.updateComplete;
}

/**
 * Types `key` into the widget's key field as the user does (once the panels are here): its value, then `input`;
 * `commit`: then `change` too, as Enter or the focus leaving the field sends. Its update done; the field.
 */
export async function typeKey(el: Widget, key: string, { commit = false } = {}) {
  await panelsLoaded(el);
  const field = part(el, 'key') as HTMLInputElement;
  field.value = key;
  field.dispatchEvent(new Event('input'));
  if (commit) field.dispatchEvent(new Event('change'));
  await el.updateComplete;
  return field;
}

/** Shows Width and Height ("Custom size"), where they are not shown yet. */
export async function customSize(el: Widget) {
  if (part(el, 'width')) return;
  const link = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
    (button) => words(button) === 'Custom size',
  );
  if (!link) throw new Error('no "Custom size" to click');
  link.click();
  await el.updateComplete;
}

/** The decision row: the total as shown (undefined where there is no payable price), and what it buys. */
export function decision(el: HTMLElement) {
  const cost = part(el, 'cost')!;
  const total = words(cost.querySelector('.total strong'));
  return { price: total === '—' ? undefined : total, buys: words(cost.querySelector('.total .muted')) };
}

/** Why Generate cannot run now, as said beside it (empty where it can), and the fix it offers. */
export function blocked(el: HTMLElement) {
  const reason = el.shadowRoot!.querySelector('#reason');
  return { reason: words(reason?.querySelector('span')), fix: reason?.querySelector<HTMLElement>('a, button') };
}

/** What the widget's polite status regions say now, one string each (a screen reader reads them as they change). */
export const announced = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('[role=status]')].map((node) => node.textContent);

/** The Generate button. */
export const generateButton = (el: HTMLElement) => part(el, 'submit') as HTMLButtonElement;

/** The images shown, newest first: the latest submission's (`result`), then the earlier ones (`gallery`). */
export const tiles = (el: HTMLElement) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=result] figure.tile, [part~=gallery] figure.tile'),
];

/** An image's action (`data-action`): in its toolbar, or in the toolbar's menu (Reuse, Finalize, Delete). */
export const imageAction = (tile: Element, action: string) =>
  tile.querySelector<HTMLElement>(`[data-action=${action}]`);

/**
 * Waits until what the widget animates has come to rest (a new image fades in): axe reads colours as they are drawn,
 * half-transparent in the middle of a fade. Animations that run for as long as they are shown (a placeholder's
 * shimmer) are left to run.
 */
export async function settled(el: Widget) {
  await el.updateComplete;
  const finite = el
    .shadowRoot!.getAnimations()
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished.catch(() => {})));
}

/**
 * Opens the price details as a user does (their summary's click) and waits for their part (the breakdown, the
 * projection, the comparison: panels/details/, loaded when they are opened), up to 10 s each: a part loaded on
 * demand comes as slowly as the machine running the suite serves it.
 */
export async function openPriceDetails(el: Widget) {
  const root = el.shadowRoot!;
  await waitUntil(() => root.querySelector('details.details'), 'the price details', { timeout: 10_000 });
  const details = root.querySelector<HTMLDetailsElement>('details.details')!;
  if (!details.open) details.querySelector('summary')!.click();
  await waitUntil(() => root.querySelector('.details-body'), 'the price details load', { timeout: 10_000 });
  await el.updateComplete;
  return details;
}

/** What the price details say (the breakdown, its notes and source, the projection, the comparison), opened. */
export async function priceDetailsText(el: Widget) {
  await openPriceDetails(el);
  return el.shadowRoot!.querySelector('.details-body')!.textContent!;
}

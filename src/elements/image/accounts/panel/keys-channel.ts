import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderKeys } from './provider-keys.js';

/** The channel on which the widgets and tabs of a storage key hear that a key was forgotten. */
const channelName = (storageKey: string) => `${storageKey}-keys`;

/**
 * Carries the word that a key was forgotten (Sign out, or "Remember my key" unticked: `ProviderKeys.forget`,
 * `remember(false)`) between every widget and tab of the storage key, over a BroadcastChannel named by it, so that
 * no other widget goes on paying with it. The message names the slot (`{storageKey}:key:{provider}:{route}`), never
 * the key. Made with the panels, which draw the controls that forget a key: before them, a key this widget read from
 * disk and another forgot meanwhile is dropped as they arrive (`recheck`). Without BroadcastChannel, only the disk
 * is cleared.
 */
export class KeysChannel implements ReactiveController {
  #channel?: BroadcastChannel;

  readonly #keys: ProviderKeys;
  readonly #storageKey: () => string;

  constructor(host: ReactiveControllerHost, keys: ProviderKeys, storageKey: () => string) {
    this.#keys = keys;
    this.#storageKey = storageKey;
    keys.tell = (where) => this.#tell(where);
    host.addController(this);
  }

  hostConnected() {
    this.#listen();
    this.#keys.recheck();
  }

  hostUpdate() {
    this.#listen(); // the storage key may have changed
  }

  hostDisconnected() {
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Listens to the other widgets and tabs of the storage key in force (a channel never hears its own messages). */
  #listen() {
    const name = channelName(this.#storageKey());
    if (this.#channel?.name === name || typeof BroadcastChannel === 'undefined') return;
    this.#channel?.close();
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = ({ data }: MessageEvent) => {
      const where = (data as { forgotten?: unknown } | null)?.forgotten;
      if (typeof where === 'string') this.#keys.drop(where);
    };
  }

  /** Tells every other widget and tab of the storage key that the key of the slot `where` was forgotten. */
  #tell(where: string) {
    if (typeof BroadcastChannel === 'undefined') return;
    const name = channelName(this.#storageKey());
    const channel = this.#channel?.name === name ? this.#channel : new BroadcastChannel(name);
    channel.postMessage({ forgotten: where });
    if (channel !== this.#channel) channel.close(); // delivered all the same, as image-store.ts relies on too
  }
}

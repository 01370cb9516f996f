// The relays the test runner starts (relay/worker.js in workerd; test/relay/relay-server.mjs says which and how
// each is configured), for tests that send provider calls through one.

export type RelayName = 'main' | 'strict' | 'elsewhere' | 'small' | 'open';

let relays: Promise<Record<RelayName, string>> | undefined;

/** The base URL of a relay (`http://127.0.0.1:<port>`); a relayed request is `{base}?url={upstream URL}`. */
export async function relayUrl(name: RelayName = 'main'): Promise<string> {
  relays ??= fetch('/__relays.json').then((response) => response.json());
  const url = (await relays)[name];
  if (!url) throw new Error(`no relay named ${name} (see test/relay/relay-server.mjs)`);
  return url;
}

/** `upstream` through the relay `name`. */
export async function viaRelay(upstream: string, name: RelayName = 'main'): Promise<string> {
  return `${await relayUrl(name)}/?url=${encodeURIComponent(upstream)}`;
}

/** A random id: a UUID where the page is a secure context, else 32 random hex digits (`randomUUID` is missing there). */
export const newId = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');

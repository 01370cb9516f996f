/**
 * The bytes of a `data:` URL, decoded here rather than fetched: a page's Content Security Policy may forbid fetching
 * `data:` URLs (`connect-src`), and a reference image or a mask reaches the adapters as one (`ReferenceImage`).
 */

/** The type a `data:` URL names (`image/png` of `data:image/png;base64,…`), '' where it names none. */
export function dataUrlType(dataUrl: string): string {
  const header = dataUrl.slice(5, Math.max(5, dataUrl.indexOf(',')));
  return /^data:/.test(dataUrl) ? (header.split(';')[0] ?? '') : '';
}

/** A base64 `data:` URL as a Blob of its type (what a `multipart/form-data` part is sent as). */
export function dataUrlBlob(dataUrl: string): Blob {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new Blob([bytes], { type: dataUrlType(dataUrl) });
}

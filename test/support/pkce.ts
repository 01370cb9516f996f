// PKCE (RFC 7636) by hand, for tests that sign in against the simulators' authorize pages (demo/sim/huggingface.mjs,
// openrouter.mjs, pollinations.mjs) as src/providers/engine/oauth.ts does in the widget.

/** Bytes as base64url without padding, as PKCE writes its verifier and challenge. */
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A PKCE pair made as the widget makes it: a random verifier and its S256 challenge. */
export async function pkcePair() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

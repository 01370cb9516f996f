/**
 * Where a tab that leaves to sign in by redirect marks it in sessionStorage (./oauth.ts): the state of that sign-in,
 * read and removed by the first page the tab loads after, the only one that may trade its code. Apart from the sign-in
 * itself: the widget reads it through the engine, and loads its sign-in where this page may finish one.
 */
export const LEFT_TO_SIGN_IN = 'userpays:sign-in:left';

/** This is the first page the tab loads since it left to sign in by redirect: the marker is there, not yet read. */
export function leftToSignIn(): boolean {
  try {
    return sessionStorage.getItem(LEFT_TO_SIGN_IN) !== null;
  } catch {
    return false; // no session storage: no sign-in by redirect could have been kept
  }
}

import type { ImageParts } from '../../image-parts.js';
import type { PanelControllers } from '../../panels/panel-controllers.js';

/** What the account's controls drawn with the panels do: the key field, "Remember", and Sign in before its part. */
export interface AccountHandlers {
  /** The key field (drawn with the panels): typed, committed (Enter, or focus left it), "Remember" ticked. */
  keyInput(event: Event): void;
  keyCommit(event: Event): void;
  rememberChange(event: Event): void;
  /** Sign in, drawn by the panels until the sign-in's part is here (`SignInOnDemand.begin`). */
  signInFirst(): void;
}

/** The account's handlers: they set the keys' state and ask for an update, never draw. */
export function accountHandlers({ host }: ImageParts, panels: PanelControllers): AccountHandlers {
  return {
    keyInput: (event) => {
      panels.edited();
      panels.keys.current = (event.target as HTMLInputElement).value.trim();
      host.requestUpdate();
    },
    // Committed (Enter, or focus left the field): only then may waiting images be fetched with the key.
    keyCommit: () => panels.resume.keyEntered(),
    rememberChange: (event) => {
      panels.keys.remember((event.target as HTMLInputElement).checked);
      panels.signedKeys.keep(); // "Stay signed in": the sign-in's word goes with its key
      host.requestUpdate();
    },
    signInFirst: () => panels.signIn.begin(),
  };
}

// The user's Puter files in the simulator (demo/sim/puter-fs.mjs): tokens that name the app they were given to (as
// Puter's sign-in gives a website: the SDK files relative paths under `~/AppData/{app id}`), and the test route.

/** The app the tests' website is to Puter (any `app-…` id: the simulator takes the token's claim). */
export const TEST_APP = 'app-7b0c6f9e-2d4a-5c1e-9f3b-0a8d6e4c2b1f';

/** An app-under-user token of the simulator for `app`, unique (the SDK reads its `app_uid` claim as `puter.appID`). */
export function puterAppToken(app = TEST_APP): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const user = crypto.randomUUID();
  return `${part({ alg: 'none' })}.${part({ type: 'app-under-user', version: '2', app_uid: app, user_uid: user })}.sim`;
}

export interface SimFile {
  path: string;
  size: number;
  type: string;
}

/** The files the simulator holds for `username`, and what they use of its capacity. */
export async function puterFilesOf(username: string): Promise<{ files: SimFile[]; used: number; capacity: number }> {
  const response = await fetch(`/sim/puter/_files?username=${encodeURIComponent(username)}`);
  return response.json();
}

/** Seeds files for `username` and sets its storage: `capacity` bytes, a `fault` ('down', 'full', 'slow'; null: none). */
export async function setPuterFiles(
  username: string,
  settings: {
    files?: { path: string; text?: string; base64?: string; type?: string }[];
    capacity?: number;
    fault?: 'down' | 'full' | 'slow' | null;
    slowMs?: number;
  },
) {
  const response = await fetch('/sim/puter/_files', {
    method: 'POST',
    body: JSON.stringify({ username, ...settings }),
  });
  if (!response.ok) throw new Error(`_files: HTTP ${response.status}`);
}

/** The names of `username`'s files under the app's image folder. */
export async function accountImageFiles(username: string, app = TEST_APP): Promise<string[]> {
  const folder = `/${username}/AppData/${app}/userpays/images/`;
  const { files } = await puterFilesOf(username);
  return files.flatMap(({ path }) => (path.startsWith(folder) ? [path.slice(folder.length)] : [])).sort();
}

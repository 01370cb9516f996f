// "Tabs" for tests across pages: iframes running test/fixtures/tab.ts, each with its own modules, Web Lock
// holder and storage events (see that file for the commands a tab answers).

/** Resolves when the frame's tab.ts has loaded (it posts `{ ready }`). */
export function tabLoaded(frame: HTMLIFrameElement): Promise<void> {
  return new Promise<void>((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.source === frame.contentWindow && e.data?.ready) (removeEventListener('message', on), resolve());
    };
    addEventListener('message', on);
  });
}

/** A tab on `storageKey` (on `origin`, this page's by default; `query` adds to its address), loaded. */
export async function openTab(storageKey: string, { origin = location.origin, query = '' } = {}) {
  const frame = document.createElement('iframe');
  const ready = tabLoaded(frame);
  frame.src = `${origin}/test/fixtures/frame.html?key=${storageKey}${query}#tab`;
  document.body.append(frame);
  // In view, as a tab the user looks at: a widget far from the viewport is drawn only once it comes near it.
  frame.scrollIntoView();
  await ready;
  return frame;
}

// Pages of their own for tests: another document in an iframe of the test page, with its own modules, storage events,
// policy and record of what it loaded.

/**
 * `src` in an iframe of this page, `width` × `height` px (`sandbox`: its tokens, where it is to be sandboxed); resolves
 * once it has loaded (its module scripts have run). Remove it when done.
 */
export async function loadedFrame(
  src: string,
  { width, height, sandbox }: { width?: number; height?: number; sandbox?: string } = {},
): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (width) frame.style.width = `${width}px`;
  if (height) frame.style.height = `${height}px`;
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  // In view, as a page the user looks at: a widget far from the viewport is drawn only once it comes near it.
  frame.scrollIntoView();
  await loaded;
  return frame;
}

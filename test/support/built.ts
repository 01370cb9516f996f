// The built files as a static page uses them: `<script type="module" src="/dist/userpays.js">`, and the chunks the
// entry then loads from beside itself (dist/chunks/), each known by its part name in the build's parts manifest.
import type { PartsManifest } from '../../scripts/sessions.mjs';
import { loadedFrame } from './frames.js';

/** Adds `<script type="module" src>` to the page; resolves once it has run (a module runs once per address). */
export function loadModuleScript(src: string, into: Document = document) {
  return new Promise<void>((resolve, reject) => {
    const script = into.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    into.head.append(script);
  });
}

/** The files of dist/ this page (or `view`, a page of its own) has loaded as modules so far: their addresses. */
export function filesLoaded(view: Window = window): string[] {
  return (view.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter(({ initiatorType }) => initiatorType !== 'fetch') // a test's own fetch() of a file is not a load
    .map(({ name }) => name)
    .filter((name) => new URL(name).pathname.startsWith('/dist/'));
}

/** The build's parts manifest (dist/parts.json: scripts/parts-manifest.mjs), as `npm run build` wrote it. */
export const manifest = (await (await fetch('/dist/parts.json')).json()) as PartsManifest;

const partsByPath = new Map(Object.entries(manifest.parts).map(([name, { file }]) => [`/dist/${file}`, name]));

/**
 * A built file's part name (`userpays`, `lazy/engine`, `providers/bfl/adapter`…: the names of dist/parts.json), from
 * its address; undefined for a file that is no part (the stylesheet).
 */
export const partName = (url: string) => partsByPath.get(new URL(url, location.href).pathname);

/** The parts this page (or `view`) has loaded as modules so far, by name (`userpays`, `lazy/engine`…). */
export function partsLoaded(view: Window = window): string[] {
  return filesLoaded(view)
    .map(partName)
    .filter((name): name is string => !!name);
}

/**
 * A page of its own (test/fixtures/built.html in an iframe: its own modules, and its own record of what it fetched)
 * that loads the built entry as a static site does, with `importMap` if given; resolves once the module has run.
 * Remove `frame` when done.
 */
export async function builtPage(importMap?: { imports: Record<string, string> }) {
  const query = importMap ? `?importmap=${encodeURIComponent(JSON.stringify(importMap))}` : '';
  // (a module script runs before the load event)
  const frame = await loadedFrame(`/test/fixtures/built.html${query}`, { width: 800, height: 600 });
  return { frame, view: frame.contentWindow! };
}

/** Opens pages as `builtPage` does, for the calling suite: each removed after its test. Resolves with its window. */
export function builtPagesRemovedAfterEach() {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));
  return async (importMap?: { imports: Record<string, string> }) => {
    const { frame, view } = await builtPage(importMap);
    frames.push(frame);
    return view;
  };
}

/** Every file of the build a page can load: the entry and each chunk it imports, statically or with `import()`. */
export async function builtFiles(entry = '/dist/userpays.js'): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const queue = [new URL(entry, location.href).href];
  while (queue.length) {
    const url = queue.shift()!;
    if (files.has(url)) continue;
    const source = await (await fetch(url)).text();
    files.set(url, source);
    for (const [, specifier] of source.matchAll(/["'](\.\.?\/[\w./-]+\.js)["']/g))
      queue.push(new URL(specifier, url).href);
  }
  return files;
}

// The built files as a static page uses them: `<script type="module" src="/dist/userpays.js">`, and the chunks the
// entry then loads from beside itself (dist/chunks/).

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

/** The chunks of dist/chunks/ this page has loaded as modules so far, by name without the hash (`engine`…). */
export function chunksFetched(): string[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter(({ initiatorType }) => initiatorType !== 'fetch') // a test's own fetch() of a file is not a load
    .map(({ name }) => /\/dist\/chunks\/([\w-]+?)-[\w-]{8}\.js$/.exec(name)?.[1])
    .filter((name): name is string => !!name);
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

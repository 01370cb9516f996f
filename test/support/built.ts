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

/** The chunks of dist/chunks/ this page has fetched so far, by name without the hash (`engine`, `panels`…). */
export function chunksFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map(({ name }) => /\/dist\/chunks\/([\w-]+?)-[\w-]{8}\.js$/.exec(name)?.[1])
    .filter((name): name is string => !!name);
}

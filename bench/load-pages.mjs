// The pages bench/load.mjs loads, served by bench/run.mjs at /bench/load/<name>: each a fresh page whose head
// first registers the long-task observer (loadProbe), then loads dist/userpays.js as a site does: one module script
// tag, which runs once the page is parsed, before DOMContentLoaded.
import { intlCost, loadProbe, watchElement } from './in-page.js';

export const TAGS = ['userpays-image', 'userpays-cost', 'userpays-tally'];

const inline = (fn, ...args) => `<script>(${fn})(${args.map((a) => JSON.stringify(a)).join(', ')});</script>`;
const mark = (name) => `<script>performance.mark(${JSON.stringify(name)});</script>`;
const bundle = '<script type="module" src="/dist/userpays.js"></script>';
/** Marks the end of the bundle's evaluation: an inline module script runs right after the module before it. */
const afterBundle = '<script type="module">performance.mark("script:after");</script>';
// BFL: priced from the built-in book, nothing fetched (Puter, the default, fetches its live catalogue).
const element = (tag) =>
  `${inline(watchElement, tag)}\n<${tag}${tag === 'userpays-tally' ? '' : ' provider="bfl"'}></${tag}>\n${mark(`${tag}:after`)}`;

const page = (title, head, body = '') => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>userpays bench: ${title}</title>
    ${inline(loadProbe)}
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>
`;

const pages = {
  /** The bundle alone, between two marks: its evaluation. */
  script: () => page('script evaluation', `${mark('script:before')}\n${bundle}\n${afterBundle}`),
  /** One element (?tag=), between two marks, and marked when it shows a price. */
  element: (query) => {
    const tag = query.get('tag');
    if (!TAGS.includes(tag)) return undefined;
    return page(`first render of <${tag}>`, bundle, element(tag));
  },
  /** All three elements, as on a page that uses the widget. */
  all: () =>
    page('all three elements', `${mark('script:before')}\n${bundle}\n${afterBundle}`, TAGS.map(element).join('\n')),
  /** No widget: the platform's first Intl.NumberFormat for USD. */
  intl: () => page('Intl.NumberFormat', inline(intlCost)),
  /** The bundle and an empty body, for widgets added by script. */
  blank: () => page('blank', bundle),
};

/** The HTML of /bench/load/<name>?<query>, or undefined. */
export function loadPage(name, query) {
  return Object.hasOwn(pages, name) ? pages[name](query) : undefined;
}

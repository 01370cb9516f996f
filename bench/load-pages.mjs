// The pages bench/load.mjs and bench/at-load.mjs load, served by bench/server.mjs at /bench/load/<name>: each a fresh
// page whose head first registers the long-task observer (loadProbe), then loads dist/userpays.js as the README's
// first snippet does: its stylesheet (each <userpays-image>'s place kept until its first paint) and one module script
// tag, which runs once the page is parsed, before DOMContentLoaded. `?build=mapped` loads the bench's build with
// source maps instead (bench/mapped-build.mjs: the same code), for the traced loads.
import { intlCost, loadProbe, watchElement } from './in-page.js';

export const TAGS = ['userpays-image', 'userpays-cost', 'userpays-tally'];

const inline = (fn, ...args) => `<script>(${fn})(${args.map((a) => JSON.stringify(a)).join(', ')});</script>`;
const mark = (name) => `<script>performance.mark(${JSON.stringify(name)});</script>`;
/** The stylesheet and the module script, of dist/ or of the mapped build. */
const bundleOf = (query) => {
  // ?build=mapped: the build with source maps (bench/mapped-build.mjs); ?build=<12 hex digits>: another commit's
  // build (bench/against.mjs); else this checkout's dist/.
  const build = query?.get('build') ?? '';
  const dir =
    build === 'mapped'
      ? '/bench/results/mapped'
      : /^[0-9a-f]{12}$/.test(build)
        ? `/bench/results/builds/${build}`
        : '/dist';
  return `<link rel="stylesheet" href="${dir}/userpays.css" />\n    <script type="module" src="${dir}/userpays.js"></script>`;
};
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
  script: (query) => page('script evaluation', `${mark('script:before')}\n${bundleOf(query)}\n${afterBundle}`),
  /** One element (?tag=), between two marks, and marked when it shows a price. */
  element: (query) => {
    const tag = query.get('tag');
    if (!TAGS.includes(tag)) return undefined;
    return page(`first render of <${tag}>`, bundleOf(query), element(tag));
  },
  /** All three elements, as on a page that uses the widget. */
  all: (query) =>
    page(
      'all three elements',
      `${mark('script:before')}\n${bundleOf(query)}\n${afterBundle}`,
      TAGS.map(element).join('\n'),
    ),
  /**
   * A gallery: `?count=` (default 100, at most 1000) <userpays-image> elements (BFL) one under the other, the first
   * marked as in `element`; most below the fold.
   */
  gallery: (query) => {
    const count = Number(query.get('count') ?? 100);
    if (!Number.isInteger(count) || count < 1 || count > 1000) return undefined;
    const rest = '\n<userpays-image provider="bfl"></userpays-image>'.repeat(count - 1);
    return page(
      `${count} × <userpays-image>`,
      `${mark('script:before')}\n${bundleOf(query)}\n${afterBundle}`,
      `${element('userpays-image')}${rest}`,
    );
  },
  /** No widget: the platform's first Intl.NumberFormat for USD. */
  intl: () => page('Intl.NumberFormat', inline(intlCost)),
  /** The bundle and an empty body: the page alone, and for widgets added by script. */
  blank: (query) => page('blank', `${mark('script:before')}\n${bundleOf(query)}\n${afterBundle}`),
};

/** The HTML of /bench/load/<name>?<query>, or undefined. */
export function loadPage(name, query) {
  return Object.hasOwn(pages, name) ? pages[name](query) : undefined;
}

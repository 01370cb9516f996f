import { expect } from '@open-wc/testing';

/** Every WCAG 2.2 A and AA rule of axe (those of 2.0 and 2.1 included), as axe tags them. */
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
/** What the tests use of axe-core, which chai-a11y-axe (@open-wc/testing) loads as a script that sets `window.axe`. */
interface Axe {
  run(context: unknown, options: object): Promise<{ violations: Violation[] }>;
}

/**
 * `element` (its shadow tree included) passes axe's default rules (`to.be.accessible()`, which loads axe), and has
 * no serious or critical violation of a WCAG 2.2 AA rule: `target-size` (2.5.8) and the rest that axe runs only when
 * asked for by tag. `within`: only what lies inside these elements of the shadow tree counts (the part under test).
 */
export async function expectWcag22(element: HTMLElement, within?: Element[]) {
  await animationsSettled(element);
  await expect(element).to.be.accessible();
  const axe = (window as unknown as { axe: Axe }).axe;
  const { violations } = await axe.run(element, {
    runOnly: { type: 'tag', values: WCAG22_AA },
    resultTypes: ['violations'],
  });
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes
        .filter((node) => !within || within.some((part) => contains(part, node.target)))
        .map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
    );
  expect(serious, serious.join('\n')).to.deep.equal([]);
}

/**
 * Axe reads colours as painted: a tile still fading in (its reveal, 0.35 s) blends its text with the page and reads
 * as low contrast that no user settles on. Every finite animation in the element's tree is let finish first.
 */
async function animationsSettled(element: HTMLElement) {
  const running = [document, ...shadowRoots(element)]
    .flatMap((root) => root.getAnimations())
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
}

/** Every shadow root at or under `element`: a document's or a root's `getAnimations()` sees only its own tree. */
function shadowRoots(element: Element): ShadowRoot[] {
  const own = element.shadowRoot;
  const inside = [...(own ?? element).querySelectorAll('*')].flatMap((child) =>
    child.shadowRoot ? shadowRoots(child) : [],
  );
  return own ? [own, ...inside] : inside;
}

/** Whether axe's `target` (a selector, or a path of selectors through shadow roots) names a node inside `part`. */
function contains(part: Element, target: unknown[]) {
  const path = target.flat() as string[];
  let root: Document | ShadowRoot = document;
  let node: Element | null = null;
  for (const selector of path) {
    node = root.querySelector(selector);
    if (!node) return false;
    root = node.shadowRoot ?? root;
  }
  return !!node && part.contains(node);
}

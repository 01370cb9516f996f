// Regression tests for defects reported by users (the issue's list of what hurt compared with other providers'
// playgrounds). Most reported defects are guarded by the test files of the feature they belong to; these are the
// ones that had no test of their own. Each test names, in its title, the defect it guards, in the user's words.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { ImageStore } from '../../src/images/image-store.js';
import { formatUsd } from '../../src/pricing/index.js';
import { puterSdk } from '../../src/providers/puter.js';
import { cleanLocalStorage } from '../ledger/helpers.js';
import { controlledClock } from '../support/clock.js';
import { PUTER_SRC, puterEndpoint, sdk, setPuterAccount } from '../support/puter.js';
import { bflWidget } from '../support/bfl-widget.js';
import { unique, uniqueStorageKey } from '../support/sim.js';
import { closeDemo, openDemo } from '../support/demo.js';
import { customSize, decision, part, settled, tiles, words } from '../support/widget.js';

const RUN = uniqueStorageKey();
/** Every live region of the widget: what a screen reader reads out by itself whenever it changes. */
const liveRegions = (el: HTMLElement) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(
    '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log], [role=marquee], [role=timer], output',
  ),
];

const bfl = (scenario: string, prompt = 'a lighthouse in a storm') =>
  bflWidget({ scenario, run: RUN, prompt, apiKey: 'sim-reported-key' });

describe('reported: charged failures are silent', () => {
  it('"Provider error" on BFL adds the price to the tally: the message says BFL charged it', async () => {
    const el = await bfl('fault=error;pending=60');
    const error = await el.generate().catch((e) => e);
    expect(error.code).to.equal('provider-error');
    expect(error.message).to.contain('BFL charged $0.014 for it all the same, and your tally counts it.');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('BFL charged $0.014');
    expect(el.tally).to.include({ spent: '0.014', images: 0 });
  });

  it('Cancel on BFL adds the price to the tally: the message says so, never "Nothing more will be charged"', async () => {
    const el = await bfl('pending=5000');
    const accepted = oneEvent(el, 'userpays-progress'); // BFL bills when it accepts, before the first poll
    const running = el.generate().catch((e) => e);
    await accepted;
    el.cancel();
    const error = await running;
    expect(error.code).to.equal('cancelled');
    expect(error.message).to.equal(
      'Generation cancelled, but BFL had already charged $0.014 for it; your tally counts it.',
    );
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('$0.014');
    expect(el.tally).to.include({ spent: '0.014', images: 0 });
  });
});

describe('reported: Puter progress looks frozen', function () {
  this.timeout(20_000);
  const time = controlledClock();

  before(async () => {
    const token = unique('token');
    await setPuterAccount(token, { balance: 50_000_000 });
    await puterSdk(puterEndpoint(), PUTER_SRC);
    sdk().setAuthToken(token);
  });

  it('not "Generating · 0 s" at 0 % for the whole wait: an indeterminate bar and seconds that tick by themselves', async () => {
    const el = await fixture<UserPaysImage>(
      html`<userpays-image
        provider="puter"
        locale="en-US"
        storage-key=${uniqueStorageKey()}
        endpoint=${puterEndpoint(`pending=8000;run=${unique()}`)}
        puter-src=${PUTER_SRC}
        prompt="a harbour at dawn"
      ></userpays-image>`,
    );
    void el.generate().catch(() => {});
    // Puter reports one status when the call starts, and nothing after it until the image is there.
    await waitUntil(() => part(el, 'progress')?.textContent?.includes('Generating · 0 s'), 'under way', {
      timeout: 5000,
    });
    expect(part(el, 'progress')!.querySelector('progress')!.hasAttribute('value'), 'indeterminate').to.equal(false);
    time.advance(65_000);
    // Nothing but the widget's own ticker redraws it now (no requestUpdate here).
    await waitUntil(() => part(el, 'progress')?.textContent?.includes('Generating · 1 min 05 s'), 'it ticks', {
      timeout: 3000,
    });
    el.cancel();
  });
});

describe('reported: focus and announcements', () => {
  const time = controlledClock();

  it('the progress live region does not speak every second: no live region changes while the time passes', async () => {
    const el = await bfl('pending=60000');
    const reported = oneEvent(el, 'userpays-progress');
    void el.generate().catch(() => {});
    await reported;
    await el.updateComplete;
    const progress = part(el, 'progress')!;
    const spoken = () => liveRegions(el).map((region) => region.textContent);
    expect(liveRegions(el).filter((region) => region.contains(progress) || progress.contains(region))).to.deep.equal(
      [],
    );
    const before = spoken();
    const shown = progress.textContent;
    time.advance(5000);
    el.requestUpdate();
    await el.updateComplete;
    expect(part(el, 'progress')!.textContent, 'the time shown moved on').not.to.equal(shown);
    expect(spoken()).to.deep.equal(before);
    el.cancel();
  });

  it('the price live region does not read the whole breakdown on each keystroke: the total only', async () => {
    const el = await bfl('pending=60');
    await customSize(el);
    part(el, 'width')!.focus();
    (part(el, 'width') as HTMLInputElement).select();
    for (const key of '2048') {
      await sendKeys({ type: key });
      await el.updateComplete;
      const spoken = liveRegions(el).map(words).join(' | ');
      for (const line of el.quote!.lines) expect(spoken, `after "${key}"`).not.to.contain(line.label);
      expect(spoken).not.to.contain('Prices');
    }
    expect(el.width).to.equal(2048);
    expect(el.quote!.lines.length).to.be.greaterThan(1); // a breakdown there was to leave out
    // The total and what it buys, as the decision row shows them.
    expect(formatUsd(el.quote!.total, 'en-US')).to.equal('$0.015');
    expect(decision(el)).to.deep.equal({ price: '$0.015', buys: '1 image · 2 MP' });
    expect(liveRegions(el).map(words)).to.include('$0.015 1 image · 2 MP');
  });
});

describe('reported: the gallery', () => {
  const long = `A lighthouse on a cliff at dawn, ${'with gulls over the rocks and the sea below, '.repeat(8)}watercolour`;
  /** The images shown (the latest submission's, then the earlier ones), newest first, after each prompt in turn. */
  async function gallery(...prompts: string[]) {
    const el = await bfl('pending=60', prompts[0]);
    for (const prompt of prompts) {
      el.prompt = prompt;
      await el.generate();
    }
    await waitUntil(() => tiles(el).length === prompts.length, 'all shown');
    return { el, items: tiles(el) };
  }

  it('not one unlabeled "Download" per image: each is named for the file it saves', async () => {
    const { el, items } = await gallery('a lighthouse in a storm', 'a red fox in the snow');
    const downloads = items.map((item) => item.querySelector<HTMLAnchorElement>('a[download]')!);
    expect(downloads.map((a) => a.getAttribute('aria-label'))).to.deep.equal(
      downloads.map((a) => `Download ${a.download}`),
    );
    expect(downloads[0].download).not.to.equal(downloads[1].download);
    await settled(el); // the new image fades in: its colours as they are once shown
    await expect(el).to.be.accessible();
  });

  it('not a prompt cut with no way to read it: cut to a few lines on screen, whole in its text and title', async () => {
    // The latest submission's prompt is shown whole above it; once an earlier one, its group's prompt is cut.
    const { el } = await gallery(long, 'a red fox in the snow');
    const group = part(el, 'gallery')!.querySelector<HTMLElement>('.group-prompt')!;
    expect(group.scrollWidth, 'cut on screen').to.be.greaterThan(group.clientWidth);
    // Cut within the history's own width (a group as wide as its prompt would push its images out of view).
    expect(group.getBoundingClientRect().right).to.be.at.most(part(el, 'gallery')!.getBoundingClientRect().right);
    expect(group.title).to.equal(long);
    expect(group.textContent).to.equal(long);
    el.prompt = long;
    await el.generate();
    await el.updateComplete;
    const latest = part(el, 'result')!.querySelector<HTMLElement>('.result-prompt')!;
    expect(latest.textContent).to.equal(long);
    expect(latest.scrollHeight, 'whole on screen').to.be.at.most(latest.clientHeight);
    expect(latest.scrollWidth, 'whole on screen').to.be.at.most(latest.clientWidth);
  });

  it('not without a date: each image says when it was made', async () => {
    const { items } = await gallery('a lighthouse in a storm');
    expect(words(items[0])).to.match(
      /· (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{1,2}:\d{2} (AM|PM)/,
    );
  });
});

describe('reported: narrow and dark', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('<userpays-tally> follows prefers-color-scheme, as the widget does', async () => {
    const tally = async () =>
      getComputedStyle(
        await fixture<UserPaysTally>(html`<userpays-tally storage-key=${uniqueStorageKey()}></userpays-tally>`),
      ).backgroundColor;
    expect(await tally()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(await tally()).to.equal('rgb(21, 27, 40)');
  });
});

describe('reported: the demo page', function () {
  this.timeout(20_000);
  afterEach(async () => {
    closeDemo();
    await emulateMedia({ colorScheme: 'light' });
    cleanLocalStorage('userpays'); // the demo's storage key
    await new ImageStore({ storageKey: 'userpays' }).clear();
  });

  it('does not scroll sideways at 375 px', async () => {
    const view = await openDemo(375);
    await view.document.querySelector<UserPaysImage>('userpays-image')!.updateComplete;
    expect(view.document.documentElement.scrollWidth).to.be.at.most(375);
  });

  it('hint text is not 4.44:1: axe finds nothing serious, light or dark', async () => {
    const view = await openDemo(1024);
    const axe = view.document.createElement('script');
    axe.src = '/node_modules/axe-core/axe.min.js'; // same origin: the demo's CSP allows it
    const ready = new Promise((resolve) => axe.addEventListener('load', resolve, { once: true }));
    view.document.head.append(axe);
    await ready;
    for (const scheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: scheme });
      const { violations } = await (view as any).axe.run(view.document, { runOnly: ['wcag2a', 'wcag2aa'] });
      const serious = violations
        .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target)}`);
      expect(serious.join('\n'), scheme).to.equal('');
    }
  });

  // The Puter SDK's own low-balance dialog, which the demo's CSP leaves unstyled over the widget, is closed by the
  // adapter itself, on any page: test/providers/puter-dialog.test.ts.

  it('the README mentions PORT (and every setting the demo server reads from the environment)', async () => {
    const [readme, server] = await Promise.all(
      ['/README.md', '/demo/server.mjs'].map(async (path) => (await fetch(path)).text()),
    );
    const settings = [...new Set([...server.matchAll(/process\.env\.([A-Z_]+)/g)].map((m) => m[1]))];
    expect(settings).to.include('PORT');
    for (const name of settings) expect(readme.includes(`\`${name}\``), `README names ${name}`).to.equal(true);
  });
});

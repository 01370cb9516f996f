// Pin the decision, not the details: the row that stays in view holds the price, what it buys and Generate (and why
// Generate cannot), nothing more. Price details and the comparison open over the controls above it, as wide as the
// controls, each price at the right, and move nothing as they open and close: with both open in the row (on the demo,
// which compares every provider it simulates, some 30 offers), the pinned row would grow to 2,600 px and fill a
// phone's screen; opened in the form's flow, they pushed Generate down or sideways under the pointer.
import { expect } from '@open-wc/testing';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { demoWidget, forgetDemo, openDemo, signInButton } from '../support/demo.js';
import { until } from '../support/wait.js';
import { openPriceDetails, part, words } from '../support/widget.js';

/** The widget's price details and comparison opened, with what the layout makes of them. */
async function openDetails(widget: UserPaysImage) {
  const root = widget.shadowRoot!;
  // As a user opens them: the summary's click (a native disclosure: Enter and Space do the same); their part loads.
  await until(() => root.querySelector('[part~=more]'), 8000);
  const details = await openPriceDetails(widget);
  const compare = root.querySelector<HTMLDetailsElement>('[part~=compare]')!;
  compare.querySelector('summary')!.click();
  await widget.updateComplete;
  expect([details.open, compare.open], 'both open').to.deep.equal([true, true]);
  // The other families of each provider the demo allows come with the details, each when it loads, and their rows
  // push the others down: all in before any row is looked at, so that none moves under a focus.
  await until(
    () =>
      ['puter', 'fal', 'openrouter', 'pollinations'].every((provider) =>
        compare.querySelector(`[data-provider=${provider}]:not([data-model^=flux])`),
      ),
    10_000,
  );
  await widget.updateComplete;
  return { root, details, compare };
}

describe('the pinned decision row', function () {
  this.timeout(30_000);
  afterEach(forgetDemo);

  for (const provider of ['bfl', 'puter'])
    for (const [width, height, most] of [
      [390, 844, 0.35 * 844],
      [1280, 800, 200],
    ])
      it(`${provider}, ${width}×${height}: with the details and the comparison open, at most ${Math.round(most)} px is pinned`, async () => {
        const view = await openDemo(width, height);
        const widget = await demoWidget(view, provider);
        const { root, details, compare } = await openDetails(widget);
        const sticky = [...root.querySelectorAll<HTMLElement>('*')].filter(
          (element) => getComputedStyle(element).position === 'sticky' && !element.matches('.canvas'),
        );
        // The row, and the open details' summary on it: their body opens over the controls, not in what is pinned.
        expect(
          sticky.map((element) => element.getAttribute('part') ?? element.className),
          'one pinned row, the open details on it',
        ).to.deep.equal(['details', 'decision']);
        const row = sticky[1];
        const summary = details.querySelector('summary')!.getBoundingClientRect();
        // Their summary's line and the gap down to the row (0.25rem): the body is over the controls, out of the flow.
        expect(details.getBoundingClientRect().height, 'of the details, their summary').to.be.at.most(
          summary.height + 5,
        );
        expect(row.contains(details), 'the details are not pinned').to.equal(false);
        expect(row.querySelector('[part~=cost] strong'), 'the price is').to.not.equal(null);
        expect(row.querySelector('[part~=submit]'), 'Generate is').to.not.equal(null);
        // In view where the comparison is read: the row stuck at the bottom of the screen.
        compare.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => view.requestAnimationFrame(resolve));
        const pinned = row.getBoundingClientRect();
        expect(pinned.height, JSON.stringify(pinned)).to.be.at.most(most);
        expect(pinned.bottom, 'stuck at the bottom of the screen').to.be.closeTo(view.innerHeight, 1);
        // The details above the row, as wide as the controls' column, and each offer's price at the right.
        const form = root.querySelector('form')!.getBoundingClientRect();
        const open = details.getBoundingClientRect();
        expect(open.width, 'the details as wide as the controls').to.be.at.least(form.width - 2 * 17 - 1);
        expect(details.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the row').to.not.equal(
          0,
        );
        const rows = [...compare.querySelectorAll('[data-model]')].map((button) => button.closest('tr, li')!);
        expect(rows.length, 'the demo compares some 30 offers').to.be.at.least(25);
        const list = compare.querySelector('table, ul')!.getBoundingClientRect();
        for (const offer of rows) {
          const price = offer.querySelector('.price')!.getBoundingClientRect();
          expect(list.right - price.right, `${offer.textContent}: its price at the right`).to.be.at.most(1);
        }
      });

  // Opened where the pointer is (the summary scrolled to the middle of the screen, as a user reaches it), the details
  // come over the controls above their summary: Generate, the row, the controls' column and the canvas beside it keep
  // every pixel of their boxes, opened, compared, closed by Escape, by a press elsewhere, or by their summary.
  for (const provider of ['bfl', 'puter'])
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ])
      it(`${provider}, ${width}×${height}: opening and closing the price details moves Generate by 0 px`, async () => {
        const view = await openDemo(width, height);
        const widget = await demoWidget(view, provider);
        const root = widget.shadowRoot!;
        await until(() => root.querySelector('[part~=more]'), 8000);
        const summary = root.querySelector<HTMLElement>('.details > summary')!;
        summary.scrollIntoView({ block: 'center' });
        const boxes = async () => {
          await new Promise((resolve) => view.requestAnimationFrame(resolve));
          const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().toJSON();
          return {
            generate: box('[part~=submit]'),
            row: box('[part~=decision]'),
            controls: box('.controls'),
            canvas: box('.canvas'),
          };
        };
        const before = await boxes();
        const { details, compare } = await openDetails(widget);
        expect(await boxes(), 'open, the comparison with it').to.deep.equal(before);
        const body = root.querySelector('.details-body')!.getBoundingClientRect();
        expect(body.top, 'whole in view').to.be.at.least(0);
        expect(body.bottom, 'above their summary').to.be.at.most(summary.getBoundingClientRect().top + 1);
        // The comparison, opened, brought to their top (by their own scroll) as its offers come in.
        const compared = () =>
          compare.getBoundingClientRect().top - root.querySelector('.details-body')!.getBoundingClientRect().top;
        await until(() => Math.abs(compared() - 13) < 2, 3000).catch(() =>
          expect(compared(), 'the comparison at their top').to.be.closeTo(13, 2),
        );
        const offer = compare.querySelector<HTMLElement>('[data-model] button:not([disabled])')!;
        offer.focus();
        offer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        expect([details.open, root.activeElement], 'Escape closes them, back on their summary').to.deep.equal([
          false,
          summary,
        ]);
        expect(await boxes(), 'closed by Escape').to.deep.equal(before);
        summary.click();
        await widget.updateComplete;
        root
          .querySelector('.canvas, [part~=prompt]')!
          .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
        expect(details.open, 'a press elsewhere closes them').to.equal(false);
        summary.click();
        summary.click();
        expect([details.open, await boxes()], 'opened and closed by their summary').to.deep.equal([false, before]);
      });

  // WCAG 2.2, 2.4.11: a control the keyboard reaches is not hidden under the pinned row (the browser brings it into
  // view at the screen's foot, where the row is).
  for (const [width, height] of [
    [390, 844],
    [280, 700],
  ])
    it(`${width}×${height}: each offer the keyboard reaches is in view above the pinned row`, async () => {
      const view = await openDemo(width, height);
      const widget = await demoWidget(view, 'bfl');
      const { root, details, compare } = await openDetails(widget);
      const row = root.querySelector('[part~=decision]')!;
      view.scrollTo(0, 0);
      const reached = [details.querySelector('summary')!, compare.querySelector('summary')!];
      reached.push(...compare.querySelectorAll<HTMLElement>('button:not([disabled])'));
      for (const control of reached) {
        control.focus();
        await new Promise((resolve) => view.requestAnimationFrame(resolve));
        const [box, pinned] = [control.getBoundingClientRect(), row.getBoundingClientRect()];
        expect(box.bottom, `${control.textContent!.trim()}: above the row`).to.be.at.most(pinned.top + 1);
      }
    });

  // WCAG 2.2, 2.4.11, for the whole form: the prompt, the pickers, More options and its controls, the key or the
  // sign-in. The row's height differs by provider and width (a bound under the price, why Generate cannot, Generate
  // under the price under 360 px), so each control stops clear of the row as measured.
  for (const [provider, width, height] of [
    ['puter', 1280, 800],
    ['bfl', 1280, 800],
    ['puter', 390, 844],
    ['openrouter', 280, 653],
    ['pollinations', 280, 653],
  ] as const)
    it(`${provider}, ${width}×${height}: every control the keyboard reaches is in view above the pinned row`, async () => {
      const view = await openDemo(width, height);
      const widget = await demoWidget(view, provider);
      const root = widget.shadowRoot!;
      await until(() => root.querySelector('[part~=more] summary'), 8000);
      root.querySelector<HTMLElement>('[part~=more] summary')!.click(); // its controls reachable too
      await until(() => root.querySelectorAll('[part~=more] input').length > 1, 8000);
      const row = root.querySelector<HTMLElement>('[part~=decision]')!;
      const reached = [
        ...root.querySelectorAll<HTMLElement>('.controls :is(a, button, input, select, textarea, summary)'),
      ]
        .filter((control) => !row.contains(control) && !control.matches(':disabled') && control.tabIndex >= 0)
        .filter((control) => control.getClientRects().length > 0);
      expect(reached.length, 'the form’s controls').to.be.at.least(8);
      for (const control of reached) {
        view.scrollTo(0, 0);
        control.focus();
        await new Promise((resolve) => view.requestAnimationFrame(resolve));
        const [box, pinned] = [control.getBoundingClientRect(), row.getBoundingClientRect()];
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 40) ?? control.tagName;
        expect(box.bottom, `${name} (${control.tagName}): above the row at ${pinned.top}`).to.be.at.most(
          pinned.top + 1,
        );
      }
    });

  // The capped sign-in's form (OpenRouter's and Pollinations' `grant`) opens with its amount focused: brought clear of
  // the row as a whole, Continue with its field, not the field alone with Continue under the row.
  for (const [provider, width, height] of [
    ['pollinations', 390, 844],
    ['pollinations', 280, 653],
    ['openrouter', 280, 653],
  ] as const)
    it(`${provider}, ${width}×${height}: Sign in opens its form above the pinned row, Continue with it`, async () => {
      const view = await openDemo(width, height);
      await demoWidget(view, provider);
      const { widget, button } = await signInButton(view, provider);
      const root = widget.shadowRoot!;
      view.scrollTo(0, 0);
      button.focus();
      button.click();
      const grant = await until(() => part(widget, 'grant'), 5000, 'the form');
      await until(() => root.activeElement?.id === 'grant-cap', 2000, 'the amount focused');
      await new Promise((resolve) => view.requestAnimationFrame(resolve));
      const pinned = root.querySelector('[part~=decision]')!.getBoundingClientRect();
      for (const control of grant.querySelectorAll<HTMLElement>('input, button')) {
        const box = control.getBoundingClientRect();
        expect(box.top, `${words(control) || control.id}: on the screen`).to.be.at.least(0);
        expect(box.bottom, `${words(control) || control.id}: above the row at ${pinned.top}`).to.be.at.most(
          pinned.top + 1,
        );
      }
    });

  // A folded phone, where the row is tallest: Generate under the price, a bound beside the price, signed out.
  for (const provider of ['pollinations', 'openrouter'])
    it(`${provider}, 280×653, a bound to pay and no key yet: at most 35 % of the screen is pinned`, async () => {
      const view = await openDemo(280, 653);
      const widget = await demoWidget(view, provider);
      widget.model = 'gemini-3-pro-image';
      await until(() => widget.shadowRoot!.querySelector('[part~=cost]')?.textContent?.includes('at most'), 8000);
      const row = widget.shadowRoot!.querySelector('[part~=decision]')!.getBoundingClientRect();
      expect(row.height).to.be.at.most(0.35 * 653);
    });

  // A bound's "at most" is set small over its figure: the figure keeps one line beside Generate, in a 420 px column
  // at 1280 px and on a phone, in English and in German (it broke as "at most / $0.0733" at 1280 px).
  for (const [width, lang] of [
    [1280, 'en'],
    [1280, 'de'],
    [390, 'de'],
  ] as const)
    it(`google, ${width} px, ${lang}: a bound's figure on one line, its words over it`, async () => {
      const view = await openDemo(width, 844);
      const widget = await demoWidget(view, 'google');
      widget.lang = lang;
      const price = await until(() => {
        const strong = widget.shadowRoot!.querySelector('[part~=cost] strong');
        return strong?.querySelector('small') && strong;
      }, 8000);
      await widget.updateComplete;
      const words = price.querySelector('small')!;
      const figure = [...price.childNodes].find(
        (node) => node.nodeType === Node.TEXT_NODE && /\d/.test(node.textContent!),
      )!;
      expect(words.textContent).to.equal(lang === 'en' ? 'at most ' : 'höchstens ');
      const range = view.document.createRange();
      range.selectNodeContents(figure);
      expect(range.getClientRects().length, `"${figure.textContent}" in one piece`).to.equal(1);
      expect(words.getBoundingClientRect().bottom).to.be.at.most(range.getBoundingClientRect().top + 1);
      // Read whole where words are wanted: the announcement says "at most $0.0733 …".
      const announced = widget.shadowRoot!.querySelector('.announce')!.textContent!;
      expect(announced).to.contain(price.textContent!.trim());
    });

  it('at 280 px, the comparison stays within the controls', async () => {
    const view = await openDemo(280, 700);
    const widget = await demoWidget(view, 'bfl');
    const { root, compare } = await openDetails(widget);
    const form = root.querySelector('form')!.getBoundingClientRect();
    const table = compare.querySelector('table, ul')!.getBoundingClientRect();
    expect(table.right, 'within the controls’ padding').to.be.at.most(form.right - 16);
  });
});

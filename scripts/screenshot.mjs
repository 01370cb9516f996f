// Screenshots the demo in headless Chromium, as a visitor sees its first screen: `node scripts/screenshot.mjs
// [out-prefix]` with `npm start` running (DEMO_URL, default http://localhost:8000/) writes <prefix>-light.png and
// <prefix>-dark.png (1280×800, after two submissions: the latest large beside the controls, the earlier below),
// <prefix>-390.png (a phone, 390×844, the result above the controls, scrolled as the widget leaves it after one),
// <prefix>-280.png (a folded phone, 280×653, dark, before anything is asked), <prefix>-generating.png (1280×800, while a
// submission runs: its placeholder and progress) and <prefix>-controls.png (1280×800, FLUX.2 [flex] at BFL, More
// options open on the prompt's rewriting and the model's own controls), <prefix>-families.png and -families-390.png
// (the picker's step to the other families taken). Default prefix docs/demo: the README's pictures.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const prefix = process.argv[2] ?? 'docs/demo';
// `--extend`: the editor's Extend instead (BFL, an image made, its right and top sides extended), light, dark and on a
// phone: <prefix>-light.png, -dark.png, -390.png.
const extend = process.argv.includes('--extend');
// `--editor`: the editor while painting (BFL, an image made, Edit on it, "Change the painted area" chosen, a rectangle
// painted, the instruction typed, the painting area in view), at 1280×800, 390×844 and 280×653 (the phones touch
// screens), light and dark:
// <prefix>-light.png, -dark.png, -390.png, -390-dark.png, -280.png, -280-dark.png.
const editing = process.argv.includes('--editor');
const url = process.env.DEMO_URL ?? 'http://localhost:8000/';
const PROMPTS = [
  'A lighthouse on a basalt cliff at dusk, warm window light, long exposure sea',
  'A red fox curled up asleep in fresh snow, soft morning light, shallow depth of field',
];
const VARIANTS = [
  { name: 'light', width: 1280, height: 800, colorScheme: 'light', prompts: PROMPTS },
  { name: 'dark', width: 1280, height: 800, colorScheme: 'dark', prompts: PROMPTS },
  // A phone keeps where the widget took it after the result: the image, and the price and Generate whole below it.
  { name: '390', width: 390, height: 844, colorScheme: 'light', prompts: PROMPTS.slice(1), kept: true },
  // A folded phone, dark, before anything is asked: the first screen at its narrowest.
  { name: '280', width: 280, height: 653, colorScheme: 'dark', prompts: [] },
  { name: 'generating', width: 1280, height: 800, colorScheme: 'light', prompts: [], running: PROMPTS[0] },
  { name: 'controls', width: 1280, height: 800, colorScheme: 'light', prompts: PROMPTS.slice(0, 1), controls: true },
  // The picker with the other families (Puter: GPT Image, Imagen, Nano Banana…), a step away, taken.
  { name: 'families', width: 1280, height: 800, colorScheme: 'light', prompts: [], families: true },
  { name: 'families-390', width: 390, height: 844, colorScheme: 'dark', prompts: [], families: true },
];

const widget = (page) => page.locator('userpays-image');

const EXTEND_VARIANTS = [
  { name: 'light', width: 1280, height: 800, colorScheme: 'light' },
  { name: 'dark', width: 1280, height: 800, colorScheme: 'dark' },
  { name: '390', width: 390, height: 844, colorScheme: 'light' },
];

/** BFL's simulator, an image made, Edit on it, "Extend the image" chosen, 512 px at the right and 128 at the top. */
async function extendShot(browser, { name, width, height, colorScheme }) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.selectOption('#provider', 'bfl');
  // Its delivery host answering the page (as through the relay): the image is saved, and can be edited.
  await widget(page).evaluate((el, prompt) => {
    el.endpoint = `${location.origin}/sim/bfl/s/deliveryCors=1`;
    el.prompt = prompt;
    return el.generate();
  }, PROMPTS[0]);
  const root = (selector) => widget(page).locator(selector);
  await root('[part~=result] [data-action=edit]').first().click();
  await root('[part~=editor] input[value=extend]').click();
  await root('[part~=extend] input[name=right]').fill('512');
  await root('[part~=extend] input[name=top]').fill('128');
  await widget(page).evaluate((el) => el.shadowRoot.querySelector('[part~=editor]').scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(600);
  const out = `${prefix}-${name}.png`;
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
  await page.close();
}

const EDITOR_VARIANTS = [
  { name: 'light', width: 1280, height: 800, colorScheme: 'light' },
  { name: 'dark', width: 1280, height: 800, colorScheme: 'dark' },
  { name: '390', width: 390, height: 844, colorScheme: 'light' },
  { name: '390-dark', width: 390, height: 844, colorScheme: 'dark' },
  { name: '280', width: 280, height: 653, colorScheme: 'light' },
  { name: '280-dark', width: 280, height: 653, colorScheme: 'dark' },
];

/**
 * BFL's simulator, an image made, Edit on it, "Change the painted area" chosen, the keyboard's rectangle painted, the
 * instruction typed, and the painting area brought into view as a user painting has it: its top at the screen's top.
 */
async function editorShot(browser, { name, width, height, colorScheme }) {
  // A phone is a touch screen: the painter's keyboard instructions come after its tools there.
  const hasTouch = width < 720;
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme, hasTouch });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.selectOption('#provider', 'bfl');
  await widget(page).evaluate((el, prompt) => {
    el.endpoint = `${location.origin}/sim/bfl/s/deliveryCors=1`;
    el.prompt = prompt;
    return el.generate();
  }, PROMPTS[0]);
  const root = (selector) => widget(page).locator(selector);
  await root('[part~=result] [data-action=edit]').first().click();
  await root('[part~=editor] input[value=mask]').click();
  await root('[part~=mask]').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await root('#edit-instruction').fill('a red door in the lighthouse');
  await widget(page).evaluate((el) => el.shadowRoot.querySelector('[part~=mask]').scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(600);
  const out = `${prefix}-${name}.png`;
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
  await page.close();
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  if (extend) for (const variant of EXTEND_VARIANTS) await extendShot(browser, variant);
  if (editing) for (const variant of EDITOR_VARIANTS) await editorShot(browser, variant);
  for (const { name, width, height, colorScheme, prompts, running, controls, kept, families } of extend || editing
    ? []
    : VARIANTS) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme });
    page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    // Puter (the default provider) first needs the user's click on Sign in: the simulator's popup signs in by itself.
    const signIn = page.locator('userpays-image [part~=sign-in]');
    await signIn.waitFor();
    await signIn.click();
    await page.waitForFunction(() =>
      document
        .querySelector('userpays-image')
        ?.shadowRoot?.querySelector('[part~=account]')
        ?.textContent?.includes('Sign out'),
    );
    // The simulated image host answers the page, so the images are saved (as a relay would have them).
    await page.selectOption('#scenario', 'imageCors=1');
    for (const prompt of prompts) {
      await widget(page).evaluate((el, text) => ((el.prompt = text), el.generate()), prompt);
    }
    if (running) {
      await page.selectOption('#scenario', 'pending=12000');
      await widget(page).evaluate((el, text) => {
        el.prompt = text;
        el.generate().catch(() => {});
      }, running);
      await page.waitForFunction(() =>
        document.querySelector('userpays-image')?.shadowRoot?.querySelector('[part~=progress]'),
      );
      await page.waitForTimeout(2500); // a few seconds in
    } else if (families) {
      // The picker's last step, "More models: GPT Image, Imagen, Nano Banana…", taken: the families grouped, priced.
      await widget(page).evaluate((el) => el.shadowRoot.querySelector('[part~=model] button.link').click());
      await page.waitForFunction(() =>
        document.querySelector('userpays-image')?.shadowRoot?.querySelector('.family .model-choice .price:not(:empty)'),
      );
      await widget(page).evaluate((el) => el.shadowRoot.querySelector('.family:nth-child(2)').scrollIntoView());
      await page.waitForTimeout(300);
    } else if (controls) {
      // BFL with the demo's simulator key, FLUX.2 [flex]: More options open, scrolled to the model's own controls.
      await page.selectOption('#provider', 'bfl');
      await widget(page).evaluate((el) => (el.model = 'flux-2-flex'));
      await page.waitForFunction(() => {
        const root = document.querySelector('userpays-image')?.shadowRoot;
        const more = root?.querySelector('[part~=more]');
        if (more) more.open = true;
        return root?.querySelector('.model-controls');
      });
      await widget(page).evaluate((el) =>
        el.shadowRoot.querySelector('[part~=count]').scrollIntoView({ block: 'start' }),
      );
      await page.evaluate(() => scrollBy(0, -16));
      await page.waitForTimeout(300);
    } else {
      await widget(page).evaluate((el) =>
        Promise.all([...el.shadowRoot.querySelectorAll('img[src]')].map((image) => image.decode())),
      );
      await page.waitForTimeout(600); // the reveal's end
    }
    if (!controls && !kept && !families) await page.evaluate(() => scrollTo(0, 0));
    const out = `${prefix}-${name}.png`;
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
}

// Screenshots the demo in headless Chromium after one generation and a reload, in light, dark and 320 px:
// `node scripts/screenshot.mjs [out-prefix]` with `npm start` running writes <prefix>-light.png,
// <prefix>-dark.png and <prefix>-320.png (default prefix docs/demo, the README's pictures).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const prefix = process.argv[2] ?? 'docs/demo';
const url = process.env.DEMO_URL ?? 'http://localhost:8000/';
const VARIANTS = [
  { name: 'light', width: 1280, colorScheme: 'light' },
  { name: 'dark', width: 1280, colorScheme: 'dark' },
  { name: '320', width: 320, colorScheme: 'light' },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const { name, width, colorScheme } of VARIANTS) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme });
    page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    // Puter (the default provider) first needs the user's click on Sign in: the simulator's popup signs in by itself.
    const signIn = page.locator('userpays-image [part~=sign-in]');
    if (await signIn.count()) {
      await signIn.click();
      await page.waitForFunction(() =>
        document
          .querySelector('userpays-image')
          ?.shadowRoot?.querySelector('[part~=account]')
          ?.textContent?.includes('Sign out'),
      );
    }
    await page.locator('userpays-image').evaluate((el) => el.generate());
    await page.reload();
    await page.waitForFunction(() =>
      document.querySelector('userpays-image')?.shadowRoot?.querySelector('[part~=image]'),
    );
    await page
      .locator('userpays-image')
      .evaluate((el) => Promise.all([...el.shadowRoot.querySelectorAll('img')].map((i) => i.decode())));
    const out = `${prefix}-${name}.png`;
    // The widget and its neighbours: down to the end of <main> (the API reference below is text).
    const bottom = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().bottom + scrollY);
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(bottom) } });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
}

// Screenshots the demo in headless Chromium after one generation and a reload:
// `node scripts/screenshot.mjs [out.png]` with `npm start` running.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const out = process.argv[2] ?? 'docs/demo.png';
const url = process.env.DEMO_URL ?? 'http://localhost:8000/';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, deviceScaleFactor: 1 });
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
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}

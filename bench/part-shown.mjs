// A part loaded at the user's action (SPEC §8: shown within 100 ms of it on a desktop, within 300 ms at Lighthouse's
// mobile throttling): More options' controls on a BFL widget, from the click on More options to the frame after the
// controls are drawn. Each load a fresh context (no cache), the page at rest before the click; "cold" clicks with
// nothing before it (a script's click), "after hover" lets the pointer rest on the summary first (the part is
// prefetched then), as a mouse does on its way to the click. Mobile: Lighthouse's throttling (RTT 150 ms, 1.6 Mbps
// down, 750 Kbps up, CPU 4× slower), set once the page is at rest, so that it slows the action, not the load.
import { settled } from './in-page.js';

const round = (ms) => Math.round(ms * 10) / 10;
const median = (values) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);

/** In the page: click More options, resolve with the ms until the frame after its model controls are drawn. */
async function clickMore() {
  const widget = document.querySelector('userpays-image');
  await widget.updateComplete;
  const root = widget.shadowRoot;
  const started = performance.now();
  root.querySelector('[part~=more] > summary').click();
  await new Promise((resolve) => {
    const look = () => (root.querySelector('.model-controls') ? resolve() : requestAnimationFrame(look));
    look();
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return performance.now() - started;
}

async function once(browser, origin, { mobile, hover }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${origin}/bench/load/element?tag=userpays-image`);
    await page.evaluate(settled, 1000);
    if (mobile) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    if (hover) {
      await page.hover('userpays-image [part~=more] > summary');
      await page.waitForTimeout(150);
    }
    return await page.evaluate(clickMore);
  } finally {
    await context.close();
  }
}

/** Medians over `runs` fresh loads of each: desktop and mobile, cold and after hover. */
export async function partShown(browser, origin, runs) {
  const result = {};
  for (const mobile of [false, true])
    for (const hover of [false, true]) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await once(browser, origin, { mobile, hover }));
      result[`${mobile ? 'mobile' : 'desktop'}${hover ? 'AfterHover' : 'Cold'}Ms`] = median(samples);
    }
  return { runs, ...result };
}

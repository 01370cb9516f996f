// The flags that let system Chromium (Debian's, at /usr/bin/chromium) run headless as root on a machine with
// no outside network: as root it needs --no-sandbox, and without the background-networking ones it keeps
// dialling hosts it cannot reach.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The test runner shows two pages at once; the one in the background must not be throttled, or its
  // animation frames and image decodes stall until a test times out.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

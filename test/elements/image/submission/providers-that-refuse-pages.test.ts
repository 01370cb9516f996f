// Providers that refuse web pages (CORS), as BFL does: its delivery host never answers CORS, and whether its API
// does is not documented (the simulator plays both: demo/sim/bfl.mjs). Without a relay, nothing paid is hidden
// and a refused submission says what the site needs; through the relay (relay/worker.js, in the real Workers
// runtime) everything works, and the key still reaches only BFL's API host.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import type { ErrorDetail } from '../../../../src/base/types.js';
import { controlledClock } from '../../../support/clock.js';
import { type RelayName, relayUrl } from '../../../support/relay.js';
import { bflEndpoint, simLog, uniqueStorageKey } from '../../../support/sim.js';
import { imageWidgetsForgottenAfterEach, part, settled, words } from '../../../support/widget.js';

/** The test server under its other loopback name: another origin, so CORS applies to it. */
const OTHER_HOST = location.host.startsWith('localhost')
  ? location.host.replace('localhost', '127.0.0.1')
  : location.host.replace('127.0.0.1', 'localhost');
const newImageWidget = imageWidgetsForgottenAfterEach();

/** A BFL widget on a storage key of its own (`storageKey` to reuse one), against the simulator under `scenario`. */
async function widget(scenario: string, extra: Partial<UserPaysImage> = {}, storageKey = uniqueStorageKey()) {
  const el = await newImageWidget({
    provider: 'bfl',
    locale: 'en-US',
    'storage-key': storageKey,
    endpoint: bflEndpoint(`${scenario};run=${storageKey}`),
    prompt: 'a kite over dunes',
  });
  el.apiKey = `sim-cors-${storageKey}`;
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

/** The widget's newest image (`result`), once the image store has been read (it opens after the engine loads). */
async function shown(el: UserPaysImage) {
  for (let i = 0; i < 100 && !part(el, 'result'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
  return part(el, 'result');
}

describe('BFL without a relay', () => {
  const time = controlledClock();
  // What the developer console is told, over the whole suite: once per origin that refused the page.
  const warnings: string[] = [];
  const warn = console.warn;
  before(() => (console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '))));
  after(() => (console.warn = warn));

  it('an image whose host refuses the page is shown from BFL’s link, booked, and said not to be saved', async () => {
    const el = await widget('pending=60');
    const result = await el.generate();
    const [image] = result.images;
    expect(image.saved).to.equal(false);
    expect(new URL(image.url).pathname).to.match(/^\/sim\/delivery\//);
    // This suite's clock is months before the simulator's signed expiry (`se`), so the widget does not trust it
    // and counts BFL's documented 10 minutes from now (test/providers/bfl.test.ts covers `se` itself).
    const expiresAt = time.now() + 10 * 60_000;
    expect(image.expiresAt).to.equal(new Date(expiresAt).toISOString());
    expect([image.width, image.height]).to.deep.equal([1024, 1024]);
    expect(result.charged).to.equal('0.014');
    expect(el.tally).to.include({ spent: '0.014', images: 1 });
    await el.updateComplete;
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.src).to.equal(image.url);
    expect(img.referrerPolicy).to.equal('no-referrer');
    await img.decode();
    expect(img.naturalWidth).to.equal(1024);
    const notice = part(el, 'not-saved')!;
    const until = new Date(expiresAt).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    expect(words(notice)).to.equal(
      // A nudge to download it while its link works, whose first words are its Download.
      `Download it before ${until}: it is not saved in this browser (BFL does not allow it), and its link expires then.`,
    );
    // A warning, right under the image (not muted grey under the receipt).
    const box = notice.getBoundingClientRect();
    expect(box.top - img.getBoundingClientRect().bottom).to.be.within(0, 12);
    expect(getComputedStyle(notice).borderLeftColor).to.equal('rgb(180, 83, 9)');
    // One Download, the notice's first words, right under the image: the toolbar under it has none (two would stand
    // in a row in the Tab order; the toolbar's alone, or the notice's last word, would fall below the fold at
    // 1280×800). Its words are its name; it opens beside the page, never away from it; Open shows the image full size
    // in the widget's lightbox. Its name says it opens a new tab.
    const tile = notice.closest('figure')!;
    const links = [...tile.querySelectorAll('a')];
    expect(links.map((a) => [words(a), a.getAttribute('aria-label'), a.href, a.target, a.rel])).to.deep.equal([
      [
        `Download it before ${until}`,
        `Download it before ${until} (opens in a new tab)`,
        image.url,
        '_blank',
        'noopener noreferrer',
      ],
    ]);
    expect(links[0].download).to.match(/\.(png|jpe?g|webp)$/);
    expect(notice.contains(links[0]), 'in the notice, right under the image').to.equal(true);
    expect(notice.firstElementChild, 'its first words').to.equal(links[0]);
    expect(tile.querySelector('[data-action=open]')!.contains(img)).to.equal(true);
    await settled(el); // the new image fades in: its colours as they are once shown
    await expect(el).to.be.accessible();
  });

  it('an earlier such image says briefly, under its small tile, when its link expires (the whole warning in its title)', async () => {
    const el = await widget('pending=60');
    const first = await el.generate();
    await el.generate();
    await el.updateComplete;
    const earlier = el.shadowRoot!.querySelector<HTMLElement>('.history [part~=not-saved]')!;
    const until = new Date(first.images[0].expiresAt!).toLocaleTimeString('en-US', {
      hour: 'numeric',
      minute: '2-digit',
    });
    expect(words(earlier)).to.equal(`Not kept here: its link expires at ${until}. Download`);
    expect(earlier.title).to.equal(
      `Download it before ${until}: it is not saved in this browser (BFL does not allow it), and its link expires then.`,
    );
    // The newest image keeps the whole warning.
    expect(words(el.shadowRoot!.querySelector('.result [part~=not-saved]'))).to.match(/^Download it before /);
  });

  it('after a reload it is shown again while the link works; once the link expired, the gallery says so', async () => {
    const el = await widget('pending=60');
    const { images } = await el.generate();
    const storageKey = el.storageKey;
    el.remove();
    const again = await newImageWidget({ provider: 'bfl', locale: 'en-US', 'storage-key': storageKey });
    await shown(again);
    expect((part(again, 'image') as HTMLImageElement).src).to.equal(images[0].url);
    again.remove();
    time.set(Date.parse(images[0].expiresAt!) + 1000); // the link's ten minutes are over
    const later = await newImageWidget({ provider: 'bfl', locale: 'en-US', 'storage-key': storageKey });
    await shown(later);
    expect(later.shadowRoot!.querySelector('img[part~=image]')).to.equal(null);
    expect(part(later, 'image')!.getAttribute('role')).to.equal('img');
    expect(words(part(later, 'not-saved'))).to.match(/^Not saved in this browser, and BFL's link to it expired at/);
    const tile = part(later, 'not-saved')!.closest('figure')!;
    expect(tile.querySelector('a')).to.equal(null);
    expect(tile.querySelector('[data-action=open]')).to.equal(null);
    expect(later.tally).to.include({ spent: '0.014' }); // it was paid for, and stays counted
  });

  it('an API that refuses web pages: nothing sent, nothing booked, the user told a relay is needed', async () => {
    {
      const el = await widget('cors=none');
      el.endpoint = el.endpoint.replace(location.host, OTHER_HOST); // cross-origin, as api.bfl.ai is
      el.apiKey = `sim-cors-${el.storageKey}`; // a key belongs to its origin: this one is for that host
      const failed = new Promise<ErrorDetail>((resolve) =>
        el.addEventListener('userpays-error', (e) => resolve(e.detail), { once: true }),
      );
      await el.generate().catch(() => {});
      const error = await failed;
      expect(error.message).to.equal(
        'BFL does not accept requests from web pages directly, so nothing was sent or charged: this site has not set up the relay it needs for BFL yet.',
      );
      await el.generate().catch(() => {}); // a second try: the console is told once
      const ledger = new LedgerStore({ storageKey: el.storageKey });
      expect(ledger.entries().map((entry) => entry.status)).to.deep.equal(['void', 'void']);
      expect(el.tally).to.include({ spent: '0', images: 0 });
      expect(el.tally!.uncertain).to.equal(undefined);
      const ours = (await simLog()).filter((entry) => entry.path.includes(`run=${el.storageKey}`));
      expect(ours.filter((entry) => entry.method === 'POST')).to.deep.equal([]);
      expect(ours.every((entry) => !entry.hasKey)).to.equal(true);
      const told = warnings.filter((line) => line.includes('refused this page'));
      expect(told, 'once per origin').to.deep.equal([...new Set(told)]);
      expect(told).to.include(
        `userpays: ${location.protocol}//${OTHER_HOST} refused this page's cross-origin request (CORS). Set the widget's relay attribute to a relay (relay/worker.js, see "Relay" in the README).`,
      );
      await el.updateComplete;
      expect(part(el, 'submit')!.hasAttribute('disabled')).to.equal(false);
      // A relay set since: the error no longer says what a click would meet, and goes.
      expect(part(el, 'error')).to.not.equal(null);
      el.relay = `${location.origin}/relay`;
      await el.updateComplete;
      await el.updateComplete;
      expect(!!part(el, 'error'), 'the relay error gone').to.equal(false);
    }
  });

  it('refused so, it offers the same model at another provider the page allows, and switches to it', async () => {
    const alone = await widget('cors=none');
    alone.endpoint = alone.endpoint.replace(location.host, OTHER_HOST);
    alone.apiKey = `sim-cors-${alone.storageKey}`;
    await alone.generate().catch(() => {});
    await alone.updateComplete;
    // A page that allows no other provider: nothing to offer.
    expect(part(alone, 'error')!.querySelector('button[data-provider]')).to.equal(null);

    const el = await widget('cors=none', { providers: 'fal puter' });
    el.endpoint = el.endpoint.replace(location.host, OTHER_HOST);
    el.apiKey = `sim-cors-${el.storageKey}`;
    await el.generate().catch(() => {});
    await el.updateComplete;
    // The box is named by what it says, where the focus takes a screen reader to it.
    const box = part(el, 'error')!;
    expect(words(el.shadowRoot!.getElementById(box.getAttribute('aria-labelledby')!))).to.match(/^BFL does not accept/);
    // FLUX.2 [klein] 4B at 1024²: Puter's $0.001 before fal's $0.005.
    const offer = part(el, 'error')!.querySelector<HTMLButtonElement>('button[data-provider]')!;
    expect(words(offer)).to.equal('Use FLUX.2 [klein] 4B at Puter, $0.001');
    offer.click();
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['puter', 'flux-2-klein-4b']);
    expect(part(el, 'error')).to.equal(null);
    // Not left on the page: Generate, or what Puter still needs before it.
    expect(el.shadowRoot!.activeElement).to.match('[data-focus=submit], #reason :is(a, button)');
  });
});

describe('BFL through the relay', () => {
  /** A widget whose BFL API is cross-origin and refuses CORS, as is its delivery host, and the relay `name`. */
  async function relayed(scenario: string, name: RelayName) {
    const el = await widget(`cors=none;${scenario}`, { relay: await relayUrl(name) });
    el.endpoint = el.endpoint.replace(location.host, OTHER_HOST);
    el.apiKey = `sim-cors-${el.storageKey}`; // a key belongs to its origin: this one is for that host
    return el;
  }
  const failureOf = async (el: UserPaysImage) => {
    const failed = new Promise<ErrorDetail>((resolve) =>
      el.addEventListener('userpays-error', (e) => resolve(e.detail), { once: true }),
    );
    await el.generate().catch(() => {});
    return failed;
  };
  const statuses = (el: UserPaysImage) =>
    new LedgerStore({ storageKey: el.storageKey }).entries().map((entry) => entry.status);

  it('the key field says the key goes through the site’s relay, naming its host', async () => {
    const el = await relayed('pending=60', 'main');
    await el.updateComplete;
    const relayHost = new URL(el.relay).host;
    const said = [...el.shadowRoot!.querySelectorAll('p.muted')].map(words);
    expect(said).to.include(
      `Sent only to ${OTHER_HOST}, where you pay, through this site's relay at ${relayHost}; kept in this page unless you tick the box.`,
    );
  });

  it('with CORS refused everywhere: the image saved, the charge booked, the key only at BFL’s API host', async () => {
    const el = await relayed('pending=60', 'main');
    const result = await el.generate();
    expect(result.images[0].saved).to.equal(true);
    expect(result.images[0].url).to.match(/^blob:/);
    expect(result.charged).to.equal('0.014');
    expect(statuses(el)).to.deep.equal(['charged']);
    await el.updateComplete;
    expect(part(el, 'not-saved')).to.equal(null);
    const logged = (await simLog()).filter((entry) => entry.path.includes(`run=${el.storageKey}`));
    const delivery = (await simLog()).filter((entry) => entry.path.startsWith('/sim/delivery/'));
    // What the key has left is read once the key rests, with the key, at BFL's API host: it may fall among the polls.
    const balance = logged.filter((entry) => entry.path.endsWith('/v1/credits'));
    expect(balance.every((entry) => entry.host === OTHER_HOST && entry.method === 'GET')).to.equal(true);
    const ours = logged.filter((entry) => !balance.includes(entry));
    const [submit, ...rest] = ours;
    expect([submit.method, submit.host, submit.hasKey]).to.deep.equal(['POST', OTHER_HOST, true]);
    expect(rest.length, 'polls').to.be.greaterThan(0);
    expect(rest.every((entry) => !entry.hasKey && entry.path.includes('get_result'))).to.equal(true);
    const image = delivery.filter((entry) => entry.path.includes(submitId(rest)));
    expect(image.length, 'the image, fetched through the relay').to.equal(1);
    expect(image[0].hasKey).to.equal(false);
    // Every request came through the relay: none carries the page's Origin.
    expect([...ours, ...image].every((entry) => entry.origin == null)).to.equal(true);
  });

  it('a provider’s 402 comes through as insufficient-funds, nothing booked', async () => {
    const el = await relayed('fault=402', 'main');
    const error = await failureOf(el);
    expect(error.code).to.equal('insufficient-funds');
    expect(statuses(el)).to.deep.equal(['void']);
  });

  it('a relay that does not serve the provider’s host says so; nothing booked', async () => {
    const el = await widget('pending=60', { relay: await relayUrl('strict') }); // strict: 127.0.0.1 only
    el.endpoint = el.endpoint.replace('127.0.0.1', 'localhost');
    el.apiKey = `sim-cors-${el.storageKey}`;
    const error = await failureOf(el);
    expect(error.message).to.match(/^The site's relay refused to pass this request on \(.+\), so nothing was sent/);
    expect(statuses(el)).to.deep.equal(['void']);
  });

  it('a relay that does not serve this page’s origin: the error says so; nothing booked', async () => {
    const el = await relayed('pending=60', 'elsewhere');
    const error = await failureOf(el);
    expect(error.message).to.equal(
      "The site's relay did not answer this page (it may not list this site among its origins), so nothing was sent or charged.",
    );
    expect(statuses(el)).to.deep.equal(['void']);
  });
});

/** The BFL task id in the polls of a run (`get_result?id=…`). */
function submitId(polls: { path: string }[]) {
  return new URL(polls[0].path, location.origin).searchParams.get('id')!;
}

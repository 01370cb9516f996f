// Holds: src/elements/cost/parse-sizes.ts
// Holds: src/elements/shared/quote-controller.ts
// Holds: src/elements/shared/quote-view.ts
// Holds: src/elements/shared/events.ts
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/define.js';
import type { UserPaysCost } from '../../../src/elements/cost/userpays-cost.js';
import type { Quote } from '../../../src/base/types.js';
import { nextEvent } from '../../support/sim.js';
import { until } from '../../support/wait.js';
import { imageWidget } from '../../support/widget.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';
import { SeenBounds } from '../../../src/pricing/seen-bounds.js';

const text = (el: UserPaysCost) => el.shadowRoot!.querySelector('[part=cost]')!.textContent!.replace(/\s+/g, ' ');

describe('<userpays-cost>', () => {
  it('shows the exact BFL price with its breakdown and source', async () => {
    const el = await fixture<UserPaysCost>(html`<userpays-cost provider="bfl" locale="en-US"></userpays-cost>`);
    expect(el.quote?.total).to.equal('0.014');
    expect(text(el)).to.contain('$0.014');
    expect(text(el)).to.contain('1.4 credits');
    expect(text(el)).to.match(/as of \d{4}-\d{2}-\d{2}/);
    const region = el.shadowRoot!.querySelector('[part=cost]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
  });

  it('updates in the same update cycle when a size crosses one megapixel', async () => {
    const el = await fixture<UserPaysCost>(html`<userpays-cost provider="bfl" locale="en-US"></userpays-cost>`);
    el.setAttribute('height', '1040');
    await el.updateComplete;
    expect(el.quote?.total).to.equal('0.015');
    expect(text(el)).to.contain('$0.015');
  });

  it('fires userpays-quote once per change, not per re-render', async () => {
    const el = await fixture<UserPaysCost>(html`<userpays-cost provider="bfl"></userpays-cost>`);
    const seen: Quote[] = [];
    el.addEventListener('userpays-quote', (e) => seen.push(e.detail));
    el.count = 3;
    await el.updateComplete;
    el.locale = 'de-DE'; // re-render, same quote
    await el.updateComplete;
    expect(seen.map((q) => q.total)).to.deep.equal(['0.042']);
  });

  it('bills reference images given as WxH sizes', async () => {
    const el = await fixture<UserPaysCost>(
      html`<userpays-cost provider="bfl" model="flux-2-pro" inputs="1024x1024"></userpays-cost>`,
    );
    expect(el.quote?.total).to.equal('0.045');
    expect(el.quote?.inputMegapixels).to.equal(1);
  });

  it('explains a size the model cannot make beside its price, and the quote says it cannot be sent', async () => {
    const quoted = nextEvent<Quote>(document.body, 'userpays-quote');
    const el = await fixture<UserPaysCost>(html`<userpays-cost provider="bfl" width="1000"></userpays-cost>`);
    expect(el.quote?.total, 'still priced as billed').to.equal('0.014');
    expect(el.quote?.problem).to.equal('Width must be a multiple of 16 for FLUX.2 [klein] 4B — try 992 or 1008.');
    expect((await quoted).detail.problem, 'the event is never payable either').to.equal(el.quote?.problem);
    const error = el.shadowRoot!.querySelector('[part=error]')!;
    expect(error.textContent).to.contain(el.quote!.problem);
  });

  it('prices references as sent: a 6000×4000 photo on FLUX.2 [pro] at BFL is resized to 4 MP, $0.09', async () => {
    const el = await fixture<UserPaysCost>(
      html`<userpays-cost provider="bfl" model="flux-2-pro" inputs="6000x4000" locale="en-US"></userpays-cost>`,
    );
    expect(el.quote?.total).to.equal('0.09');
    expect(text(el)).to.contain('$0.09').and.contain('resized from 6000×4000');
  });

  it('refuses sizes it cannot read, in words', async () => {
    for (const inputs of ['1024x1024x5', '1024', 'axb', '1024x']) {
      const el = await fixture<UserPaysCost>(
        html`<userpays-cost provider="bfl" model="flux-2-pro" inputs=${inputs}></userpays-cost>`,
      );
      expect(el.quote, inputs).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent, inputs).to.match(
        /Reference image 1 has no usable size/,
      );
    }
  });

  it('prices FLUX.1 Fill without the image, saying to add it', async () => {
    const el = await fixture<UserPaysCost>(
      html`<userpays-cost provider="bfl" model="flux-pro-1.0-fill" locale="en-US"></userpays-cost>`,
    );
    expect(el.quote?.total).to.equal('0.05');
    expect(text(el)).to.contain('$0.05').and.contain('add the image to edit');
  });

  it('bubbles the quote event out of shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const quoted = nextEvent<Quote>(host, 'userpays-quote');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<userpays-cost provider="bfl" model="flux-kontext-max"></userpays-cost>';
    expect((await quoted).detail.total).to.equal('0.08');
  });

  it('is accessible', async () => {
    const el = await fixture<UserPaysCost>(html`<userpays-cost provider="bfl" count="2"></userpays-cost>`);
    await expect(el).to.be.accessible();
  });
});

describe('<userpays-cost provider="puter">', () => {
  it('prices Puter from the live catalogue of its endpoint, exactly as the widget does', async () => {
    const endpoint = `${location.origin}/sim/puter/s/scale=3`;
    const cost = await fixture<UserPaysCost>(
      html`<userpays-cost provider="puter" endpoint=${endpoint} model="flux-2-pro"></userpays-cost>`,
    );
    const widget = await imageWidget({ provider: 'puter', endpoint, model: 'flux-2-pro' });
    await until(() => cost.quote?.source.name === 'Puter live catalogue');
    await until(() => widget.quote?.source.name === 'Puter live catalogue');
    expect(cost.quote).to.deep.equal(widget.quote);
    expect(text(cost)).to.contain('Puter live catalogue');
  });
});

describe('<userpays-cost provider="puter"> without an endpoint', () => {
  it('asks Puter’s own API for its live prices (and keeps the bundled ones when it cannot be reached)', async () => {
    const asked: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(String(input));
      return realFetch(input, init);
    };
    try {
      const el = await fixture<UserPaysCost>(html`<userpays-cost provider="puter" model="flux-2-max"></userpays-cost>`);
      // Asked after the first paint, by the reader of Puter's prices, which may still be on its way.
      await until(() => asked.includes('https://api.puter.com/puterai/image/models/details'));
      expect(el.quote?.source.name).to.equal('Puter model catalogue (bundled)');
      // Megapixels of 10⁶ px read to two decimals; the price stays exact.
      expect(text(el)).to.contain('≈1.05 MP output').and.contain('≈1.05 megapixels').and.not.contain('1.048576');
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('<userpays-cost>: a bound raised by what a provider charged above it', () => {
  const storageKeys = storageKeysForgottenAfterEach();
  const at1K = { provider: 'google', model: 'gemini-nano-banana-2.1', quality: '1K', width: 1024, height: 1024 };
  /** A preview of Nano Banana 2.1 at 1K on Google, for a fox, of `storageKey`'s ledger (the default's where none). */
  const atMostPreview = (storageKey?: string) =>
    html`<userpays-cost
      provider="google"
      model="gemini-nano-banana-2.1"
      quality="1K"
      storage-key=${ifDefined(storageKey)}
      prompt="a fox"
      locale="en-US"
    ></userpays-cost>`;

  it('quotes its storage key’s bound, and again at once when a widget of the page or another tab raises it', async () => {
    const storageKey = storageKeys();
    new SeenBounds(storageKey).raise(at1K, '0.08');
    const el = await fixture<UserPaysCost>(atMostPreview(storageKey));
    expect(el.quote?.atMost).to.equal('0.08');
    expect(text(el)).to.contain('Charged here before for this model and size: up to $0.08 an image');
    // Google's prices are read after the first paint, and laid over with one update: past it, nothing else prices
    // the preview again but what is tested here.
    let updates = 0;
    el.addController({ hostUpdate: () => void updates++ });
    await until(() => updates > 0, 5_000, "Google's prices read");
    // A widget of this page was charged more: it says so with `userpays-bound`, and the preview follows.
    new SeenBounds(storageKey).raise(at1K, '0.09');
    document.body.dispatchEvent(new CustomEvent('userpays-bound', { bubbles: true, composed: true }));
    await until(() => el.quote?.atMost === '0.09', 2_000, 'the bound a widget of the page raised');
    // Another tab's raise arrives as a `storage` event (a frame of the same origin writes as a tab would).
    const frame = await fixture<HTMLIFrameElement>(html`<iframe src="about:blank"></iframe>`);
    new SeenBounds(storageKey, frame.contentWindow!.localStorage).raise(at1K, '0.1');
    await until(() => el.quote?.atMost === '0.1', 5_000, 'the bound another tab raised');
    // Another ledger's bounds are not this one's.
    const other = await fixture<UserPaysCost>(atMostPreview());
    expect(other.quote?.atMost).not.to.equal('0.1');
  });

  it('a raised bound is heard by every element of the key on the page; one taken off hears it once back', async () => {
    const storageKey = storageKeys();
    new SeenBounds(storageKey).raise(at1K, '0.08');
    const box = await fixture<HTMLDivElement>(
      html`<div>${atMostPreview(storageKey)}${atMostPreview(storageKey)}</div>`,
    );
    const [kept, taken] = [...box.querySelectorAll<UserPaysCost>('userpays-cost')] as [UserPaysCost, UserPaysCost];
    await Promise.all([kept.updateComplete, taken.updateComplete]);
    taken.remove();
    new SeenBounds(storageKey).raise(at1K, '0.09');
    document.body.dispatchEvent(new CustomEvent('userpays-bound', { bubbles: true, composed: true }));
    await until(() => kept.quote?.atMost === '0.09', 2_000, 'the element on the page');
    expect(taken.quote?.atMost, 'off the page: not told').to.equal('0.08');
    box.append(taken);
    new SeenBounds(storageKey).raise(at1K, '0.1');
    document.body.dispatchEvent(new CustomEvent('userpays-bound', { bubbles: true, composed: true }));
    await until(() => kept.quote?.atMost === '0.1' && taken.quote?.atMost === '0.1', 2_000, 'both, once back');
  });
});

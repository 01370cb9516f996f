// The widget as a place to decide what an image is worth: the request priced on every model and provider the
// page allows (`compare`, with prices in the model picker too), and what it means for the user's money
// (`projection`: 100 of these, per $1, what fits the budget, this month's pace from the ledger).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { cleanLocalStorage, image } from '../ledger/helpers.js';
import { controlledClock } from '../support/clock.js';
import { uniqueStorageKey } from '../support/sim.js';

const part = (el: UserPaysImage, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
const offers = (el: UserPaysImage) =>
  [...part(el, 'compare')!.querySelectorAll('li')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());

describe('<userpays-image>: compare and projection', () => {
  const time = controlledClock('2026-11-20T12:00:00');
  const keys: string[] = [];
  afterEach(() => keys.splice(0).forEach(cleanLocalStorage));

  async function widget(attributes: { provider?: string; providers?: string; budget?: string; width?: number } = {}) {
    const storageKey = uniqueStorageKey();
    keys.push(storageKey);
    const el = await fixture<UserPaysImage>(
      html`<userpays-image
        provider=${attributes.provider ?? 'bfl'}
        providers=${attributes.providers ?? ''}
        budget=${attributes.budget ?? ''}
        width=${attributes.width ?? 1024}
        height=${attributes.width ?? 1024}
        locale="en-US"
        storage-key=${storageKey}
      ></userpays-image>`,
    );
    await waitUntil(() => part(el, 'compare') && part(el, 'projection'), 'the panels load');
    return { el, ledger: new LedgerStore({ storageKey }) };
  }

  it('lists every model of the provider, cheapest first, marks the cheapest, and prices the model picker', async () => {
    const { el } = await widget();
    const rows = offers(el);
    expect(rows[0]).to.equal('FLUX.2 [klein] 4B · BFL $0.014 cheapest');
    expect(rows[1]).to.equal('FLUX.2 [klein] 9B · BFL $0.015');
    expect(rows.filter((row) => row.endsWith('cheapest'))).to.have.length(1);
    const totals = rows.map((row) => Number(row.match(/\$([\d.]+)/)?.[1]));
    expect(totals).to.deep.equal([...totals].sort((a, b) => a - b));
    expect(part(el, 'compare')!.querySelector('summary')!.textContent).to.contain('FLUX.2 [klein] 4B, $0.014');
    const options = [...(part(el, 'model') as HTMLSelectElement).options].map((o) => o.textContent!.trim());
    expect(options).to.include('FLUX.2 [klein] 4B — $0.014');
    expect(options).to.include('FLUX.2 [pro] — $0.03');
    await expect(el).to.be.accessible();
  });

  it('switches to the offer chosen, and re-prices everything', async () => {
    const { el } = await widget();
    part(el, 'compare')!.querySelector<HTMLButtonElement>('[data-model="flux-2-pro"]')!.click();
    await el.updateComplete;
    expect(el.model).to.equal('flux-2-pro');
    expect(el.quote!.total).to.equal('0.03');
    expect(part(el, 'compare')!.querySelector('[aria-pressed=true]')!.getAttribute('data-model')).to.equal(
      'flux-2-pro',
    );
  });

  it('lists models that cannot make the request last, disabled, with the reason', async () => {
    const { el } = await widget({ width: 2048 }); // FLUX1.1 [pro] stops at 1440 pixels a side
    const row = part(el, 'compare')!.querySelector<HTMLButtonElement>('[data-model="flux-pro-1.1"]')!;
    expect(row.disabled).to.equal(true);
    expect(row.closest('li')!.textContent).to.match(/1440/);
    const buttons = [...part(el, 'compare')!.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.findIndex((b) => b.disabled)).to.be.greaterThan(buttons.filter((b) => !b.disabled).length - 1);
  });

  it('compares across the providers the page allows, and switches provider with the offer', async () => {
    const { el } = await widget({ providers: 'fal' });
    const rows = offers(el);
    expect(rows.some((row) => row.includes('· fal'))).to.equal(true);
    expect(rows.some((row) => row.includes('· BFL'))).to.equal(true);
    part(el, 'compare')!.querySelector<HTMLButtonElement>('[data-provider="fal"][data-model="flux-2-pro"]')!.click();
    await el.updateComplete;
    expect([el.provider, el.model]).to.deep.equal(['fal', 'flux-2-pro']);
    expect(el.shadowRoot!.querySelector('label[for=key]')!.textContent).to.contain('fal');
  });

  it('projects 100 of these, per $1 and what fits the budget left', async () => {
    const { el } = await widget({ budget: '1.00' });
    expect(part(el, 'projection')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '100 of these: $1.40 · 71 per $1 · 71 more before your budget runs out',
    );
  });

  it("projects this month's pace from the ledger, and follows new spending", async () => {
    const { el, ledger } = await widget();
    expect(part(el, 'projection')!.textContent).not.to.contain('this month');
    time.set('2026-11-02T10:00:00');
    ledger.settle(ledger.open({ ...image, quoted: '0.3' }).id, { charged: '0.3' });
    time.set('2026-11-20T12:00:00');
    ledger.settle(ledger.open({ ...image, quoted: '0.3' }).id, { charged: '0.3' });
    await el.updateComplete;
    // $0.60 over the 20 days gone of a 30-day month.
    await waitUntil(() => part(el, 'projection')!.textContent!.includes('$0.90'), 'the pace follows the ledger');
    expect(part(el, 'projection')!.textContent).to.contain('At your pace, this month comes to about $0.90.');
  });
});

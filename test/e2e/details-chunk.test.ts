// The price details (the breakdown, the projection, the comparison of every offer) are a part of their own,
// `elements/image/details/panel/index`, loaded when the user opens them or points at their summary: a page loads it
// with no user action nowhere. On the built files, in a page of
// their own, so that what it loaded is its own.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { builtPage, partsLoaded } from '../support/built.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';

describe('the price details’ part (the built files)', function () {
  this.timeout(20_000);

  it('is not loaded until the price details are opened; opening them loads and draws them', async () => {
    const { frame, view } = await builtPage();
    try {
      await view.customElements.whenDefined('userpays-image');
      const el = view.document.createElement('userpays-image') as UserPaysImage;
      el.setAttribute('provider', 'bfl');
      el.setAttribute('endpoint', bflEndpoint());
      el.setAttribute('storage-key', uniqueStorageKey());
      view.document.body.append(el);
      await el.updateComplete;
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('[part~=more]'), 'the panels');
      await new Promise((resolve) => view.setTimeout(resolve, 300));
      expect(partsLoaded(view)).to.not.include('elements/image/details/panel/index');
      expect(root.querySelector('[part~=compare]')).to.equal(null);
      root.querySelector<HTMLElement>('details.details > summary')!.click();
      await waitUntil(() => root.querySelector('[part~=compare]'), 'the price details');
      expect(partsLoaded(view)).to.include('elements/image/details/panel/index');
    } finally {
      frame.remove();
    }
  });
});

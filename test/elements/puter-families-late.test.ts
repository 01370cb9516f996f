// Puter's live catalogue read before the other families loaded (a page that shows FLUX first): once a family model is
// asked for, its price is the live catalogue's too, not the bundled copy's. On a page of its own: nothing here loads the
// families before the catalogue is read.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysCost } from '../../src/elements/cost/userpays-cost.js';
import { familiesInFor } from '../../src/pricing/models.js';
import { unique } from '../support/sim.js';
import { until } from '../support/wait.js';

describe('<userpays-cost provider="puter">, a family asked for after the live catalogue came', () => {
  it('prices the family from the live catalogue, read again for it', async () => {
    const endpoint = `${location.origin}/sim/puter/s/scale=2;run=${unique()}`;
    const el = await fixture<UserPaysCost>(
      html`<userpays-cost provider="puter" endpoint=${endpoint} model="flux-2-pro"></userpays-cost>`,
    );
    await until(() => el.quote?.source.name === 'Puter live catalogue');
    expect(familiesInFor()).to.equal(false);
    el.model = 'imagen-4';
    await until(() => el.quote?.source.name === 'Puter live catalogue' && el.quote.model === 'imagen-4');
    expect(el.quote!.total).to.equal('0.08'); // the simulator's costs doubled (scale=2); bundled, $0.04
  });
});

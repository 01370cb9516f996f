// Puter's live catalogue prices the families besides FLUX as well as FLUX: a family model is priced at the catalogue's
// cost once it is read, not at the bundled copy's.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysCost } from '../../../src/elements/cost/userpays-cost.js';
import { unique } from '../../support/sim.js';
import { until } from '../../support/wait.js';

describe('<userpays-cost provider="puter">, a family model', () => {
  it('is priced at the bundled cost at once, then at the live catalogue’s', async () => {
    const endpoint = `${location.origin}/sim/puter/s/scale=2;run=${unique()}`;
    const el = await fixture<UserPaysCost>(
      html`<userpays-cost provider="puter" endpoint=${endpoint} model="seedream-4.5"></userpays-cost>`,
    );
    expect(el.quote).to.include({ total: '0.04' }); // bundled
    await until(() => el.quote?.source.name === 'Puter live catalogue');
    expect(el.quote!.total).to.equal('0.08'); // the simulator's costs doubled (scale=2)
    el.model = 'flux-2-pro';
    await until(() => el.quote?.model === 'flux-2-pro');
    expect(el.quote!.source.name).to.equal('Puter live catalogue');
  });
});

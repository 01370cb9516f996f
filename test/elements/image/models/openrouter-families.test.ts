// What a new user read for OpenRouter: "Signed in to OpenRouter, GPT Image 2 at high 1024² is asked pinned to one endpoint
// without fallbacks and its `usage.cost` booked exactly" — the widget over the simulator (demo/sim/openrouter.mjs),
// with the key a sign-in gives (a sign-in itself: accounts/sign-in.test.ts). Its own file: once the families load, they stay.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import { decision, imageWidget, panelsLoaded } from '../../../support/widget.js';
import { GPT_IMAGE_2_AT_OPENROUTER, simCharged, simEndpoint, submissionsOf, unique } from '../../../support/sim.js';

/**
 * A widget on OpenRouter's simulator under `scenario`, signed in with `apiKey`: GPT Image 2 at high 1024², once it is
 * priced from OpenRouter's live endpoints.
 */
async function gptImage2High(scenario: string, apiKey: string) {
  const el = await imageWidget(
    {
      provider: 'openrouter',
      endpoint: simEndpoint('openrouter', scenario),
      model: 'gpt-image-2',
      quality: 'high',
      width: '1024',
      height: '1024',
      prompt: 'a lighthouse at dawn',
    },
    { apiKey },
  );
  await waitUntil(() => el.quote?.source.name.endsWith('(live)'), 'priced from the live endpoints', {
    timeout: 10_000,
  });
  return el;
}

describe('the widget signed in to OpenRouter, on a model of the other families', function () {
  this.timeout(30_000);

  it('GPT Image 2 at high 1024²: priced from OpenRouter’s live lines with "at most", asked pinned, usage.cost booked', async () => {
    const run = unique('or-widget');
    const apiKey = unique('sk-or-v1-sim');
    const el = await gptImage2High(`run=${run}`, apiKey);
    await panelsLoaded(el); // the bound's words are the panels'
    expect(decision(el).price).to.equal('at most $0.211');
    expect(decision(el).buys).to.match(/^about \$0\.211 · /);
    expect(el.quote).to.include({ total: '0.210745', atMost: '0.21082' });
    await el.generate();
    const [sent] = await submissionsOf('openrouter', run);
    expect(sent.asked).to.deep.include(GPT_IMAGE_2_AT_OPENROUTER);
    const charged = await simCharged('openrouter', apiKey);
    expect(charged).to.equal('0.210745');
    expect(el.tally).to.include({ spent: charged, images: 1 });
  });

  it('a reply lost after the request went through (a bare 502): booked as may-have-charged at the bound, never as nothing', async () => {
    const apiKey = unique('sk-or-v1-sim');
    const el = await gptImage2High(`run=${unique('or-lost')};fault=502-bare`, apiKey);
    await el.generate().catch(() => undefined);
    expect(await simCharged('openrouter', apiKey)).to.equal('0.210745');
    expect(el.tally).to.include({ spent: '0', uncertain: '0.21082' });
  });
});

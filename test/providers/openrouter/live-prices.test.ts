// OpenRouter's live prices from the endpoint records it serves: its recorded records (test/recorded/openrouter/,
// replayed as recorded by the test server's /replay/openrouter/) and the simulator that serves the same records
// (demo/sim/openrouter-families.mjs). A Gemini image is pinned, tier by tier, to the endpoint that serves it by the tag
// the record gives, priced from whichever lines that endpoint has (image lines alone: no text line), and booked at the
// reply's `usage.cost`; a tier no endpoint serves is refused before anything is sent.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { generate } from '../../../src/api.js';
import type { UserPaysError } from '../../../src/base/errors.js';
import type { PriceEntry } from '../../../src/pricing/index.js';
import { liveFamilies, readEndpoints } from '../../../src/providers/openrouter/live-prices.js';
import { pinnedTo, simCharged, simEndpoint, submissionsOf, unique } from '../../support/sim.js';
import { storageKeysForgottenAfterEach } from '../../support/storage.js';

const PROMPT = 'a lighthouse at dawn'; // 20 bytes: 5 tokens expected
const replayed = () => `${location.origin}/replay/openrouter/${unique()}`;
const tokenRates = (entry: PriceEntry) => (entry.rule.kind === 'tokens' ? entry.rule.rates : undefined);
const qualitiesOf = (entry: PriceEntry) => ('qualities' in entry.rule ? entry.rule.qualities : undefined);

describe('OpenRouter’s recorded endpoint records, read', () => {
  it('each endpoint in OpenRouter’s order, by the tag it gives, with its resolutions and its lines as written', async () => {
    const pro = await readEndpoints(replayed(), 'google/gemini-3-pro-image');
    expect(pro.url).to.match(/\/api\/v1\/images\/models\/google\/gemini-3-pro-image\/endpoints$/);
    expect(pro.endpoints.map((each) => [each.tag, each.resolutions, each.references])).to.deep.equal([
      ['google-vertex/global', ['1K', '2K'], 14],
      ['google-ai-studio/global', ['1K', '2K', '4K'], 14],
    ]);
    expect(pro.endpoints[1].lines).to.deep.equal([
      { billable: 'input_image', unit: 'token', usd: '0.000002' },
      { billable: 'output_image', unit: 'token', usd: '0.00012' },
    ]);
    const lite = await readEndpoints(replayed(), 'google/gemini-3.1-flash-lite-image');
    expect(lite.endpoints.map((each) => [each.tag, each.resolutions])).to.deep.equal([
      ['google-vertex/global', ['1K']],
      ['google-ai-studio', ['1K']],
    ]);
    expect(lite.endpoints[0].lines).to.deep.equal([{ billable: 'output_image', unit: 'token', usd: '0.00003' }]);
    const missing = await readEndpoints(replayed(), 'google/gemini-9-image').catch((thrown: Error) => thrown);
    expect(missing).to.be.instanceOf(Error);
  });

  it('through the fetch and the signal a caller gives (a one-off check of an account)', async () => {
    const asked: string[] = [];
    const fetcher: typeof fetch = (url, init) => {
      asked.push(String(url));
      return fetch(url, init);
    };
    const base = replayed();
    const gpt = await readEndpoints(base, 'openai/gpt-image-2', fetcher);
    expect(asked).to.deep.equal([`${base}/api/v1/images/models/openai/gpt-image-2/endpoints`]);
    expect(gpt.endpoints.map((each) => [each.tag, each.qualities])).to.deep.equal([
      ['openai', ['auto', 'low', 'medium', 'high']],
    ]);
    const stopped = new AbortController();
    stopped.abort();
    const aborted = await readEndpoints(base, 'openai/gpt-image-2', fetch, stopped.signal).catch((thrown) => thrown);
    expect(aborted.name).to.equal('AbortError');
  });

  it('price Gemini from image lines alone, each tier pinned to the first endpoint that serves it, text at the maker’s rate', async () => {
    const live = (await liveFamilies(replayed()))!;
    const pro = live.prices['gemini-3-pro-image'].openrouter!;
    expect(pro.source.name).to.equal('OpenRouter image endpoints (live)');
    expect(qualitiesOf(pro)).to.deep.equal(['1K', '2K', '4K']);
    expect([pro.via, pro.viaByQuality]).to.deep.equal([
      'google-vertex/global',
      { '1K': 'google-vertex/global', '2K': 'google-vertex/global', '4K': 'google-ai-studio/global' },
    ]);
    // The lines' $2 and $120 per million; no line prices text: Google's $2 and $12, as bundled (families.ts).
    expect(tokenRates(pro)).to.deep.equal({ textIn: '2', imageIn: '2', imageOut: '120', textOut: '12' });
    expect(pro.exact).to.equal(false);
    expect(pro.references?.max).to.equal(14);
    const lite = live.prices['gemini-3.1-flash-lite-image'].openrouter!;
    expect([qualitiesOf(lite), lite.via, lite.viaByQuality]).to.deep.equal([['1K'], 'google-vertex/global', undefined]);
    expect(tokenRates(lite)).to.deep.equal({ textIn: '0.25', imageIn: '0.25', imageOut: '30', textOut: '1.50' });
    // No line bills an image sent there: it takes none, and edits nothing.
    expect([lite.references?.max, lite.edits]).to.deep.equal([0, []]);
  });
});

describe('a Gemini image at OpenRouter, pinned and priced from the records (simulator)', function () {
  this.timeout(30_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  /** One image of `model` at `quality`, as a page asks for it; what was sent, and what the simulator charged. */
  async function image(model: string, quality: string, scenario = '') {
    const run = unique('or-pin');
    const apiKey = unique('sk-or-pin');
    const endpoint = simEndpoint('openrouter', `run=${run}${scenario}`);
    const result = await generate(
      { provider: 'openrouter', model, prompt: PROMPT, quality },
      { apiKey, storageKey: newStorageKey(), endpoint },
    ).catch((thrown: UserPaysError) => thrown);
    const sent: any[] = await submissionsOf('openrouter', run);
    return { result, sent, charged: await simCharged('openrouter', apiKey) };
  }

  const cases: [quality: string, tag: string, total: string][] = [
    // 1,120 image tokens at $120 per million and the prompt's 5 at $2; 4K's 2,000.
    ['1K', 'google-vertex/global', '0.13441'],
    ['2K', 'google-vertex/global', '0.13441'],
    ['4K', 'google-ai-studio/global', '0.24001'],
  ];
  for (const [quality, tag, total] of cases) {
    it(`Gemini 3 Pro Image at ${quality}: pinned to ${tag}, its recorded tag, and usage.cost booked`, async () => {
      const { result, sent, charged } = await image('gemini-3-pro-image', quality);
      if (result instanceof Error) throw result;
      expect(result.quote.source.name).to.equal('OpenRouter image endpoints (live)');
      expect([result.quote.total, result.quote.exact]).to.deep.equal([total, false]);
      const generation = sent.filter((entry) => entry.path.endsWith('/api/v1/images'));
      expect(generation).to.have.length(1);
      expect(generation[0].asked).to.deep.include({
        model: 'google/gemini-3-pro-image',
        resolution: quality,
        ...pinnedTo(tag),
      });
      expect(result.charged).to.equal(charged);
      expect(new Decimal(charged).gt(0)).to.equal(true);
      expect(new Decimal(charged).lte(result.quote.atMost!)).to.equal(true);
    });
  }

  it('Gemini 3.1 Flash Lite Image: 1K at its first endpoint; 2K, which no endpoint serves, refused before anything is sent', async () => {
    const made = await image('gemini-3.1-flash-lite-image', '1K');
    if (made.result instanceof Error) throw made.result;
    // 1,120 image tokens at the one line, $30 per million; the prompt at Google's $0.25.
    expect(made.result.quote.total).to.equal('0.03360125');
    const [generation] = made.sent.filter((entry) => entry.path.endsWith('/api/v1/images'));
    expect(generation.asked).to.deep.include({ resolution: '1K', ...pinnedTo('google-vertex/global') });
    expect(made.result.charged).to.equal(made.charged);
    const refused = await image('gemini-3.1-flash-lite-image', '2K');
    expect((refused.result as UserPaysError).code).to.equal('invalid-input');
    expect((refused.result as UserPaysError).message).to.contain('not "2K"');
    expect(refused.sent.filter((entry) => entry.path.endsWith('/api/v1/images'))).to.deep.equal([]);
    expect(refused.charged).to.equal('0');
  });

  it('a tier served only at an endpoint of other lines is not offered, rather than quoted at the wrong line', async () => {
    // AI Studio, 3 Pro's only endpoint of 4K, at $150 per million image tokens; Vertex at its recorded $120.
    const refused = await image('gemini-3-pro-image', '4K', ';proaistudio=0.00015');
    expect((refused.result as UserPaysError).code).to.equal('invalid-input');
    expect(refused.sent.filter((entry) => entry.path.endsWith('/api/v1/images'))).to.deep.equal([]);
    const made = await image('gemini-3-pro-image', '2K', ';proaistudio=0.00015');
    if (made.result instanceof Error) throw made.result;
    expect(made.result.quote.total).to.equal('0.13441');
    const [generation] = made.sent.filter((entry) => entry.path.endsWith('/api/v1/images'));
    expect(generation.asked).to.deep.include(pinnedTo('google-vertex/global'));
  });

  it('where the records cannot be read, the bundled pins, each a tag a record shows, are served', async () => {
    const pro = await image('gemini-3-pro-image', '4K', ';endpoints=down');
    if (pro.result instanceof Error) throw pro.result;
    expect(pro.result.quote.source.name).to.equal('OpenRouter image endpoints (bundled)');
    const [proSent] = pro.sent.filter((entry) => entry.path.endsWith('/api/v1/images'));
    expect(proSent.asked).to.deep.include(pinnedTo('google-ai-studio/global'));
    const lite = await image('gemini-3.1-flash-lite-image', '1K', ';endpoints=down');
    if (lite.result instanceof Error) throw lite.result;
    const [liteSent] = lite.sent.filter((entry) => entry.path.endsWith('/api/v1/images'));
    expect(liteSent.asked).to.deep.include(pinnedTo('google-ai-studio'));
    expect(lite.result.charged).to.equal(lite.charged);
  });
});

describe('the OpenRouter simulator refuses a pin its records do not serve', () => {
  const ask = async (body: object) => {
    const apiKey = unique('sk-or-wrong');
    const response = await fetch(`${simEndpoint('openrouter', `run=${unique()}`)}/api/v1/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: PROMPT, n: 1, model: 'google/gemini-3-pro-image', aspect_ratio: '1:1', ...body }),
    });
    return [response.status, await simCharged('openrouter', apiKey)];
  };

  it('a tag the record does not give (a bare google-ai-studio), or an endpoint without the resolution: nothing charged', async () => {
    expect(await ask({ resolution: '1K', ...pinnedTo('google-ai-studio') })).to.deep.equal([404, '0']);
    expect(await ask({ resolution: '4K', ...pinnedTo('google-vertex/global') })).to.deep.equal([400, '0']);
    const [status, charged] = await ask({ resolution: '4K', ...pinnedTo('google-ai-studio/global') });
    expect(status).to.equal(200);
    expect(new Decimal(charged).gt(0)).to.equal(true);
  });
});

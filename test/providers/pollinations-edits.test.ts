// Instruction edits at Pollinations (SPEC §13), against its simulator over loopback: the image edited goes to
// `POST /v1/images/edits` as `image: [{image_url}]`, a data URI (the `image=` of `GET /image/…` takes http(s)
// addresses only: edit-request.ts says why), priced from Pollinations' list (each model's images sent, its cap of them)
// and booked as any image there is: the quote where the price is exact, the bound where it is in tokens and nothing
// reports the charge. What the route would refuse is refused before anything is sent, and the simulator refuses it.
// Holds: src/providers/pollinations/edit-request.ts
// Holds: src/providers/pollinations/edit-prices.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { generate as userPaysGenerate } from '../../src/api.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { provider } from '../../src/providers/pollinations/adapter.js';
import { livePrices } from '../../src/providers/pollinations/live-prices.js';
import { pngBlob, referenceImage } from '../support/images.js';
import { pageFetch, simCharged, simEndpoint, simLogOf, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

const PROMPT = 'make the sky purple';

describe('instruction edits at Pollinations (simulator)', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();
  before(() => loadEdits());

  /** An instruction edit of a `width`×`height` image by `model`, as a page asks for it, with a pasted key. */
  async function edit(model: string, more: Record<string, unknown> = {}, width = 1024, height = 1024) {
    const run = unique('pol-edit');
    const apiKey = unique('sk_sim');
    const result = await userPaysGenerate(
      {
        provider: 'pollinations',
        model,
        prompt: PROMPT,
        ...more,
        edit: { image: await pngBlob(width, height), kind: 'instruction' },
      },
      { apiKey, storageKey: newStorageKey(), endpoint: simEndpoint('pollinations', `run=${run}`) },
    );
    const [sent] = (await simLogOf('pollinations', run)).filter((entry) => entry.method === 'POST') as any[];
    return { result, sent, charged: await simCharged('pollinations', apiKey) };
  }

  it('GPT Image 2: the image to /v1/images/edits as a data URI, its tokens a bound, the bound booked as uncertain', async () => {
    const { result, sent, charged } = await edit('gpt-image-2', { quality: 'medium' });
    expect(sent.path).to.match(/\/v1\/images\/edits$/);
    expect(sent.asked).to.deep.include({ route: 'edits', model: 'gpt-image-2', images: [[1024, 1024]] });
    // At the list's image-in rate (6 pollen per million): about 1,536 tokens, at most 4,096.
    const line = result.quote.lines.find((each) => each.label.startsWith('The image to edit'))!;
    expect(line).to.deep.include({ amount: '0.009216', atMost: '0.024576' });
    // Nothing reports the charge to a pasted key: the most it can have been is booked, as a bound.
    expect(result.images[0].receipt).to.deep.include({ basis: 'bound', charged: result.quote.atMost });
    expect(new Decimal(charged).lte(result.quote.atMost!)).to.equal(true);
    expect(new Decimal(charged).gte(new Decimal(line.amount))).to.equal(true);
  });

  it('Grok Imagine: its image sent at the list’s price per input image, exactly', async () => {
    const { result, sent, charged } = await edit('grok-imagine');
    expect(sent.asked).to.deep.include({ model: 'grok-imagine', images: [[1024, 1024]] });
    expect(result.quote).to.include({ total: '0.022', exact: true });
    expect([result.charged, charged]).to.deep.equal(['0.022', '0.022']);
  });

  it('Qwen-Image: an edit at its edit price, exactly; FLUX.2 [klein] 4B: the image sent free', async () => {
    const qwen = await edit('qwen-image');
    expect(qwen.result.quote).to.include({ total: '0.03', exact: true });
    expect([qwen.result.charged, qwen.charged]).to.deep.equal(['0.03', '0.03']);
    const klein = await edit('flux-2-klein-4b', {}, 640, 480);
    expect(klein.sent.asked).to.deep.include({ model: 'klein', images: [[640, 480]] });
    expect([klein.result.quote.total, klein.result.charged, klein.charged]).to.deep.equal(['0.005', '0.005', '0.005']);
  });

  it('prompt enhancement, which the edit route does not do, or a mask, is refused in words before anything is sent', async () => {
    const run = unique('pol-enhance');
    const ask = (more: object) =>
      provider
        .generate(
          {
            model: 'flux-2-klein-4b',
            prompt: PROMPT,
            width: 512,
            height: 512,
            wiring: { model: 'klein' },
            inputs: [referenceImage(64, 64)],
            edit: { kind: 'instruction' },
            ...more,
          },
          {
            endpoint: simEndpoint('pollinations', `run=${run}`),
            apiKey: unique('sk_sim'),
            signal: new AbortController().signal,
          },
        )
        .then(
          () => expect.fail('refused'),
          (error: UserPaysError) => error,
        );
    const enhanced = await ask({ settings: { enhancePrompt: true } });
    expect([enhanced.code, enhanced.message]).to.deep.equal([
      'invalid-input',
      'Pollinations does not enhance the prompt of an image it is sent to edit: turn prompt enhancement off to send it.',
    ]);
    const masked = await ask({ edit: { kind: 'mask', mask: referenceImage(64, 64) } });
    expect(masked.code).to.equal('invalid-input');
    expect(await simLogOf('pollinations', run)).to.deep.equal([]);
  });

  it('reads each model’s cap of images and what they cost from the live list', async () => {
    const live = (await livePrices(simEndpoint('pollinations', `run=${unique()}`)))!;
    const at = (model: string) => live.prices[model].pollinations!;
    expect(at('grok-imagine')).to.deep.include({ inputPrice: { per: 'image', usd: '0.002' } });
    expect(at('grok-imagine').references?.max).to.equal(1);
    // Qwen-Image's `edit` cost variant, 0.03, over its 0.025 from text: once, whatever the images.
    expect(at('qwen-image')).to.deep.include({ inputPrice: { per: 'request', usd: '0.005' } });
    expect(at('flux-2-klein-4b').references?.max).to.equal(10);
    // FLUX.1 [schnell] takes text alone: no image, no edit.
    expect(at('flux-1-schnell')).to.deep.include({ edits: [] });
    expect(at('flux-1-schnell').references?.max).to.equal(0);
  });
});

describe('the Pollinations simulator’s edit route', () => {
  const post = async (body: object) => {
    const key = unique('sk_sim');
    const response = await pageFetch(`${simEndpoint('pollinations', `run=${unique()}`)}/v1/images/edits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: PROMPT, size: '512x512', ...body }),
    });
    return { status: response.status, reply: await response.json(), charged: await simCharged('pollinations', key) };
  };
  const image = (url = referenceImage(64, 64).dataUrl) => ({ image_url: url });

  it('makes the image and says its usage, the images’ tokens among them', async () => {
    const made = await post({ model: 'gpt-image-2', image: [image(), image()] });
    expect(made.status).to.equal(200);
    expect(made.reply.data[0].b64_json).to.match(/^iVBOR/);
    expect(made.reply.usage.input_tokens_details.image_tokens).to.equal(2 * 1536);
  });

  it('refuses more images than the model takes, images to a model of text alone, and an address it would fetch, charging nothing', async () => {
    for (const [body, said] of [
      [{ model: 'grok-imagine', image: [image(), image()] }, 'takes at most 1 images'],
      [{ model: 'flux', image: [image()] }, 'takes at most 0 images'],
      [{ model: 'klein', image: [image('https://example.com/a.png')] }, 'base64 data URI'],
    ] as const) {
      const refused = await post(body);
      expect([refused.status, refused.charged]).to.deep.equal([400, '0']);
      expect(JSON.stringify(refused.reply.error)).to.contain(said);
    }
  });
});

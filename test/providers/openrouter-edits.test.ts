// Instruction edits at OpenRouter (SPEC §13): the image edited goes as `input_references: [{type: 'image_url',
// image_url: {url}}]`, a data URL, on `POST /api/v1/images`, to the models whose endpoint lists a line that bills it,
// priced by that line (per token as a bound; FLUX.2 per input megapixel) and booked at `usage.cost`; against the
// simulator over loopback, and OpenRouter's own recorded endpoint records (test/recorded/openrouter/) replayed.
// Holds: src/providers/openrouter/edit-prices.ts
// Holds: src/providers/openrouter/live-prices.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { generate as userPaysGenerate } from '../../src/api.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { mergePriceBook, priceOf } from '../../src/pricing/index.js';
import { loadEdits } from '../../src/providers/registry/edits-loader.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { OpenRouterProvider } from '../../src/providers/openrouter/adapter.js';
import { liveFamilies } from '../../src/providers/openrouter/live-prices.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import { pngBlob, referenceImage } from '../support/images.js';
import { pageFetch, pinnedTo, simCharged, simEndpoint, submissionsOf, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

const PROMPT = 'make the sky purple';
const IMAGE = { width: 1024, height: 1024 };

describe('instruction edits at OpenRouter (simulator)', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();
  before(() => loadEdits());

  /** An instruction edit of a `width`×`height` image by `model`, as a page asks for it, with a key of its own. */
  async function edit(model: string, more: Record<string, unknown> = {}, size = IMAGE) {
    const run = unique('or-edit');
    const apiKey = unique('sk-or-edit');
    const result = await userPaysGenerate(
      {
        provider: 'openrouter',
        model,
        prompt: PROMPT,
        ...more,
        edit: { image: await pngBlob(size.width, size.height), kind: 'instruction' },
      },
      { apiKey, storageKey: newStorageKey(), endpoint: simEndpoint('openrouter', `run=${run}`) },
    );
    const [sent] = await submissionsOf('openrouter', run);
    return { result, sent: sent as any, charged: await simCharged('openrouter', apiKey) };
  }

  it('GPT Image 2: the image in input_references as a data URL, priced by its endpoint’s input_image line, usage.cost booked', async () => {
    const { result, sent, charged } = await edit('gpt-image-2', { quality: 'low' });
    expect(sent.path).to.match(/\/api\/v1\/images$/);
    expect(sent.asked).to.deep.include({
      route: 'images',
      model: 'openai/gpt-image-2',
      references: 1,
      ...pinnedTo('openai'),
    });
    // The simulator takes only base64 data URLs of images, and measured it.
    expect(sent.inputs).to.deep.equal([[1024, 1024]]);
    const line = result.quote.lines.find((each) => each.label.startsWith('The image to edit'))!;
    // The endpoint's input_image line, $8 per million: about 1,536 tokens, at most 4,096.
    expect(line).to.deep.include({ amount: '0.012288', atMost: '0.032768' });
    expect(result.charged).to.equal(charged);
    expect(new Decimal(charged).lte(result.quote.atMost!)).to.equal(true);
    expect(result.images[0].receipt).to.deep.include({ charged });
  });

  it('Nano Banana Pro: 560 tokens an image at its line, within the bound, booked as reported', async () => {
    const { result, sent, charged } = await edit('gemini-3-pro-image', { quality: '1K' });
    expect(sent.asked).to.deep.include({ model: 'google/gemini-3-pro-image', references: 1 });
    const line = result.quote.lines.find((each) => each.label.startsWith('The image to edit'))!;
    expect(line).to.deep.include({ amount: '0.00112', atMost: '0.00224' });
    expect(result.charged).to.equal(charged);
    expect(new Decimal(charged).lte(result.quote.atMost!)).to.equal(true);
  });

  it('FLUX.2 [pro]: the image edited billed per input megapixel, as its model page prices it', async () => {
    const { result, sent, charged } = await edit('flux-2-pro');
    expect(sent.inputs).to.deep.equal([[1024, 1024]]);
    // $0.03 the first megapixel made, $0.015 the one sent.
    expect(result.quote.total).to.equal('0.045');
    expect([result.charged, charged]).to.deep.equal(['0.045', '0.045']);
  });

  it('a mask, which no request of OpenRouter’s carries, is refused before anything is sent', async () => {
    const run = unique('or-mask');
    const error = await new OpenRouterProvider()
      .generate(
        {
          model: 'gpt-image-2',
          prompt: PROMPT,
          width: 1024,
          height: 1024,
          quality: 'low',
          wiring: { model: 'openai/gpt-image-2', via: 'openai' },
          inputs: [referenceImage(64, 64)],
          edit: { kind: 'mask', mask: referenceImage(64, 64) },
        },
        {
          endpoint: simEndpoint('openrouter', `run=${run}`),
          apiKey: 'sk-or-mask',
          signal: new AbortController().signal,
        },
      )
      .then(
        () => expect.fail('refused'),
        (thrown: UserPaysError) => thrown,
      );
    expect(error.code).to.equal('invalid-input');
    expect(await submissionsOf('openrouter', run)).to.deep.equal([]);
  });

  it('the simulator takes as many images as the endpoint does, and none where it takes none, charging nothing then', async () => {
    const ask = async (body: object, count: number) => {
      const apiKey = unique('sk-or-refs');
      const image = { type: 'image_url', image_url: { url: referenceImage(64, 64).dataUrl } };
      const response = await pageFetch(`${simEndpoint('openrouter', `run=${unique()}`)}/api/v1/images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: PROMPT, ...body, input_references: Array(count).fill(image) }),
      });
      const reply = await response.json();
      return { status: response.status, reply, charged: await simCharged('openrouter', apiKey) };
    };
    const lite = { model: 'google/gemini-3.1-flash-lite-image', aspect_ratio: '1:1', resolution: '1K' };
    const none = await ask({ ...lite, ...pinnedTo('google-ai-studio') }, 1);
    expect([none.status, none.charged]).to.deep.equal([400, '0']);
    expect(none.reply.error.message).to.contain('takes no input_references');
    const gpt = { model: 'openai/gpt-image-2', size: '1024x1024', quality: 'low', ...pinnedTo('openai') };
    const two = await ask(gpt, 2);
    expect(two.status).to.equal(200);
    // Two 64² images, 1,536 tokens each, counted in the prompt's tokens and billed at the input_image line.
    expect(two.reply.usage.prompt_tokens).to.equal(5 + 2 * 1536);
    expect(two.charged).to.equal(String(two.reply.usage.cost));
    const many = await ask(gpt, 17);
    expect([many.status, many.charged]).to.deep.equal([400, '0']);
    expect(many.reply.error.message).to.contain('at most 16');
  });
});

describe('OpenRouter’s recorded endpoint records, read by the live reader', () => {
  before(() => loadEdits());

  it('a model whose pinned endpoint bills the image sent takes as many as it says, priced by the line; one that bills none takes none', async () => {
    const live = (await liveFamilies(`${location.origin}/replay/openrouter/${unique()}`))!;
    const book = mergePriceBook(BUILTIN_PRICE_BOOK, live.prices);
    const gpt = live.prices['gpt-image-2'].openrouter!;
    expect(gpt.references?.max).to.equal(16);
    expect(gpt.rule.kind === 'tokens' && gpt.rule.rates.imageIn).to.equal('8');
    const editOf = (model: string, more = {}) =>
      priceOf(
        { provider: 'openrouter', model, prompt: PROMPT, inputs: [IMAGE], edit: { kind: 'instruction' }, ...more },
        book,
        undefined,
        EDITS,
      );
    expect(editOf('gpt-image-2', { quality: 'low' }).problem).to.equal('');
    // Seedream 4.5's record lists no line for an image sent: it takes none here, and edits nothing.
    expect(live.prices['seedream-4.5'].openrouter).to.deep.include({ edits: [] });
    expect(live.prices['seedream-4.5'].openrouter!.references?.max).to.equal(0);
    expect(editOf('seedream-4.5').problem).to.equal(
      'This provider takes no reference images. Remove them and try again.',
    );
    // Gemini 3 Pro Image's records have no text line, and still price it: the image sent at their $2 per million,
    // as many as 14 (both endpoints take 14).
    const pro = live.prices['gemini-3-pro-image'].openrouter!;
    expect([pro.references?.max, pro.rule.kind === 'tokens' && pro.rule.rates.imageIn]).to.deep.equal([14, '2']);
    expect(editOf('gemini-3-pro-image', { quality: '1K' }).quote?.source.name).to.equal(
      'OpenRouter image endpoints (live)',
    );
    // Gemini 3.1 Flash Lite Image's record takes 14 images and lists no line that bills them: it takes none here.
    expect(live.prices['gemini-3.1-flash-lite-image'].openrouter!.references?.max).to.equal(0);
  });
});
